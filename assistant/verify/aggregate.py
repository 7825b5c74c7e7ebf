"""Step 3 of verification: the verdict and its confidence from the judged passages.

Two kinds of evidence. A checkable slot (a passage states the claim with another figure, another
actor, the opposite polarity, or one party's account against another's denial) decides by rule.
Otherwise the learned model weighs the softer evidence (how much of the claim the article carries,
hedges, debunking, denials, the dense similarity) and a verdict other than not_enough_info is
given only when its probability clears the threshold chosen on dev for the claim's language.
Whatever the model says, the article's voices gate each verdict (`gates`): no `supported`
without a passage that vouches for the claim, no `disputed` without a voice for it and one
against it, no `contradicted` without a voice against it or the article's own other account.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.attribution import speaks
from assistant.config import VerifySettings
from assistant.models import ARTICLE_SPEAKER, CHARGE_ROLES
from assistant.verify.claim import Claim
from assistant.verify.cues import denies
from assistant.verify.model import shipped
from assistant.verify.stance import Judged, carries
from index.language import language, normalize
from index.normalize import tokens

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
    missing: str | None = None  # discussed | reported | misnamed | None


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
    # What the claim asserts: its content words, its figures, and whose admission it is.
    said = len(claim.content) + len(claim.quantities) + (claim.role == "admission")
    if said < cfg.min_content:
        return "not_enough_info"  # "Giant crab": too little to state or deny
    # The claim's speaker's own words against it count only where none of theirs states it.
    own_states = any(j.stance == "supports" and _own(claim, j) for j in judged)
    # Stated by the rules: nearly all of it, or by the very speaker the claim names ("X reported
    # that P": X's passage stating P), or with the claim's own figure; across languages without
    # a translation no word can be counted, and a passage close in meaning giving the claim's
    # figure states it.
    strong = [
        j for j in judged
        if j.stance == "supports"
        and (j.coverage >= cfg.strict_coverage or _own(claim, j)
             or (j.matched and (j.coverage >= cfg.supports
                                or not j.hit.chunk.readable_in(claim.lang))))
    ]  # fmt: skip
    kept = strong + [
        j for j in judged
        if j.stance == "refutes" and j.reason not in ("debunk", "doubt")
        and (j.coverage >= cfg.supports or j.reason == "substitution"
             or (j.reason in ("denial", "polarity", "refuted")
                 and (j.coverage >= cfg.relevant or (_own(claim, j) and not own_states)))
             or (j.reason == "quantity" and (strong or _denial(j)
                                            or (j.found is not None
                                                and bool(j.found.unit or j.found.scale)))))
    ]  # fmt: skip
    label = rule_label(kept)
    # Only denials are clear, yet a passage states most of the claim (a report the rules cannot
    # call stated in full, or one stated but for a hedge): one voice asserts it, another denies.
    asserted = any(
        (j.stance == "supports" and j.coverage >= cfg.supports) or carries(j, cfg.supports)
        for j in judged
    )
    # ... or the claim's own subject denies it, where a report or charge carries part of it
    # ("Korvath has denied using banned substances" beside a broadcaster's report of her
    # sample): the accused's word against the report, not the article's verdict.
    alleged = any(
        j.hit.chunk.role in CHARGE_ROLES
        and j.stance != "refutes"
        and j.coverage >= cfg.alleged_share
        for j in judged
    )
    subject_denies = all(set(tokens(j.hit.chunk.speaker)) <= set(claim.content) for j in kept)
    only_denials = label == "contradicted" and all(j.reason == "denial" for j in kept)
    if only_denials and (asserted or (alleged and subject_denies)):
        return "disputed"
    return label


GATED = ("supported", "contradicted", "disputed")


def gates(judged: list[Judged], features: dict[str, float], cfg: VerifySettings) -> dict[str, bool]:
    """Which verdicts the article's voices allow, whatever the model says.

    A voice against the claim is a refuting passage that carries `relevant` of it, or a looser
    one (a denial or "hoax" sharing a few of its words) in an article that uses most of the
    claim's words (`loose_new_words`): an article about something else denies nothing about
    it. `supported` needs an article that uses the claim's words (`new_words`), a passage the
    rules find stating it and no voice clearly against it; `contradicted` a voice against it,
    or the article's own account of the matter, and none stating it; `disputed` a voice
    against it and one asserting it (stating it, or stating it but for a hedge).
    """
    unheard = features.get("unheard", 1.0)
    heard, loosely = unheard < cfg.new_words, unheard < cfg.loose_new_words
    refutes = [j for j in judged if j.stance == "refutes"]
    # A checkable conflict (another figure, time or actor) is a clear voice against the claim
    # whatever share of its words the passage carries.
    strong = any(j.coverage >= cfg.relevant or j.reason in CHECKABLE for j in refutes)
    contrary = strong or (loosely and bool(refutes))
    states = any(j.stance == "supports" for j in judged)
    # Only a passage that states the claim (or would, but for a hedge) can be cited as
    # asserting it: a passage merely about the matter is nobody's assertion of it.
    carriers = [j for j in judged if j.stance == "supports" or carries(j, cfg.supports)]
    # The article's own account of the matter: a passage about it, in no contrary wording.
    account = any(j.reason == "related" for j in judged)
    return {
        # A figure the article gives nowhere is the claim's own ("Two councillors took
        # $50,000" where the article says $250,000): no passage states that.
        "supported": heard and states and not strong and not features.get("figure_unheard"),
        # The article's own account of the same matter, when it is not the claim's, is the
        # contrary voice of a contradicted verdict where no passage denies it in words.
        "contradicted": (contrary or (loosely and account)) and not states,
        "disputed": contrary and bool(carriers),
    }


# Refuting reasons that are checkable conflicts rather than a voice's wording.
CHECKABLE = ("quantity", "time", "substitution")


def _own(claim: Claim, j: Judged) -> bool:
    """Whether the passage is the claim's own speaker talking ("X says P": what X says), the
    claim naming X with a verb that gives them the word."""
    if claim.speaker is None or not language(claim.lang).speech_verbs(normalize(claim.text)):
        return False
    return speaks(claim.speaker, [j.hit.chunk]) is True


def _denial(j: Judged) -> bool:
    return j.cues is not None and denies(j.hit.chunk, j.cues)


def choose(
    p: dict[str, float], ruled: str, thresholds: dict[str, float], allowed: dict[str, bool]
) -> tuple[str, float]:
    """The verdict and its confidence from the stance probabilities, the checkable-slot verdict
    and the verdicts the article's voices allow. A verdict's confidence is the probability that
    it is right (the sum of the stances it is right for); the rules' verdict wins, as sure as
    the rules were right on dev."""
    right = {v: sum(p[s] for s in stances) for v, stances in ACCEPTS.items()}
    # A passage clearly against the claim keeps even the rules from calling it supported.
    if ruled != "not_enough_info" and (ruled != "supported" or allowed["supported"]):
        return ruled, max(right[ruled], thresholds.get(f"rule_{ruled}", 0.0))
    # Of the verdicts the voices allow and the model clears, the one cleared by the widest margin.
    cleared = [
        (right[label] - thresholds[label], label)
        for label in GATED
        if allowed[label] and right[label] >= thresholds[label]
    ]
    if cleared:
        label = max(cleared)[1]
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
    thresholds = model.thresholds.get(claim.lang, {}) | cfg.thresholds
    label, confidence = choose(p, ruled, thresholds, gates(judged, features, cfg))
    missing = None
    heard = features.get("unheard", 1.0) < cfg.new_words
    if label == "not_enough_info" and p["unrelated"] < 0.5 and judged and heard:
        # What is missing: a side taken (the article discusses the matter), or a voice of its
        # own (the passage carrying the claim is someone's claim).
        top = max(judged, key=lambda j: j.coverage)
        voiced = top.stance == "neutral" and top.reason in ("related", "hedged")
        voiced = (
            voiced and top.coverage >= cfg.supports and top.hit.chunk.speaker != ARTICLE_SPEAKER
        )
        missing = "reported" if voiced else "discussed"
    if label == "not_enough_info" and any(j.reason == "misnamed" for j in judged):
        # Told of a party the claim names otherwise: the claim's words the article never uses
        # are that other name, not another story.
        missing = "misnamed"
    return Decision(label, round(min(max(confidence, 0.0), 1.0), 4), missing)
