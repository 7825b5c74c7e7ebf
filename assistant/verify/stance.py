"""Step 2 of verification: the stance of each passage of the article towards the claim.

General rules, each also a feature of the learned aggregation (no multilingual NLI model ships
its weights in a PyPI package): figures compared only when they measure the same thing, polarity
(negation, admission vs denial), hedged reports and debunking, relative time, who did what to
whom (word order), who says it (the claim's own attribution against each passage's speaker and
role) and substituted names.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.attribution import speaks
from assistant.models import ARTICLE_SPEAKER, Chunk, Stance
from assistant.verify.claim import Claim
from assistant.verify.cues import (
    Cues,
    denies,
    negates,
    opposed,
    passage_cues,
    time_conflict,
)
from assistant.verify.matching import name_share
from assistant.verify.numbers import Quantity, same_quantity
from assistant.verify.scope import Scope
from index.language import language, normalize
from index.normalize import tokens
from index.retriever import Hit


@dataclass(frozen=True)
class Judged:
    """One passage's stance towards the claim, and why."""

    hit: Hit
    coverage: float
    stance: Stance
    reason: (
        str  # quantity | substitution | denial | refuted | polarity | debunk | time | stated ...
    )
    found: Quantity | None = None
    cues: Cues | None = None
    order: float = 1.0
    matched: bool = False  # the passage gives the claim's own figure


def carries(j: Judged, share: float) -> bool:
    """Whether a passage states the claim but for a hedge ("reportedly", "يُزعم"), carrying
    `share` of it: someone's assertion the article does not vouch for."""
    return j.stance == "neutral" and j.reason == "hedged" and j.coverage >= share


def quantity_relation(claim: Claim, found: tuple[Quantity, ...]) -> tuple[bool, Quantity | None]:
    """(some claimed figure is stated, the rival figure of the same kind when none is)."""
    matched, rival = False, None
    for cq in claim.quantities:
        if any(same_quantity(cq, q) and cq.kind == q.kind for q in found):
            matched = True
            continue
        rival = rival or next((q for q in found if q.kind == cq.kind), None)
    return matched, None if matched else rival


def _substituted(scope: Scope, chunk: Chunk) -> list[Chunk]:
    """The claim joins this passage's words with words the article uses about something else:
    "Jane Roe founded X" where one passage says Y founded X and another that Roe leads it.
    A missing word that sits elsewhere beside the word it sits beside in the claim too ("Jane"
    beside "Roe") is only a fuller name. Returns the passages the moved words come from."""
    view, weights = scope.view, scope.weights
    order = list(scope.claim.content)
    covered = {t for t in weights if view.has(chunk.chunk_id, t)}
    moved = 0.0
    sources: dict[str, Chunk] = {}
    others = [o for o in view.chunks if o.chunk_id != chunk.chunk_id]
    # A passage that states most of the claim itself is not "something else".
    stating = [o for o in others if scope.coverage(o.chunk_id) >= scope.cfg.supports]
    for t in (t for t in weights if t not in covered):
        if any(view.has(o.chunk_id, t) for o in stating):
            continue
        elsewhere = [o for o in others if view.has(o.chunk_id, t)]
        beside = covered & _near(order, t)
        if elsewhere and not any(_near(view.tokens[o.chunk_id], t) & beside for o in elsewhere):
            moved += weights[t]
            sources.update((o.chunk_id, o) for o in elsewhere)
    enough = moved >= scope.cfg.moved_share * sum(weights.values())
    # Words the article scatters over many passages are its topic, not another actor's name.
    few = len(sources) <= scope.cfg.moved_sources
    if not (enough and few):
        return []

    # The passage that says who did it carries most of the claim besides the moved words; one
    # that merely shares a word's stem ("مؤسسة", an institution, for "أسس", founded) does not.
    def said(c: Chunk) -> tuple[float, int]:  # its coverage, then how many words its own text
        words = set(tokens(f"{c.text} {c.translation or ''}"))  # gives (not its speaker's name)
        return scope.coverage(c.chunk_id), sum(t in words for t in weights)

    best = max(said(c) for c in sources.values())
    return [c for c in sources.values() if said(c) == best]


def _near(seq: list[str], token: str) -> set[str]:
    out: set[str] = set()
    for i, t in enumerate(seq):
        if t == token:
            out.update(seq[max(0, i - 1) : i + 2])
    return out - {token}


