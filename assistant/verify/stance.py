"""Step 2 of verification: the stance of each retrieved passage towards the claim.

Judged by general rules because no multilingual NLI model ships its weights in a PyPI package:
quantities (digits and number words in both languages), polarity (negation, admission vs
denial), who says it (the claim's own attribution against each passage's speaker and role) and
substituted names.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.attribution import speaks
from assistant.config import VerifySettings
from assistant.models import Chunk, Stance
from assistant.verify.claim import Claim, coverage
from assistant.verify.numbers import Quantity, quantities, same_quantity
from index.lexical import LexicalIndex
from index.normalize import tokens
from index.retriever import Hit


@dataclass(frozen=True)
class Judged:
    """One passage's stance towards the claim, and why."""

    hit: Hit
    coverage: float
    stance: Stance
    reason: str  # quantity | substitution | denial | polarity | stated | related
    found: Quantity | None = None


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


def _substituted(claim: Claim, chunk: Chunk, lex: LexicalIndex, cfg: VerifySettings) -> list[Chunk]:
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
    enough = moved >= cfg.moved_share * sum(claim.weights.values())
    return list(sources.values()) if enough else []


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
    claim: Claim,
    hit: Hit,
    cov: float,
    lex: LexicalIndex,
    cfg: VerifySettings,
    comparable: bool = True,
) -> list[Judged]:
    """The stance of one relevant passage (and of those a substitution points to)."""
    moved_from = _substituted(claim, hit.chunk, lex, cfg) if not claim.negated else []
    if moved_from and hit.chunk.role != "denial":
        # The contradiction lives where the article says who did it: cite that passage.
        return [Judged(hit, cov, "neutral", "related")] + [
            Judged(Hit(o, 0.0, 0.0, 0.0), coverage(claim, lex.token_set(o.chunk_id)),
                   "refutes", "substitution")
            for o in moved_from
        ]  # fmt: skip
    # Across languages without a translation no word can be heard: the bar does not apply.
    unheard = _unheard(claim, hit.chunk.doc_id, lex) if comparable else 0.0
    return [_stance(claim, hit, cov, unheard, cfg)]


def _stance(claim: Claim, hit: Hit, cov: float, unheard: float, cfg: VerifySettings) -> Judged:
    c = hit.chunk
    matched, conflict, found = _quantity_conflict(claim, c)
    if conflict:
        return Judged(hit, cov, "refutes", "quantity", found)
    same_speaker = claim.speaker is not None and speaks(claim.speaker, [c]) is not False
    if c.role == "denial":
        if claim.role == "denial" or claim.negated:
            return Judged(hit, cov, "supports", "stated")
        if claim.role == "admission" or (claim.speaker and same_speaker):
            return Judged(hit, cov, "refutes", "polarity")
        return Judged(hit, cov, "refutes", "denial")
    if claim.negated and cov >= cfg.supports:
        return Judged(hit, cov, "refutes", "polarity")
    if claim.role == "admission" or (claim.speaker and not same_speaker):
        return Judged(hit, cov, "neutral", "related")
    if unheard < cfg.new_words and (cov >= cfg.supports or (matched and cov >= cfg.relevant)):
        return Judged(hit, cov, "supports", "stated")
    return Judged(hit, cov, "neutral", "related")


def judge_all(
    claim: Claim, hits: list[Hit], lex: LexicalIndex, min_dense: float, cfg: VerifySettings
) -> list[Judged]:
    """Judge the retrieved passages that are about the claim at all."""
    out: list[Judged] = []
    own_seen = False
    # A claim is about one article: the best-ranked one. Passages of other articles count only
    # when their own words state most of the claim (not on similarity or a shared figure).
    home = hits[0].chunk.doc_id if hits else None
    for h in hits:
        cov = coverage(claim, lex.token_set(h.chunk.chunk_id))
        comparable = h.chunk.readable_in(claim.lang)
        if h.chunk.doc_id != home and not (comparable and cov >= cfg.supports):
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
        bar = cfg.relevant / 2 if rival else cfg.relevant
        if h.chunk.headline or (
            not first_own and (cov < bar if comparable else h.dense < min_dense)
        ):
            continue
        for j in judge(claim, h, cov if comparable else cfg.relevant, lex, cfg, comparable):
            seen = next(
                (k for k, o in enumerate(out) if o.hit.chunk.chunk_id == j.hit.chunk.chunk_id), None
            )
            if seen is None:
                out.append(j)
            elif out[seen].stance == "neutral":
                out[seen] = j
    return out
