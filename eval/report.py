"""Aggregating item scores into a summary (summary.json) and rendering it as Markdown."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
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
    "citation_recall": (
        "citation recall",
        "gold evidence phrases contained in some cited `quote` (questions: `citations`, claims: "
        "`evidence`) / gold evidence phrases",
    ),
    "citation_precision": (
        "citation precision",
        "citations that are relevant / citations, over items with gold evidence or answer keys; "
        "relevant (ALCE-style, by text match instead of NLI) = the `quote` contains a gold "
        "evidence phrase, or the `quote` or `translation` contains an answer-key alternative",
    ),
    "citation_precision_decisive": (
        "citation precision (decisive evidence)",
        "claims only: `evidence` entries with `stance` supports or refutes that are relevant (as "
        "above) / such entries; leaves out the neutral context isnad shows beside the verdict",
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
    "llm_faithfulness": (
        "LLM-judge faithfulness",
        "answer claims the judge finds supported by the cited passages / answer claims the judge "
        "lists (RAGAS-style, micro-averaged; only when an LLM is configured; replies cached)",
    ),
    "completed": (
        "completed",
        "items with a result (not an error record) / items; errors score 0 on accuracy, "
        "recall, verdict and abstention metrics",
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
VERDICT_ORDER = ("supported", "contradicted", "disputed", "not_enough_info", "error")
ABSTENTION_GOLD = ("answerable", "unanswerable")
ABSTENTION_OUTCOMES = ("answered", "abstained", "error")


def summarise(
    items: Sequence[Mapping[str, Any]],
    scores: Sequence[ItemScore],
    verdicts: Sequence[str | None],
    abstentions: Sequence[tuple[str, str] | None],
) -> dict[str, Any]:
    """Plain-JSON summary of the scores (no timings: identical on every run of the same
    outputs): ratios per group, claim confusion matrix, question abstention matrix, counts."""
    groups: dict[str, Any] = {}
    for name, keep in GROUPS.items():
        idx = [i for i, it in enumerate(items) if keep(it)]
        ratios = aggregate(scores[i].scores for i in idx)
        groups[name] = {
            "items": len(idx),
            "metrics": {m: list(ratios[m]) for m in METRICS if m in ratios},
        }
    pairs = [
        (" or ".join(it["verdict"]), verdicts[i] or "error")
        for i, it in enumerate(items)
        if it["kind"] == "claim"
    ]
    return {
        "groups": groups,
        "confusion": confusion(pairs),
        "abstention": confusion(a for a in abstentions if a is not None),
        "unchecked_quotes": sum(s.unchecked_quotes for s in scores),
        "failing": sum(bool(s.reasons) for s in scores),
    }


def latency_summary(
    items: Sequence[Mapping[str, Any]], latencies: Sequence[float | None]
) -> dict[str, Any]:
    """Timings (they change on every run, so they live apart from the scores)."""
    groups = {}
    for name, keep in GROUPS.items():
        lat = [x for it, x in zip(items, latencies, strict=True) if keep(it) and x is not None]
        groups[name] = {m: percentile(lat, 50 if "p50" in m else 95) for m in LATENCY}
    per_item = {it["id"]: ms for it, ms in zip(items, latencies, strict=True)}
    return {"groups": groups, "items": per_item}


def _cell(ratio: Sequence[int] | None) -> str:
    value = share((ratio[0], ratio[1])) if ratio else None
    return "–" if value is None or not ratio else f"{value:.2f} ({ratio[0]}/{ratio[1]})"


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def metric_cells(summary: Mapping[str, Any], metric: str) -> list[str]:
    """One metric's formatted value in every group, in GROUPS order."""
    return [_cell(summary["groups"][g]["metrics"].get(metric)) for g in GROUPS]


def latency_cells(latency: Mapping[str, Any], metric: str) -> list[str]:
    """One latency percentile in every group, in GROUPS order."""
    return [_ms(latency["groups"][g][metric]) for g in GROUPS]


