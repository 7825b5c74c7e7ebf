"""Claim verification as small named steps: analyse -> judge each passage -> aggregate.

The shape of ragas' faithfulness metric, with the judging done by general rules because no
multilingual NLI model ships its weights in a PyPI package: quantities (digits and number words
in both languages), polarity (negation, admission vs denial), who says it (the claim's own
attribution against each passage's speaker and role) and substituted names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer import readable_in, speaks
from assistant.attribution import attribute
from assistant.models import ARTICLE_SPEAKER, Chunk, Stance
from assistant.numbers import Quantity, quantities, same_quantity
from index.normalize import normalize, tokens
from index.retriever import Hit, LexicalIndex

_ADMIT = {
    "ar": re.compile(r"(^|\s)[وف]?(اعترف|اعترفت|اقر|اقرت|يعترف|تعترف)(\s|$)"),
    "en": re.compile(r"\b(admit|admits|admitted|acknowledg\w*|conced\w*|confess\w*)\b"),
}
_NEGATED = {
    "ar": re.compile(r"(^|\s)[وف]?(لا|لم|لن|ليس|ليست|ما)(\s|$)"),
    "en": re.compile(r"\b(not|never|no|n't|neither|nor)\b|n't\b"),
}
RELEVANT = 0.5  # share of the claim's weighted content words a passage must contain
SUPPORTS = 0.6  # ... to state the claim
NEW_WORDS = 0.25  # a claim whose words the article never uses this much says something else


@dataclass(frozen=True)
class Claim:
    """What the claim asserts, and who it says asserts it."""

    text: str
    lang: str
    weights: dict[str, float]
    quantities: list[Quantity]
    speaker: str | None  # "X said/reported/denied ..." -> X
    role: str | None  # report | accusation | denial | admission
    negated: bool


@dataclass(frozen=True)
class Judged:
    """One passage's stance towards the claim, and why."""

    hit: Hit
    coverage: float
    stance: Stance
    reason: str  # quantity | substitution | denial | polarity | stated | related
    found: Quantity | None = None


def analyse(text: str, lang: str, lex: LexicalIndex) -> Claim:
    """Step 1: the claim's content words, numbers, polarity and attribution."""
    att = attribute([text], lang)[0]
    speaker = att.speaker if att.speaker != ARTICLE_SPEAKER else None
    role: str | None = att.role if speaker else None
    norm = normalize(text)
    if _ADMIT[lang].search(norm):
        role = "admission"
    # The speaker is who asserts, not what is asserted; numbers and admission verbs are judged
    # by their own steps, so none of them counts towards a passage's relevance.
    skip = set(tokens(speaker)) if speaker else set()
    skip |= set(tokens(" ".join(m.group() for m in _ADMIT[lang].finditer(norm))))
    numeric = set(tokens(" ".join(w for w in text.split() if quantities(w))))
    weights = {
        t: min(lex.idf(t), lex.max_idf) for t in tokens(text) if t not in skip and t not in numeric
    }
    negated = bool(_NEGATED[lang].search(norm)) and role != "denial"
    return Claim(text, lang, weights, quantities(text), speaker, role, negated)


def _coverage(claim: Claim, unit_tokens: set[str]) -> float:
    total = sum(claim.weights.values())
    return sum(w for t, w in claim.weights.items() if t in unit_tokens) / total if total else 0.0


def _kind(q: Quantity) -> str:
    return q.unit or ("year" if q.year else "count")


def _quantity_conflict(claim: Claim, chunk: Chunk) -> tuple[bool, bool, Quantity | None]:
    """(some claimed number is stated, some is contradicted, the number the passage gives)."""
    found = quantities(f"{chunk.text} {chunk.translation or ''}")
    matched = conflict = False
    other = None
    for cq in claim.quantities:
        if any(same_quantity(cq, q) for q in found):
            matched = True
            continue
        rivals = [q for q in found if _kind(q) == _kind(cq)]
        if rivals:
            conflict, other = True, rivals[0]
    return matched, conflict and not matched, other


def _substituted(claim: Claim, chunk: Chunk, lex: LexicalIndex) -> list[Chunk]:
    """The claim joins this passage's words with words the article uses about something else:
    "Jane Roe founded X" where one passage says Y founded X and another that Roe leads it.
    A missing word that sits elsewhere beside the word it sits beside in the claim too ("Jane"
    beside "Roe") is only a fuller name. Returns the passages the moved words come from."""
    own = lex.token_set(chunk.chunk_id)
    order = [t for t in tokens(claim.text) if t in claim.weights]
    covered = {t for t in claim.weights if t in own}
    missing = {t for t in claim.weights if t not in own}
    moved = 0.0
    sources: dict[str, Chunk] = {}
    others = [o for o in lex.chunks_of([chunk.doc_id]) if o.chunk_id != chunk.chunk_id]
    for t in missing:
        elsewhere = [o for o in others if t in lex.token_list(o.chunk_id)]
        beside = covered & _near(order, t)
        if elsewhere and not any(_near(lex.token_list(o.chunk_id), t) & beside for o in elsewhere):
            moved += claim.weights[t]
            sources.update((o.chunk_id, o) for o in elsewhere)
    return list(sources.values()) if moved >= 0.2 * sum(claim.weights.values()) else []


