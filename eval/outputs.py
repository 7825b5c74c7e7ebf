"""Writing a run's files: results.jsonl and summary.json (scores only: identical across runs of
the same outputs), latency.json (timings), the PNG plots when matplotlib is there, report.md."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from eval.groups import FIXED_GROUPINGS
from eval.metrics import ItemScore, abstention_outcome, latency_ms
from eval.report import render_report
from eval.summary import VERDICT_ORDER, latency_summary, summarise


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


def make_plots(
    summary: Mapping[str, Any],
    items: Sequence[Mapping[str, Any]],
    latencies: Sequence[float | None],
    out: Path,
) -> tuple[list[str], str | None]:
    """The PNG files written (names), or none and the one line saying why (also on stderr)."""
    from eval.plots import (
        PlotsUnavailable,
        confusion_heatmap,
        field_file,
        latency_histogram,
        metric_bars,
    )

    try:
        plots = [
            metric_bars(summary, out / "metrics.png"),
            latency_histogram(items, latencies, out / "latency.png"),
        ]
        if summary["confusion"]:
            path = out / "confusion.png"
            plots.append(confusion_heatmap(summary["confusion"], VERDICT_ORDER, path))
        for field, names in summary["groupings"].items():
            if field not in FIXED_GROUPINGS:
                panel = {f"by {field}": ["overall", *names]}
                plots.append(metric_bars(summary, out / field_file(field), panel))
    except PlotsUnavailable as exc:
        print(f"eval: {exc}", file=sys.stderr)
        return [], str(exc)
    return [p.name for p in plots], None


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
    fields = [f for f in summary["groupings"] if f not in FIXED_GROUPINGS]
    with (out / "results.jsonl").open("w", encoding="utf-8") as f:
        for it, s in zip(items, scores, strict=True):
            tags = {k: it[k] for k in fields if it.get(k) is not None}
            row = {
                "id": it["id"], "kind": it["kind"], "lang": it["lang"],
                **({"groups": tags} if tags else {}),
                "scores": {m: list(r) for m, r in sorted(s.scores.items())},
                "failures": s.reasons, "unchecked_quotes": s.unchecked_quotes,
                "result": result_summary(records.get(it["id"])),
            }  # fmt: skip
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    dump(out / "summary.json", {"notes": list(notes), **summary})
    dump(out / "latency.json", latency)
    plots, why_not = make_plots(summary, items, lat, out)
    report = render_report(summary, latency, items, scores, notes, plots, why_not)
    (out / "report.md").write_text(report, encoding="utf-8")
    return summary, latency


def dump(path: Path, data: Any) -> None:
    """Write data as indented UTF-8 JSON."""
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
