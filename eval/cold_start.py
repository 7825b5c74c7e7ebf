"""`python -m eval.cold_start`: how long a fresh `isnad` process takes, median of N runs.

Measures `isnad --help` (argument parsing only) and a cold `isnad ask` on an index built
beforehand in a temporary folder (the default article), each in a new process as a user runs it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUESTION = "Who founded CCDH?"


def timed_runs(cmd: list[str], env: dict[str, str], runs: int) -> list[float]:
    """Wall seconds of each run of a command (it must succeed)."""
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(
            cmd, env=env, check=True, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL
        )
        out.append(time.perf_counter() - t0)
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the medians (and every run) of `isnad --help` and a cold `isnad ask`."""
    p = argparse.ArgumentParser(prog="python -m eval.cold_start", description=__doc__)
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args(argv)
    script = Path(sys.executable).parent / "isnad"  # the console script users run
    isnad = [str(script)] if script.exists() else [sys.executable, "-m", "assistant"]
    with tempfile.TemporaryDirectory(prefix="isnad-cold-") as tmp:
        env = dict(os.environ, ISNAD_HOME=str(Path(tmp)), HF_HUB_OFFLINE="1")
        env.pop("ISNAD_CHROMA_URL", None)
        subprocess.run([*isnad, "docs"], env=env, check=True, stdout=subprocess.DEVNULL)
        results = {
            "isnad --help": timed_runs([*isnad, "--help"], env, args.runs),
            f"isnad ask {QUESTION!r}": timed_runs([*isnad, "ask", QUESTION], env, args.runs),
        }
    for name, times in results.items():
        runs = ", ".join(f"{t:.2f}" for t in times)
        print(f"{name}: median {statistics.median(times):.2f} s ({runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