def _near(seq: list[str], token: str) -> set[str]:
    out: set[str] = set()
    for i, t in enumerate(seq):
        if t == token:
            out.update(seq[max(0, i - 1) : i + 2])
    return out - {token}


def _unheard(claim: Claim, doc_id: str, lex: LexicalIndex) -> float:
    """Weighted share of the claim's words that the article never uses ("sued", "collision")."""
    vocab = lex.doc_vocabulary(doc_id)
    total = sum(claim.weights.values())
    return sum(w for t, w in claim.weights.items() if t not in vocab) / total if total else 0.0


def judge(
    claim: Claim, hit: Hit, coverage: float, lex: LexicalIndex, comparable: bool = True
) -> list[Judged]:
    """Step 2: the stance of one relevant passage (and of those a substitution points to)."""
    moved_from = _substituted(claim, hit.chunk, lex) if not claim.negated else []
    if moved_from and hit.chunk.role != "denial":
        # The contradiction lives where the article says who did it: cite that passage.
        return [Judged(hit, coverage, "neutral", "related")] + [
            Judged(Hit(o, 0.0, 0.0, 0.0), _coverage(claim, lex.token_set(o.chunk_id)),
                   "refutes", "substitution")
            for o in moved_from
        ]  # fmt: skip
    # Across languages without a translation no word can be heard: the bar does not apply.
    unheard = _unheard(claim, hit.chunk.doc_id, lex) if comparable else 0.0
    return [_stance(claim, hit, coverage, unheard)]


def _stance(claim: Claim, hit: Hit, coverage: float, unheard: float) -> Judged:
    c = hit.chunk
    matched, conflict, found = _quantity_conflict(claim, c)
    if conflict:
        return Judged(hit, coverage, "refutes", "quantity", found)
    same_speaker = claim.speaker is not None and speaks(claim.speaker, [c]) is not False
    if c.role == "denial":
        if claim.role == "denial" or claim.negated:
            return Judged(hit, coverage, "supports", "stated")
        if claim.role == "admission" or (claim.speaker and same_speaker):
            return Judged(hit, coverage, "refutes", "polarity")
        return Judged(hit, coverage, "refutes", "denial")
    if claim.negated and coverage >= SUPPORTS:
        return Judged(hit, coverage, "refutes", "polarity")
    if claim.role == "admission" or (claim.speaker and not same_speaker):
        return Judged(hit, coverage, "neutral", "related")
    if unheard < NEW_WORDS and (coverage >= SUPPORTS or (matched and coverage >= RELEVANT)):
        return Judged(hit, coverage, "supports", "stated")
    return Judged(hit, coverage, "neutral", "related")


def judge_all(claim: Claim, hits: list[Hit], lex: LexicalIndex, min_dense: float) -> list[Judged]:
    """Step 2 over the retrieved passages that are about the claim at all."""
    out: list[Judged] = []
    own_seen = False
    # A claim is about one article: the best-ranked one. Passages of other articles count only
    # when their own words state most of the claim (not on similarity or a shared figure).
    home = hits[0].chunk.doc_id if hits else None
    for h in hits:
        cov = _coverage(claim, lex.token_set(h.chunk.chunk_id))
        comparable = readable_in(h.chunk, claim.lang)
        if h.chunk.doc_id != home and not (comparable and cov >= SUPPORTS):
            continue
        # "X says P": X's best-ranked statement that shares a word with P is what X says about
        # it, even in other words ("funded" / "support"), so it is judged whatever its overlap.
        own = claim.speaker is not None and speaks(claim.speaker, [h.chunk]) is True
        first_own = own and not own_seen and cov > 0
        own_seen = own_seen or first_own
        # A passage giving a figure of the claim's kind on the same subject answers it too.
        rival = any(
            _kind(q) in {_kind(c) for c in claim.quantities}
            for q in quantities(f"{h.chunk.text} {h.chunk.translation or ''}")
        )
        bar = RELEVANT / 2 if rival else RELEVANT
        if h.chunk.headline or (
            not first_own and (cov < bar if comparable else h.dense < min_dense)
        ):
            continue
        for j in judge(claim, h, cov if comparable else RELEVANT, lex, comparable):
            seen = next(
                (k for k, o in enumerate(out) if o.hit.chunk.chunk_id == j.hit.chunk.chunk_id), None
            )
            if seen is None:
                out.append(j)
            elif out[seen].stance == "neutral":
                out[seen] = j
    return out


def aggregate(judged: list[Judged]) -> str:
    """Step 3, plain Python: the verdict from the stances."""
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
