"""Who says what, per sentence unit (no model)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.attribution import Attribution, attribute
from index.segment import segment
from tests.support.articles import (
    BRACKENFORD,
    DEFAULT_TXT,
    FERRY_EN,
    ROOT,
    WATER_AR,
    aligned_units,
    read,
)

TELEGRAPH_AR = "التليجراف"
CCDH_AR = "مركز مكافحة الكراهية الرقمية"


def attributed(text: str, lang: str) -> list[tuple[str, Attribution]]:
    spans = segment(text)
    atts = attribute([text[s.start : s.end] for s in spans], lang, [s.headline for s in spans])
    return [(text[s.start : s.end], a) for s, a in zip(spans, atts, strict=True)]


NARRATION = ("article", "context")


def sr(att: Attribution) -> tuple[str, str]:
    """(speaker, role): the parts of an Attribution these tests judge."""
    return (att.speaker, att.role)


def unit(pairs: list[tuple[str, Attribution]], starts_with: str) -> Attribution:
    found = [a for t, a in pairs if t.startswith(starts_with)]
    assert len(found) == 1, f"no single unit starts with {starts_with!r}"
    return found[0]


# ---- the default article ------------------------------------------------------------------
@pytest.fixture(scope="module")
def default_ar() -> list[tuple[str, Attribution]]:
    return attributed(read(DEFAULT_TXT), "ar")


@pytest.fixture(scope="module")
def default_en() -> list[Attribution]:
    units = aligned_units()
    heads = [u["id"] in ("u02", "u06", "u10", "u13") for u in units]
    return attribute([u["en"] for u in units], "en", heads)


def test_default_telegraph_units_are_reports(default_ar) -> None:
    for i in (
        2,
        3,
        6,
        10,
    ):  # كشفت صحيفة التليجراف / وبحسب التليجراف / سلطت التليجراف / وأوضحت التليجراف
        att = default_ar[i][1]
        assert att.role == "report", default_ar[i][0]
        assert TELEGRAPH_AR in att.speaker


def test_default_the_newspaper_resolves_to_telegraph(default_ar) -> None:
    text, att = default_ar[4]
    assert "كشفت الصحيفة" in text
    assert TELEGRAPH_AR in att.speaker
    assert att.role == "report"


def test_default_ccdh_accusation(default_ar) -> None:
    text, att = default_ar[11]
    assert text.startswith("وفي المقابل، وجه المركز اتهامات")
    assert att.role == "accusation"
    assert CCDH_AR in att.speaker  # "المركز" resolved to the centre named earlier


def test_default_ccdh_denials(default_ar) -> None:
    text, att = default_ar[13]
    assert "نفى المركز البريطاني" in text
    assert att.role == "denial"
    assert CCDH_AR in att.speaker
    text, att = default_ar[14]
    assert text.startswith("وشدد متحدث باسم المركز")
    assert att.role == "denial"
    assert "مركز" in att.speaker  # "متحدث باسم المركز", the centre possibly resolved


def test_default_trump_accusation(default_ar) -> None:
    assert default_ar[8][1].role == "accusation"
    assert "ترامب" in default_ar[8][1].speaker


def test_default_headlines_and_narration_are_the_article(default_ar) -> None:
    for i in (0, 1, 5, 9, 12, 7):
        assert sr(default_ar[i][1]) == NARRATION, default_ar[i][0]


def test_default_english_edition(default_en) -> None:
    for i in (2, 3, 4, 6, 10):
        assert "Telegraph" in default_en[i].speaker and default_en[i].role == "report"
    assert (
        default_en[11].role == "accusation" and "Countering Digital Hate" in default_en[11].speaker
    )
    assert default_en[13].role == "denial" and "Countering Digital Hate" in default_en[13].speaker
    assert default_en[14].role == "denial"


# ---- Brackenford ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def brackenford() -> list[tuple[str, Attribution]]:
    return attributed(read(BRACKENFORD), "en")


def test_brackenford(brackenford) -> None:
    headline = unit(brackenford, "Brackenford council under fire")
    assert sr(headline) == NARRATION
    att = unit(brackenford, "The Northern Ledger reported")
    assert att.role == "report" and "Ledger" in att.speaker
    att = unit(brackenford, "The newspaper said")
    assert att.role == "report" and "Ledger" in att.speaker  # resolved, not "The newspaper"
    att = unit(brackenford, "According to the Ledger")
    assert att.role == "report" and "Ledger" in att.speaker
    att = unit(brackenford, "Opposition councillor Marcus Lee accused")
    assert att.role == "accusation" and "Marcus Lee" in att.speaker
    att = unit(brackenford, "In a statement, Brackenford council rejected")
    assert att.role == "denial" and "council" in att.speaker.lower()
    assert "Dana Pryce" in unit(brackenford, "Dana Pryce said").speaker
    assert sr(unit(brackenford, "Hollis & Rowe has maintained")) == NARRATION


# ---- articles written here, other names ---------------------------------------------------
@pytest.fixture(scope="module")
def ferry() -> list[tuple[str, Attribution]]:
    return attributed(FERRY_EN, "en")


def test_english_according_to(ferry) -> None:
    att = unit(ferry, "The Lakeside ferry between")
    assert att.role == "report" and "Harbour Gazette" in att.speaker


def test_english_the_newspaper_resolves(ferry) -> None:
    att = unit(ferry, "The newspaper reported")
    assert att.role == "report" and "Harbour Gazette" in att.speaker


def test_english_accused(ferry) -> None:
    att = unit(ferry, "Union leader Sofia Marchetti accused")
    assert att.role == "accusation" and "Sofia Marchetti" in att.speaker


def test_english_denied(ferry) -> None:
    att = unit(ferry, "The operator Bluewake Lines denied")
    assert att.role == "denial" and "Bluewake Lines" in att.speaker


def test_english_declined_to_comment(ferry) -> None:
    # Attributed to the authority's spokesman, and no denial: "declined to comment" rebuts nothing.
    att = unit(ferry, "A spokesman for the port authority declined")
    assert att.role == "statement" and "port authority" in att.speaker


def test_english_pronoun_continuation(ferry) -> None:
    said = unit(ferry, "Captain Henrik Dahl said")
    assert "Henrik Dahl" in said.speaker
    assert sr(unit(ferry, "He added that")) == sr(said)


def test_english_narration_and_headline(ferry) -> None:
    assert sr(unit(ferry, "Lakeside ferry service suspended")) == NARRATION
    assert sr(unit(ferry, "The ferry has carried")) == NARRATION


def test_english_appositive_subject() -> None:
    text = (
        "Union leader Sofia Marchetti accused the ferry operator of ignoring warnings. "
        "Bluewake Lines, the ferry operator, denied that any warnings had been ignored. "
        "Henrik Dahl, the ship's captain, said the crew followed every procedure."
    )
    got = attributed(text, "en")
    assert "Bluewake Lines" in got[1][1].speaker and got[1][1].role == "denial"
    assert "Henrik Dahl" in got[2][1].speaker


def test_generic_name_stands_only_for_what_it_heads() -> None:
    # "the firm" is not "a firm spokesman" (a spokesman), but is "the Firm of Hale and Dunn".
    text = (
        '"We broke no rule," a firm spokesman said. '
        "Residents accused the firm of ignoring complaints. "
        "The Firm of Hale and Dunn said it would appeal. "
        "Officials said the firm had been warned."
    )
    got = attributed(text, "en")
    assert got[1][1].speaker == "Residents" and got[1][1].mentions == ()
    assert got[3][1].mentions == ("The Firm of Hale and Dunn",)
    # "a spokeswoman for the ministry" is a person: "the ministry" after her is the ministry.
    text = (
        "The ministry of health said the figures were wrong. "
        "A spokeswoman for the ministry said the average was lower. "
        "The ministry has promised more nurses."
    )
    got = attributed(text, "en")
    assert got[1][1].speaker == "A spokeswoman for the ministry of health"
    assert got[2][1].speaker == "The ministry of health"


def test_a_proper_name_is_not_a_generic_outlet_and_a_modifier_makes_no_outlet() -> None:
    # "The Daily Courier" is a name of its own, not "the daily" that reported last; "the
    # Corran paper mill" is a mill, and its words make a statement, not a report.
    text = (
        "The Harlow Post reported that the mill released dye. "
        "The Daily Courier said the dye was harmless. "
        "The Corran paper mill said its filters had worked."
    )
    got = attributed(text, "en")
    assert (got[1][1].speaker, got[1][1].role) == ("The Daily Courier", "report")
    assert (got[2][1].speaker, got[2][1].role) == ("The Corran paper mill", "statement")


@pytest.fixture(scope="module")
def water() -> list[tuple[str, Attribution]]:
    return attributed(WATER_AR, "ar")


def test_arabic_report_and_bihasb(water) -> None:
    att = unit(water, "ذكرت جريدة الفجر")
    assert att.role == "report" and "جريدة الفجر" in att.speaker
    att = unit(water, "وبحسب جريدة الفجر")
    assert att.role == "report" and "جريدة الفجر" in att.speaker


def test_arabic_accused(water) -> None:
    att = unit(water, "واتهم النائب سليم الحداد")
    assert att.role == "accusation" and "سليم الحداد" in att.speaker


def test_arabic_denied_and_continuation(water) -> None:
    denied = unit(water, "ونفى رئيس البلدية كريم العطار")
    assert denied.role == "denial" and "كريم العطار" in denied.speaker
    added = unit(water, "وأضاف أن الأسعار")  # pro-drop: the same speaker, a neutral cue
    assert (added.speaker, added.role) == (denied.speaker, "statement")
    assert added.source == denied.source and added.cue is not None


def test_arabic_claimed(water) -> None:
    att = unit(water, "وزعمت جمعية السكان")
    assert att.role == "accusation" and "جمعية السكان" in att.speaker


def test_arabic_affirmed_negative_stays_a_statement(water) -> None:
    # A neutral cue stays a statement even when what is said is negative: nobody denied anything.
    att = unit(water, "وأكد المهندس فادي نصار")
    assert att.role == "statement" and "فادي نصار" in att.speaker


def test_arabic_narration_and_headline(water) -> None:
    assert sr(unit(water, "ارتفاع أسعار المياه")) == NARRATION
    assert sr(unit(water, "وتقع المدينة")) == NARRATION


def test_arabic_subject_stops_before_object(water) -> None:
    assert unit(water, "واتهم النائب سليم الحداد").speaker == "النائب سليم الحداد"
    assert unit(water, "ونفى رئيس البلدية كريم العطار").speaker == "رئيس البلدية كريم العطار"


def test_a_view_introduces_no_quote() -> None:
    # "The watchdog rated this claim by the mayor:" holds a view; the quote is the mayor's words
    units = ["The watchdog rated this claim by the mayor:", '"Rents fell by half."']
    got = attribute(units, "en")
    assert got[0].speaker == "The watchdog" and got[1].speaker == "article"
    said = attribute(["The mayor said:", '"Rents fell by half."'], "en")
    assert said[1].speaker == "The mayor"


# ---- no article-specific names in the product code ---------------------------------------
ARTICLE_NAMES = ("التليجراف", "Telegraph", "CCDH", "ماسك", "Musk", "Ledger", "Brackenford")
# The web UI's example prompts and badge legend present the bundled default article on purpose;
# every module that reads, indexes, attributes, retrieves, answers or verifies text is checked.
PRESENTATION = ("assistant/ui/app.py", "assistant/ui/html.py")
SOURCES = sorted(
    p
    for d in ("assistant", "index")
    for p in (ROOT / d).rglob("*.py")
    if p.relative_to(ROOT).as_posix() not in PRESENTATION
)


KNOWN_LEAKS: dict[str, str] = {}


def _source_param(p: Path):
    rel = p.relative_to(ROOT).as_posix()
    if rel in KNOWN_LEAKS:
        return pytest.param(
            p, id=rel, marks=pytest.mark.xfail(reason=KNOWN_LEAKS[rel], strict=True)
        )
    return pytest.param(p, id=rel)


def test_sources_found() -> None:
    assert len(SOURCES) >= 15


@pytest.mark.parametrize("path", [_source_param(p) for p in SOURCES])
def test_no_article_names_in_code(path: Path) -> None:
    code = path.read_text(encoding="utf-8")
    found = [n for n in ARTICLE_NAMES if re.search(re.escape(n), code)]
    assert not found, f"{path.name} names {found}"
