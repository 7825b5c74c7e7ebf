"""Reported-speech cues in one sentence: the speech verb, its class and its subject.

Arabic puts the subject after the verb (VSO), English before it (SVO) or after "according to";
the word lists are in ``index.language``. Written by hand: no library parses reported speech in
Arabic news, and a tagger's model would have to ship in a PyPI package.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.language import arabic as ar
from index.language import english as en
from index.language.script import normalize

_TOKEN = re.compile(r"\S+")
_PUNCT_END = re.compile(r"[،,:;؛.!?؟\"'»”)\]]+$")
_PUNCT_START = re.compile(r"^[\"'«“(\[]+")
ROLE_OF = {ar.REPORT: "report", ar.ACCUSE: "accusation", ar.DENY: "denial"}


@dataclass
class Tok:
    raw: str  # as written, punctuation stripped
    norm: str  # normalised, punctuation stripped
    ends_clause: bool  # followed by a comma, colon or full stop


def split_words(text: str) -> list[Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        raw = _PUNCT_START.sub("", m.group())
        core = _PUNCT_END.sub("", raw)
        out.append(Tok(core, normalize(core), core != raw))
    return out


def en_verb_kind(tok: Tok, prev: Tok | None) -> str | None:
    """The speech-verb class of an English token, given the token before it."""
    return en.verb_kind(tok.norm, prev.norm if prev else None)


def _join(toks: Sequence[Tok]) -> str | None:
    name = " ".join(t.raw for t in toks).strip()
    return name or None


def ar_subject(toks: list[Tok], i: int, charge: bool = False) -> str | None:
    """The noun phrase after an Arabic verb (VSO order); with `charge`, "اتهم X Y بـZ" stops at
    the ب that introduces the charge."""
    got: list[Tok] = []
    for k, t in enumerate(toks[i:], start=i):
        n = t.norm
        if charge and got and n.startswith("ب") and len(n) > 3:
            # "اتهم النائب سليم الحداد البلدية بإخفاء": the definite noun just before the
            # charge is the accused, not the end of the accuser's (title + name) phrase.
            if len(got) >= 3 and got[-1].norm.startswith("ال"):
                got.pop()
            break
        # "ل" + noun in construct with a definite noun ("لحزب العمال") starts the object.
        nxt = toks[k + 1].norm if k + 1 < len(toks) else ""
        if got and n.startswith("ل") and not n.startswith("ال") and nxt.startswith("ال"):
            break
        if (
            not n
            or n in ar.SUBJECT_STOP
            or n.startswith(("بال", "لل", "وال", "فال", "كال"))
            or ar.NEGATION.match(n)
            or n.isdigit()
            or len(got) == 5
        ):
            break
        got.append(t)
        if t.ends_clause:
            break
    return _join(got)


def _en_subject_before(toks: list[Tok], i: int) -> str | None:
    """The noun phrase before an English verb (SVO order)."""
    j = i - 1
    while j >= 0 and toks[j].norm in en.AUX:
        j -= 1
    if j >= 0 and toks[j].ends_clause:
        j = _before_apposition(toks, j)
    got: list[Tok] = []
    if j >= 0 and toks[j].ends_clause:
        got.append(toks[j])  # the name closing "Name, the role," keeps its comma
        j -= 1
    while j >= 0 and len(got) < 6:
        t = toks[j]
        if t.ends_clause or t.norm in en.SUBJECT_STOP:
            break
        got.insert(0, t)
        j -= 1
    return _join(got)


def _before_apposition(toks: list[Tok], j: int) -> int:
    """For "Bluewake Lines, the ferry operator, denied": the index of "Lines," (else -1)."""
    for k in range(j - 1, max(-1, j - 9), -1):
        if toks[k].ends_clause:
            opener = toks[k + 1].norm
            relative = opener in ("who", "which", "whose")  # "The mayor, who ..., said"
            named = opener in en.APPOSITION_OPENERS and toks[k].raw[:1].isupper()
            return k if relative or named else -1
    return -1


def _en_subject_after(toks: list[Tok], i: int) -> str | None:
    """The name after 'according to' or a postposed 'said X'."""
    got: list[Tok] = []
    for t in toks[i:]:
        if t.norm in en.SUBJECT_STOP or len(got) == 6:
            break
        got.append(t)
        if t.ends_clause:
            break
    return _join(got)


def en_proper_name(toks: list[Tok], i: int) -> str:
    """The capitalised name around toks[i] ("Center for Countering Digital Hate")."""
    a = i
    while a > 0 and toks[a - 1].raw[:1].isupper() and not toks[a - 1].ends_clause:
        a -= 1
    b = i
    while b + 1 < len(toks) and not toks[b].ends_clause:
        nxt = toks[b + 1]
        if nxt.raw[:1].isupper() or (
            nxt.norm in ("for", "of", "and") and b + 2 < len(toks) and toks[b + 2].raw[:1].isupper()
        ):
            b += 1
        else:
            break
    words = [t.raw for t in toks[a : b + 1]]
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


@dataclass
class Cue:
    kind: str
    speaker: str | None
    rest: list[Tok]  # the clause the cue introduces


def first_cue_ar(toks: list[Tok]) -> Cue | None:
    for i, t in enumerate(toks):
        if ar.ACCORDING.match(t.norm):
            j = i + 2 if t.norm.endswith(("وفقا", "وفق", "نقلا")) and i + 1 < len(toks) else i + 1
            if t.norm.endswith(("وفقا", "وفق", "نقلا")):
                j = i + 1  # "وفقا لـX": the name carries the ل
            return Cue(ar.REPORT, ar_subject(toks, j), toks[i + 1 :])
        base = ar.strip_conj(t.norm)
        if base in ar.NOUNS:
            noun = ar.NOUNS[base]
            for k in range(max(0, i - 5), i):  # "وجه X اتهامات"
                if ar.LIGHT_VERB.match(toks[k].norm):
                    return Cue(noun, _join(toks[k + 1 : i]), toks[i + 1 :])
            if i + 1 < len(toks) and ar.LIGHT_VERB.match(toks[i + 1].norm):
                return Cue(noun, ar_subject(toks, i + 2), toks[i + 2 :])
        kind = ar.verb_kind(t.norm)
        if kind is None:
            continue
        if base in ar.NEEDS_COMPLEMENT and not any(
            ar.COMPLEMENT.match(x.norm) for x in toks[i + 1 : i + 9]
        ):
            continue
        return Cue(kind, ar_subject(toks, i + 1, kind == ar.ACCUSE), toks[i + 1 :])
    return None


def first_cue_en(text: str, toks: list[Tok]) -> Cue | None:
    m = en.ACCORDING.search(text)
    acc_at = len(text[: m.start()].split()) if m else None
    for i, t in enumerate(toks):
        if acc_at is not None and i == acc_at:
            skip = len(m.group().split()) if m else 0
            return Cue(ar.REPORT, _en_subject_after(toks, i + skip), toks[i + skip :])
        if t.norm in en.NOUNS and i + 1 < len(toks) and toks[i + 1].norm == "by":
            return Cue(en.NOUNS[t.norm], _en_subject_after(toks, i + 2), toks[i + 2 :])
        kind = en_verb_kind(t, toks[i - 1] if i else None)
        if kind is None or (i and toks[i - 1].norm in en.PASSIVE_AUX):
            continue
        declines = " ".join(x.norm for x in toks[i : i + 3])
        if t.norm.startswith("declin") and not en.DECLINE_OBJECT.match(declines):
            continue
        subject = _en_subject_before(toks, i)
        quote_before = i > 0 and text.split()[i - 1][-1:] in "\"'”’"
        if subject is None and quote_before:
            subject = _en_subject_after(toks, i + 1)  # '"...," said X.'
        if subject and subject.lower() in en.PRONOUNS:
            subject = None
        return Cue(kind, subject, toks[i + 1 :])
    return None
