"""What a passage offers for a question's expected answer type: a number, a date, a name, a
place or a reason that the question does not already contain. General cues per language (the
lexicons' answer sections), never names or facts of an article."""

from __future__ import annotations

import re
from itertools import pairwise

from assistant.answer.morph import latin_names
from index.language import Language, normalize

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)")
# A time of day written with its figure ("11pm", "10.30 am"): the figure glues to the unit.
_CLOCK = re.compile(r"\b\d{1,2}([.:]\d{2})?\s*(am|pm|a\.m\.|p\.m\.)(?!\w)")
_WORD = re.compile(r"\w+")


def numbers(text: str) -> set[str]:
    """The numbers written in digits in a text (any digit script)."""
    return {m.group().replace(",", "") for m in _DIGITS.finditer(normalize(text))}


def _words(norm: str) -> set[str]:
    return set(_WORD.findall(norm))


def _new_names(text: str, asked: str) -> list[str]:
    """Capitalised words that are not the first word of the text and not in the question."""
    known = {w.lower() for w in _WORD.findall(asked)}
    first = _WORD.search(text)
    head = first.group() if first else ""
    return [w for w in latin_names(text) if w.lower() not in known and w != head]


def offers(kind: str, text: str, lang: Language, question: str) -> float:
    """1.0 when the passage holds a new candidate of the asked kind, 0.0 when it does not."""
    norm, qnorm = normalize(text), normalize(question)
    lex = lang.lexicon
    new_words = _words(norm) - _words(qnorm)
    # A plural counts as its word ("hundreds", "on Fridays"); the lexicons list singulars.
    new_words |= {w[:-1] for w in new_words if w.endswith("s")}
    if kind == "number":
        return float(bool(numbers(text) - numbers(question) or new_words & lex.NUMBER_WORDS))
    if kind == "time":
        years = set(_YEAR.findall(norm)) - set(_YEAR.findall(qnorm))
        clock = _CLOCK.search(norm) is not None and _CLOCK.search(qnorm) is None
        return float(bool(years or clock or new_words & lex.ANSWER_TIME_WORDS))
    if kind == "reason":
        return float(lex.REASON.search(norm) is not None)
    if kind in ("person", "place"):
        names = _new_names(text, question)
        if kind == "place" and names:
            words = text.split()
            follows = {w.strip(".,;:()") for a, w in pairwise(words)
                       if normalize(a) in lex.PLACE_PREPOSITIONS}  # fmt: skip
            return float(any(n in follows for n in names))
        return float(bool(names))
    return 0.0


def has_type(kind: str) -> bool:
    """Whether `offers` can check this kind of answer at all."""
    return kind in ("number", "time", "reason", "person", "place")
