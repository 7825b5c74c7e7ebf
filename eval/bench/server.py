"""Chroma-server runs: a `chroma run` server on a free loopback port (always stopped), and the
peak RSS of that server sampled while a worker uses it."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eval.bench.common import BenchError
from eval.loopback import free_port, heartbeat, stop


@contextmanager
def chroma_server(
    folder: Path, wait_s: float = 60
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """A `chroma run` server on a free loopback port, data in folder; always stopped."""
    exe = Path(sys.executable).parent / "chroma"
    if not exe.exists():
        raise BenchError(f"no chroma executable next to {sys.executable}")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    folder.mkdir(parents=True, exist_ok=True)
    cmd = [str(exe), "run", "--path", str(folder / "data"), "--host", "127.0.0.1", "--port"]
    with (folder / "chroma.log").open("wb") as log:
        proc = subprocess.Popen([*cmd, str(port)], stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + wait_s
            while not heartbeat(url):
                if proc.poll() is not None:
                    raise BenchError(f"chroma exited with {proc.returncode} (see {log.name})")
                if time.monotonic() > deadline:
                    raise BenchError(f"chroma did not answer its heartbeat within {wait_s:.0f} s")
                time.sleep(0.25)
            yield proc, url
        finally:
            stop(proc)


class RssSampler:
    """Peak RSS (MB) of a process and its children, sampled every 0.5 s in a thread."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.proc = psutil.Process(pid)
        self.peak = self.last = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                self.last = sum(p.memory_info().rss for p in procs) / 2**20
                self.peak = max(self.peak, self.last)
            except psutil.Error:
                return
            self._stop.wait(0.5)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
