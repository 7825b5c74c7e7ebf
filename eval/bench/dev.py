"""Part 1 of the benchmark: the dev set, warm, in this process (plain retriever against isnad's
`ask` and `verify`, where `ask` spends its time, a cProfile of one query), the cold CLI start,
ingest of the dev corpus and the peak RSS."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from eval.bench.cold import COLD_QUESTION, cold_runs
from eval.bench.common import DATA, load, make_assistant, peak_rss_mb, profile_text, stats, timed
from eval.bench.plain import PlainRetriever, breakdown, units_collection, warm_runs


def dev_phase(home: Path, rounds: int, out: Path) -> dict[str, Any]:
    """Ingest the dev corpus, time plain vs isnad warm, profile one ask; cold CLI start."""
    items = [
        json.loads(line)
        for line in (DATA / "dev.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    questions = [it["text"] for it in items if it["kind"] == "question"]
    claims = [it["text"] for it in items if it["kind"] == "claim"]
    a = make_assistant(home, None)
    load_ms, _ = timed(lambda: a.embeddings.encode_query("warm-up"))
    corpus = DATA / "corpus"
    others = [p for p in sorted(corpus.glob("*.txt")) if p.name != "ccdh_musk_ar.txt"]
    ingest_ms, _ = timed(
        lambda: (
            a.ingest([corpus / "ccdh_musk_ar.txt"], aligned=corpus / "ccdh_musk_en.aligned.jsonl"),
            a.ingest(others),
        )
    )
    n_articles = 1 + len(others)
    plain = PlainRetriever(
        collection=units_collection(a), embeddings=a.embeddings, k=a.settings.retrieval.top_k
    )
    print(f"bench: dev set, {len(questions)} questions + {len(claims)} claims × {rounds} "
          f"rounds (load {load()})", file=sys.stderr)  # fmt: skip
    runs = warm_runs(a, plain, questions, claims, rounds)
    steps = breakdown(a, questions)
    text, own = profile_text(lambda: a.ask(questions[0]))
    (out / "profile_dev_ask.txt").write_text(text, encoding="utf-8")
    text, _ = profile_text(lambda: a.verify(claims[0]))
    (out / "profile_dev_verify.txt").write_text(text, encoding="utf-8")
    res: dict[str, Any] = {
        "questions": len(questions), "claims": len(claims), "rounds": rounds,
        "model_load_ms": load_ms, "ingest_ms": ingest_ms, "articles": n_articles,
        "units": plain.collection.count(),
        "warm": {k: stats(v) for k, v in runs.items()}, "steps_ms": steps,
        "hot": own, "peak_rss_mb": peak_rss_mb(),
    }  # fmt: skip
    res["cold_cli_s"] = cold_runs([sys.executable, "-m", "assistant", "ask", COLD_QUESTION], home)
    res["cold_python_s"] = cold_runs([sys.executable, "-c", "pass"], home)
    return res
