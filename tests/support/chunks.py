"""Chunks made in memory (segmented and attributed, never embedded or stored), for pure tests of
the answer, verification and guard steps."""

from __future__ import annotations

from assistant.attribution import attribute
from index.language import detect_language
from index.lexical import LexicalIndex
from index.models import Chunk
from index.retriever import Hit
from index.segment import segment


def chunks_of(
    text: str, doc_id: str = "doc", translation: dict[int, str] | None = None
) -> list[Chunk]:
    """An article's chunks with speakers and roles, as ingest would make them (no embedding)."""
    lang = detect_language(text)
    spans = segment(text)
    who = attribute([text[s.start : s.end] for s in spans], lang, [s.headline for s in spans])
    return [
        Chunk(
            chunk_id=f"{doc_id}:{i:04d}", doc_id=doc_id, index=i, start=s.start, end=s.end,
            text=text[s.start : s.end], lang=lang, speaker=w.speaker, role=w.role,  # type: ignore[arg-type]
            headline=s.headline, translation=(translation or {}).get(i),
        )
        for i, (s, w) in enumerate(zip(spans, who, strict=True))
    ]  # fmt: skip


def hits_of(chunks: list[Chunk], dense: float = 0.8) -> list[Hit]:
    """Every chunk as a retrieval hit with the same dense score (ranking left to the steps)."""
    return [Hit(c, 1.0 / (60 + i), dense, 0.0) for i, c in enumerate(chunks)]


def lexical(chunks: list[Chunk]) -> LexicalIndex:
    """The lexical index over these chunks only."""
    return LexicalIndex(chunks)