def summary_table(summary: Mapping[str, Any], latency: Mapping[str, Any] | None = None) -> str:
    """The Markdown table of every metric (rows) by group (columns); latency rows if given."""
    lines = [_row(["metric", *GROUPS]), _row(["---"] * (len(GROUPS) + 1))]
    lines.append(_row(["items", *(str(summary["groups"][g]["items"]) for g in GROUPS)]))
    for metric, (label, _) in METRICS.items():
        if any(metric in summary["groups"][g]["metrics"] for g in GROUPS):
            lines.append(_row([label, *metric_cells(summary, metric)]))
    for metric in LATENCY if latency else ():
        lines.append(_row([metric.replace("_", " "), *latency_cells(latency or {}, metric)]))
    return "\n".join(lines)


def _ordered(labels: set[str], order: Sequence[str]) -> list[str]:
    return [x for x in order if x in labels] + sorted(labels - set(order))


def matrix_table(
    matrix: Mapping[str, Mapping[str, int]],
    corner: str,
    cols: Sequence[str] = (),
    rows: Sequence[str] = (),
) -> str:
    """Counts of gold (rows) by predicted (columns), in the given orders when they apply."""
    preds = _ordered({p for row in matrix.values() for p in row}, cols)
    golds = _ordered(set(matrix), rows)
    lines = [_row([corner, *preds]), _row(["---"] * (len(preds) + 1))]
    for gold in golds:
        lines.append(_row([gold, *(str(matrix[gold].get(p, 0)) for p in preds)]))
    return "\n".join(lines)


def confusion_table(matrix: Mapping[str, Mapping[str, int]]) -> str:
    """Claims: accepted verdicts (rows) by predicted verdict or `error` (columns)."""
    return matrix_table(matrix, "accepted \\ predicted", VERDICT_ORDER)


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
    latency: Mapping[str, Any],
    items: Sequence[Mapping[str, Any]],
    scores: Sequence[ItemScore],
    notes: Sequence[str],
    plots: Sequence[str] = (),
) -> str:
    """The whole report.md: setup notes, summary, one section per metric with its formula,
    confusion and abstention matrices, latency, plots, failures."""
    head = _row(list(GROUPS)) + "\n" + _row(["---"] * len(GROUPS))
    parts = ["# isnad evaluation", "", *(f"- {n}" for n in notes), "", "## Summary", ""]
    parts += [summary_table(summary), "", "## Metrics", ""]  # timings: own section below
    parts += [
        "Every metric is a ratio `hits / trials` summed over the items of a group "
        "(micro-average); `–` means no trials. Text matching as in the notes above.",
        "",
    ]
    for metric, (label, formula) in METRICS.items():
        parts += [f"### {label}", "", f"`{metric}` = {formula}", "", head]
        parts += [_row(metric_cells(summary, metric)), ""]
    if summary["confusion"]:
        parts += ["## Claims: verdict confusion matrix", ""]
        parts += [confusion_table(summary["confusion"]), ""]
    if summary["abstention"]:
        parts += ["## Questions: abstention both ways", ""]
        parts += [
            "Rows: whether the dataset says the article answers the question; columns: what "
            "isnad did. Off-diagonal cells are the two kinds of error (answered an unanswerable "
            "question / abstained on an answerable one).",
            "",
            matrix_table(summary["abstention"], "gold \\ isnad", ABSTENTION_OUTCOMES,
                         ABSTENTION_GOLD),
            "",
        ]  # fmt: skip
    parts += ["## Latency (changes between runs; kept out of the score files)", ""]
    parts += [_row(["", *GROUPS]), _row(["---"] * (len(GROUPS) + 1))]
    parts += [_row([f"`{m}`", *latency_cells(latency, m)]) for m in LATENCY]
    parts += ["", *(f"- `{m}` = {f}" for m, f in LATENCY.items()), ""]
    if plots:
        parts += ["## Plots", "", *(f"![{Path(p).stem}]({p})" for p in plots), ""]
    failing = failing_lines(items, scores)
    parts += [f"## Failing items ({len(failing)})", "", *(failing or ["None."]), ""]
    return "\n".join(parts)
