"""From an article to its chunks' spans (one sentence unit each), with aligned renderings."""

from __future__ import annotations

from dataclasses import dataclass

from index.ingest import Article
from index.segment import Span, segment


@dataclass(frozen=True)
class ChunkSpan:
    """Where a chunk lies in the article, before attribution."""

    start: int
    end: int
    headline: bool
    translation: str | None


def chunk_spans(
    article: Article, aligned: dict[tuple[int, int], str] | None = None, max_chunk_chars: int = 1200
) -> list[ChunkSpan]:
    """The chunks of an article; with an aligned edition its spans win where given."""
    spans = segment(article.source_text, max_chunk_chars)
    if not aligned:
        return [ChunkSpan(s.start, s.end, s.headline, None) for s in spans]
    heads = {(s.start, s.end): s.headline for s in spans}
    chosen: list[Span] = [Span(a, b, heads.get((a, b), False)) for a, b in sorted(aligned)]
    # Text the aligned edition does not cover still becomes units of its own.
    chosen += [s for s in spans if not any(s.start < b and a < s.end for a, b in aligned)]
    chosen.sort(key=lambda s: s.start)
    return [ChunkSpan(s.start, s.end, s.headline, aligned.get((s.start, s.end))) for s in chosen]
