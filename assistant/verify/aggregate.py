"""Step 3 of verification, plain Python: the verdict from the passages' stances."""

from __future__ import annotations

from assistant.verify.stance import Judged


def aggregate(judged: list[Judged]) -> str:
    """The verdict label from the judged passages."""
    supports = [j for j in judged if j.stance == "supports"]
    hard = [j for j in judged if j.stance == "refutes" and j.reason != "denial"]
    denials = [j for j in judged if j.stance == "refutes" and j.reason == "denial"]
    if hard:
        # Two sources giving different figures: the claim's figure has a source of its own.
        numbers_differ = any(j.reason == "quantity" for j in hard)
        other_speakers = {j.hit.chunk.speaker for j in hard}
        if numbers_differ and any(s.hit.chunk.speaker not in other_speakers for s in supports):
            return "disputed"
        return "contradicted"
    if supports and denials:
        return "disputed"
    if supports:
        return "supported"
    if denials:
        return "contradicted"
    return "not_enough_info"
