"""PNG plots of an eval run (matplotlib, Agg backend: no display needed).

matplotlib is optional (`pip install 'isnad[eval]'`): it is imported only when a plot is drawn,
and `pyplot()` raises PlotsUnavailable, with the one line to show, when it cannot be imported.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from eval.metrics import percentile, share
from eval.summary import METRICS

PANELS = {"by language": ("overall", "ar", "en"), "by kind": ("questions", "claims")}
COLOURS = {
    "overall": "#7f7f7f",
    "ar": "#1b9e77",
    "en": "#d95f02",
    "questions": "#7570b3",
    "claims": "#e7298a",
}
# matplotlib's tab20 without its greys (grey is `overall`): the strong colours, then the light
# ones, for the values of the grouping fields found in the dataset.
PALETTE = (
    "#1f77b4 #ff7f0e #2ca02c #d62728 #9467bd #8c564b #e377c2 #bcbd22 #17becf "
    "#aec7e8 #ffbb78 #98df8a #ff9896 #c5b0d5 #c49c94 #f7b6d2 #dbdb8d #9edae5"
).split()
NOT_INSTALLED = "plots skipped: matplotlib is not installed (pip install 'isnad[eval]')"


class PlotsUnavailable(Exception):
    """matplotlib cannot be imported; the message is the one line to show instead of plots."""


def pyplot() -> Any:
    """matplotlib.pyplot on the Agg backend; PlotsUnavailable when it cannot be imported."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        if exc.name == "matplotlib":
            raise PlotsUnavailable(NOT_INSTALLED) from None
        raise PlotsUnavailable(f"plots skipped: matplotlib cannot be imported ({exc})") from None
    return plt


def save(fig: Any, path: Path) -> Path:
    """Write a figure as PNG without a version stamp, and close it."""
    fig.tight_layout()
    fig.savefig(path, dpi=110, metadata={"Software": None})  # no version stamp in the PNG
    pyplot().close(fig)
    return path


def field_file(field: str) -> str:
    """The file name of the bars of one grouping field."""
    safe = re.sub(r"[^\w-]+", "_", field)
    return f"metrics_by_{safe}.png"


def metric_bars(
    summary: Mapping[str, Any], path: Path, panels: Mapping[str, Sequence[str]] | None = None
) -> Path:
    """Horizontal bars of every metric, one panel per list of groups (default: one by language
    and one by kind)."""
    panels = PANELS if panels is None else panels
    groups = summary["groups"]
    metrics = [m for m in METRICS if any(m in groups[g]["metrics"] for g in groups)]
    longest = max(len(names) for names in panels.values())
    size = (6.5 * max(2, len(panels)), 0.55 * len(metrics) * max(1.0, longest / 3) + 1.8)
    fig, axes = pyplot().subplots(1, len(panels), figsize=size, sharey=True, squeeze=False)
    for ax, (title, names) in zip(axes[0], panels.items(), strict=True):
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
            colour = COLOURS.get(g, PALETTE[(j - 1) % len(PALETTE)])
            ax.barh(ys, xs, height=height, color=colour, label=f"{g} ({groups[g]['items']})")
            for y, x, label in zip(ys, xs, labels, strict=True):
                ax.text(min(x, 1.0) + 0.01, y, label, va="center", fontsize=6.5)
        ax.set_xlim(0, 1.25)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
        ax.set_yticks(range(len(metrics)), [METRICS[m][0] for m in metrics])
        if len(panels) > 1:
            ax.set_title(title)
        ax.grid(axis="x", alpha=0.3)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.04), ncol=3, fontsize=8)
    axes[0][0].invert_yaxis()  # shared y axis: once, so the first metric is on top
    only = f" {next(iter(panels))}" if len(panels) == 1 else ""
    fig.suptitle(f"isnad eval: share per metric{only} (items in legend)")
    return save(fig, path)


def latency_histogram(
    items: Sequence[Mapping[str, Any]], latencies: Sequence[float | None], path: Path
) -> Path:
    """Histogram of `timings_ms.total`, questions and claims, with p50 and p95 marked."""
    fig, ax = pyplot().subplots(figsize=(8, 4))
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
    return save(fig, path)


def confusion_heatmap(
    matrix: Mapping[str, Mapping[str, int]], cols: Sequence[str], path: Path
) -> Path:
    """Claims: accepted verdicts (rows) by predicted verdict (columns), counts in the cells."""
    present = {p for row in matrix.values() for p in row}
    preds = [c for c in cols if c in present] + sorted(present - set(cols))
    golds = sorted(matrix)
    grid = [[matrix[g].get(p, 0) for p in preds] for g in golds]
    fig, ax = pyplot().subplots(figsize=(1.4 * len(preds) + 3.5, 0.5 * len(golds) + 1.6))
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
    return save(fig, path)
