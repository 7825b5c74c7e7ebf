"""Character n-gram similarity: words of one root meet through their letters (no model)."""

from __future__ import annotations

from assistant.answer.chargrams import grams, similarities


def test_grams_are_inside_words() -> None:
    got = grams("Big cat")
    assert got[" bi"] == 1 and got["cat "] == 1
    assert not any(" " in g.strip() for g in got)  # never across two words


def test_arabic_forms_of_one_root_meet() -> None:
    question = "من أسس المركز؟"
    passages = ["تأسس المركز عام 2018 على يد ناشط بريطاني.", "تبرع رجل أعمال للحملة الانتخابية."]
    founded, other = similarities(question, passages)
    assert founded > other


def test_no_shared_letters_is_zero() -> None:
    assert similarities("xyz", ["abc def"]) == [0.0]
