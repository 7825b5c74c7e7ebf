"""The scale worker, two fresh processes per size and store. `build` indexes the first N synthetic
articles with one `Assistant.ingest` call (optionally from the pre-embedded corpus,
eval/bench/vectors.py). `serve` opens the built index as a process answering questions would:
the first query (the lexical index read from the store), warm ask/verify against the plain
retriever, then an ingest of a few new articles with the model and the first query after it;
its RSS is the client's."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from eval.bench.common import (
    BenchError,
    disk_mb,
    load,
    make_assistant,
    peak_rss_mb,
    profile_text,
    stats,
    timed,
)
from eval.bench.plain import PlainRetriever, breakdown, units_collection, warm_runs


def _rss_mb() -> float:
    import psutil

    return float(psutil.Process().memory_info().rss / 2**20)


def _progress(label: str, n: int) -> Any:
    t0, step, done = time.perf_counter(), max(1, n // 10), [0]

    def report(_: Any) -> None:
        done[0] += 1
        if done[0] % step == 0 or done[0] == n:
            s = time.perf_counter() - t0
            print(f"bench:   [{label}] ingested {done[0]:,}/{n:,} in {s:,.0f} s "
                  f"({done[0] / s * 60:,.0f} articles/min)", file=sys.stderr)  # fmt: skip

    return report


def worker(args: argparse.Namespace) -> int:
    """`--phase build` or `--phase serve` (see the module docstring); JSON result to --result."""
    res = build(args) if args.phase == "build" else serve(args)
    res |= {"store": args.store, "n": args.n, "load": load()}
    args.result.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


def build(args: argparse.Namespace) -> dict[str, Any]:
    """One `Assistant.ingest` call over the first N articles (vectors from the cache, if any)."""
    from eval.bench.vectors import CachedEmbeddings, VectorCache

    a = make_assistant(args.home, args.url)
    real = a.embeddings
    real.encode_query("warm-up")
    cached = CachedEmbeddings(real, VectorCache(args.vectors)) if args.vectors else None
    if cached is not None:  # the build reads vectors from the cache
        a.__dict__["embeddings"] = cached
    paths = sorted(args.articles.glob("synth_*.txt"))[: args.n]
    if len(paths) < args.n:
        raise BenchError(f"only {len(paths)} articles in {args.articles}")
    t0 = time.perf_counter()
    a.ingest(paths, progress=_progress(f"{args.store} N={args.n:,}", args.n))
    ingest_s = time.perf_counter() - t0
    return {"ingest_s": ingest_s, "ingest_per_min": args.n / ingest_s * 60,
            "prebuilt": cached is not None, "cache_misses": cached.misses if cached else None,
            "build_peak_rss_mb": peak_rss_mb(),
            "disk_mb": disk_mb(args.home / "chroma") if args.url is None else None}  # fmt: skip


def serve(args: argparse.Namespace) -> dict[str, Any]:
    """A fresh process on the built index, as a server of questions would be: first query,
    warm ask/verify against the plain retriever, new articles then the first query after."""
    from eval.synth import article

    a = make_assistant(args.home, args.url)
    load_ms, _ = timed(lambda: a.embeddings.encode_query("warm-up"))
    n_q = min(args.queries, args.n)
    picks = sorted({round(k * (args.n - 1) / max(1, n_q - 1)) for k in range(n_q)})
    arts = [article(i, args.seed) for i in picks]
    first_ms, _ = timed(lambda: a.ask(arts[0].question))  # reads the lexical index from Chroma
    rss_first = _rss_mb()
    plain = PlainRetriever(
        collection=units_collection(a), embeddings=a.embeddings, k=a.settings.retrieval.top_k
    )
    questions, claims = [x.question for x in arts], [x.claim for x in arts]
    runs = warm_runs(a, plain, questions, claims, args.rounds)
    # The synthetic vocabulary is small: at 10,000 articles most questions fit several articles
    # (same organisation, project and place; another figure). An answer is right when it gives
    # the figure of an article the question fits.
    fits: dict[str, dict[str, str]] = {x.question: {} for x in arts}
    for i in range(args.n):
        other = article(i, args.seed)
        if other.question in fits:
            fits[other.question][other.doc_id] = other.answer
    found = sum(
        any(fig in a.ask(x.question).answer for fig in fits[x.question].values()) for x in arts
    )
    plain_found = sum(
        any(d.metadata.get("doc_id") in fits[x.question] for d in plain.invoke(x.question))
        for x in arts
    )
    shared = sum(len(fits[x.question]) > 1 for x in arts)
    steps = breakdown(a, questions)
    text, own = profile_text(lambda: a.ask(questions[-1]))
    (args.out / f"profile_{args.store}_{args.n}_ask.txt").write_text(text, encoding="utf-8")
    # New articles with the model, then the first query after them: the lexical index takes
    # them in as they are written, nothing is read again.
    fresh_dir = args.home.parent / f"fresh_{args.store}_{args.n}"
    fresh_dir.mkdir(parents=True, exist_ok=True)
    fresh = []
    for i in range(args.n, args.n + args.fresh):
        art = article(i, args.seed)
        fresh.append(fresh_dir / f"{art.doc_id}.txt")
        fresh[-1].write_text(art.text, encoding="utf-8")
    fresh_ms, _ = timed(lambda: a.ingest(fresh))
    new = article(args.n + args.fresh - 1, args.seed)
    after_ms, _ = timed(lambda: a.ask(new.question))
    second_ms, _ = timed(lambda: a.ask(new.question))
    after = a.ask(new.question, doc=new.doc_id)  # its figure is found in the new article
    return {
        "units": plain.collection.count(), "model_load_ms": load_ms, "first_query_ms": first_ms,
        "queries": len(arts), "rounds": args.rounds,
        **{f"{k}_{p}_ms": v[p] for k, v in
           (("ask", stats(runs["ask"])), ("verify", stats(runs["verify"])),
            ("ask_answer", stats(runs["ask_answer"])),
            ("plain", stats(runs["plain_q"] + runs["plain_c"]))) for p in ("p50", "p95")},
        "found": found, "plain_found": plain_found, "shared_questions": shared,
        "steps_ms": steps, "hot": own,
        "fresh_articles": len(fresh), "fresh_ingest_ms": fresh_ms,
        "after_ingest_first_ms": after_ms, "after_ingest_second_ms": second_ms,
        "after_ingest_found": new.answer in after.answer, "lexical": a.lexical.stats(),
        "rss_first_query_mb": rss_first, "rss_end_mb": _rss_mb(), "peak_rss_mb": peak_rss_mb(),
    }  # fmt: skip


def worker_parser() -> argparse.ArgumentParser:
    """The worker's command line (`python -m eval.bench _worker ...`)."""
    p = argparse.ArgumentParser(prog="python -m eval.bench _worker")
    for name in ("--articles", "--home", "--result", "--out"):
        p.add_argument(name, type=Path, required=True)
    for name in ("--n", "--queries", "--rounds", "--seed", "--fresh"):
        p.add_argument(name, type=int, required=True)
    p.add_argument("--store", required=True)
    p.add_argument("--phase", choices=["build", "serve"], required=True)
    p.add_argument("--url")
    p.add_argument("--vectors", type=Path, help="pre-embedded corpus folder")
    return p