def judge(scope: Scope, hit: Hit, cov: float, comparable: bool) -> list[Judged]:
    """The stance of one relevant passage (and of those a substitution points to)."""
    claim = scope.claim
    # An admission is judged against denials (polarity), a negated claim by polarity too.
    plain = comparable and not claim.negated and claim.role != "admission"
    moved_from = _substituted(scope, hit.chunk) if plain else []
    # Only a passage that states the rest of the claim can show whom the article names for it.
    denial = denies(hit.chunk, passage_cues(hit.chunk, claim.lang))
    if moved_from and not denial and cov >= scope.cfg.supports:
        # The contradiction lives where the article says who did it: cite that passage. Where
        # the claim's other name only comes up elsewhere (no word of the act with it), the
        # passage stating the act names someone else for it ("accused the company").
        acts = [o for o in moved_from if scope.carries_act(o)]
        if not acts:
            return [Judged(hit, cov, "refutes", "substitution")]
        return [Judged(hit, cov, "neutral", "related")] + [
            Judged(Hit(o, 0.0, 0.0, 0.0), scope.coverage(o.chunk_id), "refutes", "substitution")
            for o in acts
        ]  # fmt: skip
    # Across languages without a translation no word can be heard: the bar does not apply.
    unheard = scope.view.unheard(scope.weights) if comparable else 0.0
    return [_stance(scope, hit, cov, unheard)]


def _stance(scope: Scope, hit: Hit, cov: float, unheard: float) -> Judged:
    claim, cfg, c = scope.claim, scope.cfg, hit.chunk
    cues = passage_cues(c, claim.lang)
    order = scope.view.order(claim.content, c.chunk_id)

    matched, rival = quantity_relation(claim, cues.quantities)

    def said(stance: Stance, reason: str, found: Quantity | None = None) -> Judged:
        return Judged(hit, cov, stance, reason, found, cues, order, matched)

    if rival is not None and scope.measure_coverage(c.chunk_id) >= cfg.rival_share:
        return said("refutes", "quantity", rival)
    if cov >= cfg.supports and time_conflict(claim.times, cues.times):
        return said("refutes", "time")
    # The rest of the claim, with the opposite of one of its words ("rose" for "fell").
    flipped = opposed(claim.content, scope.view.sets.get(c.chunk_id, set()), claim.lang)
    if flipped and scope.coverage_but(c.chunk_id, flipped) >= cfg.strict_coverage:
        return said("refutes", "polarity")
    # The claim's speaker, named as the passage's or within it, however their name is spelled.
    same_speaker = claim.speaker is not None and (
        speaks(claim.speaker, [c]) is not False or name_share(claim.speaker, c) >= cfg.speaker_share
    )
    # A passage that words the whole claim, in order, with only a negation somewhere ("... so
    # that it will not happen again") is no denial by the claim's own speaker of what they say.
    verbatim = cov >= cfg.strict_coverage and order >= cfg.min_order
    explicit = cues.doubts or cues.debunks
    # Words the claim puts in someone's mouth are stated only by that someone.
    other_voice = bool(claim.speaker) and not same_speaker
    if denies(c, cues):
        if claim.role == "denial" or claim.negated or claim.debunks:  # ("X is a hoax")
            # A denial states a denying claim only when it carries it: a denial sharing a few
            # words (judged at the bar of a voice) says nothing of another negated claim.
            stated = cov >= cfg.supports and not other_voice
            return said(*(("supports", "stated") if stated else ("neutral", "related")))
        if claim.role == "admission" or (claim.speaker and same_speaker):
            if verbatim and not explicit:
                return said("neutral", "related")  # X's own words state it, negation aside
            return said("refutes", "polarity")
        return said("refutes", "denial")
    if claim.negated and cov >= cfg.supports:
        if other_voice:
            return said("neutral", "related")
        return said(
            "supports" if cues.negated else "refutes", "stated" if cues.negated else "polarity"
        )
    # The passage carries the claim negated ("X said she did not take part in the vote" against
    # "X voted"): it says the opposite, whoever says it and in whatever role.
    if (
        cues.negated and cov >= cfg.supports and claim.role != "admission"
        and (not verbatim or negates(c.text, c.lang, claim.content))
    ):  # fmt: skip
        return said("refutes", "polarity")
    # A passage that words the whole claim says it, whatever else it calls false or doubts
    # ("X accused Y of spreading false claims"): no voice against it.
    if cues.debunks and not (claim.debunks or claim.negated or verbatim):
        return said("refutes", "debunk")
    if claim.role == "admission" or (claim.speaker and not same_speaker):
        return said("neutral", "related")
    # Someone questions it ("denied", "could not be verified", "شكك"): a contrary voice, unless
    # the claim is itself a denial or a negation (then the passage is no voice against it).
    if cues.doubts and not (claim.negated or claim.role == "denial" or claim.debunks or verbatim):
        return said("refutes", "doubt")
    if scope.misnamed and scope.heard_coverage(c.chunk_id) >= cfg.supports:
        return said("neutral", "misnamed")  # said of a party of a like name, not the claim's
    if unheard < cfg.new_words and (cov >= cfg.supports or (matched and cov >= cfg.relevant)):
        if claim.quantities and not matched and not cues.quantities:
            return said("neutral", "related")  # the claim's point is a figure it does not give
        if order < cfg.min_order or not scope.names_agent(c):
            # Who did what: the words of the claim in another order, or said of another party
            # ("the union struck" is no passage stating "the firm struck").
            return said("neutral", "roles")
        # The claim's own speaker's "claimed"/"زعم" is how they say it, not a hedge on it.
        hedge = cues.hedged and (
            c.lang != claim.lang
            or language(c.lang).hedge_covers(normalize(c.text), set(claim.content))
        )
        if hedge and not claim.hedged and not (claim.speaker and same_speaker):
            return said("neutral", "hedged")
        return said("supports", "stated")
    return said("neutral", "related")


