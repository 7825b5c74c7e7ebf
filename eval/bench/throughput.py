"""Ingest throughput against the embedding model's own speed, measured in the same process.

The texts ingest will embed (every chunk of N synthetic articles) are first embedded alone, in
batches of the ingest batch size: the embedder's own throughput, the ceiling. Then the same
articles are ingested (`Assistant.ingest` from the files into a fresh index: reading, cutting,
attribution, embedding, Chroma writes), then the embedder runs alone again, and so on for each
ingest variant. Each ingest is compared with the mean of the embedder passes around it, so a
machine whose load drifts during the run shifts both sides alike.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from eval.bench.common import ROOT, BenchError, child_env, load, make_assistant

VARIANTS = {  # name -> (what it is, ingest settings overrides, worker processes)
    "overlap": ("batched across articles, embedding overlapped with writing", {}, 1),
    "serial": ("batched across articles, embed then write", {"overlap": False}, 1),
    "workers2": ("2 worker processes (1 embedder thread each), parent writes", {}, 2),
}


def throughput(args: argparse.Namespace) -> int:
    """The measurement in this (fresh) process; JSON result to --result."""
    from eval.bench.vectors import synth_texts

    a = make_assistant(args.home / "warm", None)
    emb, cfg = a.embeddings, a.settings.ingest
    emb.encode_query("warm-up")
    distinct = synth_texts(args.n, args.seed, a.settings.chunk.max_chars)
    all_texts = _all_texts(args.articles, args.n, a.settings.chunk.max_chars)
    batch = cfg.batch_rows

    def embed_alone() -> float:
        t0 = time.perf_counter()
        for s in range(0, len(all_texts), batch):
            emb.encode_documents(all_texts[s : s + batch])
        return len(all_texts) / (time.perf_counter() - t0)

    paths = sorted(args.articles.glob("synth_*.txt"))[: args.n]
    runs: list[dict[str, Any]] = []
    before = embed_alone()
    for name in args.variants.split(","):
        what, overrides, workers = VARIANTS[name]
        b = make_assistant(args.home / f"run_{len(runs)}", None)
        b.settings.ingest = b.settings.ingest.model_copy(update=overrides)
        b.embeddings  # noqa: B018  (the same loaded model: no load inside the timing)
        t0 = time.perf_counter()
        b.ingest(paths, workers=workers)
        seconds = time.perf_counter() - t0
        after = embed_alone()
        rate = len(all_texts) / seconds
        runs.append({
            "variant": name, "what": what, "seconds": seconds, "sentences_per_s": rate,
            "embedder_per_s": (before + after) / 2, "ratio": rate / ((before + after) / 2),
            "articles_per_min": args.n / seconds * 60, "stored": len(b.store.chunks()),
        })  # fmt: skip
        ratio = runs[-1]["ratio"]
        print(f"bench:   {name}: {rate:.1f} sentences/s, embedder alone {before:.1f} / "
              f"{after:.1f} -> {ratio:.0%} (load {load()})", file=sys.stderr)  # fmt: skip
        before = after
    res = {"n": args.n, "texts": len(all_texts), "distinct_texts": len(distinct),
           "batch_rows": batch, "threads": emb.threads, "runs": runs, "load": load()}  # fmt: skip
    args.result.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


def _all_texts(folder: Path, n: int, max_chars: int) -> list[str]:
    """Every chunk text ingest embeds for the first n articles (repeats included)."""
    from index.chunking import chunk_spans
    from index.ingest import read_article

    out = []
    for p in sorted(folder.glob("synth_*.txt"))[:n]:
        art = read_article(p)
        out += [art.source_text[u.start : u.end] for u in chunk_spans(art, None, max_chars)]
    return out


def run_throughput(n: int, work: Path, opts: argparse.Namespace) -> dict[str, Any]:
    """The throughput measurement in a fresh process."""
    from eval.synth import write

    articles = work / "articles"
    write(n, articles, opts.seed)
    result = work / f"throughput_{n}.json"
    cmd = [sys.executable, "-m", "eval.bench", "_throughput", "--n", str(n),
           "--articles", str(articles), "--home", str(work / f"tp_{n}"), "--result", str(result),
           "--seed", str(opts.seed), "--variants", opts.throughput_variants]  # fmt: skip
    print(f"bench: ingest throughput, N={n:,} (load {load()})", file=sys.stderr)
    if subprocess.run(cmd, cwd=ROOT, env=child_env(work), check=False).returncode != 0:
        raise BenchError(f"the throughput run for N={n:,} failed")
    data: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    return data
