"""Normalisation for search and language detection (no model)."""

from __future__ import annotations

import pytest

from index.language import detect_language, normalize, normalize_arabic
from index.normalize import split_joined, tokens


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("مُحَمَّدٌ", "محمد"),  # harakat, shadda, tanwin
        ("كِتَابٌ", "كتاب"),
        ("الـــعـــربية", "العربيه"),  # tatweel + ta marbuta
        ("إأآٱا", "ااااا"),  # every alef form
        ("مؤسسة", "موسسه"),  # hamza on waw
        ("رئيس", "رييس"),  # hamza on ya
        ("سماء", "سما"),  # bare hamza dropped
        ("مستشفى", "مستشفي"),  # alef maqsura -> ya
        ("مدرسة", "مدرسه"),  # ta marbuta -> ha
    ],
)
def test_normalize_arabic_letters(raw: str, expected: str) -> None:
    assert normalize_arabic(raw) == expected
    assert normalize(raw) == expected


def test_persian_letters_map_to_arabic() -> None:
    assert normalize("کتاب") == normalize("كتاب")
    assert normalize("یوم") == normalize("يوم")
    assert normalize("ھذا") == normalize("هذا")


def test_digits_and_case() -> None:
    assert normalize("٢٠٢٤") == "2024"  # Arabic-Indic
    assert normalize("۱۲۳") == "123"  # Eastern Arabic-Indic (Persian)
    assert normalize("Hello WORLD") == "hello world"
    assert tokens("عام ٢٠٢٤") == tokens("عام 2024")


def test_spelling_variants_share_search_tokens() -> None:
    assert tokens("أعلنَ المُؤسَّسةُ") == tokens("اعلن المؤسسه")
    assert tokens("مستشفى") == tokens("مستشفي")


def test_normalize_never_changes_the_original() -> None:
    text = "أعلنَ"
    normalize(text)
    assert text == "أعلنَ"


def test_joined_definite_words_split_for_search() -> None:
    assert split_joined("الولاياتالمتحدة") == ["الولايات", "المتحدة"]
    assert split_joined("الولايات") == []
    joined = set(tokens("سافروا إلى الولاياتالمتحدة"))
    spaced = set(tokens("سافروا إلى الولايات المتحدة"))
    assert spaced <= joined


def test_stopwords_dropped() -> None:
    assert tokens("What is the name of the city?") == tokens("name city")
    assert "the" not in tokens("the the the council")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("من أسس مركز مكافحة الكراهية الرقمية؟", "ar"),
        ("Who founded the council?", "en"),
        ("ما هو موقف CCDH من الاتهامات؟", "ar"),  # Arabic question with a Latin acronym
        ("What did ماسك say about the lawsuit?", "en"),  # English question with an Arabic name
        ("ماسك", "ar"),  # one word
        ("Musk", "en"),
        ("لماذا؟", "ar"),
        ("Why?", "en"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang
