# ruff: noqa: E501  (article text and Arabic questions are kept on one line)
"""Sentence units with exact offsets (no model)."""

from __future__ import annotations

import pytest

from index.segment import segment
from tests.support.articles import (
    BRACKENFORD,
    DEFAULT_TXT,
    FERRY_EN,
    GLUED_AR,
    GLUED_HEADLINE,
    WATER_AR,
    aligned_units,
    read,
)


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in segment(text)]


@pytest.mark.parametrize(
    "text",
    [
        read(DEFAULT_TXT),
        read(BRACKENFORD),
        FERRY_EN,
        WATER_AR,
        GLUED_AR,
        "  one.  two!\n\n three?  ",
    ],
)
def test_offsets_round_trip(text: str) -> None:
    spans = segment(text)
    assert spans
    last = 0
    for s in spans:
        unit = text[s.start : s.end]
        assert unit == unit.strip() and unit  # trimmed, non-empty
        assert s.start >= last  # in order, no overlap
        last = s.end
    # Nothing but whitespace (and markdown marks) falls between units.
    covered = "".join(text[s.start : s.end] for s in spans)
    assert "".join(covered.split()) == "".join(text.split())


def test_arabic_punctuation() -> None:
    text = "قال الوزير، في مؤتمر صحفي؛ إن النمو بلغ 1.2 في المئة. هل سينجح القرار؟ نعم، سينجح. وأضاف أن الخطة جاهزة!"
    assert texts(text) == [
        "قال الوزير، في مؤتمر صحفي؛ إن النمو بلغ 1.2 في المئة.",
        "هل سينجح القرار؟",
        "نعم، سينجح.",
        "وأضاف أن الخطة جاهزة!",
    ]


def test_english_abbreviations_and_decimals() -> None:
    text = "Mr. Smith went to the U.S. on Monday. Growth was 1.2 percent in May. Dr. Jones agreed! Did it work? Yes."
    assert texts(text) == [
        "Mr. Smith went to the U.S. on Monday.",
        "Growth was 1.2 percent in May.",
        "Dr. Jones agreed!",
        "Did it work?",
        "Yes.",
    ]


def test_a_lower_case_word_goes_on_with_the_sentence() -> None:
    text = (
        'Sen. Ann Marsh (D-Ore.) said the bill would pass. "Will it?" asked a reporter. '
        '"It will," said Marsh. Then she left.'
    )
    assert texts(text) == [
        "Sen. Ann Marsh (D-Ore.) said the bill would pass.",
        '"Will it?" asked a reporter.',
        '"It will," said Marsh.',
        "Then she left.",
    ]


def test_markdown_heading_first_line() -> None:
    text = "# Big heading\n\nSome text here. Another sentence."
    spans = segment(text)
    assert text[spans[0].start : spans[0].end] == "Big heading"
    assert spans[0].headline
    assert [text[s.start : s.end] for s in spans[1:]] == ["Some text here.", "Another sentence."]
    assert not any(s.headline for s in spans[1:])


def test_markdown_heading_later_lines() -> None:
    text = "Intro line here.\n## Background\nMore text.\n## Why did the council act?\nBecause of floods."
    spans = segment(text)
    got = {text[s.start : s.end]: s.headline for s in spans}
    assert got.get("Background") is True
    assert got.get("Why did the council act?") is True


def test_default_article_matches_aligned_edition() -> None:
    text = read(DEFAULT_TXT)
    units = aligned_units()
    spans = segment(text)
    assert [(s.start, s.end) for s in spans] == [(u["start"], u["end"]) for u in units]
    for s, u in zip(spans, units, strict=True):
        assert text[s.start : s.end] == u["ar"]
    # The four headlines that lost their line break in the scraped article.
    heads = [text[s.start : s.end] for s in spans if s.headline]
    assert heads == [u["ar"] for u in units if u["id"] in ("u02", "u06", "u10", "u13")]
    assert len(heads) == 4
    assert "\n" not in text  # the whole article is one line: the headlines are truly glued


def test_glued_headline_in_another_arabic_article() -> None:
    spans = segment(GLUED_AR)
    got = [(GLUED_AR[s.start : s.end], s.headline) for s in spans]
    assert got == [
        (GLUED_HEADLINE, True),
        ("ذكرت جريدة الفجر أن نسبة المشاركة بلغت ستين في المئة.", False),
        ("وقال المرشح إنه راض عن النتيجة.", False),
    ]


@pytest.mark.parametrize(
    "line",
    [
        # A paragraph of one quoted sentence: its full stop sits inside the closing quote.
        'A retired teacher says she sold the farm to keep the village school "open for good."',
        "وقال المدير إن المصنع سيغلق أبوابه «حتى إشعار آخر.»",
        "The mayor called the plan a mistake (and said so twice.)",
    ],
)
def test_one_line_sentence_closed_inside_a_quote_is_not_a_headline(line: str) -> None:
    text = f"Council votes on the budget\n\n{line}\n\nThe vote is on Monday."
    got = [(text[s.start : s.end], s.headline) for s in segment(text)]
    assert got == [
        ("Council votes on the budget", True), (line, False), ("The vote is on Monday.", False),
    ]  # fmt: skip


def test_sentence_starting_with_verb_is_not_a_headline() -> None:
    text = "وأكد الخبراء أن التعافي من الأزمة المالية سيستغرق وقتا طويلا جدا. وقال محلل إن البنوك مستعدة."
    assert not any(s.headline for s in segment(text))


@pytest.mark.parametrize(
    "text",
    [
        # A cut would fall after a particle ("ما"), a preposition ("خلال") or behind a
        # direction mark that hides the opening "في": each is one sentence.
        "لا يوجد حاليا ما يشير إلى أن الاتفاق الجديد يشمل محتوى إضافيا كالفيديو.",
        "تشكلت الفرقة خلال فترات متقطعة من العقد الماضي وأصدرت ثلاثة ألبومات.",
        "\u200fفي عام 2010 أعلنت الشركة أنها ستفتتح مصنعا جديدا في المدينة.",
        # A sentence opening with "لكن" names its subject before a reporting verb.
        "لكن وزارة الدفاع شككت في صحة البيان الذي نشرته الجماعة أمس.",
    ],
)
def test_no_glued_headline_inside_a_sentence(text: str) -> None:
    spans = segment(text)
    assert [(s.start, s.end, s.headline) for s in spans] == [(0, len(text), False)]


def test_long_sentence_is_cut() -> None:
    text = ", ".join(f"clause number {i} of a very long sentence" for i in range(60)) + "."
    spans = segment(text, max_chunk_chars=200)
    assert len(spans) > 1
    assert all(s.end - s.start <= 200 for s in spans)
    assert "".join(text[s.start : s.end] for s in spans).replace(" ", "") == text.replace(" ", "")
