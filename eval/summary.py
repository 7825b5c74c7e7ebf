"""Aggregating item scores into the summary (summary.json): every metric per group, verdict
metrics of the claims, the confusion and abstention matrices; and the timings (latency.json)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from eval.groups import groupings, members
from eval.metrics import ItemScore, aggregate, confusion, percentile
from eval.verdicts import ERROR, claim_pairs, verdict_scores

# name -> (label, one-line formula); the order is the order of every table.
METRICS: dict[str, tuple[str, str]] = {
    "answer_keys_in_answer": (
        "answer accuracy (answer text)",
        "answerable questions whose answer text matches every `answer_keys` group / answerable "
        "questions",
    ),
    "answer_keys_in_answer_or_citations": (
        "answer accuracy (answer or citations)",
        "answerable questions where every group matches the answer text or a cited quote or "
        "translation / answerable questions",
    ),
    "answer_keys_in_top_citation": (
        "answer in the top citation",
        "answerable questions whose first citation's `quote` or `translation` matches every "
        "`answer_keys` group / answerable questions",
    ),
    "citation_recall": (
        "citation recall",
        "gold evidence phrases contained in some cited `quote` (questions: `citations`, claims: "
        "`evidence`) / gold evidence phrases",
    ),
    "citation_precision": (
        "citation precision",
        "citations that are relevant / citations, over items with gold evidence or answer keys; "
        "relevant (ALCE-style, by text match instead of NLI) = the `quote` contains a gold "
        "evidence phrase, or the `quote` or `translation` contains an answer-key alternative",
    ),
    "citation_precision_decisive": (
        "citation precision (decisive evidence)",
        "claims only: `evidence` entries with `stance` supports or refutes that are relevant (as "
        "above) / such entries; leaves out the neutral context isnad shows beside the verdict",
    ),
    "attribution_accuracy": (
        "attribution accuracy",
        "covered evidence phrases with a covering citation whose `speaker` matches an accepted "
        "speaker key and whose `role` is accepted / covered evidence phrases (items with gold "
        "speaker and role)",
    ),
    "abstained_when_unanswerable": (
        "abstained (unanswerable)",
        "unanswerable questions with `abstained: true` / unanswerable questions",
    ),
    "answered_when_answerable": (
        "answered (answerable)",
        "answerable questions with `abstained: false` / answerable questions",
    ),
    "verdict_accuracy": (
        "verdict accuracy",
        "claims whose `verdict` is one of the accepted verdicts / claims",
    ),
    "quote_verbatim": (
        "quote faithfulness",
        "citations and evidence with `quote == source_text[start:end]` of the article file / "
        "checked citations (.html articles and unknown doc ids are not checked)",
    ),
    "lang_match": (
        "language match",
        "results whose answer (questions) or explanation (claims) is in the item's language, "
        "Arabic when Arabic letters are over half of all letters / results",
    ),
    "llm_faithfulness": (
        "LLM-judge faithfulness",
        "answer claims the judge finds supported by the cited passages / answer claims the judge "
        "lists (RAGAS-style, micro-averaged; only when an LLM is configured; replies cached)",
    ),
    "completed": (
        "completed",
        "items with a result (not an error record) / items; errors score 0 on accuracy, "
        "recall, verdict and abstention metrics",
    ),
}

LATENCY = {
    "latency_p50_ms": "p50 of `timings_ms.total` over results that report it (ms)",
    "latency_p95_ms": "p95 of `timings_ms.total`, linear interpolation (ms)",
}
VERDICT_ORDER = ("supported", "contradicted", "disputed", "not_enough_info", "error")
ABSTENTION_GOLD = ("answerable", "unanswerable")
ABSTENTION_OUTCOMES = ("answered", "abstained", "error")


def summarise(
    items: Sequence[Mapping[str, Any]],
    scores: Sequence[ItemScore],
    verdicts: Sequence[str | None],
    abstentions: Sequence[tuple[str, str] | None],
) -> dict[str, Any]:
    """Plain-JSON summary of the scores (no timings: identical on every run of the same
    outputs): ratios and verdict metrics per group (eval/groups.py), the grouping fields, the
    claim confusion matrix, the question abstention matrix, counts."""
    groups: dict[str, Any] = {}
    for name, idx in members(items).items():
        ratios = aggregate(scores[i].scores for i in idx)
        groups[name] = {
            "items": len(idx),
            "metrics": {m: list(ratios[m]) for m in METRICS if m in ratios},
        }
        claims = claim_pairs(items, verdicts, idx)
        if claims:
            groups[name]["verdicts"] = verdict_scores(claims)
    pairs = [
        (" or ".join(it["verdict"]), verdicts[i] or ERROR)
        for i, it in enumerate(items)
        if it["kind"] == "claim"
    ]
    return {
        "groups": groups,
        "groupings": groupings(items),
        "confusion": confusion(pairs),
        "abstention": confusion(a for a in abstentions if a is not None),
        "unchecked_quotes": sum(s.unchecked_quotes for s in scores),
        "failing": sum(bool(s.reasons) for s in scores),
    }


def latency_summary(
    items: Sequence[Mapping[str, Any]], latencies: Sequence[float | None]
) -> dict[str, Any]:
    """Timings per group (they change on every run, so they live apart from the scores)."""
    groups = {}
    for name, idx in members(items).items():
        lat = [x for x in (latencies[i] for i in idx) if x is not None]
        groups[name] = {m: percentile(lat, 50 if "p50" in m else 95) for m in LATENCY}
    per_item = {it["id"]: ms for it, ms in zip(items, latencies, strict=True)}
    return {"groups": groups, "items": per_item}
