"""Indexing articles in bulk: unchanged articles are skipped, the others prepared (attributed and
tokenised, here or in worker processes) and handed to index/bulk.py, which embeds them in large
batches and writes each batch as one store version; the lexical index follows every batch."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.articles import IngestResult, prepare
from index.ingest import Article
from index.rows import Prepared, record_of

if TYPE_CHECKING:
    from assistant.core import Assistant

Progress = Callable[[IngestResult], None]


def spare_cpu(threads: int) -> bool:
    """Whether this process may use more CPUs than the embedder's threads."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (usable or 1) > threads


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

    # Overlapping needs a spare core; without one, the model's threads share theirs with
    # cutting and writing (on 2 cores the two ran within the noise of each other).
    overlap = cfg.overlap if cfg.overlap is not None else spare_cpu(a.settings.embed.threads)
    with BulkWriter(store, a.embeddings, cfg.batch_rows, written, overlap) as writer:
        jobs = [(art, aligned) for _, art, _ in todo]
        if workers > 1 and len(jobs) > 1:
            from assistant.workers import prepared_in_workers

            for item in prepared_in_workers(jobs, workers, a.settings):
                writer.add(item)
        else:
            spec, max_chars = a.embeddings.spec, a.settings.chunk.max_chars
            for art, al in jobs:
                writer.add(prepare(art, al, max_chars, spec))
    for i, art in enumerate(articles):
        if i not in results:
            report(i, IngestResult(art.doc_id, "unchanged", results[first[art.doc_id]].units))
    return [results[i] for i in range(len(articles))]
