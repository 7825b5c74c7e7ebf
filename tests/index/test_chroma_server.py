"""ISNAD_CHROMA_URL: the same answers from a Chroma server, and one clear line when it is gone."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eval.loopback import free_port, heartbeat, stop
from tests.support.articles import BRACKENFORD, BRACKENFORD_ID, read

pytestmark = pytest.mark.server

CHROMA = Path(sys.executable).parent / "chroma"


@pytest.fixture
def chroma_server(tmp_path: Path):
    """A Chroma server on a free port; always terminated at teardown."""
    if not CHROMA.exists():
        pytest.skip(f"no chroma executable next to {sys.executable}")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (tmp_path / "chroma.log").open("wb")
    proc = subprocess.Popen(
        [
            str(CHROMA),
            "run",
            "--path",
            str(tmp_path / "chroma_db"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while not heartbeat(url):
            if proc.poll() is not None:
                pytest.fail(
                    f"chroma exited with {proc.returncode}: {(tmp_path / 'chroma.log').read_text()}"
                )
            if time.monotonic() > deadline:
                pytest.fail("chroma server did not answer its heartbeat within 60 s")
            time.sleep(0.25)
        yield proc, url
    finally:
        stop(proc)
        log.close()


def test_server_mode_and_server_down(chroma_server, run_cli, isolated_home: Path) -> None:
    proc, url = chroma_server
    env = {"ISNAD_CHROMA_URL": url}
    p = run_cli("ingest", BRACKENFORD, env=env)
    assert p.returncode == 0, p.stderr
    p = run_cli(
        "ask", "Who accused the council of cronyism?", "--doc", BRACKENFORD_ID, "--json", env=env
    )
    assert p.returncode == 0, p.stderr
    ans = json.loads(p.stdout)
    assert not ans["abstained"] and ans["language"] == "en"
    text = read(BRACKENFORD)
    top = ans["citations"][0]
    assert top["doc_id"] == BRACKENFORD_ID
    assert top["quote"] == text[top["start"] : top["end"]]
    assert "Marcus Lee" in top["quote"] and "Marcus Lee" in top["speaker"]
    assert top["role"] == "accusation"
    # The embedded store was not used.
    assert not (isolated_home / "chroma").exists()

    proc.terminate()
    proc.wait(timeout=15)
    p = run_cli("ask", "Who accused the council of cronyism?", env=env)
    assert p.returncode in (1, 2), (p.returncode, p.stderr)
    lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, p.stderr
    assert "Traceback" not in p.stderr
    assert url in lines[0] or f"127.0.0.1:{url.rsplit(':', 1)[1]}" in lines[0]
