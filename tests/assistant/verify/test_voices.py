# ruff: noqa: E501  (article text is kept on one line)
"""Which voices an article gives a claim, and how the verdict reads them: denials worded as
denials, doubt and debunking as voices against, the `statement` role as a neutral speaker, the
gates on each verdict, evidence that agrees with the verdict, and what a not_enough_info
verdict says is missing. Chunks made in memory: no embedder, no store."""

from __future__ import annotations

from dataclasses import replace

from assistant.config import VerifySettings
from assistant.verify.aggregate import Decision, decide, gates
from assistant.verify.cues import denies, passage_cues
from assistant.verify.pipeline import Assessment, assess
from assistant.verify.verdict import build, present
from index.models import Chunk
from tests.support.chunks import chunks_of, hits_of, lexical

# A sighting reported by posts, called doctored by experts, denied by the council.
SQUID = """Giant squid photo spreads online

Posts shared this week say that a giant squid washed up on the beach at Marlow Sands. Marine biologists said the photo of the giant squid was doctored. The beach council denied that a giant squid washed up on the beach.
The beach reopened to visitors on Friday after the storm.
"""
# A plain account in the article's own voice, one sentence given by a named party.
FERRY = """Ferry service to resume in May

The harbour authority will resume the ferry service to Tolland Island in May. The service was suspended last winter after a storm damaged the pier. The ferry company will add a second boat in the summer.
"""
CFG = VerifySettings()


def assessed(article: str, claim: str, chunks: list[Chunk] | None = None) -> Assessment:
    chunks = chunks or chunks_of(article)
    return assess(claim, "en", hits_of(chunks), lexical(chunks), 0.75, CFG)


def test_a_denial_role_alone_is_no_denial() -> None:
    said, denied = chunks_of(
        "The company said the plant will stay open. The company denied that the plant will close."
    )
    for c in (said, denied):
        as_denial = c.model_copy(update={"role": "denial"})  # what attribution might give either
        assert denies(as_denial, passage_cues(c, "en")) == (c is denied)


def test_doubt_and_debunking_are_voices_against_the_story() -> None:
    a = assessed(SQUID, "A giant squid washed up on the beach at Marlow Sands.")
    against = {j.reason for j in a.judged if j.stance == "refutes"}
    assert {"debunk", "denial"} <= against
    allowed = gates(a.judged, a.features, CFG)
    assert allowed["disputed"] and not allowed["supported"]


def test_a_claim_that_denies_the_story_is_not_refuted_by_doubt() -> None:
    a = assessed(SQUID, "No giant squid washed up on the beach at Marlow Sands.")
    assert not any(j.reason in ("doubt", "debunk") for j in a.judged if j.stance == "refutes")


def test_voices_about_something_else_allow_no_verdict() -> None:
    a = assessed(SQUID, "The city fined a bakery for playing loud music at night.")
    assert not any(gates(a.judged, a.features, CFG).values())
    assert decide(a.claim, a.judged, a.features, CFG).label == "not_enough_info"


def test_statement_role_is_a_neutral_speaker() -> None:
    # The attribution rewrite gives "X says/announces" the role `statement`: neither a denial
    # nor a voice against; what it states supports the claim, and the verdict names who.
    chunks = chunks_of(FERRY)
    chunks = [
        c.model_copy(update={"speaker": "The ferry company", "role": "statement"})
        if "second boat" in c.text
        else c
        for c in chunks
    ]
    a = assessed(FERRY, "The ferry company will add a second boat in the summer.", chunks)
    stances = {(j.hit.chunk.role, j.stance) for j in a.judged}
    assert ("statement", "supports") in stances and not any(j.stance == "refutes" for j in a.judged)
    d = decide(a.claim, a.judged, a.features, CFG)
    v = build(a.claim.text, "en", d, a.judged, CFG.evidence_shown, CFG.supports)
    assert v.verdict == "supported" and "The ferry company (statement)" in v.explanation
    assert 0.0 < v.confidence <= 1.0


def test_evidence_agrees_with_the_verdict() -> None:
    a = assessed(SQUID, "A giant squid washed up on the beach at Marlow Sands.")
    assert all(j.stance == "neutral" for j in present("not_enough_info", a.judged, CFG.supports))
    stated = next(j for j in a.judged if j.stance == "supports")
    carrier = replace(stated, stance="neutral", reason="related")  # the model's verdict, no rule
    shown = present("contradicted", [carrier], CFG.supports)
    assert [(j.stance, j.reason) for j in shown] == [("refutes", "differs")]
    shown = present("supported", a.judged, CFG.supports)
    assert not any(j.stance == "refutes" for j in shown) and any(
        j.stance == "supports" for j in shown
    )


def test_not_enough_info_says_what_is_missing() -> None:
    chunks = chunks_of(FERRY)
    chunks = [
        c.model_copy(update={"speaker": "The ferry company", "role": "statement"}) for c in chunks
    ]
    a = assessed(FERRY, "The ferry service to Tolland Island will resume in May.", chunks)
    reported = Decision("not_enough_info", 0.6, "reported")
    v = build(a.claim.text, "en", reported, a.judged, CFG.evidence_shown, CFG.supports)
    assert "reports it as a claim by the ferry company (statement) [1]" in v.explanation
    assert all(e.stance == "neutral" for e in v.evidence)
    v = build(
        a.claim.text, "ar", Decision("not_enough_info", 0.6, "discussed"), a.judged, 4, CFG.relevant
    )
    assert "دون أن يتخذ موقفًا" in v.explanation and "[1]" in v.explanation
    v = build(a.claim.text, "en", Decision("not_enough_info", 0.9, None), [], 4, CFG.supports)
    assert v.explanation.endswith("The article does not state this claim.")
