"""Matching a name someone asks about ("what did X say") against the speakers of chunks."""

from __future__ import annotations

from collections.abc import Iterable

from index.language import detect_language
from index.models import ARTICLE_SPEAKER, Chunk
from index.normalize import tokens

# How far around a speaker's name in its passage a role set beside it may sit ("The health
# minister, Priya Lennox, told MPs"): the name's own apposition.
_APPOSITION = 7


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
    """Whether the words sit right around the speaker's name in the passage."""
    own, words = tokens(speaker), tokens(text)
    if not own:
        return False
    at = [i for i, w in enumerate(words) if w == own[-1]]
    return any(
        wanted <= set(words[max(0, i - len(own) - _APPOSITION) : i + _APPOSITION]) for i in at
    )
