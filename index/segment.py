"""Sentence units with exact character offsets, for Arabic and English articles.

Written by hand because the sentence splitters we could use (nltk, pysbd, langchain's text
splitters) return strings, not offsets into the original, and none splits an Arabic headline
glued to the sentence that follows it (a common artefact of scraped Arabic news).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.language import arabic
from index.language.script import has_arabic, normalize_arabic

_TERMINATOR = re.compile(r"[.!?؟…]+[\"'»”’)\]]*(?=\s|$)")
# A line that ends a sentence: its full stop may sit inside a closing quote or bracket (.")
_ENDS_SENTENCE = re.compile(r"[.!?؟…]+[\"'»”’)\]]*$")
_ABBREV = frozenset(
    "mr mrs ms dr prof st jr sr no vs etc inc ltd co corp gen gov sen rep rev fig al jan feb mar "
    "apr jun jul aug sep sept oct nov dec u.s u.k e.g i.e a.m p.m".split()
)
_WORD = re.compile(r"\S+")
_HEADING_MARK = re.compile(r"[ \t]*(#{1,6}[ \t]+|[*-][ \t]+|>[ \t]*)")
# Direction marks (LRM, RLM, ALM) that editors put before a line: they hide its first word.
_MARKS = re.compile("[\u200e\u200f\u061c]")
_SHORT_WORD = 2  # letters: a word this short (ذا, لـ) leans on the next, it ends no headline


def _word(raw: str) -> str:
    """A word as the headline checks compare it: direction marks dropped, letters normalised."""
    return normalize_arabic(_MARKS.sub("", raw))


def _ends_phrase(raw: str) -> bool:
    """Whether a word can end a headline: a particle or preposition ("ما", "خلال", "ذا") needs
    the words after it, so a cut after it falls inside a sentence."""
    norm = re.sub(r"\W", "", _word(raw))
    if not norm:
        return True  # a dash or bar closing a dateline or a headline ("القاهرة -")
    return len(norm) > _SHORT_WORD and norm not in arabic.STOP_WORDS | arabic.OPEN_ENDED


def _opens_sentence(norm: str) -> bool:
    """Whether an Arabic word opens a sentence of news prose: a reporting verb or phrase
    ("كشفت", "وبحسب") or a discourse connector ("وفي", "وكان")."""
    return bool(
        arabic.verb_kind(norm) or arabic.ACCORDING.match(norm) or arabic.CONNECTORS.match(norm)
    )


@dataclass(frozen=True)
class Span:
    """A sentence unit: [start, end) into the original text."""

    start: int
    end: int
    headline: bool = False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] == "\ufeff"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    m = re.search(r"(\S+)$", text[max(0, dot - 64) : dot])  # a window: linear on long texts
    if not m:
        return False
    word = m.group(1).lower().lstrip("(\"'“")
    if word in _ABBREV or (len(word) == 1 and word.isalpha()):
        return True
    nxt = re.match(r"\s*(\S)", text[dot + 1 : dot + 64])
    return bool(nxt and nxt.group(1).islower())  # "e.g. the" / "approx. five"


def _continues(text: str, end: int) -> bool:
    """Whether the word after a terminator goes on with the sentence: a lower-case Latin word
    ('"Why?" said Smith', "Sen. Jo Smith (R-Ga.) said") never opens one."""
    nxt = re.match(r"\s*([A-Za-z])", text[end : end + 8])
    return bool(nxt and nxt.group(1).islower())


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, cur = [], start
    for m in _TERMINATOR.finditer(text, start, end):
        if _is_abbreviation(text, m.start()) or _continues(text, m.end()):
            continue
        out.append((cur, m.end()))
        cur = m.end()
    out.append((cur, end))
    return [s for s in (_trim(text, a, b) for a, b in out) if s[0] < s[1]]


def _headline_split(text: str, start: int, end: int) -> int | None:
    """Offset where a glued Arabic headline ends, or None."""
    words = list(_WORD.finditer(text, start, end))
    if len(words) < 5 or not has_arabic(words[0].group()):
        return None
    first = _word(words[0].group())
    if arabic.NOT_HEADLINE_START.match(first) or _opens_sentence(first):
        return None
    for i in range(3, min(11, len(words) - 1)):
        prev = words[i - 1].group()
        if re.search(r"[،,:;؛\"«»()]", prev):
            return None
        if _opens_sentence(_word(words[i].group())):
            return words[i].start() if _ends_phrase(prev) else None
    return None


def _cut_long(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    spans = []
    while end - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("، "), window.rfind(", "), window.rfind("؛ "), window.rfind("; "))
        cut = cut + 1 if cut > limit // 3 else (window.rfind(" ") if " " in window else limit)
        spans.append(_trim(text, start, start + cut))
        start = start + cut
    spans.append(_trim(text, start, end))
    return [s for s in spans if s[0] < s[1]]


def segment(text: str, max_chunk_chars: int = 1200) -> list[Span]:
    """Cut text into sentence units: lines, then sentence ends, then glued headlines."""
    spans: list[Span] = []
    for line in re.finditer(r"[^\n]+", text):
        a, b = line.start(), line.end()
        mark = _HEADING_MARK.match(text, a, b) if text[a:b].lstrip().startswith("#") else None
        if mark:
            a = mark.end()
        a, b = _trim(text, a, b)
        if a >= b:
            continue
        sentences = _sentences(text, a, b)
        unterminated = len(sentences) == 1 and not _ENDS_SENTENCE.search(text, a, b)
        # A markdown heading, or a short line without a closing full stop: a headline.
        if mark or (unterminated and len(_WORD.findall(text[a:b])) <= 20):
            spans.append(Span(a, b, headline=True))
            continue
        for s, e in sentences:
            cut = _headline_split(text, s, e)
            if cut is not None:
                hs, he = _trim(text, s, cut)
                spans.append(Span(hs, he, headline=True))
                s = cut
            spans.extend(Span(x, y) for x, y in _cut_long(text, s, e, max_chunk_chars))
    return spans
