"""Part 3 of the benchmark, the lexical probe: isnad's per-query work that grows with N, without
embedding (the units of N synthetic articles, segmented only, in isnad's `LexicalIndex`)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from eval.bench.common import ROOT, BenchError, child_env, load, peak_rss_mb, timed
from eval.metrics import percentile


def sparse_bm25(lex: Any) -> Callable[[list[str]], Any]:
    """rank_bm25's own scoring loop over the same tokens, the reference the product's sparse
    blocks must equal."""
    from rank_bm25 import BM25Okapi

    return BM25Okapi(lex.token_lists).get_scores


def probe(args: argparse.Namespace) -> int:
    """Build isnad's lexical index over N synthetic articles' units (segmented, not embedded)
    and time what a query does with it; JSON result to --result."""
    import numpy as np

    from assistant.models import Chunk
    from eval.synth import article
    from index.lexical import LexicalIndex
    from index.normalize import tokens
    from index.retriever import HybridRetriever
    from index.segment import segment
    from index.store import Store

    class NoDense(Store):  # the retriever's store, minus Chroma
        def __init__(self, chunks: list[Chunk]) -> None:
            self._units = chunks

        def chunks(self) -> list[Chunk]:
            return self._units

        def dense(self, vector: Any, k: int, doc_ids: Any = None) -> dict[str, float]:
            return {}

    class ZeroEmbeddings:
        def encode_query(self, text: str) -> Any:
            return np.zeros(1, np.float32)

    rss0 = peak_rss_mb()
    chunks = []
    for i in range(args.n):
        art = article(i, args.seed)
        for j, sp in enumerate(segment(art.text)):
            chunks.append(Chunk(
                chunk_id=f"{art.doc_id}:{j:04d}", doc_id=art.doc_id, index=j, start=sp.start,
                end=sp.end, text=art.text[sp.start : sp.end], lang=art.lang, headline=sp.headline,
            ))  # fmt: skip
    build_ms, lex = timed(lambda: LexicalIndex(chunks))
    store = NoDense(chunks)
    store.embeddings = ZeroEmbeddings()  # type: ignore[assignment]
    retriever = HybridRetriever(store, refresh_s=float("inf"))  # no other writer to catch up with
    retriever._lexical = lex
    sparse_ms, fast = timed(lambda: sparse_bm25(lex))
    picks = [round(k * (args.n - 1) / max(1, args.queries - 1)) for k in range(args.queries)]
    qs = [tokens(article(i, args.seed).question) for i in sorted(set(picks))]
    texts = [article(i, args.seed).question for i in sorted(set(picks))]
    same = all(np.allclose(lex.scores(q), fast(q)) for q in qs[:5])
    steps = {
        "bm25": [timed(partial(lex.scores, q))[0] for q in qs],
        "hits_lexical": [timed(partial(retriever.hits, t))[0] for t in texts],
        "scope": [timed(lambda: [c for c in lex.chunks if c.doc_id])[0] for _ in qs],
        "sparse_bm25": [timed(partial(fast, q))[0] for q in qs],
    }
    res = {
        "n": args.n, "units": len(chunks), "build_s": build_ms / 1000,
        "sparse_build_s": sparse_ms / 1000, "same_scores": same,
        **{f"{k}_p50_ms": percentile(v, 50) for k, v in steps.items()},
        **{f"{k}_p95_ms": percentile(v, 95) for k, v in steps.items()},
        "rss_growth_mb": peak_rss_mb() - rss0, "load": load(),
    }  # fmt: skip
    args.result.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


def run_probe(n: int, work: Path, opts: argparse.Namespace) -> dict[str, Any]:
    """The lexical probe in a fresh process."""
    result = work / f"probe_{n}.json"
    cmd = [sys.executable, "-m", "eval.bench", "_probe", "--n", str(n), "--result", str(result),
           "--queries", str(opts.queries), "--seed", str(opts.seed)]  # fmt: skip
    print(f"bench: lexical probe N={n:,} (load {load()})", file=sys.stderr)
    if subprocess.run(cmd, cwd=ROOT, env=child_env(work), check=False).returncode != 0:
        raise BenchError(f"the lexical probe for N={n:,} failed")
    data: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    return data
