"""Hand-made items, article text and isnad records shared by the eval/ tests."""

from __future__ import annotations

from typing import Any

from eval.metrics import ItemScore

QUESTION = {
    "id": "q1", "kind": "question", "lang": "en", "text": "How much did the port cost?",
    "doc": "port", "answerable": True, "answer_keys": [["75", "seventy-five"]],
    "evidence": ["cost 75 million dollars"], "speaker": ["ledger"], "role": ["report"],
}  # fmt: skip
SOURCE = (
    "The Ledger reported that the port cost 75 million dollars. "
    "The authority denied it. The port opened in 2019."
)
ALIASES = {"ledger": ["ledger", "ليدجر"]}


def cite(n: int, quote: str, **extra: Any) -> dict[str, Any]:
    """A citation of SOURCE with exact offsets."""
    start = SOURCE.find(quote)
    return {"id": n, "doc_id": "port", "quote": quote, "start": start, "end": start + len(quote),
            "speaker": "The Ledger", "role": "report", **extra}  # fmt: skip


def record(result: dict[str, Any]) -> dict[str, Any]:
    """A batch output record around a result."""
    return {"id": "x", "result": result}


def claim(n: int, accepted: list[str], **extra: Any) -> dict[str, Any]:
    """A claim item with the given accepted verdicts and extra fields."""
    return {"id": f"c{n}", "kind": "claim", "lang": "en", "text": f"claim {n}", "doc": "port",
            "verdict": accepted, "evidence": [], **extra}  # fmt: skip


def verdict_score(ok: bool) -> ItemScore:
    """An ItemScore with one verdict_accuracy trial."""
    s = ItemScore()
    s.add("verdict_accuracy", ok, "wrong verdict")
    return s
