"""Whom an English pronoun may stand for (pure text logic)."""

from __future__ import annotations

import pytest

from assistant.attribution import attribute
from assistant.attribution.agree import BODY, GROUP, PERSON, Agreement, kind_of


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Sen. Ann Marsh", PERSON),
        ("council spokesman Tom Reyes", PERSON),
        ("Ann Marsh", PERSON),
        ("the water authority", BODY),
        ("The Harbour Gazette", BODY),
        ("the IMF", BODY),
        ("local officials", GROUP),
        ("Marsh and Reyes", GROUP),
        ("Marsh", None),
        ("Ann Marsh at the Daily Review", PERSON),
        ("the Center for Water Policy", BODY),
    ],
)
def test_kind_of(name: str, kind: str | None) -> None:
    assert kind_of(name) == kind


def test_fits_kind_and_gender_seen_in_the_text() -> None:
    agree = Agreement()
    assert agree.fits("it", "the water authority") and not agree.fits("he", "the water authority")
    assert agree.fits("they", "local officials") and not agree.fits("it", "local officials")
    assert agree.fits("she", "Marsh") and agree.fits("he", "Marsh")  # not known yet
    agree.learn("Ann Marsh", ["said", "she", "would", "run"])
    assert agree.fits("she", "Marsh") and not agree.fits("he", "Marsh")
    agree.learn("Mr. Reyes", [])
    assert not agree.fits("she", "Reyes")


def speakers(*units: str) -> list[str]:
    return [a.speaker for a in attribute(list(units), "en")]


def test_pronoun_stands_for_the_subject_before_it() -> None:
    got = speakers(
        "Ann Marsh lost the vote on Tuesday.",
        "She said the council would try again.",
        "The water authority raised its prices.",
        "It said costs had doubled.",
    )
    assert got == ["article", "Ann Marsh", "article", "The water authority"]


def test_pronoun_never_stands_for_a_name_it_cannot_be() -> None:
    got = speakers("Mr. Reyes met the board.", "She said nothing was decided.")
    assert got == ["article", "article"]


def test_subordinate_clause_subject() -> None:
    (got,) = attribute(["Although the fund did not name the country, it warned of risks."], "en")
    assert got.speaker == "the fund"


def test_possessive_source_names_its_owner_only_when_sure() -> None:
    got = speakers("Mayor Ana Ruiz said she lost the vote.", "Her spokesman said she would appeal.")
    assert got[1] == "Mayor Ana Ruiz's spokesman"
    got = speakers("The water board raised prices.", "Its chairman said costs rose.")
    assert got[1] == "The water board's chairman"
    # Gender unknown, or another name in the sentence: whose is not guessed.
    assert speakers("Ana Ruiz lost to Tom Reyes.", "His spokesman said nothing.")[1] == "article"
    got = speakers(
        "Mayor Ana Ruiz said she lost the vote.",
        "Tom Reyes was at the count (her spokesman later said it was a mistake).",
    )
    assert got[1] == "article"


def test_pronoun_after_another_name_in_its_sentence_is_not_guessed() -> None:
    got = speakers(
        "The Daily Review reported the story first.",
        'The Evening Post talked to "Morning Radio," and they told us nothing.',
    )
    assert got[1] == "article"


def test_a_capital_at_the_start_is_no_name_by_itself() -> None:
    got = speakers(
        "Dornella Marsh said she was hurt.",
        "Broken glass went flying into her face.",
        '"I can still see," she wrote on Friday.',
    )
    assert got[2] == "Dornella Marsh"
