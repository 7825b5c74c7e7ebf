"""What the benchmark's parts share: paths, the error type, timing, memory and load, profiles,
an Assistant on a given index, and the environment of child processes."""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import resource
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from eval.metrics import percentile

EVAL_DIR = Path(__file__).resolve().parent.parent
ROOT = EVAL_DIR.parent
DATA = EVAL_DIR / "datasets"


class BenchError(Exception):
    """The benchmark cannot go on (a worker or the Chroma server failed)."""


# ---- measuring helpers --------------------------------------------------------------------
def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """(milliseconds, result) of one call."""
    t0 = time.perf_counter()
    out = fn()
    return (time.perf_counter() - t0) * 1000, out


def stats(xs: Sequence[float]) -> dict[str, float | int | None]:
    """p50/p95 (linear interpolation) and count."""
    return {"n": len(xs), "p50": percentile(xs, 50), "p95": percentile(xs, 95)}


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (MB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def disk_mb(path: Path) -> float:
    """Size of the files under a folder (MB)."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def load() -> str:
    """The 1/5/15-minute load averages (the machine may be shared)."""
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def profile_text(fn: Callable[[], Any], top: int = 25) -> tuple[str, list[tuple[str, float]]]:
    """cProfile of one call: the top functions by cumulative time, and the top by own time."""
    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    buf = io.StringIO()
    st = pstats.Stats(prof, stream=buf)
    st.sort_stats("cumulative").print_stats(top)
    st.sort_stats("tottime").print_stats(top)
    raw: Any = st.stats  # type: ignore[attr-defined]  # {(file, line, fn): (cc, nc, tt, ct, callers)}
    own = sorted(
        ((f"{Path(k[0]).name}:{k[1]}({k[2]})", v[2] * 1000) for k, v in raw.items()),
        key=lambda kv: -kv[1],
    )
    return buf.getvalue(), own[:8]


def make_assistant(home: Path, url: str | None) -> Any:
    """An Assistant on the index at home (or the Chroma server at url), no default article."""
    from assistant.config import Settings
    from assistant.core import Assistant

    return Assistant(Settings(home=home, chroma_url=url, default_article=False))


def child_env(home: Path) -> dict[str, str]:
    """The environment of a child process on the index at home: offline, no Chroma server."""
    env = dict(os.environ, ISNAD_HOME=str(home), HF_HUB_OFFLINE="1")
    env.pop("ISNAD_CHROMA_URL", None)
    return env
