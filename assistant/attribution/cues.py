"""Reported-speech cues in one unit: the cue, its class, and the phrase naming its source.

Per language a finder (``english.find``, ``arabic.find``) lists every cue outside quotations, in
order; the pipeline takes the first that names (or points back to) a source. Written by hand: no
library parses reported speech in Arabic news, and a tagger's model would have to ship in a PyPI
package.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assistant.attribution.tokens import Tok

ACCORDING = "according"  # "according to X" / "بحسب X": a source given, no verb


@dataclass(frozen=True)
class Cue:
    """A reporting cue and who it says states the unit."""

    kind: str  # report | accusation | denial | speech | according
    cue: tuple[int, int]  # [start, end) in the unit's text
    source: tuple[int, int] | None = None  # the phrase naming the source, in the unit's text
    anaphor: bool = False  # "he said", "وأضاف", "مضيفا": the source is the last one named
    plural: bool = False  # a plural verb or pronoun ("قالوا", "they")
    close: bool = False  # points back only to the speaker of the unit just before
    pronoun: str | None = None  # "he", "she", "it", "they": whom it may point back to


Finder = Callable[[list[Tok], str], list[Cue]]


def span(toks: list[Tok]) -> tuple[int, int]:
    """The [start, end) that a run of words covers."""
    return (toks[0].start, toks[-1].end)


def phrase(text: str, where: tuple[int, int]) -> str:
    """The words of a span as written, without surrounding quotes and punctuation; a quoted
    name ending it keeps its closing mark (صحيفة "الرصد الجديد")."""
    got = text[where[0] : where[1]].strip(" \"'«»“”‘’,،:;.()#")
    after = text[where[1] : where[1] + 1]
    for opening, closing in _PAIRS:
        unclosed = (
            got.count(opening) % 2
            if opening == closing
            else got.count(opening) > got.count(closing)
        )
        if unclosed and after == closing:
            return got + closing
    return got


_PAIRS = (('"', '"'), ("«", "»"), ("“", "”"))
