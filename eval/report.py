"""Aggregating item scores into a summary (summary.json) and rendering it as Markdown."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from eval.metrics import ItemScore, aggregate, confusion, percentile, share

# name -> (label, one-line formula); the order is the order of every table.
METRICS: dict[str, tuple[str, str]] = {
    "answer_keys_in_answer": (
        "answer accuracy (answer text)",
        "answerable questions whose answer text matches every `answer_keys` group / answerable "
        "questions",
    ),
    "answer_keys_in_answer_or_citations": (
        "answer accuracy (answer or citations)",
        "answerable questions where every group matches the answer text or a cited quote or "
        "translation / answerable questions",
    ),
    "evidence_recall": (
        "evidence recall",
        "gold evidence phrases contained in some cited `quote` (questions: `citations`, claims: "
        "`evidence`) / gold evidence phrases",
    ),
    "attribution_accuracy": (
        "attribution accuracy",
        "covered evidence phrases with a covering citation whose `speaker` matches an accepted "
        "speaker key and whose `role` is accepted / covered evidence phrases (items with gold "
        "speaker and role)",
    ),
    "abstained_when_unanswerable": (
        "abstained (unanswerable)",
        "unanswerable questions with `abstained: true` / unanswerable questions",
    ),
    "answered_when_answerable": (
        "answered (answerable)",
        "answerable questions with `abstained: false` / answerable questions",
    ),
    "verdict_accuracy": (
        "verdict accuracy",
        "claims whose `verdict` is one of the accepted verdicts / claims",
    ),
    "quote_verbatim": (
        "quote faithfulness",
        "citations and evidence with `quote == source_text[start:end]` of the article file / "
        "checked citations (.html articles and unknown doc ids are not checked)",
    ),
    "lang_match": (
        "language match",
        "results whose answer (questions) or explanation (claims) is in the item's language, "
        "Arabic when Arabic letters are over half of all letters / results",
    ),
    "completed": (
        "completed",
        "items with a result (not an error record) / items; errors score 0 on accuracy, "
        "recall and abstention metrics",
    ),
}

GROUPS: dict[str, Callable[[Mapping[str, Any]], bool]] = {
    "overall": lambda it: True,
    "ar": lambda it: it["lang"] == "ar",
    "en": lambda it: it["lang"] == "en",
    "questions": lambda it: it["kind"] == "question",
    "claims": lambda it: it["kind"] == "claim",
}
LATENCY = {
    "latency_p50_ms": "p50 of `timings_ms.total` over results that report it (ms)",
    "latency_p95_ms": "p95 of `timings_ms.total`, linear interpolation (ms)",
}


def summarise(
    items: Sequence[Mapping[str, Any]],
    scores: Sequence[ItemScore],
    latencies: Sequence[float | None],
    verdicts: Sequence[str | None],
) -> dict[str, Any]:
    """Plain-JSON summary: ratios and latency per group, claim confusion matrix, counts."""
    groups: dict[str, Any] = {}
    for name, keep in GROUPS.items():
        idx = [i for i, it in enumerate(items) if keep(it)]
        lat = [x for i in idx if (x := latencies[i]) is not None]
        ratios = aggregate(scores[i].scores for i in idx)
        groups[name] = {
            "items": len(idx),
            "metrics": {m: list(ratios[m]) for m in METRICS if m in ratios},
            "latency_p50_ms": percentile(lat, 50),
            "latency_p95_ms": percentile(lat, 95),
        }
    pairs = [
        (" or ".join(it["verdict"]), verdicts[i] or "error")
        for i, it in enumerate(items)
        if it["kind"] == "claim"
    ]
    return {
        "groups": groups,
        "confusion": confusion(pairs),
        "unchecked_quotes": sum(s.unchecked_quotes for s in scores),
        "failing": sum(bool(s.reasons) for s in scores),
    }


def _cell(ratio: Sequence[int] | None) -> str:
    value = share((ratio[0], ratio[1])) if ratio else None
    return "–" if value is None or not ratio else f"{value:.2f} ({ratio[0]}/{ratio[1]})"


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def metric_cells(summary: Mapping[str, Any], metric: str) -> list[str]:
    """One metric's formatted value in every group, in GROUPS order."""
    groups = summary["groups"]
    if metric in LATENCY:
        return [_ms(groups[g][metric]) for g in GROUPS]
    return [_cell(groups[g]["metrics"].get(metric)) for g in GROUPS]


def summary_table(summary: Mapping[str, Any]) -> str:
    """The Markdown table of every metric (rows) by group (columns)."""
    lines = [_row(["metric", *GROUPS]), _row(["---"] * (len(GROUPS) + 1))]
    lines.append(_row(["items", *(str(summary["groups"][g]["items"]) for g in GROUPS)]))
    for metric, (label, _) in METRICS.items():
        lines.append(_row([label, *metric_cells(summary, metric)]))
    for metric in LATENCY:
        lines.append(_row([metric.replace("_", " "), *metric_cells(summary, metric)]))
    return "\n".join(lines)


def confusion_table(matrix: Mapping[str, Mapping[str, int]]) -> str:
    """Claims: accepted verdicts (rows) by predicted verdict or `error` (columns)."""
    preds = sorted({p for row in matrix.values() for p in row})
    lines = [_row(["accepted \\ predicted", *preds]), _row(["---"] * (len(preds) + 1))]
    for gold in sorted(matrix):
        lines.append(_row([gold, *(str(matrix[gold].get(p, 0)) for p in preds)]))
    return "\n".join(lines)


def failing_lines(items: Sequence[Mapping[str, Any]], scores: Sequence[ItemScore]) -> list[str]:
    """One Markdown bullet per failing item (questions first), with its reasons."""
    order = sorted(range(len(items)), key=lambda i: items[i]["kind"] != "question")
    return [
        f"- `{items[i]['id']}` ({items[i]['kind']}, {items[i]['lang']}): "
        + "; ".join(scores[i].reasons)
        for i in order
        if scores[i].reasons
    ]


def render_report(
    summary: Mapping[str, Any],
    items: Sequence[Mapping[str, Any]],
    scores: Sequence[ItemScore],
    notes: Sequence[str],
) -> str:
    """The whole report.md: setup notes, summary, one table per metric, confusion, failures."""
    head = _row(list(GROUPS)) + "\n" + _row(["---"] * len(GROUPS))
    parts = ["# isnad evaluation", "", *(f"- {n}" for n in notes), "", "## Summary", ""]
    parts += [summary_table(summary), "", "## Metrics", ""]
    definitions = dict(METRICS) | {m: (m, f) for m, f in LATENCY.items()}
    for metric, (label, formula) in definitions.items():
        parts += [f"### {label}", "", f"`{metric}` = {formula}", "", head]
        parts += [_row(metric_cells(summary, metric)), ""]
    if summary["confusion"]:
        parts += ["## Claims: confusion matrix", "", confusion_table(summary["confusion"]), ""]
    failing = failing_lines(items, scores)
    parts += [f"## Failing items ({len(failing)})", "", *(failing or ["None."]), ""]
    return "\n".join(parts)
