"""`python -m eval.run DATASET.jsonl`: run a dataset through the public `isnad` CLI and score it.

Ingests every referenced article into a fresh temporary index (ISNAD_HOME; as few `isnad ingest`
processes as the contract allows), runs `isnad batch` once, then writes to --out (default: a new
temporary folder): results.jsonl and summary.json (scores only: byte-identical on every run of
the same outputs), latency.json (timings), report.md, PNG plots (when matplotlib is installed)
and the raw batch files. Every metric is reported overall, by language, by kind and by the value
of every grouping field of the items (eval/groups.py). With an LLM configured
(ISNAD_LLM_BASE_URL) an LLM judge also scores faithfulness, its replies cached in
judge_cache.json. Exit codes: 0 measured (whatever the scores), 2 bad input, 1 when isnad itself
fails.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from eval.data import ArticleFile, BadInput, load_articles, load_items, load_speakers
from eval.isnad_cli import IsnadFailed, ingest_calls, read_records, run_isnad
from eval.judge import judge_items, llm_judge
from eval.metrics import score_item
from eval.outputs import write_outputs
from eval.report import grouped_tables


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m eval.run", description=__doc__.splitlines()[0])
    p.add_argument("dataset", type=Path, metavar="DATASET.jsonl")
    p.add_argument("--out", type=Path, help="output folder (default: a new temporary folder)")
    p.add_argument("--corpus", type=Path, help="article folder (default: corpus/ by the dataset)")
    p.add_argument("--speakers", type=Path, help="speaker aliases (default: speakers.json by it)")
    p.add_argument(
        "--judge", choices=("auto", "off"), default="auto",
        help="LLM-judge faithfulness: auto = when ISNAD_LLM_BASE_URL is set (default), off",
    )  # fmt: skip
    p.add_argument(
        "--judge-cache", type=Path, help="judge reply cache (default: OUT/judge_cache.json)"
    )
    return p


def output_folder(given: Path | None, dataset: Path) -> Path:
    """--out when given (created if needed), else a new temporary folder: never the checkout."""
    if given is not None:
        given.mkdir(parents=True, exist_ok=True)
        return given.resolve()
    return Path(tempfile.mkdtemp(prefix=f"isnad-eval-{dataset.stem}-")).resolve()


def setup_notes(dataset: Path, n_items: int, articles: Sequence[ArticleFile]) -> list[str]:
    """The report's first lines: dataset, articles and how they were ingested, text matching."""
    notes = [f"dataset: `{dataset}` ({n_items} items)"]
    notes += [
        f"article `{a.doc_id}`: `{a.path.name}`"
        + (f" with aligned edition `{a.aligned.name}`" if a.aligned else "")
        + (" (HTML: quote faithfulness not checked)" if a.source is None else "")
        for a in articles
    ]
    calls = ingest_calls(articles)
    if calls:
        n = len(calls)
        notes.append(f"ingest: {len(articles)} articles in {n} `isnad ingest` call{'s' * (n > 1)}")
    notes.append(
        "text matching: NFKC, casefold, Arabic diacritics/tatweel removed, alef variants unified, "
        "Arabic-Indic digits to ASCII, whitespace collapsed, then substring"
    )
    return notes


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
    try:
        out = output_folder(args.out, dataset)
    except OSError as exc:
        print(f"eval: error: cannot create the output folder: {exc}", file=sys.stderr)
        return 2
    print(f"eval: writing to {out}", file=sys.stderr)
    judge = None
    if args.judge == "auto":
        try:
            judge = llm_judge(args.judge_cache or out / "judge_cache.json")
        except Exception as exc:  # settings errors: report and score without the judge
            print(f"eval: LLM judge disabled: {str(exc).splitlines()[0]}", file=sys.stderr)
    try:
        records = read_records(run_isnad(items, articles, out))
    except IsnadFailed as exc:
        print(f"eval: error: {exc}", file=sys.stderr)
        return 1
    sources = {a.doc_id: a.source for a in articles}
    scores = [score_item(it, records.get(it["id"]), sources, speakers) for it in items]
    notes = setup_notes(dataset, len(items), articles)
    if judge is None:
        notes.append("LLM judge: off (no LLM configured, or --judge off)")
    else:
        notes.append(f"LLM judge: `{judge.model}`, replies cached in `{judge.path.name}`")
        notes += judge_items(judge, items, records, scores)
        print(f"eval: LLM judge: {judge.hits} cached replies, {judge.calls} new", file=sys.stderr)
    unchecked = sum(s.unchecked_quotes for s in scores)
    if unchecked:
        notes.append(f"{unchecked} quotes not checked (HTML article or unknown doc id)")
    summary, latency = write_outputs(out, items, records, scores, notes)
    print(grouped_tables(summary, latency))
    print(f"\n{summary['failing']} of {len(items)} items fail something")
    print(f"report: {out / 'report.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
