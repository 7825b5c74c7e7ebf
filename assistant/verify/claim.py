"""Step 1 of verification: what a claim asserts, and who it says asserts it."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.attribution import attribute
from assistant.models import ARTICLE_SPEAKER
from assistant.verify.numbers import Quantity, quantities
from index.language import language, normalize
from index.normalize import tokens


@dataclass(frozen=True)
class Claim:
    """What the claim asserts, and who it says asserts it: made once, passed to every step."""

    text: str
    lang: str
    content: tuple[str, ...]  # search tokens of what is asserted, in order, each once
    quantities: list[Quantity]
    speaker: str | None  # "X said/reported/denied ..." -> X
    role: str | None  # report | accusation | denial | statement | admission
    negated: bool
    hedged: bool  # "reportedly", "يزعم", a question: the claim itself does not vouch
    debunks: bool  # "X is a hoax", "لا صحة": the claim itself calls a story false
    times: frozenset[tuple[str, int]]  # ("year", -1) for "last year"


def analyse(text: str, lang: str) -> Claim:
    """The claim's content words, numbers, polarity, hedges, times and attribution."""
    lg = language(lang)
    att = attribute([text], lang)[0]
    speaker = att.speaker if att.speaker != ARTICLE_SPEAKER else None
    role: str | None = att.role if speaker else None
    norm = normalize(text)
    if lg.admits(norm):
        role = "admission"
    # The speaker and the verb that gives them the word ("X reported that") are who asserts,
    # not what is asserted; numbers and admission verbs are judged by their own steps, so none
    # of them counts towards a passage's relevance.
    skip = set(tokens(f"{speaker} {' '.join(lg.speech_verbs(norm))}")) if speaker else set()
    skip |= set(tokens(" ".join(lg.admission_words(norm))))
    skip |= set(tokens(" ".join(w for w in text.split() if quantities(w))))
    content = tuple(dict.fromkeys(t for t in tokens(text) if t not in skip))
    negated = lg.negated(norm) and role != "denial"
    hedged = lg.hedged(norm) or text.rstrip().endswith(("?", "؟"))
    return Claim(
        text, lang, content, quantities(text), speaker, role, negated, hedged,
        lg.debunked(norm), frozenset(lg.times(norm)),
    )  # fmt: skip
