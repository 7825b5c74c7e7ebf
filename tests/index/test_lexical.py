"""The lexical index gives rank_bm25's BM25Okapi scores exactly, built at once or updated article
by article (added, replaced, removed), and the same answers either way."""

from __future__ import annotations

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from assistant.models import Chunk
from index.lexical import MAX_BLOCKS, LexicalIndex, searchable_text
from index.normalize import tokens
from tests.support.chunks import chunks_of
from tests.support.reliability import generated_articles

TEXTS = [
    "The council rejected the report on Monday.",
    "The newspaper said the council awarded the contract without a tender.",
    "تبرع رجل الأعمال بمبلغ 75 مليون دولار للحملة.",
    "The contract, the contract and the contract again.",
    "نفى المجلس أي علاقة له بالصفقة.",
]
QUERIES = ["council report", "contract", "تبرع الحملة", "المجلس الصفقة", "nothing here"]


def _reference(lex: LexicalIndex) -> BM25Okapi:
    """rank_bm25 over the same units' tokens: the scores the index must give."""
    return BM25Okapi([lex.token_list(c.chunk_id) for c in lex.chunks])


@pytest.mark.parametrize("query", QUERIES)
def test_sparse_scores_equal_rank_bm25(query: str) -> None:
    chunks = [
        Chunk(chunk_id=f"d:{i}", doc_id="d", index=i, start=0, end=len(t), text=t, lang="en")
        for i, t in enumerate(TEXTS)
    ]
    lex = LexicalIndex(chunks)
    q = tokens(query)
    ref = _reference(lex)
    assert np.allclose(lex.scores(q), ref.get_scores(q))
    for t in set(q):
        if t in ref.idf:
            assert lex.idf(t) == pytest.approx(max(ref.idf[t], 0.1))
    assert lex.max_idf == pytest.approx(max(ref.idf.values()))


def test_empty_index_scores_nothing() -> None:
    assert LexicalIndex([]).scores(["x"]).shape == (0,)
    assert LexicalIndex([]).idf("x") > LexicalIndex([]).max_idf


def _articles() -> dict[str, list[Chunk]]:
    return {d: chunks_of(t, d) for d, t in generated_articles(24, seed=4).items()}


def _toks(chunks: list[Chunk]) -> list[list[str]]:
    return [tokens(searchable_text(c)) for c in chunks]


def _by_id(lex: LexicalIndex, q: list[str]) -> dict[str, float]:
    return {c.chunk_id: float(s) for c, s in zip(lex.chunks, lex.scores(q), strict=True)}


def test_updated_article_by_article_equals_a_fresh_build() -> None:
    arts = _articles()
    ids = list(arts)
    lex = LexicalIndex([])
    for d in ids:  # one block per article: blocks get merged along the way
        lex = lex.updated(arts[d], _toks(arts[d]))
        assert lex.stats()["blocks"] <= MAX_BLOCKS
    # A replacement (the article again, shorter) and two removals.
    arts[ids[3]] = arts[ids[3]][:2]
    lex = lex.updated(arts[ids[3]], _toks(arts[ids[3]]), removed=[ids[3], ids[5], ids[7]])
    kept = [c for d in ids if d not in (ids[5], ids[7]) for c in arts[d]]
    fresh = LexicalIndex(kept)
    assert sorted(c.chunk_id for c in lex.chunks) == sorted(c.chunk_id for c in fresh.chunks)
    assert lex.by_id.keys() == fresh.by_id.keys()
    ref = _reference(lex)
    for query in ["council budget project", "spring mayor", "المشروع البلدية", "workers 47"]:
        q = tokens(query)
        assert np.allclose(lex.scores(q), ref.get_scores(q))
        got, want = _by_id(lex, q), _by_id(fresh, q)
        assert got.keys() == want.keys()
        assert all(got[k] == pytest.approx(want[k]) for k in want)
    assert [c.chunk_id for c in lex.chunks_of([ids[3]])] == [c.chunk_id for c in arts[ids[3]]]
    assert lex.chunks_of([ids[5]]) == [] and lex.token_list(arts[ids[5]][0].chunk_id) == []
    d = ids[10]
    assert lex.doc_vocabulary(d) == fresh.doc_vocabulary(d)
    assert lex.token_set(arts[d][1].chunk_id) == fresh.token_set(arts[d][1].chunk_id)


def test_an_update_leaves_the_old_index_as_it_was() -> None:
    arts = _articles()
    first, second = list(arts)[:2]
    old = LexicalIndex(arts[first])
    q = tokens("council project budget")
    before = old.scores(q).copy()
    new = old.updated(arts[second], _toks(arts[second]), removed=[first])
    assert [c.doc_id for c in old.chunks] == [first] * len(arts[first])
    assert np.array_equal(old.scores(q), before)
    assert {c.doc_id for c in new.chunks} == {second}
