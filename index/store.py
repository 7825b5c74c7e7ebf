"""The Chroma store: sentence units with their vectors, and one record per article.

Embedded persistent client under ISNAD_HOME by default, a Chroma server when a URL is given.
An article's record is written after all its units, so a unit whose article has no record
belongs to an interrupted ingest: readers ignore it and the next ingest of that id replaces it.
Replacing an article drops its record first, then its units. Writes from one process are
serialised (one lock per store), so two threads indexing the same id cannot interleave units.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from index.embeddings import IsnadEmbeddings
from index.errors import BadInput, StoreError, UnknownDocument
from index.lexical import searchable_text
from index.models import Chunk, DocInfo
from index.normalize import tokens

CHUNKER_VERSION = "sent-v7"  # bump when segmentation, attribution or stored fields change
_BATCH = 256


def collection_suffix(embedder: str, max_chunk_chars: int) -> str:
    """Short hash of what shapes the stored vectors, so other settings never reuse an index."""
    key = json.dumps([embedder, CHUNKER_VERSION, max_chunk_chars])
    return hashlib.sha256(key.encode()).hexdigest()[:12]


def rebuild_hint(home: Path) -> str:
    """The commands that rebuild the embedded index at home from the article files."""
    return f"rebuild it with: rm -rf {home / 'chroma'} && isnad --index {home} ingest FILE..."


_CORRUPT = ("malformed", "not a database", "corrupt", "no such table", "no such column")


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message, for one-line errors."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]


class Store:
    """Units and article records in two Chroma collections named after the settings hash."""

    def __init__(
        self, home: Path, url: str | None, embeddings: IsnadEmbeddings, max_chunk_chars: int
    ) -> None:
        self.home, self.url, self.embeddings = home, url, embeddings
        self.suffix = collection_suffix(embeddings.spec, max_chunk_chars)
        self._lock = threading.Lock()
        self._write = threading.RLock()
        self._cols: tuple[Any, Any] | None = None

    @property
    def where(self) -> str:
        """Where the index lives, for messages."""
        return self.url or str(self.home / "chroma")

    def _collections(self) -> tuple[Any, Any]:
        with self._lock:
            if self._cols is None:
                from index.chroma import ChromaAdapter, open_client

                ef = ChromaAdapter(self.embeddings.spec, self.embeddings.threads)
                client = open_client(self.home, self.url)
                try:
                    units = client.get_or_create_collection(
                        f"isnad_units_{self.suffix}",
                        embedding_function=ef,
                        configuration={"hnsw": {"space": "cosine"}},
                        metadata={"embedder": self.embeddings.spec, "chunker": CHUNKER_VERSION},
                    )
                    docs = client.get_or_create_collection(
                        f"isnad_docs_{self.suffix}", embedding_function=ef
                    )
                except Exception as exc:
                    raise self._error(exc, f"Chroma at {self.where}: {first_line(exc)}") from exc
                self._cols = (units, docs)
            return self._cols

    def _call(self, fn: Any, *args: Any, **kw: Any) -> Any:
        try:
            return fn(*args, **kw)
        except (BadInput, StoreError):
            raise
        except Exception as exc:  # network/sqlite failures: name the store, keep one line
            raise self._error(exc, f"Chroma at {self.where} failed: {first_line(exc)}") from exc

    def _error(self, exc: Exception, message: str) -> StoreError:
        """A StoreError; for a damaged embedded index, with the commands that rebuild it."""
        if self.url is None and any(k in str(exc).lower() for k in _CORRUPT):
            message = f"{message}; {rebuild_hint(self.home)}"
        return StoreError(message)

    # ---- articles ---------------------------------------------------------------------
    def docs(self) -> list[DocInfo]:
        """Every fully indexed article."""
        _, docs = self._collections()
        got = self._call(docs.get, include=["metadatas"])
        # A record deleted while the read runs comes back without metadata: skip it.
        infos = [DocInfo.model_validate(m) for m in got["metadatas"] or [] if m]
        return sorted(infos, key=lambda d: d.doc_id)

    def doc(self, doc_id: str) -> DocInfo | None:
        """One article's record, or None."""
        _, docs = self._collections()
        got = self._call(docs.get, ids=[doc_id], include=["metadatas"])
        meta = got["metadatas"][0] if got["ids"] and got["metadatas"] else None
        return DocInfo.model_validate(meta) if meta else None

    def source_text(self, doc_id: str) -> str:
        """The exact text an article's offsets point into."""
        _, docs = self._collections()
        got = self._call(docs.get, ids=[doc_id], include=["documents"])
        if not got["ids"]:
            raise UnknownDocument(f"unknown document {doc_id!r} (see `isnad docs`)")
        return str(got["documents"][0])

    def put(self, info: DocInfo, source_text: str, chunks: list[Chunk]) -> None:
        """Replace an article: vectors first, then drop its record and old units, add the new
        units and write the record last (an interrupted put leaves it absent, never partial)."""
        toks = {c.chunk_id: tokens(searchable_text(c)) for c in chunks}
        rows = [(c.chunk_id, c.text, c) for c in chunks]
        rows += [(f"{c.chunk_id}#t", c.translation, c) for c in chunks if c.translation]
        parts = [rows[i : i + _BATCH] for i in range(0, len(rows), _BATCH)]
        vectors = [self.embeddings.encode_documents([t for _, t, _ in part]) for part in parts]
        units, docs = self._collections()
        with self._write:
            self._call(docs.delete, ids=[info.doc_id])
            self._call(units.delete, where={"doc_id": info.doc_id})
            for part, vecs in zip(parts, vectors, strict=True):
                self._call(
                    units.upsert,
                    ids=[rid for rid, _, _ in part],
                    documents=[text for _, text, _ in part],
                    embeddings=vecs,
                    metadatas=[_unit_meta(c, rid, toks[c.chunk_id]) for rid, _, c in part],
                )
            meta = {k: v for k, v in info.model_dump().items() if v is not None}
            dim = vectors[0].shape[1] if vectors else 1
            self._call(
                docs.upsert, ids=[info.doc_id], documents=[source_text],
                embeddings=[np.ones(dim, np.float32)], metadatas=[meta],
            )  # fmt: skip

    def remove(self, doc_id: str) -> int:
        """Remove an article and every unit of it; returns the number of units removed."""
        units, docs = self._collections()
        with self._write:
            if self.doc(doc_id) is None and not self._unit_ids(doc_id):
                raise UnknownDocument(f"unknown document {doc_id!r} (see `isnad docs`)")
            n = len(self._unit_ids(doc_id))
            self._call(docs.delete, ids=[doc_id])
            self._call(units.delete, where={"doc_id": doc_id})
            return n

    def _unit_ids(self, doc_id: str) -> list[str]:
        units, _ = self._collections()
        return list(self._call(units.get, where={"doc_id": doc_id}, include=[])["ids"])

    # ---- chunks -------------------------------------------------------------------------
    def chunks(self) -> list[Chunk]:
        """Every chunk of every fully indexed article, in document order."""
        return [c for c, _ in self.chunks_and_tokens()]

    def chunks_and_tokens(self) -> list[tuple[Chunk, list[str] | None]]:
        """Every chunk with the search tokens stored at ingest (None for an older index)."""
        units, _ = self._collections()
        live = {d.doc_id for d in self.docs()}
        got = self._call(units.get, include=["metadatas"])
        out = [
            (_chunk(m), m["tokens"].split() if isinstance(m.get("tokens"), str) else None)
            for rid, m in zip(got["ids"], got["metadatas"] or [], strict=True)
            if m and "#" not in rid and m["doc_id"] in live
        ]
        return sorted(out, key=lambda p: (p[0].doc_id, p[0].index))

    def dense(
        self, vector: np.ndarray, k: int, doc_ids: Iterable[str] | None = None
    ) -> dict[str, float]:
        """chunk_id -> best cosine similarity of the unit or its translation."""
        units, _ = self._collections()
        ids = list(doc_ids) if doc_ids is not None else None
        where = (
            None
            if ids is None
            else ({"doc_id": ids[0]} if len(ids) == 1 else {"doc_id": {"$in": ids}})
        )
        count = self._call(units.count)
        if count == 0:
            return {}
        got = self._call(
            units.query, query_embeddings=[vector], n_results=min(k * 2, count),
            where=where, include=["distances"],
        )  # fmt: skip
        out: dict[str, float] = {}
        # Row ids are chunk ids ("doc:0007", its translation "doc:0007#t"): no metadata needed.
        for rid, dist in zip(got["ids"][0], got["distances"][0], strict=True):
            cid, sim = rid.split("#", 1)[0], 1.0 - float(dist)
            out[cid] = max(sim, out.get(cid, -1.0))
        return out


def _unit_meta(c: Chunk, rid: str, toks: list[str]) -> dict[str, Any]:
    meta = c.model_dump(exclude={"text", "translation", "cue", "source"})
    meta["text"] = c.text
    meta["translation"] = c.translation or ""
    # Chroma metadata holds scalars only: spans as "start,end".
    for name in ("cue", "source"):
        span = getattr(c, name)
        if span is not None:
            meta[name] = f"{span[0]},{span[1]}"
    if rid.endswith("#t"):
        meta["variant"] = "translation"
    else:
        # Stored once, so that building the lexical index never re-stems the corpus.
        meta["variant"], meta["tokens"] = "original", " ".join(toks)
    return {k: v for k, v in meta.items() if v is not None}


def _chunk(meta: dict[str, Any]) -> Chunk:
    fields = {k: v for k, v in meta.items() if k in Chunk.model_fields}
    fields["translation"] = fields.get("translation") or None
    for name in ("cue", "source"):
        if isinstance(fields.get(name), str):
            a, b = fields[name].split(",")
            fields[name] = (int(a), int(b))
    return Chunk.model_validate(fields)
