"""`isnad batch`: many questions (and claims) in one process, one JSON line out per line in."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from assistant.core import Assistant
from assistant.errors import IsnadError


def run_lines(assistant: Assistant, lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """One output record per non-blank input line; a bad line yields an error record."""
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        yield _one(assistant, line, n)


def _one(assistant: Assistant, line: str, n: int) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": f"line-{n}", "error": f"line {n}: not JSON ({exc.msg})"}
    if not isinstance(item, dict):
        return {"id": f"line-{n}", "error": f"line {n}: expected a JSON object"}
    item_id = str(item.get("id", f"line-{n}"))
    kind = item.get("kind", "question")
    text, doc = item.get("text"), item.get("doc")
    handlers: dict[str, Callable[..., Any]] = {"question": assistant.ask}
    verify = getattr(assistant, "verify", None)
    if verify is not None:
        handlers["claim"] = verify
    if kind not in handlers:
        return {"id": item_id, "error": f"unsupported kind {kind!r} (use {' or '.join(handlers)})"}
    if not isinstance(text, str):
        return {"id": item_id, "error": "missing 'text'"}
    if doc is not None and not isinstance(doc, str):
        return {"id": item_id, "error": "'doc' must be a string"}
    try:
        result = handlers[kind](text, doc=doc)
    except IsnadError as exc:
        return {"id": item_id, "kind": kind, "error": str(exc)}
    return {"id": item_id, "kind": kind, "result": result.model_dump(mode="json")}
