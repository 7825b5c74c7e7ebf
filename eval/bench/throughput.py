"""Ingest throughput against the embedding model's own speed, measured in the same process.

The N synthetic articles are cut into groups (~25 s of embedding each). For each group and each
ingest variant, the group's chunk texts are first embedded alone (`encode_documents` in batches
of the ingest batch size: the model's own throughput, the ceiling), then the group is ingested
into that variant's index (`Assistant.ingest` from the files: reading, cutting, attribution,
embedding, Chroma writes). The model-alone time of a group is the mean of its slices (one per
variant, all interleaved with the ingests); the ratio is the model-alone time summed over the
groups over the ingest time summed over the groups. Since the slices alternate every ~25 s,
load that drifts during the run (a shared machine) moves both sides alike. Everything loaded
once (the model, chromadb, the lemmatizer, a first Chroma collection) is warmed up first by
ingesting one article outside the measured set.
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
    "default": ("the default settings", {}, 1),
    "serial": ("batched across articles, cut, embed, write one step at a time",
               {"overlap": False}, 1),
    "overlap": ("batched across articles, a batch embedded while the one before is written "
                "and the next cut", {"overlap": True}, 1),
    "workers2": ("2 worker processes (1 embedder thread each; started per group), parent writes",
                 {}, 2),
}  # fmt: skip


def throughput(args: argparse.Namespace) -> int:
    """The measurement in this (fresh) process; JSON result to --result."""
    from eval.synth import article

    warm = make_assistant(args.home / "warm", None)
    emb, cfg = warm.embeddings, warm.settings.ingest
    extra = [article(args.n + i, args.seed) for i in range(2)]  # one per language
    for x in extra:
        warm.ingest_text(x.text, x.doc_id)
    paths = sorted(args.articles.glob("synth_*.txt"))[: args.n]
    size = -(-len(paths) // args.groups)
    groups = [paths[i : i + size] for i in range(0, len(paths), size)]
    names = args.variants.split(",")
    runs: dict[str, dict[str, Any]] = {}
    for name in names:
        what, overrides, workers = VARIANTS[name]
        b = make_assistant(args.home / name, None)
        b.settings.ingest = b.settings.ingest.model_copy(update=overrides)
        runs[name] = {"variant": name, "what": what, "assistant": b, "workers": workers,
                      "seconds": 0.0, "embedder_seconds": 0.0}  # fmt: skip
    texts_total, alone = 0, 0.0
    for g, group in enumerate(groups):
        texts = _all_texts(group, warm.settings.chunk.max_chars)
        texts_total += len(texts)
        for name in names[g % len(names) :] + names[: g % len(names)]:  # rotate the order
            r = runs[name]
            t0 = time.perf_counter()
            for s in range(0, len(texts), cfg.batch_rows):
                emb.encode_documents(texts[s : s + cfg.batch_rows])
            t1 = time.perf_counter()
            r["assistant"].ingest(group, workers=r["workers"])
            t2 = time.perf_counter()
            r["embedder_seconds"] += t1 - t0
            alone += (t1 - t0) / len(names)
            r["seconds"] += t2 - t1
        done = ", ".join(f"{n} {alone / runs[n]['seconds']:.0%}" for n in names)
        print(f"bench:   group {g + 1}/{len(groups)}: ingest / model alone so far: {done} "
              f"(load {load()})", file=sys.stderr)  # fmt: skip
    out = []
    for r in runs.values():
        b = r.pop("assistant")
        out.append({**r, "sentences_per_s": texts_total / r["seconds"],
                    "embedder_per_s": texts_total / alone, "embedder_seconds": alone,
                    "own_slices_ratio": r["embedder_seconds"] / r["seconds"],
                    "ratio": alone / r["seconds"],
                    "articles_per_min": len(paths) / r["seconds"] * 60,
                    "stored": len(b.store.chunks())})  # fmt: skip
    res = {"n": len(paths), "groups": len(groups), "texts": texts_total, "runs": out,
           "batch_rows": cfg.batch_rows, "threads": emb.threads, "load": load()}  # fmt: skip
    args.result.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


def _all_texts(paths: list[Path], max_chars: int) -> list[str]:
    """Every chunk text ingest embeds for these articles (repeats included)."""
    from index.chunking import chunk_spans
    from index.ingest import read_article

    out = []
    for p in paths:
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
           "--seed", str(opts.seed), "--variants", opts.throughput_variants,
           "--groups", str(opts.throughput_groups)]  # fmt: skip
    print(f"bench: ingest throughput, N={n:,} (load {load()})", file=sys.stderr)
    if subprocess.run(cmd, cwd=ROOT, env=child_env(work), check=False).returncode != 0:
        raise BenchError(f"the throughput run for N={n:,} failed")
    data: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    return data
