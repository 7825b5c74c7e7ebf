"""Hybrid retrieval: dense (Chroma) and lexical (BM25 over normalised text), fused by rank.

The lexical index is built once per process (from a local snapshot, index/snapshot.py, plus the
articles that changed since, or from the store), then kept up to date: this process's own writes
are added to it as they are made (`apply`), and writes by other processes or machines are noticed
from the store's write log (`Store.changes`, checked at most every `refresh_s` seconds) and
fetched article by article; nothing is rebuilt after an ingest.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from index import snapshot
from index.lexical import LexicalIndex
from index.models import Chunk
from index.normalize import tokens
from index.rows import VERSION, Prepared, chunk_json
from index.snapshot import Unit
from index.store import Store


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with the scores that ranked it."""

    chunk: Chunk
    fused: float
    dense: float
    lexical: float


@dataclass(frozen=True)
class FusionSettings:
    """How many candidates each ranking gives and how they are fused."""

    top_k: int = 8
    dense_k: int = 20
    rrf_k: int = 60
    dense_weight: float = 1.0
    lexical_weight: float = 1.0


class HybridRetriever:
    """Dense and BM25 rankings over the store, fused by reciprocal rank.

    ``index.langchain.IsnadRetriever`` wraps it as a LangChain retriever for Python callers.
    """

    def __init__(
        self, store: Store, fusion: FusionSettings | None = None, refresh_s: float = 2.0,
        snapshot: Path | None = None, snapshot_stale: float = 0.1,
    ) -> None:  # fmt: skip
        self.store = store
        self.fusion = fusion or FusionSettings()
        self.refresh_s = refresh_s
        self.snapshot, self.snapshot_stale = snapshot, snapshot_stale
        self._lexical: LexicalIndex | None = None
        self._versions: dict[str, int] = {}  # doc_id -> version the lexical index holds
        self._seen = (0, 0)  # (store.changes(), store.logged) when last in step with the store
        self._checked = 0.0
        self._lock = threading.Lock()

    def invalidate(self) -> None:
        """Forget the lexical index (it is built again from the store on next use)."""
        with self._lock:
            self._lexical = None

    @property
    def lexical(self) -> LexicalIndex:
        """The BM25 index: built from the store on first use, then kept up to date."""
        with self._lock:
            if self._lexical is None:
                seen = (self.store.changes(), self.store.logged)  # before reading: no gap
                pairs = self._units(self.store.versions())
                self._lexical = LexicalIndex([c for c, _ in pairs], [t for _, t in pairs])
                self._seen, self._checked = seen, time.monotonic()
            elif time.monotonic() - self._checked >= self.refresh_s:
                self._lexical = self._catch_up(self._lexical)
            return self._lexical

    def _units(self, live: dict[str, dict[str, Any]]) -> list[Unit]:
        """Every live unit: from the local snapshot where its article's version is unchanged,
        from the store otherwise, in document order; the snapshot is rewritten when it lacked
        more than `snapshot_stale` of them (lock held)."""
        self._versions = versions = {d: m[VERSION] for d, m in live.items()}
        old = snapshot.read(self.snapshot, versions) if self.snapshot else None
        held, units = old if old else (set(), [])
        fetched = self.store.units({d: m for d, m in live.items() if d not in held})
        units += fetched
        if self.snapshot and (old is None or len(fetched) > self.snapshot_stale * len(units)):
            rows = ((c.doc_id, chunk_json(c), t) for c, t in units)
            snapshot.write(self.snapshot, versions, rows)
        units.sort(key=lambda p: (p[0].doc_id, p[0].index))
        return units

    def _catch_up(self, lex: LexicalIndex) -> LexicalIndex:
        """The index with what other writers changed since it was last in step (lock held)."""
        self._checked = time.monotonic()
        changes, logged = self.store.changes(), self.store.logged
        if changes - self._seen[0] == logged - self._seen[1]:  # only our own writes since
            self._seen = (changes, logged)
            return lex
        live = self.store.versions()
        stale = [
            d for d in self._versions if d not in live or live[d][VERSION] != self._versions[d]
        ]
        fresh = {d: m for d, m in live.items() if self._versions.get(d) != m[VERSION]}
        pairs = self.store.units(fresh) if fresh else []
        lex = lex.updated([c for c, _ in pairs], [t for _, t in pairs], stale)
        for d in stale:
            self._versions.pop(d, None)
        self._versions |= {d: m[VERSION] for d, m in fresh.items()}
        self._seen = (changes, logged)
        return lex

    def apply(self, written: Iterable[Prepared], version: int, removed: Iterable[str] = ()) -> None:
        """Add this process's own writes to the lexical index (when it is built): `written`
        articles stored as `version`, `removed` articles gone."""
        with self._lock:
            if self._lexical is None:
                return
            items = list(written)
            ids = {it.info.doc_id for it in items}
            gone = [d for d in (*removed, *ids) if d in self._versions]
            self._lexical = self._lexical.updated(
                [c for it in items for c in it.chunks], [t for it in items for t in it.tokens], gone
            )
            for d in gone:
                self._versions.pop(d, None)
            self._versions |= dict.fromkeys(ids, version)

    def hits(
        self, query: str, doc_ids: list[str] | None = None, query_tokens: list[str] | None = None
    ) -> list[Hit]:
        """The top chunks for a query, with dense, lexical and fused scores."""
        f = self.fusion
        lex = self.lexical
        dense = self.store.dense(self.store.embeddings.encode_query(query), f.dense_k, doc_ids)
        bm25 = lex.scores(query_tokens if query_tokens is not None else tokens(query))
        # Only the best dense_k can rank: select them without touching every matching chunk.
        top = np.flatnonzero(bm25 > 0) if doc_ids is None else lex.rows(doc_ids)
        top = top[bm25[top] > 0]
        if len(top) > f.dense_k:
            # Every unit scoring at least the dense_k-th best: ties at the cut are all kept and
            # ordered by chunk id below, so the result never depends on insertion order.
            kth = np.partition(bm25[top], len(top) - f.dense_k)[len(top) - f.dense_k]
            top = top[bm25[top] >= kth]
        lexical = {lex.chunks[i].chunk_id: float(bm25[i]) for i in top}
        fused: dict[str, float] = {}
        for weight, ranking in ((f.dense_weight, dense), (f.lexical_weight, lexical)):
            ordered = sorted(ranking, key=lambda cid: (-ranking[cid], cid))[: f.dense_k]
            for rank, cid in enumerate(ordered):
                fused[cid] = fused.get(cid, 0.0) + weight / (f.rrf_k + rank + 1)
        # A dense row of an unfinished or superseded write may name a chunk the index lacks.
        known = [cid for cid in fused if cid in lex.by_id]
        best = sorted(known, key=lambda cid: (-fused[cid], cid))[: f.top_k]
        return [
            Hit(lex.by_id[cid], fused[cid], dense.get(cid, 0.0), lexical.get(cid, 0.0))
            for cid in best
        ]
