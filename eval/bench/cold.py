"""Cold start: wall seconds of fresh `python -m assistant ask ...` processes on a built index."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from eval.bench.common import ROOT, BenchError, child_env

COLD_QUESTION = "Who founded CCDH?"
COLD_RUNS = 3


def cold_runs(cmd: list[str], home: Path, url: str | None = None) -> list[float]:
    """Wall seconds of COLD_RUNS fresh processes (each must exit 0), on the index at home (or
    the Chroma server at url)."""
    times = []
    env = child_env(home) | ({"ISNAD_CHROMA_URL": url} if url else {})
    for _ in range(COLD_RUNS):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            raise BenchError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr[-500:]}")
    return times
