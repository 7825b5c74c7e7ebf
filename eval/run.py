"""`python -m eval.run DATASET.jsonl`: run a dataset through the public `isnad` CLI and score it.

Ingests every referenced article into a fresh temporary index (ISNAD_HOME), runs `isnad batch`
once, then writes to --out: results.jsonl and summary.json (scores only: byte-identical on every
run of the same outputs), latency.json (timings), report.md, PNG plots and the raw batch files.
With an LLM configured (ISNAD_LLM_BASE_URL) an LLM judge also scores faithfulness, its replies
cached in judge_cache.json. Exit codes: 0 measured (whatever the scores), 2 bad input, 1 when
isnad itself fails.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from eval.data import ArticleFile, BadInput, load_articles, load_items, load_speakers
from eval.metrics import (
    JUDGE_CLAIMS_SYSTEM,
    JUDGE_SUPPORT_SYSTEM,
    ItemScore,
    abstention_outcome,
    claims_prompt,
    judge_inputs,
    latency_ms,
    parse_claims,
    parse_support,
    score_item,
    support_prompt,
)
from eval.plots import confusion_heatmap, latency_histogram, metric_bars
from eval.report import VERDICT_ORDER, latency_summary, render_report, summarise, summary_table

EVAL_DIR = Path(__file__).resolve().parent


class IsnadFailed(Exception):
    """The isnad command under test exited with an error."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m eval.run", description=__doc__.splitlines()[0])
    p.add_argument("dataset", type=Path, metavar="DATASET.jsonl")
    p.add_argument("--out", type=Path, help="output folder (default: eval/out/<dataset stem>)")
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


class Judge:
    """LLM replies by sha256 of (model, system prompt, user prompt), cached in a JSON file so a
    rerun on the same outputs asks nothing and scores the same."""

    def __init__(self, cache: Path, model: str, complete: Callable[[str, str], str]) -> None:
        self.path, self.model, self.complete = cache, model, complete
        self.cache: dict[str, str] = {}
        if cache.is_file():
            try:
                data = json.loads(cache.read_text(encoding="utf-8"))
                self.cache = {str(k): str(v) for k, v in data.items()}
            except (json.JSONDecodeError, UnicodeDecodeError, AttributeError):
                print(f"eval: warning: {cache} is not a judge cache; ignored", file=sys.stderr)
        self.hits = self.calls = 0

    def key(self, system: str, user: str) -> str:
        """The cache key of one prompt."""
        blob = json.dumps([self.model, system, user], ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def reply(self, system: str, user: str) -> str:
        """The cached reply, or a new one from the LLM (saved at once)."""
        key = self.key(system, user)
        if key in self.cache:
            self.hits += 1
            return self.cache[key]
        self.calls += 1
        text = self.complete(system, user)
        self.cache[key] = text
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(
            json.dumps(self.cache, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        tmp.replace(self.path)
        return text


def llm_judge(cache: Path) -> Judge | None:
    """A Judge over the configured OpenAI-compatible server, or None when no LLM is set."""
    from assistant.config import Settings
    from assistant.llm.client import ChatModel

    settings = Settings()
    if not settings.llm_configured:
        return None
    return Judge(cache, settings.llm_model, ChatModel(settings).complete)


def judge_items(
    judge: Judge,
    items: Sequence[Mapping[str, Any]],
    records: Mapping[str, dict[str, Any]],
    scores: Sequence[ItemScore],
    max_failures: int = 3,
) -> list[str]:
    """Add `llm_faithfulness` trials to the scores: the judge lists each answer's claims, then
    says which the cited passages support. Returns notes on what could not be judged."""
    from assistant.errors import LLMError

    unusable: list[str] = []
    failures: list[str] = []
    for it, s in zip(items, scores, strict=True):
        inputs = judge_inputs(it, records.get(it["id"]))
        if inputs is None:
            continue
        if len(failures) >= max_failures:
            failures.append(it["id"])
            continue
        question, answer, passages = inputs
        try:
            claims = parse_claims(judge.reply(JUDGE_CLAIMS_SYSTEM, claims_prompt(question, answer)))
            support = None
            if claims:
                reply = judge.reply(JUDGE_SUPPORT_SYSTEM, support_prompt(claims, passages))
                support = parse_support(reply, len(claims))
        except LLMError as exc:
            print(f"eval: LLM judge on {it['id']}: {exc}", file=sys.stderr)
            failures.append(it["id"])
            continue
        if claims is None or (claims and support is None):
            unusable.append(it["id"])
            continue
        for claim, ok in zip(claims, support or [], strict=True):
            s.add("llm_faithfulness", ok, f"judge: claim not supported by the citations: "
                  f"«{claim[:60]}»")  # fmt: skip
    notes = []
    if unusable:
        notes.append(f"LLM judge replies unusable (not scored): {', '.join(unusable)}")
    if failures:
        notes.append(f"LLM judge failed (not scored): {', '.join(failures)}")
    return notes


def write_outputs(
    out: Path,
    items: Sequence[Mapping[str, Any]],
    records: Mapping[str, dict[str, Any]],
    scores: Sequence[ItemScore],
    notes: Sequence[str],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Write results.jsonl and summary.json (scores only: identical across runs of the same
    outputs), latency.json (timings), the PNG plots and report.md; returns summary, latency."""
    lat = [latency_ms(records.get(it["id"])) for it in items]
    verdicts = [((records.get(it["id"]) or {}).get("result") or {}).get("verdict") for it in items]
    abstentions = [abstention_outcome(it, records.get(it["id"])) for it in items]
    summary = summarise(items, scores, verdicts, abstentions)
    latency = latency_summary(items, lat)
    with (out / "results.jsonl").open("w", encoding="utf-8") as f:
        for it, s in zip(items, scores, strict=True):
            row = {
                "id": it["id"], "kind": it["kind"], "lang": it["lang"],
                "scores": {m: list(r) for m, r in sorted(s.scores.items())},
                "failures": s.reasons, "unchecked_quotes": s.unchecked_quotes,
                "result": result_summary(records.get(it["id"])),
            }  # fmt: skip
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    _dump(out / "summary.json", {"notes": list(notes), **summary})
    _dump(out / "latency.json", latency)
    plots = [
        metric_bars(summary, out / "metrics.png"),
        latency_histogram(items, lat, out / "latency.png"),
    ]
    if summary["confusion"]:
        plots.append(confusion_heatmap(summary["confusion"], VERDICT_ORDER, out / "confusion.png"))
    report = render_report(summary, latency, items, scores, notes, [p.name for p in plots])
    (out / "report.md").write_text(report, encoding="utf-8")
    return summary, latency


def _dump(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


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
    print(summary_table(summary, latency))
    print(f"\n{summary['failing']} of {len(items)} items fail something; see {out / 'report.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
