"""Who says what: a speaker and a role for every sentence unit, from reported-speech patterns.

Rules over the cues in ``speech_lexicon`` (per language, never per article): the first cue of a
sentence names its speaker (the subject after an Arabic verb, before an English one, or after
"according to"/"بحسب"); the cue's class gives the role; neutral speech verbs take the role from
negation or from what the same speaker did before; subject-less cues and continuation openers
carry the previous speaker across sentences; "the newspaper"/"المركز" resolve to the entity
named earlier. No library does reported-speech attribution for Arabic, hence the hand rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant import speech_lexicon as lx
from assistant.models import ARTICLE_SPEAKER
from index.normalize import normalize

_TOKEN = re.compile(r"\S+")
_PUNCT_END = re.compile(r"[،,:;؛.!?؟\"'»”)\]]+$")
_PUNCT_START = re.compile(r"^[\"'«“(\[]+")
_ROLE_OF = {lx.REPORT: "report", lx.ACCUSE: "accusation", lx.DENY: "denial"}


@dataclass(frozen=True)
class Attribution:
    """Speaker and role of one unit."""

    speaker: str
    role: str
    mentions: tuple[str, ...] = ()  # names that "the center"/"المركز" in the unit stand for


@dataclass
class _Tok:
    raw: str  # as written, punctuation stripped
    norm: str  # normalised, punctuation stripped
    ends_clause: bool  # followed by a comma, colon or full stop


def _tokens(text: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        raw = _PUNCT_START.sub("", m.group())
        core = _PUNCT_END.sub("", raw)
        out.append(_Tok(core, normalize(core), core != raw))
    return out


def _strip_conj(norm: str) -> str:
    return norm[1:] if len(norm) > 3 and norm[0] in "وف" else norm


def _ar_verb_kind(norm: str) -> str | None:
    base = _strip_conj(norm)
    for kind, stems in lx.AR_VERBS.items():
        for stem in stems:
            if any(base == stem + e for e in lx.AR_PAST_ENDINGS):
                return kind
            if any(base == p + stem for p in lx.AR_PRESENT_PREFIX):
                return kind
    return None


def _en_verb_kind(tok: _Tok, prev: _Tok | None) -> str | None:
    word = tok.norm
    if not word.isalpha() or (prev and prev.norm in _EN_DETERMINERS):
        return None
    for kind, stems in lx.EN_VERBS.items():
        for stem in stems:
            if word.startswith(stem) and word[len(stem) :] in ("", "s", "d", "ed", "es", "ing"):
                return kind
    return None


_EN_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "its",
        "his",
        "her",
        "their",
        "of",
        "in",
        "to",
        "on",
        "for",
        "our",
        "my",
        "your",
    ]
)


def _join(toks: Sequence[_Tok]) -> str | None:
    name = " ".join(t.raw for t in toks).strip()
    return name or None


def _ar_subject(toks: list[_Tok], i: int, charge: bool = False) -> str | None:
    """The noun phrase after an Arabic verb (VSO order); with `charge`, "اتهم X Y بـZ" stops at
    the ب that introduces the charge."""
    got: list[_Tok] = []
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
            or n in lx.AR_SUBJECT_STOP
            or n.startswith(("بال", "لل", "وال", "فال", "كال"))
            or lx.AR_NEGATION.match(n)
            or n.isdigit()
            or len(got) == 5
        ):
            break
        got.append(t)
        if t.ends_clause:
            break
    return _join(got)


def _en_subject_before(toks: list[_Tok], i: int) -> str | None:
    """The noun phrase before an English verb (SVO order)."""
    j = i - 1
    while j >= 0 and toks[j].norm in lx.EN_AUX:
        j -= 1
    if j >= 0 and toks[j].ends_clause:
        j = _before_apposition(toks, j)
    got: list[_Tok] = []
    if j >= 0 and toks[j].ends_clause:
        got.append(toks[j])  # the name closing "Name, the role," keeps its comma
        j -= 1
    while j >= 0 and len(got) < 6:
        t = toks[j]
        if t.ends_clause or t.norm in lx.EN_SUBJECT_STOP:
            break
        got.insert(0, t)
        j -= 1
    return _join(got)


def _before_apposition(toks: list[_Tok], j: int) -> int:
    """For "Bluewake Lines, the ferry operator, denied": the index of "Lines," (else -1)."""
    for k in range(j - 1, max(-1, j - 9), -1):
        if toks[k].ends_clause:
            opens = toks[k + 1].norm in _APPOSITION_OPENERS
            return k if opens and toks[k].raw[:1].isupper() else -1
    return -1


_APPOSITION_OPENERS = frozenset("the a an its his her their our".split())


def _en_subject_after(toks: list[_Tok], i: int) -> str | None:
    """The name after 'according to' or a postposed 'said X'."""
    got: list[_Tok] = []
    for t in toks[i:]:
        if t.norm in lx.EN_SUBJECT_STOP or len(got) == 6:
            break
        got.append(t)
        if t.ends_clause:
            break
    return _join(got)


def _en_proper_name(toks: list[_Tok], i: int) -> str:
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
class _Cue:
    kind: str
    speaker: str | None
    rest: list[_Tok]  # the clause the cue introduces


def _first_cue_ar(toks: list[_Tok]) -> _Cue | None:
    for i, t in enumerate(toks):
        if lx.AR_ACCORDING.match(t.norm):
            j = i + 2 if t.norm.endswith(("وفقا", "وفق", "نقلا")) and i + 1 < len(toks) else i + 1
            if t.norm.endswith(("وفقا", "وفق", "نقلا")):
                j = i + 1  # "وفقا لـX": the name carries the ل
            return _Cue(lx.REPORT, _ar_subject(toks, j), toks[i + 1 :])
        base = _strip_conj(t.norm)
        if base in lx.AR_NOUNS:
            noun = lx.AR_NOUNS[base]
            for k in range(max(0, i - 5), i):  # "وجه X اتهامات"
                if lx.AR_LIGHT_VERB.match(toks[k].norm):
                    return _Cue(noun, _join(toks[k + 1 : i]), toks[i + 1 :])
            if i + 1 < len(toks) and lx.AR_LIGHT_VERB.match(toks[i + 1].norm):
                return _Cue(noun, _ar_subject(toks, i + 2), toks[i + 2 :])
        kind = _ar_verb_kind(t.norm)
        if kind is None:
            continue
        if base in lx.AR_NEEDS_COMPLEMENT and not any(
            lx.AR_COMPLEMENT.match(x.norm) for x in toks[i + 1 : i + 9]
        ):
            continue
        return _Cue(kind, _ar_subject(toks, i + 1, kind == lx.ACCUSE), toks[i + 1 :])
    return None


def _first_cue_en(text: str, toks: list[_Tok]) -> _Cue | None:
    m = lx.EN_ACCORDING.search(text)
    acc_at = len(text[: m.start()].split()) if m else None
    for i, t in enumerate(toks):
        if acc_at is not None and i == acc_at:
            skip = len(m.group().split()) if m else 0
            return _Cue(lx.REPORT, _en_subject_after(toks, i + skip), toks[i + skip :])
        if t.norm in lx.EN_NOUNS and i + 1 < len(toks) and toks[i + 1].norm == "by":
            return _Cue(lx.EN_NOUNS[t.norm], _en_subject_after(toks, i + 2), toks[i + 2 :])
        kind = _en_verb_kind(t, toks[i - 1] if i else None)
        if kind is None or (i and toks[i - 1].norm in lx.EN_PASSIVE_AUX):
            continue
        declines = " ".join(x.norm for x in toks[i : i + 3])
        if t.norm.startswith("declin") and not lx.EN_DECLINE_OBJECT.match(declines):
            continue
        subject = _en_subject_before(toks, i)
        if subject is None and i > 0 and toks[i - 1].ends_clause:
            subject = _en_subject_after(toks, i + 1)  # '"...," said X.'
        if subject and subject.lower() in lx.EN_PRONOUNS:
            subject = None
        return _Cue(kind, subject, toks[i + 1 :])
    return None


def _key(name: str) -> str:
    words = [w for w in normalize(name).split() if w != "the"]
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words)


class _Resolver:
    """Resolves 'the newspaper' / 'المركز' to the entity the article named before."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.seen_text: list[str] = []
        self._seen_tokens: list[list[_Tok]] = []
        self.speakers: list[tuple[str, str]] = []  # (name, role), oldest first

    def _generic_head(self, name: str) -> str | None:
        words = normalize(name).split()
        if self.lang == "ar" or re.search(r"[\u0600-\u06FF]", name):
            head = words[0][2:] if words and words[0].startswith("ال") else None
            return head if head in lx.AR_GENERIC_HEADS or head in lx.AR_PUBLICATIONS else None
        if words and words[0] == "the":
            return next((w for w in words[1:4] if w in lx.EN_GENERIC_HEADS), None)
        return None

    def resolve(self, name: str) -> str:
        head = self._generic_head(name)
        if head is None:
            return self._resolve_inside(name)
        for prev, _ in reversed(self.speakers):
            if head in _key(prev).split() and _key(prev) != _key(name):
                return prev
        named = self._named_in_text(head)
        if named:
            return named
        if head in lx.AR_PUBLICATIONS or head in lx.EN_PUBLICATIONS:
            for prev, role in reversed(self.speakers):
                if role == "report":
                    return prev
        return name

    def _resolve_inside(self, name: str) -> str:
        """ "A spokesperson for the center" -> "A spokesperson for <the center's name>"."""
        words = name.split()
        for i in range(1, len(words)):
            tail = " ".join(words[i:])
            if self._generic_head(tail) is None:
                continue
            if words[i].lower() != "the" and not normalize(words[i]).startswith("ال"):
                # Arabic "باسم المركز": the definite noun follows a preposition-noun.
                continue
            resolved = self.resolve(tail)
            if resolved != tail:
                return " ".join([*words[:i], resolved])
        return name

    def see(self, text: str) -> None:
        """Record a unit as read, for later resolution."""
        self.seen_text.append(text)
        self._seen_tokens.append(_tokens(text))

    def mentions(self, toks: list[_Tok]) -> tuple[str, ...]:
        """Entities that the unit's generic definite phrases refer to."""
        found: list[str] = []
        for i, t in enumerate(toks):
            if t.norm == "the":
                phrase = " ".join(x.raw for x in toks[i : i + 3])
            else:
                base = t.norm[1:] if t.norm[:1] in "وبلف" and t.norm[1:3] == "ال" else t.norm
                if not base.startswith("ال") or base[2:] not in lx.AR_GENERIC_HEADS:
                    continue
                phrase = base
            if self._generic_head(phrase) is None:
                continue
            resolved = self.resolve(phrase)
            if resolved != phrase and resolved not in found:
                found.append(resolved)
        return tuple(found)

    def _named_in_text(self, head: str) -> str | None:
        for toks in self._seen_tokens:
            for i, t in enumerate(toks):
                if _strip_conj(t.norm) != head and t.norm != head:
                    continue
                if self.lang == "ar" or re.search(r"[\u0600-\u06FF]", t.raw):
                    if i + 1 < len(toks) and not t.ends_clause:
                        return _ar_subject(toks, i)
                elif t.raw[:1].isupper():
                    return _en_proper_name(toks, i)
        return None

    def role_of(self, name: str) -> str | None:
        for prev, role in reversed(self.speakers):
            if _key(prev) == _key(name) and role != "context":
                return role
        return None


