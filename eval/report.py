"""Rendering the summary as Markdown: the summary table, one table per grouping field, one
section per metric with its formula, verdict metrics, confusion and abstention matrices, latency,
plots and the failing items (report.md; the tables are also printed at the end of a run)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from eval.data import VERDICTS
from eval.groups import FIXED, FIXED_GROUPINGS
from eval.metrics import ItemScore, share
from eval.summary import ABSTENTION_GOLD, ABSTENTION_OUTCOMES, LATENCY, METRICS, VERDICT_ORDER

GROUPS = tuple(FIXED)  # the columns of the summary table: overall, ar, en, questions, claims
MACRO_F1 = "verdict macro-F1"


def _cell(ratio: Sequence[int] | None) -> str:
    value = share((ratio[0], ratio[1])) if ratio else None
    return "–" if value is None or not ratio else f"{value:.2f} ({ratio[0]}/{ratio[1]})"


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    return [_row(head), _row(["---"] * len(head)), *(_row(r) for r in rows)]


def _macro(summary: Mapping[str, Any], group: str) -> str:
    return _num((summary["groups"][group].get("verdicts") or {}).get("macro_f1"))


def _has_claims(summary: Mapping[str, Any], groups: Sequence[str]) -> bool:
    return any("verdicts" in summary["groups"][g] for g in groups)


def metric_cells(
    summary: Mapping[str, Any], metric: str, groups: Sequence[str] = GROUPS
) -> list[str]:
    """One metric's formatted value in every group (default: the fixed groups)."""
    return [_cell(summary["groups"][g]["metrics"].get(metric)) for g in groups]


def latency_cells(latency: Mapping[str, Any], metric: str) -> list[str]:
    """One latency percentile in every fixed group."""
    return [_ms(latency["groups"][g][metric]) for g in GROUPS]


def summary_table(summary: Mapping[str, Any], latency: Mapping[str, Any] | None = None) -> str:
    """Every metric (rows) by fixed group (columns), verdict macro-F1 when there are claims;
    latency rows if given."""
    lines = _table(["metric", *GROUPS], [])
    lines.append(_row(["items", *(str(summary["groups"][g]["items"]) for g in GROUPS)]))
    for metric, (label, _) in METRICS.items():
        if any(metric in summary["groups"][g]["metrics"] for g in GROUPS):
            lines.append(_row([label, *metric_cells(summary, metric)]))
        if metric == "verdict_accuracy" and _has_claims(summary, GROUPS):
            lines.append(_row([MACRO_F1, *(_macro(summary, g) for g in GROUPS)]))
    for metric in LATENCY if latency else ():
        lines.append(_row([metric.replace("_", " "), *latency_cells(latency or {}, metric)]))
    return "\n".join(lines)


def extra_fields(summary: Mapping[str, Any]) -> list[str]:
    """The grouping fields found in the items (not the fixed lang and kind)."""
    return [f for f in summary.get("groupings", {}) if f not in FIXED_GROUPINGS]


def field_table(summary: Mapping[str, Any], field: str) -> str:
    """One row per value of a grouping field, one column per metric it has (and macro-F1)."""
    groups = summary["groupings"][field]
    metrics = [m for m in METRICS if any(m in summary["groups"][g]["metrics"] for g in groups)]
    claims = _has_claims(summary, groups)
    head = [field, "items", *(METRICS[m][0] for m in metrics), *([MACRO_F1] if claims else [])]
    rows = []
    for g in groups:
        cells = [_cell(summary["groups"][g]["metrics"].get(m)) for m in metrics]
        extra = [_macro(summary, g)] if claims else []
        rows.append([g.partition("=")[2], str(summary["groups"][g]["items"]), *cells, *extra])
    return "\n".join(_table(head, rows))


def grouped_tables(summary: Mapping[str, Any], latency: Mapping[str, Any] | None = None) -> str:
    """The summary table, then one table per grouping field (what a run prints at the end)."""
    parts = [summary_table(summary, latency)]
    for field in extra_fields(summary):
        parts += [f"By `{field}`:", field_table(summary, field)]
    return "\n\n".join(parts)


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


VERDICT_TEXT = (
    "Accuracy counts a claim right when its verdict is one of the accepted verdicts. For "
    "precision, recall and F1 a claim's gold label is its *effective gold*: the predicted verdict "
    "when it is accepted, else the first accepted verdict. Per verdict: precision = correct / "
    "predicted, recall = correct / effective gold, F1 = 2·correct / (2·correct + wrong "
    "predictions + misses); an error record is a miss. Macro-F1 = mean F1 over the four "
    "verdicts, leaving out a verdict that is neither expected nor predicted."
)


