"""PNG plots of an eval run and of the benchmark (matplotlib, Agg backend: no display needed)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from eval.metrics import percentile, share
from eval.report import METRICS

PANELS = {"by language": ("overall", "ar", "en"), "by kind": ("questions", "claims")}
COLOURS = {
    "overall": "#7f7f7f",
    "ar": "#1b9e77",
    "en": "#d95f02",
    "questions": "#7570b3",
    "claims": "#e7298a",
}


def _save(fig: Any, path: Path) -> Path:
    fig.tight_layout()
    fig.savefig(path, dpi=110, metadata={"Software": None})  # no version stamp in the PNG
    plt.close(fig)
    return path


def metric_bars(summary: Mapping[str, Any], path: Path) -> Path:
    """Horizontal bars of every metric, one panel by language and one by kind."""
    groups = summary["groups"]
    metrics = [m for m in METRICS if any(m in groups[g]["metrics"] for g in groups)]
    fig, axes = plt.subplots(1, len(PANELS), figsize=(13, 0.55 * len(metrics) + 1.8), sharey=True)
    for ax, (title, names) in zip(axes, PANELS.items(), strict=True):
        height = 0.8 / len(names)
        for j, g in enumerate(names):
            ys, xs, labels = [], [], []
            for i, m in enumerate(metrics):
                ratio = groups[g]["metrics"].get(m)
                value = share((ratio[0], ratio[1])) if ratio else None
                if value is None or not ratio:
                    continue
                ys.append(i + (j - (len(names) - 1) / 2) * height)
                xs.append(value)
                labels.append(f"{value:.2f} ({ratio[0]}/{ratio[1]})")
            ax.barh(ys, xs, height=height, color=COLOURS[g], label=f"{g} ({groups[g]['items']})")
            for y, x, label in zip(ys, xs, labels, strict=True):
                ax.text(min(x, 1.0) + 0.01, y, label, va="center", fontsize=6.5)
        ax.set_xlim(0, 1.25)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
        ax.set_yticks(range(len(metrics)), [METRICS[m][0] for m in metrics])
        ax.set_title(title)
        ax.grid(axis="x", alpha=0.3)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.04), ncol=3, fontsize=8)
    axes[0].invert_yaxis()  # shared y axis: once, so the first metric is on top
    fig.suptitle("isnad eval: share per metric (items in legend)")
    return _save(fig, path)


def latency_histogram(
    items: Sequence[Mapping[str, Any]], latencies: Sequence[float | None], path: Path
) -> Path:
    """Histogram of `timings_ms.total`, questions and claims, with p50 and p95 marked."""
    fig, ax = plt.subplots(figsize=(8, 4))
    every = [x for x in latencies if x is not None]
    top = max(every, default=1.0)
    bins = [top * i / 30 for i in range(31)]
    for kind, name in (("question", "questions"), ("claim", "claims")):
        xs = [x for it, x in zip(items, latencies, strict=True) if it["kind"] == kind and x]
        if xs:
            ax.hist(xs, bins=bins, alpha=0.6, color=COLOURS[name], label=f"{name} ({len(xs)})")
    for q, style in ((50, "--"), (95, ":")):
        p = percentile(every, q)
        if p is not None:
            ax.axvline(p, color="black", linestyle=style, label=f"p{q} {p:,.0f} ms (all)")
    ax.set_xlabel("timings_ms.total (ms)")
    ax.set_ylabel("items")
    ax.set_title("isnad eval: latency per item (warm, one batch process)")
    ax.legend()
    return _save(fig, path)


def confusion_heatmap(
    matrix: Mapping[str, Mapping[str, int]], cols: Sequence[str], path: Path
) -> Path:
    """Claims: accepted verdicts (rows) by predicted verdict (columns), counts in the cells."""
    present = {p for row in matrix.values() for p in row}
    preds = [c for c in cols if c in present] + sorted(present - set(cols))
    golds = sorted(matrix)
    grid = [[matrix[g].get(p, 0) for p in preds] for g in golds]
    fig, ax = plt.subplots(figsize=(1.4 * len(preds) + 3.5, 0.5 * len(golds) + 1.6))
    ax.imshow(grid, cmap="Blues", aspect="auto")
    top = max((n for row in grid for n in row), default=0)
    for i, row in enumerate(grid):
        for j, n in enumerate(row):
            colour = "white" if n > top / 2 else "black"
            ax.text(j, i, str(n), ha="center", va="center", color=colour)
    ax.set_xticks(range(len(preds)), preds, rotation=20)
    ax.set_yticks(range(len(golds)), golds)
    ax.set_xlabel("predicted")
    ax.set_ylabel("accepted")
    ax.set_title("claims: verdict confusion")
    return _save(fig, path)


def warm_bars(rows: Sequence[tuple[str, float, float]], path: Path) -> Path:
    """p50 and p95 (ms) of the warm benchmark, one pair of bars per system."""
    fig, ax = plt.subplots(figsize=(8, 3.8))
    ys = range(len(rows))
    ax.barh([y - 0.2 for y in ys], [r[1] for r in rows], height=0.4, label="p50", color="#1b9e77")
    ax.barh([y + 0.2 for y in ys], [r[2] for r in rows], height=0.4, label="p95", color="#d95f02")
    for y, (_, p50, p95) in zip(ys, rows, strict=True):
        ax.text(p50, y - 0.2, f" {p50:,.1f}", va="center", fontsize=8)
        ax.text(p95, y + 0.2, f" {p95:,.1f}", va="center", fontsize=8)
    ax.set_yticks(list(ys), [r[0] for r in rows])
    ax.invert_yaxis()
    ax.set_xlim(0, max(r[2] for r in rows) * 1.15)
    ax.set_xlabel("ms per call (warm, in process)")
    ax.set_title("dev set: plain retriever vs isnad", loc="left")
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2, frameon=False)
    return _save(fig, path)


def scale_plot(rows: Sequence[Mapping[str, Any]], path: Path) -> Path:
    """Query latency, ingest rate and memory against the number of articles; line style per
    store (solid: embedded, dashed: Chroma server)."""
    fig, axes = plt.subplots(1, 3, figsize=(15, 5.2))
    styles = {"embedded": ("-", "o"), "server": ("--", "s")}
    series = (
        ("ask_p50_ms", "ask p50", "#1f77b4"),
        ("ask_p95_ms", "ask p95", "#9ecae1"),
        ("verify_p50_ms", "verify p50", "#2ca02c"),
        ("plain_p50_ms", "plain retriever p50", "#7f7f7f"),
    )
    for store in sorted({r["store"] for r in rows}):
        rs = sorted((r for r in rows if r["store"] == store), key=lambda r: r["n"])
        ns = [r["n"] for r in rs]
        line, marker = styles.get(store, (":", "^"))
        for key, label, colour in series:
            axes[0].plot(ns, [r[key] for r in rs], line, marker=marker, color=colour,
                         label=f"{label} ({store})")  # fmt: skip
        axes[1].plot(ns, [r["ingest_per_min"] for r in rs], line, marker=marker, label=store)
        axes[2].plot(ns, [r["peak_rss_mb"] for r in rs], line, marker=marker, color="#1f77b4",
                     label=f"isnad process ({store})")  # fmt: skip
        if any(r.get("server_peak_rss_mb") for r in rs):
            axes[2].plot(ns, [r.get("server_peak_rss_mb") or 0 for r in rs], line,
                         marker=marker, color="#d62728", label="chroma server")  # fmt: skip
    axes[0].axhline(150, color="red", linewidth=0.8, label="goal: p50 ≤ 150 ms at 10,000")
    axes[1].axhline(200, color="red", linewidth=0.8, label="goal: ≥ 200 articles/min")
    titles = ("warm query latency (ms, log)", "ingest (articles/min)", "peak RSS (MB)")
    for ax, title in zip(axes, titles, strict=True):
        ax.set_xscale("log")
        ax.set_xlim(70, 14_000)
        ax.set_xlabel("articles indexed")
        ax.set_title(title)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2)
    axes[0].set_yscale("log")
    axes[1].set_ylim(bottom=0)
    fig.suptitle("isnad at scale (synthetic bilingual articles)")
    return _save(fig, path)
