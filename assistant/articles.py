"""Articles in: read and checked (index/), cut into chunks, each chunk attributed, then stored."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from assistant.attribution import attribute
from assistant.config import AttributionSettings, LimitSettings
from assistant.errors import BadInput
from assistant.models import Chunk, DocInfo
from index.chunking import chunk_spans
from index.ingest import Article, read_article
from index.language import language
from index.rows import Prepared


@dataclass(frozen=True)
class IngestResult:
    """What happened to one article."""

    doc_id: str
    status: str  # "added" | "replaced" | "unchanged"
    units: int


@dataclass(frozen=True)
class BundledArticle:
    """The default article shipped with the package, with its aligned English edition."""

    path: Path
    doc_id: str
    aligned: Path
    title: str


@contextmanager
def bundled_article() -> Iterator[BundledArticle]:
    """The default article's files (as real paths for as long as the context lasts)."""
    data = resources.files("assistant") / "data"
    with resources.as_file(data) as folder:
        spec = json.loads((folder / "default.json").read_text(encoding="utf-8"))
        yield BundledArticle(
            folder / spec["file"], spec["doc_id"], folder / spec["aligned"], spec["title"]
        )


def read_articles(
    paths: list[Path], doc_id: str | None, title: str | None, lang: str | None,
    aligned: Path | None, limits: LimitSettings,
) -> list[Article]:  # fmt: skip
    """Read and check every file before any is indexed (one bad file stops the whole call)."""
    if not paths:
        raise BadInput("no files given")
    if len(paths) > limits.max_files:
        raise BadInput(f"{len(paths):,} files is over the limit of {limits.max_files:,}")
    if (doc_id or aligned) and len(paths) > 1:
        raise BadInput("--doc-id and --aligned apply to one file at a time")
    articles = [read_article(p, doc_id, title, lang, limits.max_file_bytes) for p in paths]
    first: dict[str, Article] = {}
    for art in articles:
        if first.setdefault(art.doc_id, art).sha256 != art.sha256:
            raise BadInput(
                f"two different files would get the same doc id {art.doc_id!r}; "
                "ingest them separately with --doc-id"
            )
    return articles


def build_chunks(
    art: Article, aligned: dict[tuple[int, int], str] | None, max_chars: int,
    settings: AttributionSettings | None = None,
) -> list[Chunk]:  # fmt: skip
    """The article's chunks, each with its speaker and role (and the aligned edition's)."""
    spans = chunk_spans(art, aligned, max_chars)
    texts = [art.source_text[u.start : u.end] for u in spans]
    heads = [u.headline for u in spans]
    starts = [u.start for u in spans]
    breaks = [
        i == 0 or "\n" in art.source_text[spans[i - 1].end : u.start] for i, u in enumerate(spans)
    ]
    who = attribute(texts, art.lang, heads, starts, breaks, settings)
    other = language(art.lang).other
    who_t = attribute([u.translation or "" for u in spans], other, heads) if aligned else None
    return [
        Chunk(
            chunk_id=f"{art.doc_id}:{i:04d}", doc_id=art.doc_id, index=i, start=u.start,
            end=u.end, text=texts[i], lang=art.lang, translation=u.translation,
            speaker=who[i].speaker, role=who[i].role, headline=u.headline, cue=who[i].cue,
            source=who[i].source,
            translation_speaker=who_t[i].speaker if who_t and u.translation else None,
            mentions=" | ".join([*who[i].mentions, *(who_t[i].mentions if who_t else ())])
            or None,
        )
        for i, u in enumerate(spans)
    ]  # fmt: skip


def prepare(
    art: Article, aligned: dict[tuple[int, int], str] | None, max_chars: int, embedder: str,
    settings: AttributionSettings | None = None,
) -> Prepared:  # fmt: skip
    """An article ready to embed and store: its chunks attributed, its record, search tokens."""
    chunks = build_chunks(art, aligned, max_chars, settings)
    info = DocInfo(
        doc_id=art.doc_id, title=art.title, lang=art.lang, path=art.path, sha256=art.sha256,
        units=len(chunks), chars=len(art.source_text), aligned=aligned is not None,
        embedder=embedder,
    )  # fmt: skip
    return Prepared.of(info, art.source_text, chunks)