def verdict_tables(summary: Mapping[str, Any]) -> list[str]:
    """Per-verdict precision/recall/F1 over all claims, then accuracy, macro-F1 and F1 per
    verdict in every group that has claims."""
    overall = summary["groups"]["overall"]["verdicts"]
    rows = []
    for v in VERDICTS:
        p = overall["per_verdict"][v]
        rows.append([v, str(p["gold"]), str(p["predicted"]), str(p["correct"]),
                     _cell([p["correct"], p["predicted"]]), _cell([p["correct"], p["gold"]]),
                     _num(p["f1"])])  # fmt: skip
    out = _table(["verdict", "effective gold", "predicted", "correct", "precision", "recall",
                  "F1"], rows)  # fmt: skip
    out += ["", f"Macro-F1 over all claims: {_num(overall['macro_f1'])}.", ""]
    rows = []
    for name, g in summary["groups"].items():
        if "verdicts" in g:
            per = g["verdicts"]["per_verdict"]
            cells = [_cell(g["metrics"].get("verdict_accuracy")), _num(g["verdicts"]["macro_f1"])]
            f1s = [_num(per[v]["f1"]) for v in VERDICTS]
            rows.append([name, str(g["verdicts"]["claims"]), *cells, *f1s])
    out += _table(["group", "claims", "accuracy", "macro-F1", *(f"F1 {v}" for v in VERDICTS)], rows)
    return out


def failing_lines(items: Sequence[Mapping[str, Any]], scores: Sequence[ItemScore],
                  fields: Sequence[str] = ()) -> list[str]:  # fmt: skip
    """One Markdown bullet per failing item (questions first): kind, language, its values of
    the grouping fields, and its reasons."""
    order = sorted(range(len(items)), key=lambda i: items[i]["kind"] != "question")
    lines = []
    for i in order:
        if scores[i].reasons:
            it = items[i]
            tags = [it["kind"], it["lang"], *(f"{f} {it[f]}" for f in fields if it.get(f))]
            lines.append(f"- `{it['id']}` ({', '.join(tags)}): " + "; ".join(scores[i].reasons))
    return lines


def render_report(
    summary: Mapping[str, Any],
    latency: Mapping[str, Any],
    items: Sequence[Mapping[str, Any]],
    scores: Sequence[ItemScore],
    notes: Sequence[str],
    plots: Sequence[str] = (),
    plots_note: str | None = None,
) -> str:
    """The whole report.md: setup notes, summary, a table per grouping field, one section per
    metric with its formula, verdict metrics, confusion and abstention matrices, latency, plots
    (or why there are none), failures."""
    fields = extra_fields(summary)
    parts = ["# isnad evaluation", "", *(f"- {n}" for n in notes), "", "## Summary", ""]
    parts += [summary_table(summary), ""]  # timings: own section below
    for field in fields:
        about = (
            f"One row per value of the items' `{field}` field (grouping fields: eval/README.md)."
        )
        parts += [f"## By `{field}`", "", about, "", field_table(summary, field), ""]
    parts += ["## Metrics", ""]
    parts += [
        "Every metric is a ratio `hits / trials` summed over the items of a group "
        "(micro-average); `–` means no trials. Text matching as in the notes above.",
        "",
    ]
    for metric, (label, formula) in METRICS.items():
        parts += [f"### {label}", "", f"`{metric}` = {formula}", "", *_table(GROUPS, [])]
        parts += [_row(metric_cells(summary, metric)), ""]
    if "verdicts" in summary["groups"]["overall"]:
        parts += ["## Claims: verdicts", "", VERDICT_TEXT, "", *verdict_tables(summary), ""]
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
    rows = [[g, _ms(t["latency_p50_ms"]), _ms(t["latency_p95_ms"])]
            for g, t in latency["groups"].items()]  # fmt: skip
    parts += [*_table(["group", "`latency_p50_ms`", "`latency_p95_ms`"], rows), ""]
    parts += [*(f"- `{m}` = {f}" for m, f in LATENCY.items()), ""]
    if plots or plots_note:
        parts += ["## Plots", "", *(f"![{Path(p).stem}]({p})" for p in plots)]
        parts += [plots_note, ""] if plots_note else [""]
    failing = failing_lines(items, scores, fields)
    parts += [f"## Failing items ({len(failing)})", "", *(failing or ["None."]), ""]
    return "\n".join(parts)
