"""Part 2 of the benchmark, scale: N synthetic bilingual articles (eval/synth) ingested with one
`Assistant.ingest` call in a fresh process per size and store, then warm queries; the driver keeps
each size within the time budget."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from eval.bench.common import (
    ROOT,
    BenchError,
    child_env,
    disk_mb,
    load,
    make_assistant,
    peak_rss_mb,
    profile_text,
    stats,
    timed,
)
from eval.bench.plain import PlainRetriever, breakdown, units_collection, warm_runs
from eval.bench.server import RssSampler, chroma_server

NICE = (1, 2, 3, 5)


# ---- 2. scale: the worker (one fresh process per size and store) --------------------------
def worker(args: argparse.Namespace) -> int:
    """Ingest the first N synthetic articles, then time queries; JSON result to --result."""
    from eval.synth import article

    a = make_assistant(args.home, args.url)
    load_ms, _ = timed(lambda: a.embeddings.encode_query("warm-up"))
    paths = sorted(args.articles.glob("synth_*.txt"))[: args.n]
    if len(paths) < args.n:
        raise BenchError(f"only {len(paths)} articles in {args.articles}")
    t0 = time.perf_counter()
    step = max(1, args.n // 10)
    done = 0

    def progress(_: Any) -> None:
        nonlocal done
        done += 1
        if done % step == 0 or done == args.n:
            s = time.perf_counter() - t0
            print(f"bench:   [{args.store} N={args.n:,}] ingested {done:,}/{args.n:,} in "
                  f"{s:,.0f} s ({done / s * 60:,.0f} articles/min)", file=sys.stderr)  # fmt: skip

    a.ingest(paths, progress=progress)
    ingest_s = time.perf_counter() - t0
    import psutil

    rss_ingest = psutil.Process().memory_info().rss / 2**20
    n_q = min(args.queries, args.n)
    picks = sorted({round(k * (args.n - 1) / max(1, n_q - 1)) for k in range(n_q)})
    arts = [article(i, args.seed) for i in picks]
    first_ms, _ = timed(lambda: a.ask(arts[0].question))  # builds the BM25 index
    plain = PlainRetriever(
        collection=units_collection(a), embeddings=a.embeddings, k=a.settings.retrieval.top_k
    )
    questions, claims = [x.question for x in arts], [x.claim for x in arts]
    runs = warm_runs(a, plain, questions, claims, args.rounds)
    found = sum(x.answer in a.ask(x.question).answer for x in arts)
    plain_found = sum(
        any(d.metadata.get("doc_id") == x.doc_id for d in plain.invoke(x.question)) for x in arts
    )
    steps = breakdown(a, questions)
    text, own = profile_text(lambda: a.ask(questions[-1]))
    (args.out / f"profile_{args.store}_{args.n}_ask.txt").write_text(text, encoding="utf-8")
    res = {
        "store": args.store, "n": args.n, "units": plain.collection.count(),
        "model_load_ms": load_ms, "ingest_s": ingest_s,
        "ingest_per_min": args.n / ingest_s * 60, "first_query_ms": first_ms,
        "queries": len(arts), "rounds": args.rounds,
        **{f"{k}_{p}_ms": v[p] for k, v in
           (("ask", stats(runs["ask"])), ("verify", stats(runs["verify"])),
            ("ask_answer", stats(runs["ask_answer"])),
            ("plain", stats(runs["plain_q"] + runs["plain_c"]))) for p in ("p50", "p95")},
        "found": found, "plain_found": plain_found, "steps_ms": steps, "hot": own,
        "rss_after_ingest_mb": rss_ingest, "peak_rss_mb": peak_rss_mb(),
        "disk_mb": disk_mb(args.home / "chroma") if args.url is None else None,
        "load": load(),
    }  # fmt: skip
    args.result.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


def run_worker(
    n: int, store: str, articles: Path, work: Path, out: Path, opts: argparse.Namespace
) -> dict[str, Any]:
    """One scale measurement in a fresh process (and a fresh Chroma server for `server`)."""
    home = work / f"home_{store}_{n}"
    result = work / f"result_{store}_{n}.json"
    cmd = [
        sys.executable, "-m", "eval.bench", "_worker", "--n", str(n), "--store", store,
        "--articles", str(articles), "--home", str(home), "--result", str(result),
        "--out", str(out), "--queries", str(opts.queries), "--rounds", str(opts.scale_rounds),
        "--seed", str(opts.seed),
    ]  # fmt: skip

    def go(url: str | None) -> None:
        proc = subprocess.run(
            [*cmd, *(["--url", url] if url else [])], cwd=ROOT, env=child_env(home), check=False
        )
        if proc.returncode != 0:
            raise BenchError(f"the {store} worker for N={n:,} exited {proc.returncode}")

    server_peak = server_disk = None
    if store == "server":
        with chroma_server(work / f"chroma_{n}") as (proc, url), RssSampler(proc.pid) as rss:
            go(url)
            server_peak = rss.peak
        server_disk = disk_mb(work / f"chroma_{n}" / "data")
    else:
        go(None)
    res: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    res["server_peak_rss_mb"], res["server_disk_mb"] = server_peak, server_disk
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
            row = run_worker(size, store, articles, work, out, opts)
            rows.append(row)
            rate[store], done[store] = row["ingest_per_min"], size
            on_row()
