"""Search tokens in Arabic and English: normalised, stop words dropped, stemmed per script.

The original text is never changed: tokens are a separate form that only the lexical index and
the matching code see.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from index.language import arabic, english
from index.language.script import ARABIC_LETTERS, has_arabic, normalize

_TOKEN = re.compile(f"[\\w{ARABIC_LETTERS}]+", re.UNICODE)
# A definite article glued inside a long token ("الولاياتالمتحدة"): split it for search.
_JOINED = re.compile(r"^(ال[\u0621-\u064A]{3,})(ال[\u0621-\u064A]{3,})$")
_STOP = english.STOP_WORDS | arabic.STOP_WORDS


def split_joined(token: str) -> list[str]:
    """Split two definite words written without a space (``الولاياتالمتحدة``)."""
    m = _JOINED.match(token)
    return [m.group(1), m.group(2)] if m else []


@lru_cache(maxsize=4)
def _stemmer(name: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(name)


@lru_cache(maxsize=200_000)
def search_form(token: str) -> str:
    """Stem; English first goes to its lemma so irregular forms meet ("led" -> "lead")."""
    if has_arabic(token):
        return str(_stemmer("arabic").stemWord(token))
    import simplemma  # a dictionary lemmatizer; loaded on the first English word

    return str(_stemmer("english").stemWord(simplemma.lemmatize(token, lang="en")))


def tokens(text: str) -> list[str]:
    """Search tokens: normalised, stop words dropped, stemmed per script (both languages mixed)."""
    out: list[str] = []
    for raw in _TOKEN.findall(normalize(text)):
        parts = [raw, *split_joined(raw)]
        if len(raw) >= 4 and raw[0] in "وف":
            # The stemmer strips the conjunction و/ف from some words and not others
            # ("واتهم" -> "وات"); the bare form as well makes both spellings meet.
            parts.append(raw[1:])
        for tok in parts:
            if tok in _STOP:
                continue
            stem = search_form(tok)
            # The Arabic stemmer also strips prepositions glued to stop words; drop what is left.
            if len(stem) > 1 and stem not in _STOP:
                out.append(stem)
    return out
