"""Common reported-speech forms of news prose, one sentence each, in both languages."""

from __future__ import annotations

import pytest

from assistant.attribution import attribute

EN = [
    ('"We will appeal," said John Smith, the company\'s lawyer.', "John Smith", "statement"),
    ("The ministry said in a statement that the figures were wrong.", "The ministry", "statement"),
    ("Police said on Monday that three people were arrested.", "Police", "statement"),
    ("Reuters reported that the talks had collapsed.", "Reuters", "report"),
    ("Smith declined to comment.", "Smith", "denial"),
    ("In a statement, the ministry denied the allegations.", "the ministry", "denial"),
    ('"This is false," a spokesperson told reporters.', "a spokesperson", "statement"),
    ("The mayor, who took office in 2021, rejected the criticism.", "The mayor", "denial"),
    ("Critics have accused the government of hiding the data.", "Critics", "accusation"),
    ('"The plan will fail," the opposition leader said.', "the opposition leader", "statement"),
    ("The bridge was built in 1932.", "article", "context"),
]
AR = [
    ("قال وزير الخارجية إن المحادثات ستستأنف.", "وزير الخارجية", "statement"),
    ("وقالت الوزارة في بيان إن الأرقام غير صحيحة.", "الوزارة", "statement"),
    ("أفادت وكالة رويترز بأن الصفقة انهارت.", "وكالة رويترز", "report"),
    ("ونقلت صحيفة الغارديان عن مصادر أن الاتفاق وشيك.", "صحيفة الغارديان", "report"),
    ("من جهته، نفى الوزير هذه الاتهامات.", "الوزير", "denial"),
    ("ورفضت الشركة التعليق على التقرير.", "الشركة", "denial"),
    ("وزعمت المعارضة أن الانتخابات زورت.", "المعارضة", "accusation"),
    ("وبني الجسر عام 1932.", "article", "context"),
]


@pytest.mark.parametrize(("sentence", "speaker", "role"), EN)
def test_english_forms(sentence: str, speaker: str, role: str) -> None:
    (got,) = attribute([sentence], "en")
    assert (got.speaker, got.role) == (speaker, role)


@pytest.mark.parametrize(("sentence", "speaker", "role"), AR)
def test_arabic_forms(sentence: str, speaker: str, role: str) -> None:
    (got,) = attribute([sentence], "ar")
    assert (got.speaker, got.role) == (speaker, role)
