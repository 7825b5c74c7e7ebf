"""Matching a name someone asks about ("what did X say") against the speakers of chunks."""

from __future__ import annotations

from collections.abc import Iterable

from index.language import detect_language
from index.models import ARTICLE_SPEAKER, Chunk
from index.normalize import tokens


def speaks(name: str, chunks: Iterable[Chunk]) -> bool | None:
    """Whether `name` is (part of) a speaker's name; None when no name is in its script."""
    wanted = set(tokens(name))
    script = detect_language(name)
    names = [
        n
        for c in chunks
        if c.speaker != ARTICLE_SPEAKER
        for n in (c.speaker, c.translation_speaker)
        if n and detect_language(n) == script
    ]
    if not wanted or not names:
        return None
    return any(wanted <= set(tokens(n)) for n in names)
