"""What answers a question inside a passage the reader cannot read (the other language, no
edition in theirs): the figures, dates or names of the asked kind, lifted verbatim so that the
frame in the reader's language carries them, and a focused verbatim excerpt around them.

General patterns only: digits in any script, month names of the passage's language, capitalised
name sequences (Latin script, also inside Arabic text), a reason cue; near the words the passage
shares with the question (numbers, names across scripts, words written alike), since an answer
usually sits beside what the question already says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.morph import skeleton
from assistant.answer.question import Question
from index.language import language, normalize

_NUMBER = re.compile(r"\d(?:[\d,.]*\d)?\s?%?")
# A capitalised Latin word, or a run of them joined by the small words names carry.
_NAME = re.compile(
    r"[A-Z][\w'’\-.]*[\w’]"
    r"(?:\s+(?:(?:of|the|and|de|du|la|le|von|van|der|al|bin|y)\s+)*[A-Z][\w'’\-.]*[\w’])*"
)
_WORD = re.compile(r"\S+")
_LETTER = re.compile(r"[^\W\d_]")
_ARABIC = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_MIN_SKELETON = 3
_TYPED = ("number", "time")


@dataclass(frozen=True)
class Lifted:
    """A candidate answer found in a passage: where it starts and its verbatim text."""

    start: int
    text: str


def letters(text: str) -> int:
    """How many letters a text has (digits and punctuation are no script's)."""
    return len(_LETTER.findall(text))


def by_script(text: str, lang: str) -> tuple[int, int]:
    """Letters of the text in the language's script, and in the other script."""
    arabic, latin = len(_ARABIC.findall(text)), len(_LATIN.findall(text))
    return (arabic, latin) if language(lang).rtl else (latin, arabic)


def _asked_words(q: Question) -> set[str]:
    return set(normalize(q.search_text).split())


def anchors(q: Question, text: str) -> list[int]:
    """Offsets of the passage's words that the question names too: a number, a name across
    scripts (transliteration skeleton), or a word written alike (a Latin word in Arabic text)."""
    asked = _asked_words(q)
    out = []
    for m in _WORD.finditer(text):
        core = m.group().strip(".,;:()«»\"'،؛")
        if not core:
            continue
        sk = skeleton(core)
        if (
            core in q.numbers
            or (len(sk) >= _MIN_SKELETON and sk in q.skeletons)
            or normalize(core) in asked
        ):
            out.append(m.start())
    return out


def _numbers(q: Question, text: str) -> list[Lifted]:
    months = language("en").lexicon.ANSWER_TIME_WORDS | language("ar").lexicon.ANSWER_TIME_WORDS
    out = []
    for m in _NUMBER.finditer(text):
        value = m.group().strip()
        if normalize(value).replace(",", "") in q.numbers:
            continue
        start, end = m.start(), m.start() + len(value)
        before = text[:start].split()[-1:] if start else []
        after = text[end:].split()[:1]
        # "March 1835", "12 March": a month name beside the figure belongs to the date.
        if before and normalize(before[0].strip(".,")) in months:
            start -= len(before[0]) + 1
        if after and normalize(after[0].strip(".,")) in months:
            end = text.index(after[0], end) + len(after[0].rstrip(".,"))
        out.append(Lifted(start, text[start:end]))
    return out


def _names(q: Question, text: str) -> list[Lifted]:
    asked = _asked_words(q) | language("en").lexicon.STOP_WORDS
    months = language("en").lexicon.ANSWER_TIME_WORDS
    out = []
    for m in _NAME.finditer(text):
        words = m.group().split()
        if m.start() == 0 and len(words) == 1:
            continue  # the sentence's first word is capitalised anyway
        if all(w.lower() in months for w in words):
            continue  # a month or a day is a date, not a name
        known = [w for w in words if normalize(w) in asked or skeleton(w) in q.skeletons]
        if len(known) < len(words):  # a name the question does not already hold
            out.append(Lifted(m.start(), m.group()))
    return out


def candidates(q: Question, text: str, lang: str) -> list[Lifted]:
    """Candidate answers of the asked kind in a passage, nearest to what the question names
    first (in text order when it names nothing there). Figures for a number or date, names for
    a person or place; any name or figure for other questions (a place to look, not an answer
    to lift: see `liftable`)."""
    kind = q.answer_type
    found = _numbers(q, text) if kind in _TYPED else []
    if not found and kind not in _TYPED:
        found = _names(q, text) or _numbers(q, text)
    near = anchors(q, text)
    if near:
        found.sort(key=lambda c: min(abs(c.start - a) for a in near))
    return found


def liftable(q: Question) -> bool:
    """Whether candidates of this question's kind can be named in the frame as its answer (a
    figure for "how many", a name for "who"); for other kinds they only place the excerpt."""
    return q.answer_type in (*_TYPED, "person", "place")


def focus(q: Question, text: str, lang: str, lifted: list[Lifted]) -> tuple[int, int]:
    """The span an excerpt should hold: the lifted answer, a reason cue, a shared word, else
    the passage's start."""
    if lifted:
        return lifted[0].start, lifted[0].start + len(lifted[0].text)
    if q.answer_type == "reason":
        cue = language(lang).lexicon.REASON.search(text)
        if cue:
            return cue.start(), cue.end()
    near = anchors(q, text)
    return (near[0], near[0] + 1) if near else (0, 1)


def excerpt(text: str, at: tuple[int, int], budget: int) -> str:
    """The passage's words around the span `at` (whole, when it fits), at most `budget`
    letters, verbatim, with '…' where words were left out."""
    spans = [m.span() for m in _WORD.finditer(text)]
    if not spans:
        return "…"
    last = len(spans) - 1
    lo = next((i for i, (s, e) in enumerate(spans) if e > at[0]), last)
    hi = next((i for i, (s, e) in enumerate(spans) if e >= at[1]), last)
    while hi > lo and letters(text[spans[lo][0] : spans[hi][1]]) > budget:
        hi -= 1  # the span itself is longer than the room: its beginning
    if letters(text[spans[lo][0] : spans[hi][1]]) > budget:
        return "…"
    while True:
        grown = False
        for lo2, hi2 in ((lo, hi + 1), (lo - 1, hi)):  # after the answer first: it continues
            inside = lo2 >= 0 and hi2 < len(spans)
            if inside and letters(text[spans[lo2][0] : spans[hi2][1]]) <= budget:
                lo, hi, grown = lo2, hi2, True
        if not grown:
            break
    piece = text[spans[lo][0] : spans[hi][1]]
    return ("… " if lo > 0 else "") + piece + (" …" if hi < len(spans) - 1 else "")
