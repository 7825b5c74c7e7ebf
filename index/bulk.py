"""Bulk writing: prepared articles embedded in large batches across articles and written to the
store in large batches, the embedding of one batch overlapping the writing of the one before.

The embedding model is the limit (tens of sentences per second on two cores); everything else is
made small next to it: one embedder call per batch of many articles' chunks (not one per
article), one Chroma call per few thousand rows (a 29-row write costs ~3 ms a row, a 500-row one
~0.7 ms), and the writing done in a thread while the next batch is embedded. Callbacks run in the
caller's thread, in order, as batches are written.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

import numpy as np

from index.rows import Prepared
from index.store import Store

Written = Callable[[list[Prepared], int, list[str]], None]  # items, version, superseded ids


class _Encoder(Protocol):
    def encode_documents(self, texts: list[str]) -> np.ndarray: ...


def embed(items: list[Prepared], embedder: _Encoder) -> list[Prepared]:
    """Give every item that lacks them its vectors, with one embedder call for all."""
    todo = [it for it in items if len(it.vectors) != len(it.texts())]
    texts = [t for it in todo for t in it.texts()]
    if texts:
        vectors = embedder.encode_documents(texts)
        start = 0
        for it in todo:
            n = len(it.texts())
            it.vectors, start = vectors[start : start + n], start + n
    return items


class BulkWriter:
    """Collects prepared articles into batches of at least `batch_rows` rows; each batch is
    embedded (unless its items already carry vectors) and written as one store version."""

    def __init__(
        self, store: Store, embedder: _Encoder, batch_rows: int, on_written: Written,
        overlap: bool = True,
    ) -> None:  # fmt: skip
        self.store, self.embedder, self.batch_rows = store, embedder, batch_rows
        self.on_written = on_written
        self._pending: list[Prepared] = []
        self._rows = 0
        self._flying: deque[tuple[list[Prepared], Future[tuple[int, list[str]]]]] = deque()
        # One thread embeds, one writes: batch k+1 is embedded while batch k is written.
        self._embed = ThreadPoolExecutor(1, "isnad-embed") if overlap else None
        self._store = ThreadPoolExecutor(1, "isnad-write") if overlap else None

    def add(self, item: Prepared) -> None:
        """Queue an article; a full batch is sent on its way."""
        self._pending.append(item)
        self._rows += len(item.texts())
        if self._rows >= self.batch_rows:
            self._send()
        self._collect(block=False)

    def close(self) -> None:
        """Write what is queued and wait for every batch (errors are raised here or in add)."""
        try:
            self._send()
            self._collect(block=True)
        finally:
            self._stop()

    def __enter__(self) -> BulkWriter:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.close()
        else:  # the caller failed: let the batch being written finish, drop the rest
            self._stop()

    def _send(self) -> None:
        batch, self._pending, self._rows = self._pending, [], 0
        if not batch:
            return
        if self._embed is None or self._store is None:
            done: Future[tuple[int, list[str]]] = Future()
            done.set_result(self.store.write(embed(batch, self.embedder)))
            self._flying.append((batch, done))
            return
        embedded = self._embed.submit(embed, batch, self.embedder)
        self._flying.append(
            (batch, self._store.submit(lambda: self.store.write(embedded.result())))
        )
        # At most two batches in flight (one embedding, one writing): memory stays bounded.
        while len(self._flying) > 2:
            self._report(*self._flying.popleft())

    def _collect(self, block: bool) -> None:
        while self._flying and (block or self._flying[0][1].done()):
            self._report(*self._flying.popleft())

    def _report(self, batch: list[Prepared], result: Future[tuple[int, list[str]]]) -> None:
        version, lost = result.result()  # re-raises the embedder's or the store's error
        self.on_written(batch, version, lost)

    def _stop(self) -> None:
        for pool in (self._embed, self._store):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
