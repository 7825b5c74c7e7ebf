"""Morphology-aware forms of search tokens: a root-like core per word, so that derived forms
meet (Arabic مؤسس ~ أسس ~ تأسيس, English founder ~ founded), and a transliteration skeleton
so that a name written in one script can be found in the other (Marcus ~ ماركوس)."""

from __future__ import annotations

import re
from functools import lru_cache

from index.language import arabic, english, has_arabic, script

_MIN_CORE = 2


@lru_cache(maxsize=100_000)
def root(token: str) -> str:
    """A root-like core of a (normalised, stemmed) search token; the token itself when short."""
    if has_arabic(token):
        return _arabic_root(token)
    for suffix in english.DERIVATION_SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 4:
            return token[: -len(suffix)]
    return token


def _strip(word: str, affixes: tuple[str, ...], front: bool, keep: int) -> str:
    for a in affixes:
        if len(word) - len(a) >= keep and (word.startswith(a) if front else word.endswith(a)):
            return word[len(a) :] if front else word[: -len(a)]
    return word


def _arabic_root(token: str) -> str:
    core = _strip(token, arabic.ROOT_PREFIXES, front=True, keep=3)
    core = _strip(core, arabic.ROOT_SUFFIXES, front=False, keep=3)
    core = _strip(core, arabic.ROOT_PATTERN_PREFIXES, front=True, keep=3)
    # Long vowels and hamza carriers inside a word are mostly pattern, not root (مؤسس, تأسيس).
    consonants = "".join(ch for ch in core if ch not in arabic.ROOT_WEAK)
    return consonants if len(consonants) >= _MIN_CORE else core


def roots(tokens: list[str] | tuple[str, ...] | set[str]) -> set[str]:
    """The root-like cores of some search tokens."""
    return {root(t) for t in tokens}


_LATIN_WORD = re.compile(r"[A-Za-z]+")
_REPEAT = re.compile(r"(.)\1+")


@lru_cache(maxsize=100_000)
def skeleton(word: str) -> str:
    """A word's consonant skeleton in shared transliteration classes ('' when unknown)."""
    if has_arabic(word):
        core = _strip(word, ("ال", "وال", "بال", "لل"), front=True, keep=3)
        core = _strip(core, ("و",), front=True, keep=4) if core == word else core
        s = core.translate(script.ARABIC_TRANSLIT)
        drop = script.ARABIC_TRANSLIT_DROP
    else:
        s = word.lower()
        for a, b in script.LATIN_DIGRAPHS:
            s = s.replace(a, b)
        s = s.translate(script.LATIN_TRANSLIT)
        drop = script.LATIN_TRANSLIT_DROP
    s = "".join(ch for ch in s if ch.isascii() and ch.isalpha() and ch not in drop)
    return _REPEAT.sub(r"\1", s)


def latin_names(text: str) -> list[str]:
    """Capitalised Latin words of a text (names, in English or inside Arabic text)."""
    return [w for w in _LATIN_WORD.findall(text) if w[0].isupper() and len(w) > 2]
