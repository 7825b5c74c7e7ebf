"""The evidence a verdict is learned from: a few general, language-neutral numbers per claim and
article (how much of the claim the article carries, how its passages about it say it, what the
rules found). The names are the keys of the shipped model's weights
(assistant/data/verdict_model.json); every value is computed here, the model weighs a subset.
"""

from __future__ import annotations

import math
from itertools import pairwise

from assistant.models import ARTICLE_SPEAKER
from assistant.verify.cues import Cues, denies, passage_cues, time_conflict
from assistant.verify.matching import skeleton
from assistant.verify.numbers import same_quantity
from assistant.verify.scope import Scope
from assistant.verify.stance import Judged
from index.retriever import Hit

# What the learned model weighs: how much of the claim the article carries and how close in
# meaning it comes, how its passages about the claim say it (in its own voice, hedged, negated,
# debunked), and whether the rules found it stated. Chosen on dev by grouped cross-validation
# (backward elimination), with the relatedness measures kept; the others stay measured here.
FEATURES = (
    "doc_cov", "dense_max", "lead_cov", "bigram", "dense_gap", "doc_hedged", "about_own",
    "about_hedged", "debunk_x", "best_negated", "rule_supports", "arabic",
)  # fmt: skip


def features(
    scope: Scope, hits: list[Hit], judged: list[Judged], min_dense: float
) -> dict[str, float]:
    """The feature values of one claim against its article's passages (hits of that article).
    The dense similarity is measured above the embedder's own cross-lingual threshold
    (`min_dense`), so that another embedder's scale does not read as another relatedness."""
    claim, view = scope.claim, scope.view
    own = [h for h in hits if h.chunk.doc_id == (hits[0].chunk.doc_id if hits else None)]
    if not own:
        return dict.fromkeys(FEATURES, 0.0) | {"arabic": float(claim.lang == "ar"), "unheard": 1.0}
    ids = [h.chunk.chunk_id for h in own]
    covs = {cid: scope.coverage(cid) for cid in ids}
    by_index = sorted(own, key=lambda h: h.chunk.index)
    pairs = [
        view.coverage(scope.weights, [a.chunk.chunk_id, b.chunk.chunk_id])
        for a, b in pairwise(by_index)
    ]
    best = max(own, key=lambda h: (covs[h.chunk.chunk_id], h.dense))
    top = max(covs.values())
    # The passages about the claim: those carrying a good share of what the best one carries.
    about = [h for h in own if covs[h.chunk.chunk_id] >= max(0.3, 0.6 * top)]
    cues = {h.chunk.chunk_id: passage_cues(h.chunk, claim.lang) for h in own}
    bc = cues[best.chunk.chunk_id]
    dense = sorted((h.dense for h in own), reverse=True)
    anywhere = list(cues.values())

    def share(test: object) -> float:
        flags = [bool(test(h, cues[h.chunk.chunk_id])) for h in about]  # type: ignore[operator]
        return sum(flags) / len(flags) if flags else 0.0

    return {
        "doc_cov": view.coverage(scope.weights, ids),
        "max_cov": top,
        "pair_cov": max(pairs, default=top),
        "lead_cov": view.coverage(scope.weights, [h.chunk.chunk_id for h in by_index[:2]]),
        "bigram": _bigrams(scope, ids),
        "dense_max": dense[0] - min_dense,
        "dense_gap": dense[0] - sum(dense) / len(dense),
        "n_about": math.log1p(len(about)),
        # How the article as a whole treats the claim's words and the story.
        "cov_mass": sum(covs.values()) / len(covs),
        "first_about": min((h.chunk.index for h in about), default=len(own)) / len(own),
        "doc_hedged": sum(c.hedged for c in anywhere) / len(anywhere),
        "about_own": share(lambda h, c: h.chunk.speaker == ARTICLE_SPEAKER and not c.hedged),
        "about_reported": share(lambda h, c: h.chunk.speaker != ARTICLE_SPEAKER or c.hedged),
        "about_contrary": share(lambda h, c: _contrary(h, c, claim.negated, claim.debunks)),
        "about_hedged": share(lambda h, c: c.hedged),
        # A debunking or doubting word in an article about the claim goes against the claim
        # unless the claim itself calls the story false.
        "debunk_x": float(any(c.debunks for c in anywhere) != claim.debunks),
        "doubt_x": float(any(c.doubts for c in anywhere) and not claim.debunks),
        "best_negated": float(bc.negated != claim.negated),
        "denial": float(any(denies(h.chunk, cues[h.chunk.chunk_id]) for h in about)),
        "order": view.order(claim.content, best.chunk.chunk_id),
        "time_conflict": float(any(time_conflict(claim.times, cues[h.chunk.chunk_id].times)
                                   for h in about)),
        "claim_hedged": float(claim.hedged),
        "rule_supports": float(any(j.stance == "supports" for j in judged)),
        "rule_refutes": float(any(j.stance == "refutes" for j in judged)),
        "arabic": float(claim.lang == "ar"),
        # Not model inputs: the claim's words the article never uses (its point is elsewhere),
        # and whether it gives a figure the article gives nowhere (its point is that figure).
        "unheard": view.unheard(scope.weights),
        "figure_unheard": float(_figure_unheard(scope)),
    }  # fmt: skip


def _figure_unheard(scope: Scope) -> bool:
    """Whether one of the claim's figures is in none of the article's passages."""
    claim = scope.claim
    given = [q for c in scope.view.chunks for q in passage_cues(c, claim.lang).quantities]
    return any(
        not any(q.kind == cq.kind and same_quantity(cq, q) for q in given)
        for cq in claim.quantities
    )


def _contrary(h: Hit, c: Cues, negated: bool, debunks: bool) -> bool:
    return denies(h.chunk, c) or c.doubts or c.debunks != debunks or c.negated != negated


def _bigrams(scope: Scope, ids: list[str]) -> float:
    """Share of the claim's adjacent word pairs that some passage has side by side: a claim the
    article states nearly word for word keeps most of them."""
    seq = list(scope.claim.content)
    wanted = set(pairwise(seq))
    if not wanted:
        return 0.0
    seen: set[tuple[str, str]] = set()
    for cid in ids:
        toks = scope.view.tokens.get(cid, [])
        have = set(pairwise(toks)) | set(pairwise(skeleton(t) for t in toks))
        seen |= {p for p in wanted if p in have or (skeleton(p[0]), skeleton(p[1])) in have}
    return len(seen) / len(wanted)
