"""`isnad batch`: many questions (and claims) in one process, one JSON line out per line in."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from assistant.core import Assistant
from assistant.errors import IsnadError
from index.ingest import slugify


def run_lines(assistant: Assistant, lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """One output record per non-blank input line; a bad line yields an error record."""
    for n, line in enumerate(lines, start=1):
        line = line.lstrip("\ufeff") if n == 1 else line  # a BOM from Windows editors
        if not line.strip():
            continue
        yield _one(assistant, line, n)


def _one(assistant: Assistant, line: str, n: int) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        why = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        return {"id": f"line-{n}", "error": f"line {n}: not JSON ({why})"}
    if not isinstance(item, dict):
        return {"id": f"line-{n}", "error": f"line {n}: expected a JSON object"}
    item_id = str(item.get("id", f"line-{n}"))
    kind = item.get("kind", "question")
    text, doc = item.get("text"), item.get("doc")
    handlers: dict[str, Callable[..., Any]] = {"question": assistant.ask}
    verify = getattr(assistant, "verify", None)
    if verify is not None:
        handlers["claim"] = verify
    if getattr(assistant, "voice_map", None) is not None:
        handlers["attribute"] = lambda text, doc: _attribute(assistant, text, doc, item_id)
    if not isinstance(kind, str) or kind not in handlers:
        shown = repr(kind)[:40]
        return {"id": item_id, "error": f"unsupported kind {shown} (use {' or '.join(handlers)})"}
    if not isinstance(text, str) and not (kind == "attribute" and isinstance(doc, str)):
        return {"id": item_id, "error": "missing 'text'"}
    if doc is not None and not isinstance(doc, str):
        return {"id": item_id, "error": "'doc' must be a string"}
    try:
        result = handlers[kind](text, doc=doc)
    except IsnadError as exc:
        return {"id": item_id, "kind": kind, "error": str(exc)}
    except Exception as exc:  # a bug on one line must not stop the batch (see CONTRACT.md)
        return {"id": item_id, "kind": kind, "error": f"internal error: {type(exc).__name__}"}
    return {"id": item_id, "kind": kind, "result": result.model_dump(mode="json")}


def _attribute(assistant: Assistant, text: str | None, doc: str | None, item_id: str) -> Any:
    """An "attribute" item: the voice map of the indexed article `doc`, or else of `text` taken
    as an article (read, not indexed; its doc id made from the item's id)."""
    if doc is not None:
        return assistant.voice_map(doc)
    return assistant.attribute_text(text or "", slugify(item_id))
