"""Step 1 of verification: what a claim asserts, and who it says asserts it."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.attribution import attribute
from assistant.models import ARTICLE_SPEAKER
from assistant.verify.numbers import Quantity, quantities
from index.language import language, normalize
from index.lexical import LexicalIndex
from index.normalize import tokens


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


def analyse(text: str, lang: str, lex: LexicalIndex) -> Claim:
    """The claim's content words, numbers, polarity and attribution."""
    lg = language(lang)
    att = attribute([text], lang)[0]
    speaker = att.speaker if att.speaker != ARTICLE_SPEAKER else None
    role: str | None = att.role if speaker else None
    norm = normalize(text)
    if lg.admits(norm):
        role = "admission"
    # The speaker is who asserts, not what is asserted; numbers and admission verbs are judged
    # by their own steps, so none of them counts towards a passage's relevance.
    skip = set(tokens(speaker)) if speaker else set()
    skip |= set(tokens(" ".join(lg.admission_words(norm))))
    numeric = set(tokens(" ".join(w for w in text.split() if quantities(w))))
    weights = {
        t: min(lex.idf(t), lex.max_idf) for t in tokens(text) if t not in skip and t not in numeric
    }
    negated = lg.negated(norm) and role != "denial"
    return Claim(text, lang, weights, quantities(text), speaker, role, negated)


def coverage(claim: Claim, chunk_tokens: set[str]) -> float:
    """Weighted share of the claim's content words that a passage contains."""
    total = sum(claim.weights.values())
    return sum(w for t, w in claim.weights.items() if t in chunk_tokens) / total if total else 0.0