def attribute(
    texts: Sequence[str], lang: str, headlines: Sequence[bool] | None = None
) -> list[Attribution]:
    """Attribute each sentence unit of one article, in order."""
    headlines = headlines or [False] * len(texts)
    res = _Resolver(lang)
    out: list[Attribution] = []
    prev: Attribution | None = None
    for text, headline in zip(texts, headlines, strict=True):
        att = Attribution(ARTICLE_SPEAKER, "context")
        toks = _tokens(text)
        if not headline and toks:
            cue = _first_cue_ar(toks) if lang == "ar" else _first_cue_en(text, toks)
            if cue is not None:
                speaker = res.resolve(cue.speaker) if cue.speaker else None
                if speaker is None and prev is not None and prev.speaker != ARTICLE_SPEAKER:
                    speaker = prev.speaker
                if speaker is not None:
                    att = Attribution(speaker, _role(cue, speaker, res, lang))
            elif prev is not None and prev.speaker != ARTICLE_SPEAKER and _continues(toks, lang):
                att = prev
        att = Attribution(att.speaker, att.role, res.mentions(toks))
        out.append(att)
        if att.speaker != ARTICLE_SPEAKER:
            res.speakers.append((att.speaker, att.role))
        res.see(text)
        prev = att if not headline else prev
    return out


