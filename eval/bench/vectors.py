"""Pre-embedded synthetic corpus: the real embedder's passage vectors of every distinct chunk text
of the first N synthetic articles, computed once and kept on disk, so that building a
10,000-article index does not take hours of embedding each time.

The cache is keyed by the chunk's exact text (the embedder is deterministic: the same text always
gets the same vector), so it stays right if segmentation changes: a text it does not hold is
embedded by the real model when the index is built (`CachedEmbeddings.misses` counts them).
Queries always use the real embedder. Shards are written as they are computed, so an interrupted
build resumes where it stopped.

    python -m eval.bench _vectors --n 10000 [--cache DIR]
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from eval.bench.common import EVAL_DIR

SHARD = 4096  # texts per shard file: a killed build loses at most one shard of work
BATCH = 256  # texts per embedder call while building


def default_cache(spec: str) -> Path:
    """Where the vectors of an embedder are cached (eval/out is not committed)."""
    return EVAL_DIR / "out" / "bench-vectors" / hashlib.sha256(spec.encode()).hexdigest()[:12]


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def synth_texts(n: int, seed: int, max_chars: int) -> list[str]:
    """Every distinct chunk text of the first n synthetic articles, in first-seen order."""
    from eval.synth import articles
    from index.chunking import chunk_spans
    from index.ingest import make_article

    seen: dict[str, None] = {}
    for art in articles(n, seed):
        a = make_article(art.text, art.doc_id)
        for u in chunk_spans(a, None, max_chars):
            seen.setdefault(a.source_text[u.start : u.end], None)
    return list(seen)


class VectorCache:
    """text -> vector, from the shard files of a folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.rows: dict[str, int] = {}
        parts: list[np.ndarray] = []
        for meta in sorted(folder.glob("shard_*.json")):
            vecs = np.load(meta.with_suffix(".npy"))
            keys = json.loads(meta.read_text(encoding="utf-8"))
            if len(keys) != len(vecs):  # a shard half-written by a killed build: ignored
                continue
            base = sum(len(p) for p in parts)
            self.rows.update({k: base + i for i, k in enumerate(keys)})
            parts.append(vecs)
        self.matrix = np.concatenate(parts) if parts else np.zeros((0, 1), np.float32)

    def __len__(self) -> int:
        return len(self.rows)

    def get(self, text: str) -> np.ndarray | None:
        """The cached vector of a text, or None."""
        i = self.rows.get(_key(text))
        return None if i is None else self.matrix[i]

    def missing(self, texts: Iterable[str]) -> list[str]:
        """The texts it does not hold."""
        return [t for t in texts if _key(t) not in self.rows]

    def add(self, texts: list[str], vectors: np.ndarray) -> None:
        """Write one shard (vectors first, then the keys that make it valid)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"shard_{len(list(self.folder.glob('shard_*.json'))):05d}"
        np.save(self.folder / f"{name}.npy", vectors.astype(np.float32))
        keys = [_key(t) for t in texts]
        (self.folder / f"{name}.json").write_text(json.dumps(keys), encoding="utf-8")
        base = len(self.matrix) if len(self.rows) else 0
        self.rows.update({k: base + i for i, k in enumerate(keys)})
        self.matrix = vectors if not base else np.concatenate([self.matrix, vectors])


class CachedEmbeddings:
    """The real embeddings object, except that passages come from the cache when it has them."""

    def __init__(self, real: Any, cache: VectorCache) -> None:
        self.real, self.cache = real, cache
        self.spec, self.threads = real.spec, real.threads  # the index is the real model's
        self.hits = self.misses = 0

    def encode_documents(self, texts: list[str]) -> np.ndarray:
        """Cached vectors; the texts the cache lacks are embedded by the real model."""
        found: list[Any] = [self.cache.get(t) for t in texts]
        todo = [i for i, v in enumerate(found) if v is None]
        self.misses += len(todo)
        self.hits += len(texts) - len(todo)
        if todo:
            fresh = self.real.encode_documents([texts[i] for i in todo])
            for i, v in zip(todo, fresh, strict=True):
                found[i] = v
        return np.stack(found).astype(np.float32) if texts else np.zeros((0, 1), np.float32)

    def __getattr__(self, name: str) -> Any:  # encode_query, embed_query...: the real model
        return getattr(self.real, name)


def build_cache(n: int, seed: int, folder: Path, real: Any, max_chars: int) -> VectorCache:
    """Embed every distinct chunk text of the first n articles the cache lacks (resumable)."""
    cache = VectorCache(folder)
    todo = cache.missing(synth_texts(n, seed, max_chars))
    print(f"bench: vectors for N={n:,}: {len(cache):,} cached, {len(todo):,} to embed "
          f"into {folder}", file=sys.stderr)  # fmt: skip
    t0 = time.perf_counter()
    for s in range(0, len(todo), SHARD):
        part = todo[s : s + SHARD]
        vecs = np.concatenate(
            [real.encode_documents(part[b : b + BATCH]) for b in range(0, len(part), BATCH)]
        )
        cache.add(part, vecs)
        done = s + len(part)
        rate = done / (time.perf_counter() - t0)
        print(f"bench:   embedded {done:,}/{len(todo):,} ({rate:.1f} texts/s, "
              f"{(len(todo) - done) / rate / 60:.0f} min left)", file=sys.stderr)  # fmt: skip
    return cache
