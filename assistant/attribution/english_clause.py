"""English clause subjects: whom a participle, a pronoun or a sentence is about.

"X attacked Y, saying ...", "X did not ..., though he said", "Although X ..., it said": the
phrase a clause opens with, if it names someone; and the named subject a sentence opens with,
which a pronoun in the sentences after it may stand for.
"""

from __future__ import annotations

from assistant.attribution.english_np import names_source, time_word
from assistant.attribution.english_verbs import is_adverb, verb_at
from assistant.attribution.tokens import Tok
from index.language import english as en


def main_subject(toks: list[Tok], i: int, start: int | None = None) -> list[Tok]:
    """The subject of the clause a participle or pronoun continues ("X attacked Y, saying ...",
    "X did not ..., though he said"): the longest phrase at its start that names someone."""
    if not toks:
        return []
    if start is None:
        start = 0
        intro = toks[0].norm in en.SUBJECT_STOP | {"in", "on", "during"}
        intro |= toks[0].norm.endswith("ing") and toks[0].capitalised  # "Following ..., X"
        for k in range(min(i, 10)):
            if toks[k].ends_clause and intro:
                start = k + 1  # "In a statement, the ministry ..."
                break
        while start < i - 1 and toks[start].norm in en.DISCOURSE and toks[start].ends_clause:
            start += 1  # "On Monday, however, the ministry ..."
    np: list[Tok] = []
    for k in range(start, i):
        t = toks[k]
        if t.norm in en.SUBJECT_STOP or t.quoted or is_adverb(t) or verb_at(toks, k):
            break
        if np and "(" in t.before:
            break  # "Sen. Jo Lee (D-Ore.)": the name ends before the parenthesis
        verbal = t.raw.islower() and (t.norm.endswith("ed") or t.norm in en.VERB_FORMS)
        if verbal and any(x.capitalised for x in np):
            break  # "the Association of Nurses called ...": the name ended before the verb
        np.append(t)
        if t.ends_clause:
            break
    for end in range(len(np), 0, -1):
        last = np[end - 1]
        nxt = toks[start + end] if start + end < len(toks) else None
        weak = (end == 1 and start == 0) or last.raw.islower()  # no name evidently ends here
        if nxt is not None and (_possessive(last) or (weak and _plural_noun(nxt))):
            continue  # "Oz's [show]", "Social [media users]": the phrase goes on
        if names_source(np[:end], start == 0) and not last.norm.endswith("ed"):
            return np[:end]
    return []


def _possessive(t: Tok) -> bool:
    return t.raw.endswith(("'s", "’s"))


def _plural_noun(t: Tok) -> bool:
    """A lower-case plural that no verb list knows ("users", "officials"): a noun."""
    known = t.norm in en.VERB_FORMS or t.norm in en.AUX or t.norm in en.SUBJECT_STOP
    return t.raw.islower() and t.norm.endswith("s") and not t.ends_clause and not known


def sentence_subject(toks: list[Tok]) -> list[Tok]:
    """The named subject a sentence opens with ("The IMF expects ...", "In May, Jo Smith won"),
    which a pronoun in the sentences after it may stand for."""
    np = main_subject(toks, len(toks))
    k = next((m for m, t in enumerate(toks) if np and t is np[-1]), len(toks)) + 1
    if not np or k >= len(toks):
        return []
    if toks[k].norm in ("on", "in") and k + 1 < len(toks) and time_word(toks[k + 1]):
        k += 2  # "The council on Friday voted"
    nxt = toks[min(k, len(toks) - 1)]
    if not nxt.raw.islower() or nxt.norm in en.PREPOSITIONS or nxt.norm in en.NOT_A_VERB:
        return []  # "Smith and Jones", "the head of": no verb follows
    return np


def subordinate_subject(toks: list[Tok], i: int) -> list[Tok]:
    """ "Although the fund did not ..., it said": the subject of an opening subordinate clause."""
    if len(toks) > 1 and toks[0].norm in en.SUBORDINATORS:
        return main_subject(toks, i, start=1)
    return []
