"""From an article to its sentence units, with the aligned edition's renderings attached."""

from __future__ import annotations

from dataclasses import dataclass

from index.ingest import Article
from index.segment import Span, segment


@dataclass(frozen=True)
class Unit:
    """A sentence unit before attribution."""

    start: int
    end: int
    headline: bool
    translation: str | None


def units(
    article: Article, aligned: dict[tuple[int, int], str] | None = None, max_unit_chars: int = 1200
) -> list[Unit]:
    """Sentence units of an article; with an aligned edition its spans win where given."""
    spans = segment(article.source_text, max_unit_chars)
    if not aligned:
        return [Unit(s.start, s.end, s.headline, None) for s in spans]
    heads = {(s.start, s.end): s.headline for s in spans}
    chosen: list[Span] = [Span(a, b, heads.get((a, b), False)) for a, b in sorted(aligned)]
    # Text the aligned edition does not cover still becomes units of its own.
    chosen += [s for s in spans if not any(s.start < b and a < s.end for a, b in aligned)]
    chosen.sort(key=lambda s: s.start)
    return [Unit(s.start, s.end, s.headline, aligned.get((s.start, s.end))) for s in chosen]
