"""Characters: which script a text is in, and its normalised form for matching.

The one place that knows Arabic letters: language detection, Arabic-script checks and the
normalised form that search, attribution and verification compare.
"""

from __future__ import annotations

import re
import unicodedata

from pyarabic import araby

ARABIC_LETTERS = "\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff"
_ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
# Arabic-Indic (U+0660..) and Eastern Arabic-Indic (U+06F0..) digits to ASCII.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Persian/Urdu letter forms that stand for Arabic ones in search.
_PERSIAN = str.maketrans(
    {"ک": "ك", "ی": "ي", "ۍ": "ي", "ې": "ي", "ے": "ي", "ە": "ه", "ھ": "ه", "ۀ": "ه", "ہ": "ه",
     "ۃ": "ه"}
)  # fmt: skip


def has_arabic(text: str) -> bool:
    """Whether the text holds any Arabic letter."""
    return _ARABIC_LETTER.search(text) is not None


def detect_language(text: str) -> str:
    """'ar' or 'en' by the share of Arabic letters (two languages only, so a script count is exact
    enough and, unlike statistical detectors, deterministic on one-word questions)."""
    ar = len(_ARABIC_LETTER.findall(text))
    lat = len(_LATIN_LETTER.findall(text))
    return "ar" if ar > 0 and ar >= lat * 0.5 else "en"


def normalize_arabic(text: str) -> str:
    """Strip diacritics and tatweel; unify alef, hamza carriers, alef maqsura and ta marbuta."""
    # Alef maqsura first: pyarabic's normalize_alef would turn it into a bare alef.
    text = text.translate(_PERSIAN).replace("ى", "ي").replace("ة", "ه")
    text = araby.strip_tashkeel(araby.strip_tatweel(text))
    text = araby.normalize_alef(text)
    return text.replace("ؤ", "و").replace("ئ", "ي").replace("ء", "")


def normalize(text: str) -> str:
    """The matching form of any text: NFKC, lower case, ASCII digits, normalised Arabic."""
    text = unicodedata.normalize("NFKC", text).translate(_DIGITS).lower()
    return normalize_arabic(text)


# ---- names across scripts: letters as shared transliteration classes --------------------------
# A Latin name and its Arabic spelling share a consonant skeleton (Marcus Lee ~ ماركوس لي).
ARABIC_TRANSLIT = str.maketrans(
    {"ب": "b", "ت": "t", "ث": "t", "ج": "g", "ح": "h", "خ": "k", "د": "t", "ذ": "t", "ر": "r",
     "ز": "s", "س": "s", "ش": "s", "ص": "s", "ض": "t", "ط": "t", "ظ": "s", "غ": "g", "ف": "f",
     "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ع": "", "ا": "", "و": "",
     "ي": "", "ء": "", "ة": "", "ى": ""}
)  # fmt: skip
ARABIC_TRANSLIT_DROP = frozenset("h")
LATIN_DIGRAPHS = (("sh", "s"), ("ch", "s"), ("th", "t"), ("ph", "f"), ("kh", "k"), ("gh", "g"))
LATIN_TRANSLIT = str.maketrans(
    {"p": "b", "v": "f", "c": "k", "q": "k", "j": "g", "x": "k", "z": "s", "d": "t"}
)
LATIN_TRANSLIT_DROP = frozenset("aeiouywh")
