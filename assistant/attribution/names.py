"""Matching a name someone asks about ("what did X say") against the speakers of chunks."""

from __future__ import annotations

import re
from collections.abc import Iterable

from index.language import detect_language, language, normalize
from index.models import ARTICLE_SPEAKER, Chunk
from index.normalize import tokens


def speaks(name: str, chunks: Iterable[Chunk], beside: bool = False) -> bool | None:
    """Whether `name` is (part of) a speaker's name; with `beside`, or the role set beside
    that name where the passage names them ("the health minister" for "The health minister,
    Priya Lennox, told MPs"). None when no name is in its script."""
    wanted = set(tokens(name))
    script = detect_language(name)
    chunks = list(chunks)
    spoken = [
        (n, c)
        for c in chunks
        if c.speaker != ARTICLE_SPEAKER
        for n in (c.speaker, c.translation_speaker)
        if n and detect_language(n) == script
    ]
    if not wanted or not spoken:
        return None
    if any(wanted <= set(tokens(n)) or (beside and _beside(wanted, n, c.text)) for n, c in spoken):
        return True
    if not beside:
        return False
    # A speaker named by part of the name asked about ("الخوري" for "مازن الخوري"), where the
    # article gives that whole name.
    given = any(wanted <= set(tokens(c.text)) for c in chunks)
    return given and any(set(tokens(n)) < wanted for n, _ in spoken)


def _beside(wanted: set[str], speaker: str, text: str) -> bool:
    """Whether the words name the speaker in apposition in the passage: a short phrase set off
    by commas right before or after the name ("The health minister, Priya Lennox, told MPs"),
    not a relative clause about someone else ("Lennox, who has clashed with the health
    minister, said") nor another party in the speaker's own clause ("accused X of ...")."""
    own = tokens(speaker)
    if not own:
        return False
    parts = re.split(r"[,،]", text)
    for k, part in enumerate(parts):
        if own[-1] not in tokens(part):
            continue
        for near in (parts[k - 1] if k else "", parts[k + 1] if k + 1 < len(parts) else ""):
            words = near.split()
            appositive = 0 < len(words) <= _APPOSITION and normalize(words[0]) not in _RELATIVES
            if appositive and wanted <= set(tokens(near)):
                return True
    return False


_APPOSITION = 6  # words: a name or a role set off by commas, not a clause
_RELATIVES = frozenset({*language("en").lexicon.RELATIVES, *language("ar").lexicon.RELATIVES})
