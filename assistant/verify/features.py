"""The evidence a verdict is learned from: a few general, language-neutral numbers per claim and
article (how much of the claim the article carries, how its best passages say it, what the rules
found). The names are the keys of the shipped model's weights (assistant/data/verdict_model.json).
"""

from __future__ import annotations

from itertools import pairwise

from assistant.verify.cues import passage_cues, time_conflict
from assistant.verify.stance import Judged, Scope
from index.retriever import Hit

# What the learned model weighs. Measured but left out: the dense similarity's absolute level
# (its scale is the embedder's), figures, times and debunking claims (too rare on dev to learn).
FEATURES = (
    "doc_cov", "max_cov", "pair_cov", "lead_cov", "dense_gap", "best_hedged", "rel_hedged",
    "doc_hedged", "rel_debunk", "doc_debunk", "best_negated", "denial", "reported", "order",
    "claim_hedged", "rule_supports", "rule_refutes", "arabic",
)  # fmt: skip


def features(scope: Scope, hits: list[Hit], judged: list[Judged]) -> dict[str, float]:
    """The feature values of one claim against its article's passages (hits of that article)."""
    claim, view = scope.claim, scope.view
    own = [h for h in hits if h.chunk.doc_id == (hits[0].chunk.doc_id if hits else None)]
    if not own:
        return dict.fromkeys((*FEATURES, "contested"), 0.0) | {"arabic": float(claim.lang == "ar")}
    ids = [h.chunk.chunk_id for h in own]
    covs = {cid: scope.coverage(cid) for cid in ids}
    by_index = sorted(own, key=lambda h: h.chunk.index)
    pairs = [
        view.coverage(scope.weights, [a.chunk.chunk_id, b.chunk.chunk_id])
        for a, b in pairwise(by_index)
    ]
    best = max(own, key=lambda h: (covs[h.chunk.chunk_id], h.dense))
    top = max(covs.values())
    relevant = [h for h in own if covs[h.chunk.chunk_id] > 0 and covs[h.chunk.chunk_id] >= top / 2]
    cues = {h.chunk.chunk_id: passage_cues(h.chunk, claim.lang) for h in own}
    rel_cues = [cues[h.chunk.chunk_id] for h in relevant]
    bc = cues[best.chunk.chunk_id]
    dense = [h.dense for h in own]
    n = len(own)
    return {
        "doc_cov": view.coverage(scope.weights, ids),
        "max_cov": top,
        "pair_cov": max(pairs, default=top),
        "lead_cov": view.coverage(scope.weights, [h.chunk.chunk_id for h in by_index[:2]]),
        "dense_max": max(dense),
        "dense_gap": max(dense) - sum(dense) / n,
        "best_hedged": float(bc.hedged),
        "rel_hedged": _share(c.hedged for c in rel_cues),
        "doc_hedged": _share(c.hedged for c in cues.values()),
        "rel_debunk": float(any(c.debunks for c in rel_cues) and not claim.debunks),
        "doc_debunk": _share(c.debunks for c in cues.values()),
        "best_negated": float(bc.negated != claim.negated),
        "denial": float(any(h.chunk.role == "denial" for h in relevant)),
        "reported": float(best.chunk.speaker != "article"),
        "order": view.order(claim.content, best.chunk.chunk_id),
        "time_conflict": float(any(time_conflict(claim.times, c.times) for c in rel_cues)),
        "qty_match": float(any(j.reason == "stated" and j.found is None and claim.quantities
                               and j.stance == "supports" for j in judged)),
        "qty_conflict": float(any(j.reason == "quantity" for j in judged)),
        "claim_hedged": float(claim.hedged),
        "claim_debunks": float(claim.debunks),
        "rule_supports": float(any(j.stance == "supports" for j in judged)),
        "rule_refutes": float(any(j.stance == "refutes" for j in judged)),
        "arabic": float(claim.lang == "ar"),
        # Not a model input: whether any voice in the article goes against the story.
        "contested": float(
            view.unheard(scope.weights) < scope.cfg.new_words
        ) * float(
            any(c.negated for c in rel_cues)
            or any(c.hedged or c.debunks for c in cues.values())
            or any(h.chunk.role == "denial" for h in own)
            or any(j.stance == "refutes" for j in judged)
        ),
    }  # fmt: skip


def _share(flags: object) -> float:
    values = list(flags)  # type: ignore[call-overload]
    return sum(values) / len(values) if values else 0.0