def _voiced(c: Chunk, lang: str) -> bool:
    """Whether a passage's own wording or role goes against a story (denial, debunk, doubt)."""
    cues = passage_cues(c, lang)
    return denies(c, cues) or cues.debunks or cues.doubts


def judge_all(scopes: dict[str, Scope], hits: list[Hit], min_dense: float) -> list[Judged]:
    """Judge the passages that are about the claim at all (the first hit's article is the one
    judged; another article's passage counts only when its own words state most of the claim).

    Besides the passages carrying most of the claim, two kinds are judged at half that bar: the
    two passages closest to the claim in meaning (where a paraphrase carries it) and passages
    whose wording goes against a story (a denial, "hoax", "could not be verified")."""
    out: list[Judged] = []
    own_seen = False
    home = hits[0].chunk.doc_id if hits else None
    closest = {h.chunk.chunk_id for h in [h for h in hits if h.chunk.doc_id == home][:2]}
    for h in hits:
        scope = scopes[h.chunk.doc_id]
        claim, cfg = scope.claim, scope.cfg
        cov = scope.coverage(h.chunk.chunk_id)
        comparable = h.chunk.readable_in(claim.lang)
        if h.chunk.doc_id != home and not (comparable and cov >= cfg.supports):
            continue
        # "X says P": X's best-ranked statement that shares a word with P is what X says about
        # it, even in other words ("funded" / "support"), so it is judged whatever its overlap.
        own = claim.speaker is not None and speaks(claim.speaker, [h.chunk]) is True
        first_own = own and not own_seen and cov > 0
        own_seen = own_seen or first_own
        # A passage giving a figure of the claim's kind on the same subject answers it too.
        kinds = {q.kind for q in claim.quantities}
        rival = any(q.kind in kinds for q in passage_cues(h.chunk, claim.lang).quantities)
        closer = h.chunk.chunk_id in closest
        voiced = _voiced(h.chunk, claim.lang)
        bar = cfg.rival_share if rival else (cfg.voiced if voiced or closer else cfg.relevant)
        cov_bar = scope.measure_coverage(h.chunk.chunk_id) if rival else cov
        if h.chunk.headline or (
            not first_own and (cov_bar < bar if comparable else h.dense < min_dense)
        ):
            continue
        # Admitted at a voice's low bar, a passage must share what the claim says happened, not
        # only who it names (a party's denial of one thing says nothing of its donation).
        low = comparable and not (rival or first_own) and cov < cfg.relevant
        if low and not scope.carries_act(h.chunk):
            continue
        for j in judge(scope, h, cov if comparable else cfg.relevant, comparable):
            seen = next(
                (k for k, o in enumerate(out) if o.hit.chunk.chunk_id == j.hit.chunk.chunk_id), None
            )
            if seen is None:
                out.append(j)
            elif out[seen].stance == "neutral":
                out[seen] = j
    return _without_other_measures(out)


def _without_other_measures(judged: list[Judged]) -> list[Judged]:
    """Where a passage gives a figure for what the claim measures (its own figure or a rival),
    the article's own sentences giving another figure of that kind while carrying less of the
    claim measure something else ("shares fell 6 per cent" beside "net profit fell 38 per
    cent"): no rival. Another voice's figure stays one (a company's 450 jobs against a
    report's 1,200)."""
    own = [
        j.coverage for j in judged
        if (j.matched and j.reason in ("stated", "polarity")) or j.reason == "quantity"
    ]  # fmt: skip
    if not own:
        return judged
    return [
        Judged(j.hit, j.coverage, "neutral", "related", j.found, j.cues, j.order, j.matched)
        if j.reason == "quantity" and j.hit.chunk.speaker == ARTICLE_SPEAKER
        and j.coverage < max(own) else j
        for j in judged
    ]  # fmt: skip
