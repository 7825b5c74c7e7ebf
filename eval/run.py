"""`python -m eval.run DATASET.jsonl`: run a dataset through the public `isnad` CLI and score it.

Ingests every referenced article into a fresh temporary index (ISNAD_HOME), runs `isnad batch`
once, then writes results.jsonl, summary.json, report.md and the raw batch files to --out.
Exit codes: 0 measured (whatever the scores), 2 bad input, 1 when isnad itself fails.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from eval.data import ArticleFile, BadInput, load_articles, load_items, load_speakers
from eval.metrics import ItemScore, latency_ms, score_item
from eval.report import render_report, summarise, summary_table

EVAL_DIR = Path(__file__).resolve().parent


class IsnadFailed(Exception):
    """The isnad command under test exited with an error."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m eval.run", description=__doc__.splitlines()[0])
    p.add_argument("dataset", type=Path, metavar="DATASET.jsonl")
    p.add_argument("--out", type=Path, help="output folder (default: eval/out/<dataset stem>)")
    p.add_argument("--corpus", type=Path, help="article folder (default: corpus/ by the dataset)")
    p.add_argument("--speakers", type=Path, help="speaker aliases (default: speakers.json by it)")
    return p


def _isnad(args: Sequence[str], home: Path) -> None:
    """Run `python -m assistant ARGS` on the temporary index; raise IsnadFailed on failure."""
    env = dict(os.environ, ISNAD_HOME=str(home), HF_HUB_OFFLINE="1")
    env.pop("ISNAD_CHROMA_URL", None)  # the temporary embedded index, never a shared server
    cmd = [sys.executable, "-m", "assistant", *args]
    proc = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, check=False)
    if proc.returncode != 0:
        raise IsnadFailed(f"`isnad {' '.join(args)}` exited {proc.returncode} (message above)")


def run_isnad(
    items: Sequence[Mapping[str, Any]], articles: Sequence[ArticleFile], out: Path
) -> Path:
    """Ingest the articles into a fresh index, run one batch; returns the batch output file."""
    batch_in, batch_out = out / "batch_in.jsonl", out / "batch_out.jsonl"
    fields = ("id", "kind", "text", "doc")  # never the gold answers
    with batch_in.open("w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps({k: it[k] for k in fields if k in it}, ensure_ascii=False) + "\n")
    with tempfile.TemporaryDirectory(prefix="isnad-eval-") as tmp:
        home = Path(tmp)
        for art in articles:
            extra = ["--aligned", str(art.aligned)] if art.aligned else []
            _isnad(["ingest", str(art.path), "--doc-id", art.doc_id, *extra], home)
        _isnad(["batch", str(batch_in), "--out", str(batch_out)], home)
    return batch_out


def read_records(path: Path) -> dict[str, dict[str, Any]]:
    """Batch output records by id (lines that are not JSON objects are ignored)."""
    records: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(rec, dict) and "id" in rec:
            records[str(rec["id"])] = rec
    return records


def _short(text: Any, n: int = 160) -> Any:
    return text[: n - 1] + "…" if isinstance(text, str) and len(text) > n else text


def result_summary(record: Mapping[str, Any] | None) -> dict[str, Any]:
    """The answer or verdict of a record, trimmed for results.jsonl."""
    if record is None or "result" not in record:
        return {"error": (record or {}).get("error", "no output record")}
    res = record["result"]
    if not isinstance(res, Mapping):
        return {"error": "result is not a JSON object"}
    cites = res.get("citations", res.get("evidence")) or []
    keys = ("id", "doc_id", "start", "end", "speaker", "role", "stance", "quote")
    out = {k: _short(res[k]) for k in ("verdict", "abstained", "mode", "answer", "explanation")
           if k in res}  # fmt: skip
    out["citations"] = [{k: _short(c[k], 100) for k in keys if k in c} for c in cites
                        if isinstance(c, Mapping)]  # fmt: skip
    return out


def write_outputs(
    out: Path,
    items: Sequence[Mapping[str, Any]],
    records: Mapping[str, dict[str, Any]],
    scores: Sequence[ItemScore],
    notes: Sequence[str],
) -> dict[str, Any]:
    """Write results.jsonl, summary.json and report.md; returns the summary."""
    lat = [latency_ms(records.get(it["id"])) for it in items]
    verdicts = [((records.get(it["id"]) or {}).get("result") or {}).get("verdict") for it in items]
    summary = summarise(items, scores, lat, verdicts)
    with (out / "results.jsonl").open("w", encoding="utf-8") as f:
        for it, s, ms in zip(items, scores, lat, strict=True):
            row = {
                "id": it["id"], "kind": it["kind"], "lang": it["lang"], "latency_ms": ms,
                "scores": {m: list(r) for m, r in s.scores.items()}, "failures": s.reasons,
                "unchecked_quotes": s.unchecked_quotes,
                "result": result_summary(records.get(it["id"])),
            }  # fmt: skip
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    (out / "summary.json").write_text(
        json.dumps({"notes": list(notes), **summary}, ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    (out / "report.md").write_text(render_report(summary, items, scores, notes), encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    """Entry point: measure, write the report, print the summary table."""
    args = _parser().parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    dataset: Path = args.dataset
    try:
        items = load_items(dataset)
        speakers = load_speakers(args.speakers or dataset.parent / "speakers.json", items)
        articles = load_articles(items, args.corpus or dataset.parent / "corpus")
    except BadInput as exc:
        print(f"eval: error: {exc}", file=sys.stderr)
        return 2
    out: Path = args.out or EVAL_DIR / "out" / dataset.stem
    out.mkdir(parents=True, exist_ok=True)
    try:
        records = read_records(run_isnad(items, articles, out))
    except IsnadFailed as exc:
        print(f"eval: error: {exc}", file=sys.stderr)
        return 1
    sources = {a.doc_id: a.source for a in articles}
    scores = [score_item(it, records.get(it["id"]), sources, speakers) for it in items]
    notes = [f"dataset: `{dataset}` ({len(items)} items)"]
    notes += [
        f"article `{a.doc_id}`: `{a.path.name}`"
        + (f" with aligned edition `{a.aligned.name}`" if a.aligned else "")
        + (" (HTML: quote faithfulness not checked)" if a.source is None else "")
        for a in articles
    ]
    notes.append(
        "text matching: NFKC, casefold, Arabic diacritics/tatweel removed, alef variants unified, "
        "Arabic-Indic digits to ASCII, whitespace collapsed, then substring"
    )
    unchecked = sum(s.unchecked_quotes for s in scores)
    if unchecked:
        notes.append(f"{unchecked} quotes not checked (HTML article or unknown doc id)")
    summary = write_outputs(out, items, records, scores, notes)
    print(summary_table(summary))
    print(f"\n{summary['failing']} of {len(items)} items fail something; see {out / 'report.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
