"""Hybrid retrieval: dense (Chroma) and lexical (BM25 over normalised text), fused by rank."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, PrivateAttr
from rank_bm25 import BM25Okapi

from assistant.models import ARTICLE_SPEAKER, Chunk
from index.normalize import tokens
from index.store import Store


@dataclass(frozen=True)
class Hit:
    """A retrieved unit with the scores that ranked it."""

    chunk: Chunk
    fused: float
    dense: float
    lexical: float


def searchable_text(c: Chunk) -> str:
    """What a unit is searched and checked by: its text, translation, speaker and mentions."""
    names = [n for n in (c.speaker, c.translation_speaker) if n and n != ARTICLE_SPEAKER]
    return " ".join([c.text, c.translation or "", *names, c.mentions or ""])


class LexicalIndex:
    """BM25 over each unit's normalised original text plus its translation."""

    def __init__(self, chunks: list[Chunk]) -> None:
        self.chunks = chunks
        self.by_id = {c.chunk_id: c for c in chunks}
        # A unit's speaker is part of what it says: "What did X say" should find X's statements.
        self.token_lists = [tokens(searchable_text(c)) for c in chunks]
        self.bm25 = BM25Okapi(self.token_lists) if chunks else None
        self._pos = {c.chunk_id: i for i, c in enumerate(chunks)}
        rows: dict[str, list[int]] = {}
        for i, c in enumerate(chunks):
            rows.setdefault(c.doc_id, []).append(i)
        self._rows = {d: np.array(r, dtype=np.int64) for d, r in rows.items()}
        self._vocab: dict[str, set[str]] = {}
        self._sets = {c.chunk_id: set(t) for c, t in zip(chunks, self.token_lists, strict=True)}
        self.max_idf = max(self.bm25.idf.values(), default=1.0) if self.bm25 else 1.0
        self._matrix, self._columns, self._idf = _bm25_matrix(self.bm25)

    def idf(self, token: str) -> float:
        """How rare a token is here; a token the articles never use weighs most."""
        if self.bm25 is None or token not in self.bm25.idf:
            return self.max_idf + 1.0
        return max(float(self.bm25.idf[token]), 0.1)

    def token_list(self, chunk_id: str) -> list[str]:
        """The search tokens of one unit, in text order."""
        i = self._pos.get(chunk_id)
        return self.token_lists[i] if i is not None else []

    def rows(self, doc_ids: list[str]) -> np.ndarray:
        """Positions of the given articles' units (sorted)."""
        parts = [self._rows[d] for d in doc_ids if d in self._rows]
        return np.sort(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)

    def chunks_of(self, doc_ids: list[str] | None) -> list[Chunk]:
        """The units of some articles (all when None)."""
        return self.chunks if doc_ids is None else [self.chunks[i] for i in self.rows(doc_ids)]

    def doc_vocabulary(self, doc_id: str) -> set[str]:
        """Every search token one article uses (cached)."""
        if doc_id not in self._vocab:
            self._vocab[doc_id] = set().union(
                *(self.token_lists[i] for i in self._rows.get(doc_id, []))
            )
        return self._vocab[doc_id]

    def token_set(self, chunk_id: str) -> set[str]:
        """The search tokens of one unit (original and translation)."""
        return self._sets.get(chunk_id, set())

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """BM25Okapi score of every unit (zeros when nothing matches)."""
        cols = [self._columns[t] for t in query_tokens if t in self._columns]
        if self._matrix is None or not cols:
            return np.zeros(len(self.chunks))
        return np.asarray(self._matrix[:, cols] @ self._idf[cols]).ravel()


def _bm25_matrix(bm: BM25Okapi | None) -> tuple[Any, dict[str, int], np.ndarray]:
    """rank_bm25's per-term weights as one sparse matrix, so a query costs a column sum instead
    of rank_bm25's Python loop over every unit (240 ms -> 0.2 ms at 287k units); same scores."""
    from scipy import sparse

    if bm is None:
        return None, {}, np.zeros(0)
    columns = {t: i for i, t in enumerate(bm.idf)}
    rows, cols, vals = [], [], []
    for d, freqs in enumerate(bm.doc_freqs):
        norm = bm.k1 * (1 - bm.b + bm.b * bm.doc_len[d] / bm.avgdl)
        for t, f in freqs.items():
            rows.append(d)
            cols.append(columns[t])
            vals.append(f * (bm.k1 + 1) / (f + norm))
    matrix = sparse.csc_matrix((vals, (rows, cols)), shape=(len(bm.doc_freqs), len(columns)))
    return matrix, columns, np.array([bm.idf[t] for t in columns])


class HybridRetriever(BaseRetriever):
    """A LangChain retriever over the store; ``doc_ids`` restricts it to some articles."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    store: Store
    top_k: int = 8
    dense_k: int = 20
    rrf_k: int = 60
    dense_weight: float = 1.0
    lexical_weight: float = 1.0
    doc_ids: list[str] | None = None
    _lexical: LexicalIndex | None = PrivateAttr(default=None)
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    def invalidate(self) -> None:
        """Forget the lexical index (after ingest or removal)."""
        with self._lock:
            self._lexical = None

    @property
    def lexical(self) -> LexicalIndex:
        """The BM25 index, built from the store on first use."""
        with self._lock:
            if self._lexical is None:
                self._lexical = LexicalIndex(self.store.chunks())
            return self._lexical

    def hits(self, query: str, doc_ids: list[str] | None = None) -> list[Hit]:
        """The top units for a query, with dense, lexical and fused scores."""
        doc_ids = doc_ids if doc_ids is not None else self.doc_ids
        lex = self.lexical
        dense = self.store.dense(self.store.embeddings.encode_query(query), self.dense_k, doc_ids)
        bm25 = lex.scores(tokens(query))
        # Only the best dense_k can rank: select them without touching every matching unit.
        top = np.flatnonzero(bm25 > 0) if doc_ids is None else lex.rows(doc_ids)
        top = top[bm25[top] > 0]
        if len(top) > self.dense_k:
            top = top[np.argpartition(-bm25[top], self.dense_k)[: self.dense_k]]
        lexical = {lex.chunks[i].chunk_id: float(bm25[i]) for i in top}
        fused: dict[str, float] = {}
        for weight, ranking in ((self.dense_weight, dense), (self.lexical_weight, lexical)):
            ordered = sorted(ranking, key=lambda cid: -ranking[cid])[: self.dense_k]
            for rank, cid in enumerate(ordered):
                fused[cid] = fused.get(cid, 0.0) + weight / (self.rrf_k + rank + 1)
        best = sorted(fused, key=lambda cid: -fused[cid])[: self.top_k]
        return [
            Hit(lex.by_id[cid], fused[cid], dense.get(cid, 0.0), lexical.get(cid, 0.0))
            for cid in best
            if cid in lex.by_id
        ]

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [
            Document(
                page_content=h.chunk.text,
                id=h.chunk.chunk_id,
                metadata={
                    **h.chunk.model_dump(),
                    "fused": h.fused,
                    "dense": h.dense,
                    "lexical": h.lexical,
                },
            )
            for h in self.hits(query)
        ]
