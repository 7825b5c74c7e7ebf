"""Verdict metrics of claims beside the accepted-set accuracy: precision, recall and F1 per
verdict and their macro average. Pure functions.

A claim may accept several verdicts (e.g. `contradicted` or `disputed`), so its gold label for
these metrics is the *effective gold*: the predicted verdict when it is accepted, else the first
accepted verdict. Then, per verdict V: correct = effective gold V and predicted V; precision =
correct / claims predicted V; recall = correct / claims whose effective gold is V;
F1 = 2·correct / (2·correct + wrong predictions of V + misses of V), the harmonic mean of the
two (0 when nothing is correct). An error record predicts no verdict: it is a miss of its gold.
Macro-F1 is the mean F1 over the four verdicts, leaving out a verdict that is neither anyone's
effective gold nor predicted (its F1 is undefined).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from eval.data import VERDICTS

ERROR = "error"  # the predicted label of a claim with no result


def effective_gold(accepted: Sequence[str], predicted: str | None) -> str:
    """The predicted verdict when it is accepted, else the first accepted verdict."""
    return predicted if predicted is not None and predicted in accepted else accepted[0]


def _share(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def verdict_scores(claims: Iterable[tuple[Sequence[str], str | None]]) -> dict[str, Any]:
    """Per-verdict counts, precision, recall and F1, and macro-F1, of (accepted verdicts,
    predicted verdict or None) pairs; plain JSON, floats rounded to 4 places."""
    correct = dict.fromkeys(VERDICTS, 0)
    gold = dict.fromkeys(VERDICTS, 0)
    predicted = dict.fromkeys(VERDICTS, 0)
    n = 0
    for accepted, pred in claims:
        n += 1
        g = effective_gold(accepted, pred)
        if g in gold:
            gold[g] += 1
        if pred in predicted:
            predicted[pred] += 1
            correct[pred] += pred == g
    per: dict[str, dict[str, Any]] = {}
    f1s = []
    for v in VERDICTS:
        tp, wrong, missed = correct[v], predicted[v] - correct[v], gold[v] - correct[v]
        if tp + wrong + missed:
            f1s.append(2 * tp / (2 * tp + wrong + missed))
        per[v] = {
            "gold": gold[v], "predicted": predicted[v], "correct": tp,
            "precision": _share(tp, predicted[v]), "recall": _share(tp, gold[v]),
            "f1": _share(2 * tp, 2 * tp + wrong + missed),
        }  # fmt: skip
    macro = round(sum(f1s) / len(f1s), 4) if f1s else None
    return {"claims": n, "macro_f1": macro, "per_verdict": per}


def claim_pairs(
    items: Sequence[Any], verdicts: Sequence[str | None], idx: Iterable[int]
) -> list[tuple[Sequence[str], str | None]]:
    """(accepted verdicts, predicted verdict) of the claims among items[idx]."""
    return [(items[i]["verdict"], verdicts[i]) for i in idx if items[i]["kind"] == "claim"]
