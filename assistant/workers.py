"""Ingest worker processes (`isnad ingest --workers N`): each attributes, tokenises and embeds the
articles it is given and sends them back; the parent process stays the only writer (an embedded
Chroma store must have one writer process; against a server it costs nothing)."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

from assistant.articles import prepare
from index.ingest import Article
from index.rows import Prepared

if TYPE_CHECKING:
    from assistant.config import AttributionSettings, Settings

Job = tuple[Article, dict[tuple[int, int], str] | None]
_WORKER: dict[str, Any] = {}  # this worker process's embedder and chunk settings


def _start(spec: str, threads: int, max_chars: int, attribution: AttributionSettings) -> None:
    from index.embeddings import IsnadEmbeddings

    _WORKER.update(
        embedder=IsnadEmbeddings(spec, threads), max_chars=max_chars, attribution=attribution
    )


def _prepare(jobs: list[Job]) -> list[Prepared]:
    from index.bulk import embed

    emb = _WORKER["embedder"]
    max_chars, attribution = _WORKER["max_chars"], _WORKER["attribution"]
    return embed([prepare(art, al, max_chars, emb.spec, attribution) for art, al in jobs], emb)


def prepared_in_workers(jobs: list[Job], workers: int, settings: Settings) -> Iterator[Prepared]:
    """The articles prepared and embedded by `workers` processes, in the order given."""
    cfg = settings.ingest
    threads = cfg.worker_threads or max(1, settings.embed.threads // workers)
    shards = [jobs[i : i + cfg.worker_articles] for i in range(0, len(jobs), cfg.worker_articles)]
    # spawn, not fork: a forked copy of a process that already runs OpenMP or Chroma threads
    # can deadlock.
    ctx = multiprocessing.get_context("spawn")
    args = (settings.embedder_spec, threads, settings.chunk.max_chars, settings.attribution)
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_start, initargs=args) as pool:
        flying: deque[Future[list[Prepared]]] = deque()
        for shard in shards:
            flying.append(pool.submit(_prepare, shard))
            if len(flying) >= 2 * workers:  # a bounded window: results never pile up
                yield from flying.popleft().result()
        while flying:
            yield from flying.popleft().result()
