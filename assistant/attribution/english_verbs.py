"""English speech verbs: whether a word is used as a reporting verb, and its class.

A capitalised word is a name, a word after a determiner or a possessive is a noun ("the report",
"the mayor's claim"), and an -ing form is a verb only after a comma, "by" or a progressive
auxiliary.
"""

from __future__ import annotations

from assistant.attribution.tokens import Tok
from index.language import english as en


def verb_at(toks: list[Tok], i: int) -> str | None:
    """The speech-verb class of toks[i] used as a verb, or None."""
    t = toks[i]
    if t.quoted or not t.raw.islower():
        return None  # "the United States", "The Post": capitalised words are names
    prev = toks[i - 1] if i else None
    kind = en.verb_kind(t.norm, prev.norm if prev else None)
    if kind is None:
        return None
    if prev is not None and prev.raw.endswith(("'s", "’s")) and not prev.ends_clause:
        return None  # "the mayor's claim", "Editor's note": a noun
    if t.norm.endswith("ing") and not _ing_is_verb(toks, i):
        return None  # "further reporting by", "the closing": a noun
    base = en.VERB_BASE[t.norm]
    nxt = toks[i + 1].norm if i + 1 < len(toks) and not t.ends_clause else ""
    bare = base in en.NEEDS_PARTICLE and nxt not in en.NEEDS_PARTICLE[base]
    if bare and not (base == "call" and _names_as(toks, i)):
        return None  # "pointed" without "out", "called" without "for"/"X a Y"
    if base in en.NEEDS_AS and not _as_follows(toks, i):
        return None  # "saw the film"; "saw the comment as a dig" is a view
    if nxt in en.AWAY_PARTICLES and base not in en.NEEDS_PARTICLE:
        return None  # "backed out", "called off": another verb
    if nxt == "by" and t.norm.endswith("ed") and not passive(toks, i):
        return None  # "a coalition backed by X": a participle, not the unit's cue
    if base == "find" and nxt in en.REFLEXIVES:
        return None  # "they found themselves in ...": no finding
    if t.norm == "tell" and nxt in ("me", "us"):
        return None  # "tell me ...": an imperative, inside speech ("X told me" is a cue)
    if base == "decline" and not en.DECLINE_OBJECT.match(" ".join(x.norm for x in toks[i : i + 3])):
        return None
    return kind


def _as_follows(toks: list[Tok], i: int) -> bool:
    for k in range(i + 2, min(len(toks), i + 9)):
        if toks[k].norm == "as" and not toks[k - 1].ends_clause:
            return True
        if toks[k].ends_clause or toks[k].quoted:
            return False
    return False


def _names_as(toks: list[Tok], i: int) -> bool:
    """ "called Lee a liar", "called the plan “reckless”": call + object + what it is called."""
    if i + 2 >= len(toks) or toks[i + 1].norm in en.DETERMINERS or toks[i + 1].quoted:
        return False  # "called a meeting", "called for"
    for k in range(i + 2, min(len(toks), i + 7)):
        if toks[k].quoted or toks[k].norm in ("a", "an"):
            return True
        if toks[k - 1].ends_clause:
            return False
    return False


def _ing_is_verb(toks: list[Tok], i: int) -> bool:
    """An -ing form is a verb after a comma ("..., saying"), "by", or a progressive auxiliary."""
    if i == 0:
        return False
    prev = toks[i - 1]
    j = i - 1
    while j > 0 and is_adverb(toks[j]) and toks[j].norm not in en.PROGRESSIVE:
        j -= 1
    return prev.ends_clause or prev.norm == "by" or toks[j].norm in en.PROGRESSIVE


def passive(toks: list[Tok], i: int) -> bool:
    """Whether the verb at i is a passive ("was reported", "is not thought")."""
    j = i - 1
    while j >= 0 and (toks[j].norm.endswith("ly") or toks[j].norm in en.NEGATORS):
        if toks[j].ends_clause:
            break
        j -= 1
    return j >= 0 and toks[j].norm in en.PASSIVE_AUX and not toks[j].ends_clause


def negated(toks: list[Tok], i: int) -> bool:
    """Whether the verb at i is negated ("X did not respond")."""
    j = i - 1
    while j >= 0 and is_adverb(toks[j]) and not toks[j].ends_clause:
        if toks[j].norm in en.NEGATORS:
            return True
        j -= 1
    return False


def is_adverb(t: Tok) -> bool:
    if t.norm == "may" and t.capitalised:
        return False  # "Theresa May said": a name, not the modal
    return (
        t.norm in en.AUX
        or t.norm in en.NEGATORS
        or (t.raw.islower() and t.norm.endswith("ly") and len(t.norm) > 4)
    )
