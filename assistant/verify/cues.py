"""What a passage's own wording says about how it states things: negation, hedges, debunking,
doubt, relative times and figures. Cached per text: an article's passages are read once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from assistant.verify.numbers import Quantity, quantities
from index.language import language, normalize
from index.models import Chunk
from index.normalize import tokens


@dataclass(frozen=True)
class Cues:
    """The wording cues of one text."""

    negated: bool
    hedged: bool
    debunks: bool
    doubts: bool  # someone questions or denies the story ("denied", "could not be verified")
    times: frozenset[tuple[str, int]]
    quantities: tuple[Quantity, ...]


@lru_cache(maxsize=50_000)
def cues_of(text: str, lang: str) -> Cues:
    """The cues of a text in a language."""
    lg, norm = language(lang), normalize(text)
    return Cues(
        lg.negated(norm), lg.hedged(norm), lg.debunked(norm), lg.doubted(norm),
        frozenset(lg.times(norm)), tuple(quantities(text)),
    )  # fmt: skip


def passage_cues(chunk: Chunk, claim_lang: str) -> Cues:
    """A passage's cues, read in the claim's language where the article gives a translation
    (figures from both: a translation may spell a number the original writes in digits)."""
    own = cues_of(chunk.text, chunk.lang)
    if chunk.lang == claim_lang or not chunk.translation:
        return own
    tr = cues_of(chunk.translation, claim_lang)
    return Cues(
        own.negated or tr.negated, own.hedged or tr.hedged, own.debunks or tr.debunks,
        own.doubts or tr.doubts, own.times | tr.times, own.quantities + tr.quantities,
    )  # fmt: skip


def negates(text: str, lang: str, content: tuple[str, ...], window: int = 6) -> bool:
    """Whether a negation in the text falls on the claim's own words ("did not take part in the
    vote" against "voted"): one of them within `window` words after it."""
    lg, words = language(lang), normalize(text).split()
    wanted = set(content)
    return any(
        lg.negated(w) and wanted & set(tokens(" ".join(words[i + 1 : i + 1 + window])))
        for i, w in enumerate(words)
    )


def denies(chunk: Chunk, cues: Cues) -> bool:
    """Whether a passage denies: attributed as a denial and worded as one (a negation, a doubt
    or a debunking word), so that no verdict rests on a role alone."""
    return chunk.role == "denial" and (cues.negated or cues.doubts or cues.debunks)


def time_conflict(claimed: frozenset[tuple[str, int]], given: frozenset[tuple[str, int]]) -> bool:
    """The claim says "this year" where the passage says "last year" (same unit, other offset)."""
    units = {u for u, _ in claimed} & {u for u, _ in given}
    return any(
        {o for u2, o in claimed if u2 == u}.isdisjoint({o for u2, o in given if u2 == u})
        for u in units
    )


@lru_cache(maxsize=4)
def _opposites(lang: str) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    pairs = language(lang).lexicon.OPPOSITES
    return tuple((frozenset(tokens(a)), frozenset(tokens(b))) for a, b in pairs)


def opposed(content: tuple[str, ...], have: set[str], lang: str) -> str | None:
    """The claim word a passage says the opposite of ("rose" where it says "fell"): the
    passage has a word of the opposite side and none of the claim's own side."""
    claim = set(content)
    for a, b in _opposites(lang):
        for mine, other in ((a, b), (b, a)):
            said = claim & mine
            if said and not have & mine and have & other:
                return min(said)
    return None
