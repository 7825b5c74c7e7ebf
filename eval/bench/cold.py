"""Cold start: wall seconds (and peak RSS) of fresh `python -m assistant ask ...` processes on a
built index."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from eval.bench.common import ROOT, BenchError, child_env

COLD_QUESTION = "Who founded CCDH?"
COLD_RUNS = 3


def cold_runs(
    cmd: list[str], home: Path, url: str | None = None, rss_mb: list[float] | None = None
) -> list[float]:
    """Wall seconds of COLD_RUNS fresh processes (each must exit 0), on the index at home (or
    the Chroma server at url); each one's peak RSS (MB) is appended to rss_mb."""
    times = []
    env = child_env(home) | ({"ISNAD_CHROMA_URL": url} if url else {})
    for _ in range(COLD_RUNS):
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        err = proc.stderr.read() if proc.stderr else ""
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own resource usage
        times.append(time.perf_counter() - t0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.stderr:
            proc.stderr.close()
        if proc.returncode != 0:
            raise BenchError(f"{' '.join(cmd)} exited {proc.returncode}: {err[-500:]}")
        if rss_mb is not None:
            rss_mb.append(usage.ru_maxrss / 1024)
    return times
