"""Indexing articles in bulk: unchanged articles are skipped, the others prepared (attributed and
tokenised, here or in worker processes) and handed to index/bulk.py, which embeds them in large
batches and writes each batch as one store version; the lexical index follows every batch."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.articles import IngestResult, prepare
from index.ingest import Article
from index.rows import Prepared, record_of

if TYPE_CHECKING:
    from assistant.core import Assistant

Progress = Callable[[IngestResult], None]


def index_articles(
    a: Assistant, articles: list[Article], aligned: dict[tuple[int, int], str] | None,
    progress: Progress | None = None, workers: int = 1,
) -> list[IngestResult]:  # fmt: skip
    """Index checked articles; results in the order given (a repeated file is `unchanged`)."""
    from index.bulk import BulkWriter

    store, cfg = a.store, a.settings.ingest
    untidy: list[str] = []
    existing = store.versions([art.doc_id for art in articles], untidy)
    results: dict[int, IngestResult] = {}
    first: dict[str, int] = {}
    todo: list[tuple[int, Article, str]] = []

    def report(i: int, result: IngestResult) -> None:
        results[i] = result
        if progress:
            progress(result)

    for i, art in enumerate(articles):
        if art.doc_id in first:
            continue  # the same file again in this call (same text: read_articles checked)
        first[art.doc_id] = i
        meta = existing.get(art.doc_id)
        old = record_of(meta) if meta else None
        if old and old.sha256 == art.sha256 and (aligned is None or old.aligned):
            report(i, IngestResult(art.doc_id, "unchanged", old.units))
        else:
            todo.append((i, art, "replaced" if old else "added"))
    writing = {art.doc_id for _, art, _ in todo}
    store.tidy(existing, [d for d in untidy if d not in writing])
    where = {art.doc_id: (i, status) for i, art, status in todo}

    def written(batch: list[Prepared], version: int, lost: list[str]) -> None:
        a.retriever.apply([it for it in batch if it.info.doc_id not in lost], version)
        for it in batch:
            report(where[it.info.doc_id][0], IngestResult(
                it.info.doc_id, where[it.info.doc_id][1], it.info.units))  # fmt: skip

    with BulkWriter(store, a.embeddings, cfg.batch_rows, written, cfg.overlap) as writer:
        jobs = [(art, aligned) for _, art, _ in todo]
        if workers > 1 and len(jobs) > 1:
            from assistant.workers import prepared_in_workers

            for item in prepared_in_workers(jobs, workers, a.settings):
                writer.add(item)
        else:
            spec, max_chars = a.embeddings.spec, a.settings.chunk.max_chars
            for art, al in jobs:
                writer.add(prepare(art, al, max_chars, spec, a.settings.attribution))
    for i, art in enumerate(articles):
        if i not in results:
            report(i, IngestResult(art.doc_id, "unchanged", results[first[art.doc_id]].units))
    return [results[i] for i in range(len(articles))]
