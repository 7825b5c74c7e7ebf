"""Cues only a headline has (pure text logic)."""

from __future__ import annotations

from assistant.attribution import attribute


def first(*units: str) -> tuple[str, str]:
    got = attribute(list(units), "en")[0]
    return got.speaker, got.role


def test_name_before_a_colon_in_the_title() -> None:
    assert first("Mayor Ruiz: the bridge will reopen in May.", "Work began in March.") == (
        "Mayor Ruiz",
        "statement",
    )
    assert first("Survey: Most Residents Back the Plan.", "It was done in May.") == (
        "Survey",
        "report",
    )


def test_title_case_name_and_verb_at_the_end() -> None:
    assert first("Bridge Will Reopen in May, Mayor Ana Ruiz Says.", "Work began.") == (
        "Mayor Ana Ruiz",
        "statement",
    )


def test_no_speaker_from_a_dateline_or_a_later_unit() -> None:
    assert first("LONDON: Markets fell on Monday.", "Shares dropped.") == ("article", "context")
    got = attribute(["Work began.", "Note: the bridge is closed."], "en")[1]
    assert got.speaker == "article"
