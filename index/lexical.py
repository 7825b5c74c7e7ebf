"""The lexical index: BM25 over each chunk's normalised text, translation and speaker names."""

from __future__ import annotations

from typing import Any

import numpy as np
from rank_bm25 import BM25Okapi

from index.models import ARTICLE_SPEAKER, Chunk
from index.normalize import tokens


def searchable_text(c: Chunk) -> str:
    """What a unit is searched and checked by: its text, translation, speaker and mentions."""
    names = [n for n in (c.speaker, c.translation_speaker) if n and n != ARTICLE_SPEAKER]
    return " ".join([c.text, c.translation or "", *names, c.mentions or ""])


class LexicalIndex:
    """BM25 over each unit's normalised original text plus its translation."""

    def __init__(self, chunks: list[Chunk], token_lists: list[list[str] | None] | None = None):
        self.chunks = chunks
        self.by_id = {c.chunk_id: c for c in chunks}
        # A chunk's speaker is part of what it says: "What did X say" should find X's statements.
        # Tokens stored at ingest are used as they are; only an older index is stemmed again.
        given = token_lists or [None] * len(chunks)
        self.token_lists = [
            t if t is not None else tokens(searchable_text(c))
            for c, t in zip(chunks, given, strict=True)
        ]
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
