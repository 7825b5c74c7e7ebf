"""Step 3 of verification: the verdict and its confidence from the judged passages.

Two kinds of evidence. A checkable slot (a passage states the claim with another figure, another
actor, the opposite polarity, or one party's account against another's denial) decides by rule.
Otherwise the learned model weighs the softer evidence (how much of the claim the article carries,
hedges, debunking, denials, the dense similarity) and a verdict other than not_enough_info is
given only when its probability clears the threshold chosen on dev.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.config import VerifySettings
from assistant.verify.claim import Claim
from assistant.verify.model import shipped
from assistant.verify.stance import Judged

# Which stances of the article each verdict is right for (the dev sets' mapping).
ACCEPTS = {
    "supported": ("agree",),
    "contradicted": ("disagree",),
    "disputed": ("disagree", "discuss"),
    "not_enough_info": ("discuss", "unrelated"),
}


@dataclass(frozen=True)
class Decision:
    """The verdict label, how sure it is, and why no stronger verdict was given."""

    label: str
    confidence: float
    missing: str | None = None  # discussed | reported | None


def rule_label(judged: list[Judged]) -> str:
    """The verdict the passage rules alone give."""
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


def checkable(claim: Claim, judged: list[Judged], cfg: VerifySettings) -> str:
    """The rules' verdict from the passages that state the claim all but one checkable slot:
    supports that carry nearly all of it, refutations that carry most of it or are denials."""
    if len(claim.content) < cfg.min_content:
        return "not_enough_info"  # "Giant crab": too little to state or deny
    strong = [
        j for j in judged
        if j.stance == "supports"
        and (j.coverage >= cfg.strict_coverage or (j.matched and j.coverage >= cfg.supports))
    ]  # fmt: skip
    kept = strong + [
        j for j in judged
        if j.stance == "refutes" and j.reason != "debunk"
        and (j.coverage >= cfg.supports or j.reason in ("denial", "polarity", "substitution")
             or (j.reason == "quantity" and (strong or j.hit.chunk.role == "denial"
                                            or (j.found is not None and j.found.unit))))
    ]  # fmt: skip
    return rule_label(kept)


def choose(
    p: dict[str, float], ruled: str, thresholds: dict[str, float], contested: bool
) -> tuple[str, float]:
    """The verdict and its confidence from the stance probabilities and the checkable-slot
    verdict. A verdict's confidence is the probability that it is right (the sum of the stances
    it is right for); the rules' verdict wins, as sure as the rules were right on dev."""
    right = {v: sum(p[s] for s in stances) for v, stances in ACCEPTS.items()}
    if ruled != "not_enough_info":
        return ruled, max(right[ruled], thresholds.get(f"rule_{ruled}", 0.0))
    for label in ("supported", "contradicted", "disputed"):
        # Disputed needs a voice against the story in the article: a denial, a negation, a
        # hedge, a debunking word or a refuting passage.
        if right[label] >= thresholds[label] and (label != "disputed" or contested):
            return label, right[label]
    return "not_enough_info", right["not_enough_info"]


def decide(
    claim: Claim, judged: list[Judged], features: dict[str, float], cfg: VerifySettings
) -> Decision:
    """The verdict: the rules' where a checkable slot decides, else the model's when sure."""
    ruled = checkable(claim, judged, cfg)
    model = shipped()
    if model is None:  # before a model is trained: the rules alone, no claim to certainty
        return Decision(rule_label(judged), 0.5)
    p = model.probabilities(features)
    thresholds = model.thresholds | cfg.thresholds
    label, confidence = choose(p, ruled, thresholds, bool(features["contested"]))
    missing = None
    if label == "not_enough_info" and p["unrelated"] < 0.5:
        reported = [j for j in judged if j.hit.chunk.speaker != "article"]
        missing = "reported" if reported and features["reported"] else "discussed"
    return Decision(label, round(min(max(confidence, 0.0), 1.0), 4), missing)
