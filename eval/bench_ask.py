"""Benchmark warm `Assistant.ask` latency and cold `python -m assistant ask` wall time."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "datasets"
ROOT = Path(__file__).resolve().parent.parent
COLD_QUESTION = "Who founded CCDH?"
COLD_RUNS = 3


def questions() -> list[str]:
    """The text of every dev question (both languages, answerable or not)."""
    lines = (DATA / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    return [r["text"] for r in rows if r["kind"] == "question"]


def percentile(xs: list[float], q: float) -> float:
    """Nearest-rank percentile of xs (q in 0..100)."""
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(q / 100 * len(s) + 0.5) - 1))]


def build_index(assistant: Any) -> float:
    """Ingest every corpus article (the Arabic one with its aligned English); seconds taken."""
    corpus = DATA / "corpus"
    t0 = time.perf_counter()
    assistant.ingest([corpus / "ccdh_musk_ar.txt"], aligned=corpus / "ccdh_musk_en.aligned.jsonl")
    others = [p for p in sorted(corpus.glob("*.txt")) if p.name != "ccdh_musk_ar.txt"]
    if others:
        assistant.ingest(others)
    return time.perf_counter() - t0


def warm_bench(assistant: Any, qs: list[str], rounds: int) -> dict[str, list[float]]:
    """Ask each question once to warm up, then time `rounds` passes over all of them."""
    for q in qs:
        assistant.ask(q)
    out: dict[str, list[float]] = {"wall": [], "retrieve": [], "answer": []}
    for _ in range(rounds):
        for q in qs:
            t0 = time.perf_counter()
            ans = assistant.ask(q)
            out["wall"].append((time.perf_counter() - t0) * 1000)
            timings = ans.timings_ms or {}
            out["retrieve"].append(float(timings.get("retrieve", 0.0)))
            out["answer"].append(float(timings.get("answer", 0.0)))
    return out


def cold_runs(cmd: list[str], env: dict[str, str]) -> list[float]:
    """Wall seconds of COLD_RUNS fresh processes running cmd (each must exit 0)."""
    times = []
    for _ in range(COLD_RUNS):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return times


def main(argv: list[str] | None = None) -> int:
    """Build a temporary index, run the benchmarks, print a markdown table."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--n", type=int, default=50, help="timed rounds over the dev questions")
    p.add_argument("--model", help="embedder spec (default: the configured default)")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="isnad-bench-") as home:
        os.environ["ISNAD_HOME"] = home
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        if args.model:
            os.environ["ISNAD_EMBED_MODEL"] = args.model
        from assistant.config import Settings
        from assistant.core import Assistant

        settings = Settings()
        assistant = Assistant(settings)
        spec = settings.embedder_spec
        print(f"embedder {spec}; index in {home}", file=sys.stderr)
        ingest_s = build_index(assistant)
        qs = questions()
        warm = warm_bench(assistant, qs, args.n)
        env = dict(os.environ)
        py = sys.executable
        embed_only = (
            "from index.embeddings import IsnadEmbeddings; from assistant.config import Settings; "
            f"s = Settings(); IsnadEmbeddings(s.embedder_spec, s.embed.threads)"
            f".encode_query({COLD_QUESTION!r})"
        )
        cli = cold_runs([py, "-m", "assistant", "ask", COLD_QUESTION], env)
        emb = cold_runs([py, "-c", embed_only], env)
        bare = cold_runs([py, "-c", "pass"], env)
    w = warm["wall"]
    rows = [
        (f"warm `Assistant.ask` ({len(qs)} questions × {args.n} rounds = {len(w)} calls)",
         f"p50 {statistics.median(w):.1f} ms · p95 {percentile(w, 95):.1f} ms"),
        ("  of which retrieve (timings_ms)",
         f"p50 {statistics.median(warm['retrieve']):.1f} ms · "
         f"p95 {percentile(warm['retrieve'], 95):.1f} ms"),
        ("  of which answer (timings_ms)",
         f"p50 {statistics.median(warm['answer']):.1f} ms · "
         f"p95 {percentile(warm['answer'], 95):.1f} ms"),
        (f"cold CLI `python -m assistant ask {COLD_QUESTION!r}` (built index)",
         _cold(cli)),
        ("cold embedder only (import + load + 1 query)", _cold(emb)),
        ("cold interpreter baseline (`python -c pass`)", _cold(bare)),
        ("ingest of the corpus into an empty index (incl. model load)", f"{ingest_s:.1f} s"),
    ]  # fmt: skip
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"embedder: `{spec}`, {settings.embed.threads} threads; load avg {load}\n")
    print("| measurement | result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    return 0


def _cold(times: list[float]) -> str:
    runs = ", ".join(f"{t:.2f}" for t in times)
    return f"median {statistics.median(times):.2f} s ({runs})"


if __name__ == "__main__":
    raise SystemExit(main())
