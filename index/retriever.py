"""Hybrid retrieval: dense (Chroma) and lexical (BM25 over normalised text), fused by rank."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np

from index.lexical import LexicalIndex
from index.models import Chunk
from index.normalize import tokens
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

    def __init__(self, store: Store, fusion: FusionSettings | None = None) -> None:
        self.store = store
        self.fusion = fusion or FusionSettings()
        self._lexical: LexicalIndex | None = None
        self._lock = threading.Lock()

    def invalidate(self) -> None:
        """Forget the lexical index (after ingest or removal)."""
        with self._lock:
            self._lexical = None

    @property
    def lexical(self) -> LexicalIndex:
        """The BM25 index, built from the store on first use."""
        with self._lock:
            if self._lexical is None:
                pairs = self.store.chunks_and_tokens()
                self._lexical = LexicalIndex([c for c, _ in pairs], [t for _, t in pairs])
            return self._lexical

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
            top = top[np.argpartition(-bm25[top], f.dense_k)[: f.dense_k]]
        lexical = {lex.chunks[i].chunk_id: float(bm25[i]) for i in top}
        fused: dict[str, float] = {}
        for weight, ranking in ((f.dense_weight, dense), (f.lexical_weight, lexical)):
            ordered = sorted(ranking, key=lambda cid: -ranking[cid])[: f.dense_k]
            for rank, cid in enumerate(ordered):
                fused[cid] = fused.get(cid, 0.0) + weight / (f.rrf_k + rank + 1)
        best = sorted(fused, key=lambda cid: -fused[cid])[: f.top_k]
        return [
            Hit(lex.by_id[cid], fused[cid], dense.get(cid, 0.0), lexical.get(cid, 0.0))
            for cid in best
            if cid in lex.by_id
        ]
