"""Words of a unit with their offsets, and whether each lies inside a quotation.

Quotations are tracked across the units of a paragraph, because a quote often runs over several
sentences and names its speaker only at the end ('... next year," the mayor said.'). Offsets are into
the unit's text, so the cue and source spans of the voice map can point into the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.language.script import normalize

_WORD = re.compile(r"\S+")
_LEAD = re.compile(r"^[\"'«“‘(\[#]+")
_TRAIL = re.compile(r"[،,:;؛.!?؟\"'»”’)\]…]+$")
# '' and `` stand for double quotes in some wire copy; single quotes are mostly apostrophes.
_QUOTE = re.compile(r"''|``|[\"“”«»]")
_OPENERS = "“«"
_CLOSERS = "”»"
CLAUSE_END = re.compile(r"[،,:;؛.!?؟—]")


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
        """Followed by a comma, colon, full stop or the like."""
        return CLAUSE_END.search(self.after) is not None

    @property
    def capitalised(self) -> bool:
        """Starts with a capital letter (English names)."""
        return self.raw[:1].isupper()


class QuoteState:
    """Whether the text read so far has an open quotation (per paragraph)."""

    def __init__(self) -> None:
        self.open = False
        self.continued = False  # the paragraph went on from an unclosed quote

    def paragraph(self) -> None:
        """A new paragraph: an unclosed quote may go on only if the paragraph reopens it."""
        self.continued = self.open
        self.open = False

    def inside(self, text: str) -> list[bool]:
        """For each character of a unit, whether it is inside a quotation (updates the state)."""
        flags = [False] * len(text)
        pos = 0
        for m in _QUOTE.finditer(text):
            for k in range(pos, m.start()):
                flags[k] = self.open
            mark = m.group()
            if mark[0] in _OPENERS:
                now = True
            elif mark[0] in _CLOSERS:
                now = False
            else:
                now = not self.open
            for k in range(m.start(), m.end()):
                flags[k] = True  # the marks belong to the quotation
            self.open = now
            pos = m.end()
        for k in range(pos, len(text)):
            flags[k] = self.open
        return flags


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
