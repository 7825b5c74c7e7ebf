"""Denials of "the report": a party rejecting "the report", "these allegations" or "البيان"
denies whatever that report states, in whatever words, so it is judged as a voice against the
claim the report carries (a step after the passages are judged one by one, `stance.judge_all`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.attribution import speaks
from assistant.models import CHARGE_ROLES, Chunk
from assistant.verify.cues import passage_cues
from assistant.verify.scope import Scope
from assistant.verify.stance import Judged, carries
from index.language import language, normalize
from index.normalize import tokens
from index.retriever import Hit

_VOICES = (*CHARGE_ROLES, "statement")  # what a denial may name ("the statement", "البيان")


def _uses(c: Chunk, noun: str) -> bool:
    """Whether a passage uses the word a denial names its object by, in any form ("reported"
    for "the report"; "في بيان" for "البيان"): a prefix of up to three letters (وبال) and any
    ending."""
    bare = noun[2:] if noun.startswith("ال") else noun.rstrip("s")
    return re.search(rf"(^|\W)\w{{0,3}}{re.escape(bare)}", normalize(c.text)) is not None


def _denier_is_agent(scope: Scope, c: Chunk) -> bool:
    """Whether a denial's speaker is the party the claim names as its subject."""
    return bool(scope.agent) and set(scope.agent) <= set(tokens(c.speaker))


def with_report_denials(scopes: dict[str, Scope], judged: list[Judged]) -> list[Judged]:
    """The judged passages with the article's denials of "the report" / "هذه الأنباء" added or
    raised, when the claim is stated by the report they point back to (the nearest report or
    charge before them using the word they name it by, else the first, which opened the
    story): they deny what it says whatever their own words, so they weigh as much of the
    claim as it carries. A claim that the report's own author said it is no claim they deny."""
    # Stated, or stated but for a hedge ("allegedly"): the report asserts it either way.
    stated = {
        j.hit.chunk.chunk_id: j for j in judged
        if j.stance == "supports" or carries(j, scopes[j.hit.chunk.doc_id].cfg.supports)
    }  # fmt: skip
    if not stated:
        return judged
    doc = next(iter(stated.values())).hit.chunk.doc_id
    scope, out = scopes[doc], list(judged)
    claim, chunks = scope.claim, scope.view.chunks
    seen = {j.hit.chunk.chunk_id: k for k, j in enumerate(judged)}
    for c in chunks:
        prev = out[seen[c.chunk_id]] if c.chunk_id in seen else None
        norm = normalize(c.text)
        # The article's own "The claim is false." answers the story like a party's denial.
        called_false = c.role != "denial" and language(c.lang).calls_report_false(norm)
        if (c.role != "denial" and not called_false) or (
            prev and prev.reason not in ("denial", "debunk", "refuted") and prev.stance != "neutral"
        ):
            continue  # ... or judged by a checkable slot of its own (another figure)
        if not called_false and not language(c.lang).denies_report(norm):
            continue
        # ... the article's own verdict may answer the story it tells itself ("A photo claims to
        # show ...").
        told = ("context", *_VOICES) if called_false else _VOICES
        voices = [o for o in chunks if o.role in told and not o.headline and o.index < c.index]
        before = [o for o in voices if o.role in CHARGE_ROLES]
        opened = before[0] if before else None
        # What it names ("the statement", "البيان") is the nearest voice that uses that word
        # ("said in a statement", "في بيان").
        noun = language(c.lang).denied_noun(norm)
        named = [o for o in voices if noun and _uses(o, noun)]
        if named:
            # ... the nearest stating the claim, when several use it ("the report" the paper
            # published, and "the report" its sources say was shelved)
            opened = next((o for o in reversed(named) if o.chunk_id in stated), named[-1])
        elif opened is not None and opened.chunk_id not in stated and _denier_is_agent(scope, c):
            # The claim's own subject rejecting "the allegations" answers the report of what
            # it is said to have done, not an earlier report of something else (a toll).
            opened = next((o for o in before if o.chunk_id in stated), None)
        j = stated.get(opened.chunk_id) if opened else None
        if j is None:
            # No report or charge before it states the claim: the story the article tells as
            # a claim ("منشور يزعم أن ...", "a post claims ...") is what "this news" is.
            told_as_claim = [
                k for k in stated.values()
                if k.hit.chunk.index < c.index and carries(k, scope.cfg.supports)
            ]  # fmt: skip
            j = min(told_as_claim, key=lambda k: k.hit.chunk.index) if told_as_claim else None
        if j is None or (claim.speaker and speaks(claim.speaker, [j.hit.chunk])):
            continue
        if called_false and j.stance == "supports":
            # What it calls false is what the passage hedges ("claims to show ..."); the claim
            # is what that passage states outright.
            continue
        reason = "refuted" if called_false else "denial"
        if prev is not None:  # judged already by its own words: it weighs as the report
            cov = max(prev.coverage, j.coverage)
            out[seen[c.chunk_id]] = replace(prev, coverage=cov, stance="refutes", reason=reason)
            continue
        cues = passage_cues(c, claim.lang)
        out.append(Judged(Hit(c, 0.0, 0.0, 0.0), j.coverage, "refutes", reason, cues=cues))
    return out
