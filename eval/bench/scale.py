"""Part 2 of the benchmark, scale: N synthetic bilingual articles (eval/synth) indexed in a fresh
worker process per size and store (eval/bench/worker.py), optionally from the pre-embedded corpus
(eval/bench/vectors.py); the cold CLI start on the built index; the driver keeps each size
within the time budget."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from eval.bench.cold import cold_runs
from eval.bench.common import ROOT, BenchError, child_env, disk_mb, load
from eval.bench.server import RssSampler, chroma_server

NICE = (1, 2, 3, 5)


def run_worker(
    n: int, store: str, articles: Path, work: Path, out: Path, opts: argparse.Namespace,
    vectors: Path | None,
) -> dict[str, Any]:  # fmt: skip
    """One scale measurement in a fresh process (and a fresh Chroma server for `server`), then
    the cold start of the CLI on the index it built."""
    from eval.synth import article

    home = work / f"home_{store}_{n}"
    result = work / f"result_{store}_{n}.json"
    cmd = [
        sys.executable, "-m", "eval.bench", "_worker", "--n", str(n), "--store", store,
        "--articles", str(articles), "--home", str(home), "--result", str(result),
        "--out", str(out), "--queries", str(opts.queries), "--rounds", str(opts.scale_rounds),
        "--seed", str(opts.seed), "--fresh", str(opts.fresh),
        *(["--vectors", str(vectors)] if vectors else []),
    ]  # fmt: skip
    ask = [sys.executable, "-m", "assistant", "ask", article(0, opts.seed).question]
    res: dict[str, Any] = {}
    cold_rss: list[float] = []

    def phase(name: str, url: str | None) -> None:
        extra = ["--phase", name, *(["--url", url] if url else [])]
        proc = subprocess.run([*cmd, *extra], cwd=ROOT, env=child_env(home), check=False)
        if proc.returncode != 0:
            raise BenchError(f"the {store} {name} worker for N={n:,} exited {proc.returncode}")
        res.update(json.loads(result.read_text(encoding="utf-8")))

    def go(url: str | None) -> list[float]:
        phase("build", url)
        cold = cold_runs(ask, home, url, cold_rss) if opts.cold else []  # before new articles
        phase("serve", url)
        return cold

    server: dict[str, float | None] = {"peak": None, "end": None, "disk": None}
    if store == "server":
        with chroma_server(work / f"chroma_{n}") as (proc, url), RssSampler(proc.pid) as rss:
            cold = go(url)
            server |= {"peak": rss.peak, "end": rss.last}
        server["disk"] = disk_mb(work / f"chroma_{n}" / "data")
    else:
        cold = go(None)
    res["server_peak_rss_mb"], res["server_end_rss_mb"] = server["peak"], server["end"]
    res["server_disk_mb"], res["cold_cli_s"] = server["disk"], cold
    res["cold_cli_rss_mb"] = max(cold_rss, default=None)
    shutil.rmtree(home, ignore_errors=True)
    shutil.rmtree(work / f"chroma_{n}", ignore_errors=True)
    return res


def nice_floor(x: float) -> int:
    """The largest 1-2-3-5 × 10^k number not above x (at least 1)."""
    best, scale = 1, 1
    while scale <= x:
        best = max([best, *(m * scale for m in NICE if m * scale <= x)])
        scale *= 10
    return best


def scale_phase(
    sizes: Sequence[int], stores: Sequence[str], work: Path, out: Path, opts: argparse.Namespace,
    rows: list[dict[str, Any]], notes: list[str], on_row: Callable[[], None],
) -> None:  # fmt: skip
    """Run each size in each store within the time budget, adding to rows and notes."""
    from eval.synth import write

    rate: dict[str, float] = {}  # latest measured articles/min per store
    done: dict[str, int] = {}
    articles = work / "articles"
    vectors = _vectors(max(sizes), opts) if opts.prebuilt else None
    for n in sorted(sizes):
        for store in stores:
            size = n
            if store in rate and opts.budget_min > 0:
                est = size / rate[store]
                if est > opts.budget_min:
                    fit = nice_floor(rate[store] * opts.budget_min * 0.9)
                    msg = (
                        f"{store}: N={size:,} skipped: estimated ingest {est:,.0f} min at "
                        f"{rate[store]:,.0f} articles/min (budget {opts.budget_min:g} min)"
                    )
                    if fit > done.get(store, 0) and fit < size:
                        msg += f"; ran N={fit:,} instead, the largest size that fits"
                        size = fit
                    else:
                        size = 0
                    msg += f"; to run it anyway: python -m eval.bench --sizes {n} --budget-min 0"
                    if store == "server":
                        msg = msg.replace("--budget-min 0", "--budget-min 0 --server")
                    notes.append(msg)
                    print(f"bench: {msg}", file=sys.stderr)
            if not size or size <= done.get(store, 0):
                continue
            write(size, articles, opts.seed)
            print(f"bench: scale {store} N={size:,} (load {load()})", file=sys.stderr)
            row = run_worker(size, store, articles, work, out, opts, vectors)
            rows.append(row)
            rate[store], done[store] = row["ingest_per_min"], size
            on_row()


def _vectors(n: int, opts: argparse.Namespace) -> Path:
    """The pre-embedded corpus for the first n articles (computed now where it is missing)."""
    from assistant.config import Settings
    from eval.bench.vectors import build_cache, default_cache
    from index.embeddings import IsnadEmbeddings

    s = Settings()
    folder: Path = opts.vectors or default_cache(s.embedder_spec)
    real = IsnadEmbeddings(s.embedder_spec, s.embed.threads)
    build_cache(n, opts.seed, folder, real, s.chunk.max_chars)
    return folder
