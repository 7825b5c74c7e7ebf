# ruff: noqa: E501  (article text and Arabic questions are kept on one line)
"""Shared fixtures: an isolated index per test, the Assistant, the CLI (subprocess and in-process)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.articles import BRACKENFORD, FERRY_EN, FERRY_ID, ROOT, WATER_AR, WATER_ID

CLI_TIMEOUT = 180


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own ISNAD_HOME; the model hub stays offline; no server, no overrides."""
    home = tmp_path / "home"
    monkeypatch.setenv("ISNAD_HOME", str(home))
    # Processes the tests start (the CLI, app.py, ingest workers) run this checkout's code, whichever checkout
    # the virtualenv was installed from.
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    )
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    for var in list(os.environ):
        if (var.startswith("ISNAD_") and var != "ISNAD_HOME") or var.startswith("OPENAI_"):
            monkeypatch.delenv(var, raising=False)
    return home


@pytest.fixture
def assistant(isolated_home: Path):
    """A fresh Assistant on the test's own (empty) home."""
    from assistant.config import Settings
    from assistant.core import Assistant

    return Assistant(Settings())


@pytest.fixture(scope="session")
def default_only(tmp_path_factory: pytest.TempPathFactory):
    """One Assistant whose index holds only the default article (read-only questions)."""
    from assistant.config import Settings
    from assistant.core import Assistant

    home = tmp_path_factory.mktemp("default_home")
    a = Assistant(Settings(home=home, chroma_url=None, embed_model=None, default_article=True))
    a.ensure_default()
    return a


@pytest.fixture(scope="session")
def shared(tmp_path_factory: pytest.TempPathFactory):
    """One Assistant for read-only questions: default article, Brackenford, and the ferry article."""
    from assistant.config import Settings
    from assistant.core import Assistant

    home = tmp_path_factory.mktemp("shared_home")
    folder = tmp_path_factory.mktemp("shared_articles")
    ferry = folder / f"{FERRY_ID}.txt"
    ferry.write_text(FERRY_EN, encoding="utf-8")
    water = folder / f"{WATER_ID}.txt"
    water.write_text(WATER_AR, encoding="utf-8")
    a = Assistant(Settings(home=home, chroma_url=None, embed_model=None, default_article=True))
    a.ensure_default()
    a.ingest([BRACKENFORD])
    a.ingest([ferry])
    a.ingest([water])
    return a


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    d = tmp_path / "articles"
    d.mkdir(exist_ok=True)
    return d


@pytest.fixture
def write_article(articles_dir: Path) -> Callable[..., Path]:
    """write_article("name.txt", text_or_bytes) -> path under tmp_path/articles."""

    def _write(name: str, content: str | bytes) -> Path:
        path = articles_dir / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def run_cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess]:
    """run_cli(*args, input=None, env=None) -> CompletedProcess of `python -m assistant ARGS`."""

    def _run(*args: str, input: str | None = None, env: dict[str, str] | None = None):
        full_env = dict(os.environ)  # carries the monkeypatched ISNAD_HOME
        full_env.update(env or {})
        full_env.pop("ISNAD_DEBUG", None)
        return subprocess.run(
            [sys.executable, "-m", "assistant", *map(str, args)],
            input=input,
            env=full_env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=CLI_TIMEOUT,
        )

    return _run


@pytest.fixture
def cli_main(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """The CLI in this process (no model reload): cli_main(*args) -> (exit code, stdout, stderr)."""
    from assistant.cli import main

    def _run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run
