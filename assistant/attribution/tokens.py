"""Words of a unit with their offsets, and whether each lies inside a quotation.

Quotations are tracked across units, because a quote often runs over several sentences and
names its speaker only at the end ('... next year," the mayor said.'). Offsets are into the
unit's text, so the cue and source spans of the voice map can point into the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.language import english
from index.language.script import normalize

_WORD = re.compile(r"\S+")
_LEAD = re.compile(r"^[\"'«“‘(\[#]+")
_TRAIL = re.compile(r"[،,:;؛.!?؟\"'»”’)\]…—―–-]+$")  # dashes standing alone are punctuation
# '' and `` stand for double quotes in some wire copy; single quotes are mostly apostrophes.
_QUOTE = re.compile(r"''|``|[\"“”«»]")
_OPENERS = "“«"
_CLOSERS = "”»"
CLAUSE_END = re.compile(r"[،,:;؛.!?؟—―–]|(^|\s)--?$")  # ... and " - ", " -- " as dashes


@dataclass(frozen=True)
class Tok:
    """One word: as written without surrounding punctuation, normalised, and where it is."""

    raw: str
    norm: str
    start: int  # [start, end) of `raw` in the unit's text
    end: int
    before: str  # punctuation glued before the word ('"', '(')
    after: str  # punctuation glued after it ('",', '.')
    quoted: bool  # inside a quotation

    @property
    def ends_clause(self) -> bool:
        """Followed by a comma, colon, full stop or the like ("Mr." and "D." end nothing)."""
        if self.after == "." and (len(self.raw) == 1 or self.norm in english.ABBREVIATIONS):
            return False
        return CLAUSE_END.search(self.after) is not None

    @property
    def capitalised(self) -> bool:
        """Starts with a capital letter (English names)."""
        return self.raw[:1].isupper()


@dataclass
class Quotations:
    """Which characters of each unit lie inside a quotation, and which units share one."""

    flags: list[list[bool]]  # per unit, per character
    group: list[int | None]  # per unit: the quotation running over several units it is in


def quotations(texts: list[str], breaks: list[bool], max_units: int = 4) -> Quotations:
    """Pair the quotation marks of an article's units.

    A quotation may run over several units of a paragraph, and on into the next paragraph when
    that one reopens it (the news convention for a long quote). A mark left open for more than
    `max_units` units, or at the end of a paragraph that the next does not reopen, is a stray
    (scraped pages lose marks): it quotes nothing.
    """
    marks = [(u, m.start(), m.end(), m.group()) for u, t in enumerate(texts)
             for m in _QUOTE.finditer(t)]  # fmt: skip
    para = [0] * len(texts)
    for u in range(1, len(texts)):
        para[u] = para[u - 1] + (1 if breaks[u] else 0)
    spans: list[tuple[tuple[int, int], tuple[int, int], int]] = []  # open, close, group
    opened: tuple[int, int] | None = None
    chain: int | None = None  # group of a quote that a new paragraph reopened
    groups = 0
    for u, a, b, mark in marks:
        if opened is not None and para[u] != para[opened[0]]:
            reopens = texts[u][:a].strip() == "" and u == _first_of(para, para[u])
            if reopens and para[u] == para[opened[0]] + 1:
                g = chain if chain is not None else groups
                groups += g == groups
                end = _last_of(para, para[opened[0]])
                spans.append((opened, (end, len(texts[end])), g))
                opened, chain = (u, a), g
                continue
            # Otherwise the line break is a scraping artefact: the quote may still close soon.
        if opened is not None and u - opened[0] > max_units:
            opened, chain = None, None
        closes = mark[0] in _CLOSERS or (mark[0] not in _OPENERS and opened is not None)
        if opened is not None and closes:
            g = chain if chain is not None else (groups if u != opened[0] else -1)
            if g == groups:
                groups += 1
            spans.append((opened, (u, b), g))
            opened, chain = None, None
        elif mark[0] not in _CLOSERS:
            opened = (u, a)
    flags = [[False] * len(t) for t in texts]
    group: list[int | None] = [None] * len(texts)
    for (u0, a0), (u1, b1), g in spans:
        for u in range(u0, u1 + 1):
            lo = a0 if u == u0 else 0
            hi = b1 if u == u1 else len(texts[u])
            for k in range(lo, hi):
                flags[u][k] = True
            if g >= 0:
                group[u] = g
    return Quotations(flags, group)


def _first_of(para: list[int], p: int) -> int:
    return para.index(p)


def _last_of(para: list[int], p: int) -> int:
    return len(para) - 1 - para[::-1].index(p)


def split_words(text: str, quoted: list[bool] | None = None) -> list[Tok]:
    """The words of a text, with glued punctuation apart, offsets and quotation flags."""
    out: list[Tok] = []
    for m in _WORD.finditer(text):
        word = m.group()
        lead = _LEAD.match(word)
        a = lead.end() if lead else 0
        trail = _TRAIL.search(word, a)
        b = trail.start() if trail else len(word)
        if a >= b:  # punctuation alone (" , " in scraped Arabic): glue it to the previous word
            if out:
                prev = out[-1]
                out[-1] = Tok(prev.raw, prev.norm, prev.start, prev.end, prev.before,
                              prev.after + word, prev.quoted)  # fmt: skip
            continue
        s = m.start() + a
        inside = bool(quoted[s]) if quoted else False
        raw = word[a:b]
        out.append(Tok(raw, normalize(raw), s, m.start() + b, word[:a], word[b:], inside))
    return out


def quote_marks(text: str) -> int:
    """How many quotation marks a text holds."""
    return len(_QUOTE.findall(text))
