"""Servers that benchmarks and tests start on 127.0.0.1: a free port, readiness, a clean stop."""

from __future__ import annotations

import socket
import subprocess
import urllib.request


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def answers(url: str) -> bool:
    """Whether url answers HTTP 200 within 2 s."""
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return bool(r.status == 200)
    except OSError:
        return False


def heartbeat(url: str) -> bool:
    """Whether the Chroma server at url answers its heartbeat."""
    return answers(f"{url}/api/v2/heartbeat")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Terminate a server process, killing it if it does not stop within 15 s."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=15)
