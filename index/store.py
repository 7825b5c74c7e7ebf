"""The Chroma store: sentence units with their vectors, and one record per article.

Embedded persistent client under ISNAD_HOME by default, a Chroma server when a URL is given.
Each write of articles is one *version* (index/rows.py): its units are written first, then its
records, so an article appears whole or not at all (a unit without a record of its version
belongs to an interrupted write and is never read). Readers take each article's newest record and
the units of that version. After writing, a writer deletes older versions of its articles, and
removes its own version if another writer (another process or machine) wrote a newer one
meanwhile: however writers interleave, each article ends up once, whole, the newest version.
Deleting rows older than an existing record never hurts a reader, since readers only take the
newest record, and its writer has written all its units before it. Writes from one process are
also serialised (one lock per store).
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
from index.models import Chunk, DocInfo
from index.rows import (
    VERSION,
    Prepared,
    best_cosine,
    chunk_id_of,
    doc_filter,
    new_version,
    newest,
    pages,
    parse_units,
    record_id,
    record_meta,
    record_of,
)

CHUNKER_VERSION = "sent-v8"  # bump when segmentation, attribution or the row format change


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
    """Units, article records and a write log in three Chroma collections named after the
    settings hash."""

    def __init__(
        self, home: Path, url: str | None, embeddings: IsnadEmbeddings, max_chunk_chars: int,
        write_rows: int = 2000,
    ) -> None:  # fmt: skip
        self.home, self.url, self.embeddings = home, url, embeddings
        self.suffix = collection_suffix(embeddings.spec, max_chunk_chars)
        self.write_rows = write_rows
        self.logged = 0  # entries this object added to the write log (see `changes`)
        self._lock = threading.Lock()
        self._write = threading.RLock()
        self._cols: tuple[Any, Any, Any] | None = None

    @property
    def where(self) -> str:
        """Where the index lives, for messages."""
        return self.url or str(self.home / "chroma")

    def _collections(self) -> tuple[Any, Any, Any]:
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
                    log = client.get_or_create_collection(f"isnad_log_{self.suffix}")
                    self.write_rows = max(1, min(self.write_rows, client.get_max_batch_size()))
                except Exception as exc:
                    raise self._error(exc, f"Chroma at {self.where}: {first_line(exc)}") from exc
                self._cols = (units, docs, log)
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
    def _records(self, where: dict[str, Any] | None, include: list[str]) -> dict[str, Any]:
        _, docs, _ = self._collections()
        return dict(self._call(docs.get, where=where, include=include))

    def versions(
        self, doc_ids: list[str] | None = None, untidy: list[str] | None = None
    ) -> dict[str, dict[str, Any]]:
        """doc_id -> metadata of its newest record (every article, or the given ones); articles
        that also have older records (an interrupted write) are added to `untidy`."""
        if doc_ids is None:
            return newest(self._records(None, ["metadatas"])["metadatas"] or [], untidy)
        out: dict[str, dict[str, Any]] = {}
        for page in pages(sorted(set(doc_ids))):
            out |= newest(self._records(doc_filter(page), ["metadatas"])["metadatas"] or [], untidy)
        return out

    def empty(self) -> bool:
        """Whether no article was ever written here (one count, not a read of every record)."""
        _, docs, _ = self._collections()
        return int(self._call(docs.count)) == 0

    def docs(self) -> list[DocInfo]:
        """Every fully indexed article."""
        return sorted((record_of(m) for m in self.versions().values()), key=lambda d: d.doc_id)

    def doc(self, doc_id: str) -> DocInfo | None:
        """One article's record, or None."""
        meta = self.versions([doc_id]).get(doc_id)
        return record_of(meta) if meta else None

    def source_text(self, doc_id: str) -> str:
        """The exact text an article's offsets point into."""
        got = self._records({"doc_id": doc_id}, ["metadatas", "documents"])
        rows = [(m[VERSION], d) for m, d in zip(got["metadatas"] or [], got["documents"] or [],
                                                 strict=True) if m]  # fmt: skip
        if not rows:
            raise UnknownDocument(f"unknown document {doc_id!r} (see `isnad docs`)")
        return str(max(rows, key=lambda r: r[0])[1])

    def put(self, info: DocInfo, source_text: str, chunks: list[Chunk]) -> None:
        """Replace an article (embedded here); see `write` for the order of the writes."""
        self.write([Prepared.of(info, source_text, chunks, self.embeddings)])

    def write(self, items: list[Prepared]) -> tuple[int, list[str]]:
        """Write articles as one new version: all their units, then their records (each article
        appears whole here), then drop older versions. Returns the version and the doc ids that
        a newer version, written meanwhile by another writer, superseded (ours is dropped)."""
        if not items:
            return 0, []
        units, docs, log = self._collections()
        v = new_version()
        ids = [it.info.doc_id for it in items]
        rows = [r for it in items for r in it.rows(v)]
        vectors = np.concatenate([it.vectors for it in items])
        with self._write:
            for s in range(0, len(rows), self.write_rows):
                part = rows[s : s + self.write_rows]
                self._call(
                    units.add, ids=[r[0] for r in part], metadatas=[r[1] for r in part],
                    embeddings=vectors[s : s + len(part)],
                )  # fmt: skip
            self._call(
                docs.add, ids=[record_id(i, v) for i in ids],
                documents=[it.source_text for it in items],
                embeddings=np.ones((len(items), vectors.shape[1]), np.float32),
                metadatas=[record_meta(it.info, v) for it in items],
            )  # fmt: skip
            self._drop(ids, {VERSION: {"$lt": v}})
            newer = self._records(doc_filter(ids, {VERSION: {"$gt": v}}), ["metadatas"])
            lost = sorted({m["doc_id"] for m in newer["metadatas"] or [] if m})
            if lost:
                self._drop(lost, {VERSION: v})
            self._log(log, f"write@{v:x}")
        return v, lost

    def _log(self, log: Any, entry: str) -> None:
        self._call(log.add, ids=[entry], embeddings=[[1.0]])
        self.logged += 1

    def _drop(self, doc_ids: list[str], extra: dict[str, Any] | None = None) -> None:
        """Delete rows of these articles (those matching `extra`): units first, then records,
        so a record left by an interruption is only ever one whose units are gone *and* that a
        newer record outranks, or one `tidy` removes."""
        units, docs, _ = self._collections()
        for page in pages(doc_ids):
            self._call(units.delete, where=doc_filter(page, extra))
            self._call(docs.delete, where=doc_filter(page, extra))

    def tidy(self, versions: dict[str, dict[str, Any]], doc_ids: Iterable[str]) -> None:
        """Delete what older versions of these articles left behind (an interrupted write)."""
        for d in doc_ids:
            self._drop([d], {VERSION: {"$lt": versions[d][VERSION]}})

    def remove(self, doc_id: str) -> int:
        """Remove an article and every unit of it; returns the number of units removed."""
        units, _, log = self._collections()
        with self._write:
            current = self.doc(doc_id)
            if current is None and not self._call(units.get, where={"doc_id": doc_id}, limit=1,
                                                  include=[])["ids"]:  # fmt: skip
                raise UnknownDocument(f"unknown document {doc_id!r} (see `isnad docs`)")
            self._drop([doc_id])
            self._log(log, f"remove@{new_version():x}")
            return current.units if current else 0

    def changes(self) -> int:
        """How many writes and removals this store has seen (any process): a cheap way for a
        long-lived reader to notice that another writer changed the index."""
        _, _, log = self._collections()
        return int(self._call(log.count))

    # ---- chunks -------------------------------------------------------------------------
    def chunks(self) -> list[Chunk]:
        """Every chunk of every fully indexed article, in document order."""
        return [c for c, _ in self.chunks_and_tokens()]

    def chunks_and_tokens(
        self, versions: dict[str, dict[str, Any]] | None = None
    ) -> list[tuple[Chunk, list[str] | None]]:
        """Every chunk (of the given articles' versions, else of all) with its search tokens."""
        return [(c, t.split()) for c, t in self.units(versions)]

    def units(self, versions: dict[str, dict[str, Any]] | None = None) -> list[tuple[Chunk, str]]:
        """Every chunk (of the given articles' versions, else of all) with its search tokens
        as stored (one space-joined string), in document order."""
        units, _, _ = self._collections()
        live = {
            d: m[VERSION] for d, m in (self.versions() if versions is None else versions).items()
        }
        out: list[tuple[Chunk, str]] = []
        # Read by pages of articles (not by offset, which a concurrent deletion would shift),
        # each page parsed before the next is read: the raw rows never all sit in memory.
        for page in pages(sorted(live)):
            got = self._call(units.get, where=doc_filter(page), include=["metadatas"])
            out += parse_units([
                (m["doc_id"], m["chunk"], str(m.get("tokens", "")))
                for m in got["metadatas"] or []
                if m and "chunk" in m and live.get(m["doc_id"]) == m[VERSION]
            ])  # fmt: skip
        return sorted(out, key=lambda p: (p[0].doc_id, p[0].index))

    def dense(
        self, vector: np.ndarray, k: int, doc_ids: Iterable[str] | None = None
    ) -> dict[str, float]:
        """chunk_id -> best cosine similarity of the unit or its translation."""
        units, _, _ = self._collections()
        ids = list(doc_ids) if doc_ids is not None else None
        where = (
            None
            if ids is None
            else ({"doc_id": ids[0]} if len(ids) == 1 else {"doc_id": {"$in": ids}})
        )
        # No count() first: Chroma returns fewer rows when it holds fewer (and count() took
        # 18 ms of a 40 ms query at 287k units in the embedded store).
        got = self._call(
            units.query, query_embeddings=[vector], n_results=k * 2, where=where,
            include=["distances"],
        )  # fmt: skip
        out: dict[str, float] = {}
        # Row ids name their chunk ("doc:0007@v", its translation "doc:0007#t@v"): no metadata
        # read. A row of an older or unfinished version names a chunk id the lexical index
        # resolves to the live chunk (or drops).
        for rid, dist in zip(got["ids"][0], got["distances"][0], strict=True):
            cid, sim = chunk_id_of(rid), 1.0 - float(dist)
            out[cid] = max(sim, out.get(cid, -1.0))
        return out

    def doc_dense(self, vector: np.ndarray, doc_id: str) -> dict[str, float]:
        """chunk_id -> best cosine similarity, for every unit of one article, from its stored
        vectors (exact: an approximate search filtered to one article may miss units)."""
        units, _, _ = self._collections()
        meta = self.versions([doc_id]).get(doc_id)
        where = {"$and": [{"doc_id": doc_id}, {VERSION: meta[VERSION] if meta else -1}]}
        got = self._call(units.get, where=where, include=["embeddings"])
        return best_cosine(got["ids"], got["embeddings"], vector)
