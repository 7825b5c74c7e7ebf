"""How chunks and article records are laid out as Chroma rows (the store's on-disk format).

Every write of an article is one *version*: a number unique to that write, ordered by the wall
clock of the writer. Row ids carry it (``doc:0007@<version>``, its translation
``doc:0007#t@<version>``, the record ``doc@<version>``), so two writers of the same article, in
one process or on two machines, never overwrite each other's rows: readers take each article's
newest record and only the units of that version, and writers delete older versions after
writing theirs (see ``index.store``).

A unit's fields travel as one JSON string (plus ``doc_id`` and ``version`` for filtering): Chroma
keeps one sqlite row per metadata key, so one key instead of fifteen makes reading the whole
index ~10x faster (the lexical index is built from it), and writes cheaper.
"""

from __future__ import annotations

import secrets
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from index.models import Chunk, DocInfo

VERSION = "version"  # metadata key of the write a row belongs to
PAGE = 500  # doc ids per `$in` filter


def new_version() -> int:
    """A version number: microseconds of the wall clock, then three random digits (so two writers
    in the same microsecond still differ); fits Chroma's 64-bit integers."""
    return time.time_ns() // 1000 * 1000 + secrets.randbelow(1000)


def unit_id(chunk_id: str, version: int, translation: bool = False) -> str:
    """The row id of a unit (or of its translation) in one version."""
    return f"{chunk_id}{'#t' if translation else ''}@{version:x}"


def record_id(doc_id: str, version: int) -> str:
    """The row id of an article's record in one version."""
    return f"{doc_id}@{version:x}"


def chunk_id_of(row_id: str) -> str:
    """The chunk id a unit row stands for (doc ids never hold '#' or '@')."""
    return row_id.split("@", 1)[0].split("#", 1)[0]


def best_cosine(row_ids: list[str], vectors: Any, query: np.ndarray) -> dict[str, float]:
    """chunk_id -> the best cosine similarity of its rows (the unit or its translation)."""
    rows = np.asarray(vectors, dtype=np.float32)
    if not len(rows):
        return {}
    q = np.asarray(query, dtype=np.float32)
    norms = np.linalg.norm(rows, axis=1) * (float(np.linalg.norm(q)) or 1.0)
    sims = rows @ q / np.where(norms == 0, 1.0, norms)
    out: dict[str, float] = {}
    for rid, sim in zip(row_ids, sims.tolist(), strict=True):
        cid = chunk_id_of(rid)
        out[cid] = max(float(sim), out.get(cid, -1.0))
    return out


def doc_filter(ids: list[str], extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """A Chroma `where` for the rows of these articles (and `extra`, e.g. a version range)."""
    where: dict[str, Any] = {"doc_id": {"$in": ids}}
    return {"$and": [where, extra]} if extra else where


def pages(ids: list[str]) -> Iterator[list[str]]:
    """Doc ids in pages small enough for one filter."""
    for i in range(0, len(ids), PAGE):
        yield ids[i : i + PAGE]


def chunk_json(c: Chunk) -> str:
    """A chunk as stored: JSON without the fields at their defaults."""
    return c.model_dump_json(exclude_defaults=True)


def unit_meta(c: Chunk, version: int, toks: list[str] | None) -> dict[str, Any]:
    """Metadata of a unit row; a translation row (toks None) only says whose and which version."""
    meta: dict[str, Any] = {"doc_id": c.doc_id, VERSION: version}
    if toks is not None:
        # The search tokens are stored once, so building the lexical index never re-stems.
        # Fields at their defaults are left out: read back, they share the default objects
        # (a chunk then takes ~800 bytes of memory instead of ~2,300; 287k of them at 10,000
        # articles).
        meta["chunk"], meta["tokens"] = chunk_json(c), " ".join(toks)
    return meta


# Fields whose few values repeat over every chunk of an article (or of the index).
_REPEATED = ("doc_id", "lang", "speaker", "role", "translation_speaker")
# Shared by every stored chunk: which fields a parse saw is never asked of a chunk, and pydantic
# keeps one set per instance (~700 bytes, a third of a chunk's memory; 200 MB at 287k units).
# Frozen, so that assigning to a stored chunk's field fails loudly instead of sharing the change.
_NO_FIELDS_SET: frozenset[str] = frozenset()


def stored_chunk(text: str) -> Chunk:
    """A chunk parsed from its stored JSON, kept small in memory: repeated values interned, one
    shared fields-set (the lexical index holds every unit of the index this way)."""
    c = Chunk.model_validate_json(text)
    d = c.__dict__
    for name in _REPEATED:
        if isinstance(d[name], str):
            d[name] = sys.intern(d[name])
    object.__setattr__(c, "__pydantic_fields_set__", _NO_FIELDS_SET)
    return c


def parse_units(rows: list[tuple[str, str, str]]) -> list[tuple[Chunk, str]]:
    """(chunk, tokens) of stored unit rows (doc_id, chunk JSON, tokens), in document order."""
    out = [(stored_chunk(c), t) for _, c, t in rows]
    return sorted(out, key=lambda p: (p[0].doc_id, p[0].index))


def record_meta(info: DocInfo, version: int) -> dict[str, Any]:
    """Metadata of an article record."""
    return {"doc_id": info.doc_id, VERSION: version, "info": info.model_dump_json()}


def record_of(meta: dict[str, Any]) -> DocInfo:
    """The DocInfo of a record row."""
    return DocInfo.model_validate_json(meta["info"])


def newest(
    metas: list[dict[str, Any] | None], untidy: list[str] | None = None
) -> dict[str, dict[str, Any]]:
    """doc_id -> the metadata of its newest record (rows deleted mid-read come back empty);
    articles with more than one record are added to `untidy`."""
    best: dict[str, dict[str, Any]] = {}
    for m in metas:
        if m and "info" in m:
            cur = best.get(m["doc_id"])
            if cur is not None and untidy is not None:
                untidy.append(m["doc_id"])
            if cur is None or m[VERSION] > cur[VERSION]:
                best[m["doc_id"]] = m
    return best


class _Encoder(Protocol):
    def encode_documents(self, texts: list[str]) -> np.ndarray: ...


@dataclass
class Prepared:
    """An article ready to write: its record, text, chunks, their search tokens and (once
    embedded) one vector per text of `texts()`. Small and picklable: ingest workers send it."""

    info: DocInfo
    source_text: str
    chunks: list[Chunk]
    tokens: list[list[str]]
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 1), np.float32))

    @classmethod
    def of(
        cls, info: DocInfo, source_text: str, chunks: list[Chunk], embedder: _Encoder | None = None
    ) -> Prepared:
        """Search tokens made (and, given an embedder, the vectors)."""
        from index.lexical import searchable_text  # scipy: only when articles are written
        from index.normalize import tokens

        toks = [tokens(searchable_text(c)) for c in chunks]
        item = cls(info, source_text, chunks, toks)
        if embedder is not None:
            item.vectors = embedder.encode_documents(item.texts())
        return item

    def texts(self) -> list[str]:
        """What is embedded: every chunk's text, then every translation."""
        return [c.text for c in self.chunks] + [c.translation for c in self.chunks if c.translation]

    def rows(self, version: int) -> list[tuple[str, dict[str, Any]]]:
        """(row id, metadata) of every unit row, in the order of `texts()`."""
        out = [
            (unit_id(c.chunk_id, version), unit_meta(c, version, t))
            for c, t in zip(self.chunks, self.tokens, strict=True)
        ]
        out += [
            (unit_id(c.chunk_id, version, True), unit_meta(c, version, None))
            for c in self.chunks
            if c.translation
        ]
        return out
