"""The sparse BM25 of the lexical index gives rank_bm25's scores exactly."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.models import Chunk
from index.lexical import LexicalIndex
from index.normalize import tokens

TEXTS = [
    "The council rejected the report on Monday.",
    "The newspaper said the council awarded the contract without a tender.",
    "تبرع رجل الأعمال بمبلغ 75 مليون دولار للحملة.",
    "The contract, the contract and the contract again.",
    "نفى المجلس أي علاقة له بالصفقة.",
]


@pytest.mark.parametrize(
    "query", ["council report", "contract", "تبرع الحملة", "المجلس الصفقة", "nothing here"]
)
def test_sparse_scores_equal_rank_bm25(query: str) -> None:
    chunks = [
        Chunk(chunk_id=f"d:{i}", doc_id="d", index=i, start=0, end=len(t), text=t, lang="en")
        for i, t in enumerate(TEXTS)
    ]
    lex = LexicalIndex(chunks)
    q = tokens(query)
    assert lex.bm25 is not None
    assert np.allclose(lex.scores(q), lex.bm25.get_scores(q))


def test_empty_index_scores_nothing() -> None:
    assert LexicalIndex([]).scores(["x"]).shape == (0,)
