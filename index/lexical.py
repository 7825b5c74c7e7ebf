"""The lexical index: BM25 over each chunk's normalised text, translation and speaker names.

Scores are rank_bm25's BM25Okapi (k1 1.5, b 0.75, negative idf floored at 0.25 × the mean idf),
computed from sparse term-frequency blocks and corpus statistics kept up to date, so that new
articles are added as a new block (`updated`) instead of rebuilding the index from the store.
An index is never changed in place: `updated` returns a new one sharing the unchanged blocks, so
a query running meanwhile keeps a consistent view.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from scipy import sparse

from index.models import ARTICLE_SPEAKER, Chunk
from index.normalize import tokens

K1, B, EPSILON = 1.5, 0.75, 0.25  # rank_bm25's BM25Okapi defaults
MAX_BLOCKS = 8  # more blocks than this are merged into one (a query visits each block)


def searchable_text(c: Chunk) -> str:
    """What a unit is searched and checked by: its text, translation, speaker and mentions."""
    names = [n for n in (c.speaker, c.translation_speaker) if n and n != ARTICLE_SPEAKER]
    return " ".join([c.text, c.translation or "", *names, c.mentions or ""])


Tokens = list[str] | str | None  # a unit's search tokens, as a list or space-joined (as stored)


def _joined(toks: list[str] | str) -> str:
    return toks if isinstance(toks, str) else " ".join(toks)


def _lengths(joined: list[str]) -> np.ndarray:
    """Tokens per unit (tokens never hold spaces)."""
    return np.array([s.count(" ") + 1 if s else 0 for s in joined], np.float64)


def _block(joined: list[str], columns: dict[str, int]) -> sparse.csc_matrix:
    """Term frequencies of some units (rows) over the vocabulary, which grows with new tokens."""
    flat = " ".join(joined).split()
    cols = np.fromiter((columns.setdefault(t, len(columns)) for t in flat), np.int64, len(flat))
    rows = np.repeat(np.arange(len(joined)), _lengths(joined).astype(np.int64))
    data = np.ones(len(flat), np.float64)
    shape = (len(joined), len(columns))
    return sparse.csc_matrix((data, (rows, cols)), shape=shape)  # duplicates summed: tf


def _widen(m: sparse.csc_matrix, width: int) -> sparse.csc_matrix:
    """The same block with empty columns appended (never changes m: blocks are shared)."""
    if m.shape[1] == width:
        return m
    indptr = np.concatenate([m.indptr, np.full(width - m.shape[1], m.indptr[-1])])
    return sparse.csc_matrix((m.data, m.indices, indptr), shape=(m.shape[0], width))


def _rows_of(chunks: list[Chunk], offset: int) -> dict[str, np.ndarray]:
    """doc_id -> positions of its units, for units that start at `offset`."""
    rows: dict[str, list[int]] = {}
    for i, c in enumerate(chunks):
        rows.setdefault(c.doc_id, []).append(offset + i)
    return {d: np.array(r, dtype=np.int64) for d, r in rows.items()}


class LexicalIndex:
    """BM25 over each unit's normalised original text plus its translation."""

    def __init__(self, chunks: list[Chunk], token_lists: Sequence[Tokens] | None = None):
        # A chunk's speaker is part of what it says: "What did X say" should find X's statements.
        # Tokens stored at ingest are used as they are; only an older index is stemmed again.
        # Each unit's tokens are kept as one string (split when asked for): 5.7 million token
        # strings at 10,000 articles would take ~350 MB more.
        given = token_lists or [None] * len(chunks)
        joined = [
            _joined(t if t is not None else tokens(searchable_text(c)))
            for c, t in zip(chunks, given, strict=True)
        ]
        self._columns: dict[str, int] = {}
        self.chunks, self._tokens = list(chunks), joined
        self._blocks = [_block(joined, self._columns)] if chunks else []
        self.by_id = {c.chunk_id: c for c in self.chunks}
        self._pos = {c.chunk_id: i for i, c in enumerate(self.chunks)}
        self._rows = _rows_of(self.chunks, 0)
        self._vocab: dict[str, set[str]] = {}
        self._dl = _lengths(joined)
        self._statistics()

    def _statistics(self) -> None:
        """Units per term, idf, length norms: numpy over the vocabulary and the units."""
        if len(self._blocks) > MAX_BLOCKS:
            width = len(self._columns)
            self._blocks = [sparse.vstack([_widen(b, width) for b in self._blocks], format="csc")]
        df = np.zeros(len(self._columns))
        for b in self._blocks:  # units per term: non-zeros per column (duplicates were summed)
            df[: b.shape[1]] += np.diff(b.indptr)
        n = len(self.chunks)
        self._present = present = df > 0
        raw = np.log(n - df + 0.5) - np.log(df + 0.5)
        mean = float(raw[present].mean()) if present.any() else 0.0
        self._idf = np.where(raw < 0, EPSILON * mean, raw)
        self.max_idf = float(self._idf[present].max()) if present.any() else 1.0
        avgdl = float(self._dl.mean()) if n and self._dl.sum() else 1.0
        self._norm = K1 * (1 - B + B * self._dl / avgdl)

    def updated(
        self,
        added: list[Chunk],
        token_lists: Sequence[list[str] | str],
        removed: Iterable[str] = (),
    ) -> LexicalIndex:
        """A new index: these articles' units removed, the added units appended as a new block
        (statistics recomputed; nothing re-read or re-stemmed)."""
        base = self._without(set(removed) & set(self._rows))
        new = LexicalIndex.__new__(LexicalIndex)
        n = len(base.chunks)
        new._columns = dict(base._columns)
        joined = [_joined(t) for t in token_lists]
        new._blocks = [*base._blocks, _block(joined, new._columns)] if added else base._blocks
        new.chunks, new._tokens = [*base.chunks, *added], [*base._tokens, *joined]
        # Copies of the dicts (fast) plus the new units: no pass over the old units in Python.
        new.by_id = {**base.by_id, **{c.chunk_id: c for c in added}}
        new._pos = {**base._pos, **{c.chunk_id: n + i for i, c in enumerate(added)}}
        new._rows = {**base._rows, **_rows_of(added, n)}
        new._vocab = dict(base._vocab)  # added articles are new ids: their vocabularies too
        new._dl = np.concatenate([base._dl, _lengths(joined)])
        new._statistics()
        return new

    def _without(self, gone: set[str]) -> LexicalIndex:
        """This index without some articles' units (itself when none)."""
        if not gone:
            return self
        keep = np.ones(len(self.chunks), bool)
        for d in gone:
            keep[self._rows[d]] = False
        out = LexicalIndex.__new__(LexicalIndex)
        out.chunks = [c for c, k in zip(self.chunks, keep, strict=True) if k]
        out._tokens = [t for t, k in zip(self._tokens, keep, strict=True) if k]
        out._columns, out._blocks, start = self._columns, [], 0
        for b in self._blocks:
            part = keep[start : start + b.shape[0]]
            start += b.shape[0]
            if part.any():
                out._blocks.append(b if part.all() else b.tocsr()[part].tocsc())
        out.by_id = {c.chunk_id: c for c in out.chunks}
        out._pos = {c.chunk_id: i for i, c in enumerate(out.chunks)}
        out._rows = _rows_of(out.chunks, 0)
        out._vocab = {d: v for d, v in self._vocab.items() if d not in gone}
        out._dl = self._dl[keep]
        return out

    @property
    def token_lists(self) -> list[list[str]]:
        """Every unit's search tokens, in the order of `chunks` (built on each call)."""
        return [t.split() for t in self._tokens]

    def idf(self, token: str) -> float:
        """How rare a token is here; a token the articles never use weighs most."""
        col = self._columns.get(token)
        if col is None or not self._present[col]:
            return self.max_idf + 1.0
        return max(float(self._idf[col]), 0.1)

    def token_list(self, chunk_id: str) -> list[str]:
        """The search tokens of one unit, in text order."""
        i = self._pos.get(chunk_id)
        return self._tokens[i].split() if i is not None else []

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
                *(self._tokens[i].split() for i in self._rows.get(doc_id, []))
            )
        return self._vocab[doc_id]

    def token_set(self, chunk_id: str) -> set[str]:
        """The search tokens of one unit (original and translation)."""
        return set(self.token_list(chunk_id))

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """BM25Okapi score of every unit (zeros when nothing matches); a query costs the
        non-zeros of its terms' columns, not a pass over every unit."""
        cols = [self._columns[t] for t in query_tokens if t in self._columns]
        out = np.zeros(len(self.chunks))
        start = 0
        for b in self._blocks:
            mine = [c for c in cols if c < b.shape[1]]
            if mine:
                sub = b[:, mine]
                local = sub.indices
                tf = sub.data
                idf = np.repeat(self._idf[mine], np.diff(sub.indptr))
                w = idf * tf * (K1 + 1) / (tf + self._norm[start + local])
                out[start : start + b.shape[0]] += np.bincount(local, w, minlength=b.shape[0])
            start += b.shape[0]
        return out

    def stats(self) -> dict[str, Any]:
        """Sizes, for benchmarks and tests: units, vocabulary, blocks."""
        return {"units": len(self.chunks), "terms": int(self._present.sum()),
                "blocks": len(self._blocks)}  # fmt: skip
