"""PNG plots of the benchmark: warm latency bars and the scale plot (matplotlib, Agg backend)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from eval.plots import pyplot, save


def warm_bars(rows: Sequence[tuple[str, float, float]], path: Path) -> Path:
    """p50 and p95 (ms) of the warm benchmark, one pair of bars per system."""
    fig, ax = pyplot().subplots(figsize=(8, 3.8))
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
    return save(fig, path)


def scale_plot(rows: Sequence[Mapping[str, Any]], path: Path) -> Path:
    """Query latency, ingest rate and memory against the number of articles; line style per
    store (solid: embedded, dashed: Chroma server)."""
    fig, axes = pyplot().subplots(1, 3, figsize=(15, 5.2))
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
    return save(fig, path)
