"""Text normalisation for search, language detection and search tokens, in Arabic and English.

The original text is never changed: these functions produce a separate, normalised form that
only the lexical index and the matching code see.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from pyarabic import araby

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
# Arabic-Indic (U+0660..) and Eastern Arabic-Indic (U+06F0..) digits to ASCII.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Persian/Urdu letter forms that stand for Arabic ones in search.
_PERSIAN = str.maketrans(
    {
        "ک": "ك",
        "ی": "ي",
        "ۍ": "ي",
        "ې": "ي",
        "ے": "ي",
        "ە": "ه",
        "ھ": "ه",
        "ۀ": "ه",
        "ہ": "ه",
        "ۃ": "ه",
    }
)
_TOKEN = re.compile(r"[\w\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]+", re.UNICODE)
# A definite article glued inside a long token ("الولاياتالمتحدة"): split it for search.
_JOINED = re.compile(r"^(ال[\u0621-\u064A]{3,})(ال[\u0621-\u064A]{3,})$")

_STOP_EN = frozenset(
    """a an the of to in on at by for from with about as into over after before and or but if
    than then that this these those is are was were be been being do does did done has have had
    what which who whom whose when where why how much many does did it its it's he she they them
    his her their there here not no yes any some all can could would should will shall may might
    according said say says tell told please article""".split()
)
_STOP_AR = frozenset(
    normalize_word
    for normalize_word in """في على من إلى الى عن مع أن إن ان أو او ثم هذا هذه ذلك تلك هو هي هم
    ما ماذا من متى أين اين كيف كم لماذا هل التي الذي الذين كان كانت يكون قد لقد لا لم لن بعد قبل
    حول عند كل أي اي بين حيث إذ اذ كما وهو وهي أنه انه أنها انها له لها به بها فيه فيها منه عنه
    بماذا لماذا وما ما هو هي بحسب حسب لدى لدي عن""".split()
)


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
    text = text.replace("ؤ", "و").replace("ئ", "ي").replace("ء", "")
    return text


def normalize(text: str) -> str:
    """The searchable form of any text: NFKC, lower case, ASCII digits, normalised Arabic."""
    text = unicodedata.normalize("NFKC", text).translate(_DIGITS).lower()
    return normalize_arabic(text)


def split_joined(token: str) -> list[str]:
    """Split two definite words written without a space (``الولاياتالمتحدة``)."""
    m = _JOINED.match(token)
    return [m.group(1), m.group(2)] if m else []


@lru_cache(maxsize=4)
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("arabic" if lang == "ar" else "english")


@lru_cache(maxsize=200_000)
def _search_form(token: str) -> str:
    """Stem; English first goes to its lemma so irregular forms meet ("led" -> "lead")."""
    if _ARABIC_LETTER.search(token):
        return str(_stemmer("ar").stemWord(token))
    import simplemma  # a dictionary lemmatizer; loaded on the first English word

    return str(_stemmer("en").stemWord(simplemma.lemmatize(token, lang="en")))


def _is_stop(token: str) -> bool:
    return token in _STOP_EN or token in _STOP_AR


def tokens(text: str, keep_stopwords: bool = False) -> list[str]:
    """Search tokens: normalised, stop words dropped, stemmed per script (both languages mixed)."""
    out: list[str] = []
    for raw in _TOKEN.findall(normalize(text)):
        parts = [raw, *split_joined(raw)]
        if len(raw) >= 4 and raw[0] in "وف" and _ARABIC_LETTER.match(raw):
            # The stemmer strips the conjunction و/ف from some words and not others
            # ("واتهم" -> "وات"); the bare form as well makes both spellings meet.
            parts.append(raw[1:])
        for tok in parts:
            if not keep_stopwords and _is_stop(tok):
                continue
            stem = _search_form(tok)
            # The Arabic stemmer also strips prepositions glued to stop words; drop what is left.
            if len(stem) > 1 and (keep_stopwords or not _is_stop(stem)):
                out.append(stem)
    return out


_STOP_AR = frozenset(normalize_arabic(w) for w in _STOP_AR)