def _role(cue: _Cue, speaker: str, res: _Resolver, lang: str) -> str:
    if cue.kind in _ROLE_OF:
        return _ROLE_OF[cue.kind]
    clause = " ".join(t.norm for t in cue.rest)
    negated = (
        any(lx.AR_NEGATION.match(t.norm) for t in cue.rest)
        if lang == "ar"
        else bool(lx.EN_NEGATION.search(clause))
    )
    before = res.role_of(speaker)
    if before == "report":
        return "report"  # a publication reporting a negative fact still reports
    if negated:
        return "denial"
    return before or "report"


def _continues(toks: list[_Tok], lang: str) -> bool:
    if lang == "ar":
        return bool(lx.AR_CONTINUATION.match(toks[0].norm))
    return bool(lx.EN_CONTINUATION.match(" ".join(t.norm for t in toks[:3])))


def verb_role(text: str, lang: str) -> str | None:
    """The role a question or claim's speech verb asks about ("who accused..." -> accusation)."""
    toks = _tokens(text)
    for i, t in enumerate(toks):
        kind = (
            _ar_verb_kind(t.norm) if lang == "ar" else _en_verb_kind(t, toks[i - 1] if i else None)
        )
        if kind in _ROLE_OF:
            return _ROLE_OF[kind]
    return None
