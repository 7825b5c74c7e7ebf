"""Arabic reported speech (VSO): "وقال X إن", "بحسب X", "وفق ما أشار إليه X", "مضيفا", "وكان X قال".

The subject follows the verb and ends at a complementiser, a preposition, a time word, a
relative pronoun or a comma; a verb followed directly by its complement ("وأضاف أن", "وقال :")
has no subject of its own (pro-drop) and continues the last speaker. A noun after a masculine
verb that cannot agree with it ("وانتقد قرارات الوزارة") is its object, not its subject.
"""

from __future__ import annotations

from assistant.attribution.arabic_np import charged, subject_after
from assistant.attribution.cues import ACCORDING, Cue, span
from assistant.attribution.tokens import Tok
from index.language import arabic as ar

_KANA = frozenset({"كان", "وكان", "كانت", "وكانت"})


def verb_at(toks: list[Tok], i: int) -> str | None:
    """The speech-verb class of toks[i], or None."""
    return ar.verb_kind(toks[i].norm)


def _feminine_word(norm: str) -> bool:
    return norm.endswith(("ه", "ات")) and len(norm) > 3


def _verb_form(norm: str) -> tuple[str, str] | None:
    """(class, person) of a speech verb: person 'm', 'f' or 'p' (plural)."""
    kind = ar.verb_kind(norm)
    if kind is None:
        return None
    base = ar.strip_conj(norm)
    if base.endswith(("وا", "ون")) or (base.endswith("ا") and not base.endswith("دعا")):
        return kind, "p"
    if base in ar.PRESENT:
        return kind, "f" if base.startswith("ت") else "m"
    stems = {s for stems in ar.VERBS.values() for s in stems}
    if base in ar.FEMININE_PAST or (base.endswith("ت") and base not in stems):
        return kind, "f"
    if base.startswith("ت") and base[1:] in stems:
        return kind, "f"
    return kind, "m"


def _agrees(person: str, np: list[Tok]) -> bool:
    """Whether a noun phrase can be the subject of a verb of this person."""
    head = ar.strip_conj(np[0].norm)
    return not (person == "m" and _feminine_word(head) and head not in ar.SOURCE_HEADS)


def _according(toks: list[Tok], i: int) -> Cue | None:
    t = toks[i]
    j = i + 1
    end = t.end
    while j < len(toks) and (
        toks[j].norm in ar.ACCORDING_FILLER - {"تقديرات", "تقدير"}
        or ar.verb_kind(toks[j].norm)
        or ar.verb_kind(_unsuffixed(toks[j].norm))  # "وفق ما أعلنه X"
        or toks[j].norm in ("اليه", "الي", "عن")
    ):
        end = toks[j].end
        j += 1  # "بحسب ما نقلت X", "وفق ما أشار إليه X", "نقلا عن X"
    np = subject_after(toks, j)
    if not np:
        return None
    where = span(np)
    if np[0].norm.startswith("ل") and not np[0].norm.startswith("ال"):
        where = (where[0] + 1, where[1])  # "وفقا لوكالة X": the source starts after the ل
    return Cue(ACCORDING, (t.start, end), where)


def _unsuffixed(norm: str) -> str:
    """A verb without the object pronoun glued to it ("اعلنه" -> "اعلن")."""
    for suffix in ("ها", "ه"):
        if norm.endswith(suffix) and len(norm) > len(suffix) + 2:
            return norm[: -len(suffix)]
    return norm


def _subject_before(toks: list[Tok], i: int) -> list[Tok]:
    """SVO after كان or a complementiser: "وكان X قال", "يذكر أن X الذي ... أكد" (after an
    opener of a contrast, `_after_opener`)."""
    for k in range(i - 1, max(-1, i - 12), -1):
        if toks[k].norm in _KANA or ar.COMPLEMENT.match(toks[k].norm):
            np = subject_after(toks, k + 1)
            if not np:
                return []
            gap = toks[toks.index(np[-1]) + 1 : i]
            relative = bool(gap) and gap[0].norm in ("الذي", "التي", "الذين")
            prepositional = len(gap) <= 4 and (not gap or gap[0].norm in ("في", "خلال", "منذ"))
            return np if relative or prepositional else []
        if ar.verb_kind(toks[k].norm) or toks[k].ends_clause:
            return []
    return []


def _opening_subject(toks: list[Tok], i: int) -> list[Tok]:
    """ "وكانت X قد أعادت نشر الصور ...، وكتبت أن", "تبنت جماعة "X" الهجوم ...، وزعمت أن": a
    verb later in a sentence opened by كان or another verb and its named subject (a body or
    office by its head word) goes on with that subject, not with the last speaker."""
    # ... after a short opening phrase set off by a comma ("في المقابل، تبنت ...")
    lead = next((k + 1 for k in range(min(3, i)) if toks[k].ends_clause), 0)
    if i < lead + 2 or toks[lead].ends_clause:
        return []
    first = toks[lead].norm
    np = subject_after(toks, lead + 1)
    if not np or toks.index(np[-1]) >= i - 1:
        return []
    if first in _KANA:
        return np
    head = ar.bare(np[0].norm)
    opens_verb = not first.startswith(("ال", "وال")) and first not in ar.SUBJECT_STOP
    # ... a body or office by its head word, as the later verb's gender and number allow
    # ("استقبل الوزير وفد النقابة ...، وقالت" is no minister's word)
    person = _verb_form(toks[i].norm)
    fits = person is not None and _same_gender(person[1], np)
    return np if opens_verb and fits and head in ar.SOURCE_HEADS and len(np) <= 4 else []


def _same_gender(person: str, np: list[Tok]) -> bool:
    """Whether a phrase's head has the gender of a verb's person (a plural verb: any)."""
    head = ar.strip_conj(np[0].norm)
    feminine = _feminine_word(head)
    return person == "p" or (person == "f") == feminine


def _after_opener(toks: list[Tok], i: int) -> list[Tok]:
    """The subject between an opener of a contrast ("غير أن", "لكن") and the verb at i, an
    apposition set off by commas allowed ("المتحدث باسم الجيش، العقيد فارس الهاشمي، نفى")."""
    opener = next((k for k in range(max(0, i - 12), i) if toks[k].norm in ar.SVO_OPENERS), None)
    if opener is None or toks[opener].ends_clause:
        return []
    start = opener + 1
    if start < i and ar.COMPLEMENT.match(toks[start].norm):
        start += 1  # "غير أن", "إلا أن"
    np = subject_after(toks, start)
    if not np:
        return []
    end = toks.index(np[-1])
    if end == i - 1:
        return np
    rest = toks[end + 1 : i]
    # an apposition: the phrase ends at a comma, the name runs to the comma before the verb
    if toks[end].ends_clause and rest and rest[-1].ends_clause and len(rest) <= 5:
        # a name in apposition is part of it; an aside ("، في تصريح لاحق،") is not
        return [*np, *rest] if rest[0].norm not in ar.SUBJECT_STOP else np
    # a relative clause: "الصفحة التي نشرت الخبر رفضت"
    if rest and rest[0].norm in ar.RELATIVES and len(rest) <= 6:
        return np
    return []


def _opens_clause(toks: list[Tok], i: int) -> bool:
    """A pro-drop verb starts its clause: first word, after و/ف or after a comma."""
    t = toks[i]
    return (
        i == 0
        or toks[i - 1].ends_clause
        or toks[i - 1].norm in ("و", "ف")
        or (t.norm[:1] in "وف" and ar.verb_kind(t.norm[1:]) is not None)
    )


def find(toks: list[Tok], text: str) -> list[Cue]:
    """Every Arabic cue outside quotations, in order."""
    out: list[Cue] = []
    passive = False
    for i, t in enumerate(toks):
        if t.quoted or ar.IMPERSONAL.match(t.norm):
            continue  # "يذكر أن ...": the article's own aside, not a cue
        if ar.ACCORDING.match(t.norm):
            according = _according(toks, i)
            if according:
                out.append(according)
            continue
        base = ar.strip_conj(t.norm)
        if base in ar.NOUNS:
            found = _light_verb(toks, i, ar.NOUNS[base])
            if found:
                out.append(found)
                continue
        if t.norm in ar.PARTICIPLES and passive:
            continue
        if t.norm in ar.PARTICIPLES:
            out.append(Cue(ar.PARTICIPLES[t.norm], (t.start, t.end), anaphor=True))
            continue
        form = _verb_form(t.norm)
        if form is None or (i and toks[i - 1].norm in ar.RELATIVES):
            continue  # ... or "الصفحة التي نشرت الخبر": a relative clause's verb
        kind, person = form
        cue = (toks[i - 1].start if i and toks[i - 1].norm in ("و", "ف") else t.start, t.end)
        charge = kind == ar.ACCUSE or base.startswith(ar.OBJECT_BI)
        # "غير أن وزير العمل، حسان البيطار، رفض أرقام التقرير": the subject before the verb,
        # and what follows the verb its object.
        svo = _after_opener(toks, i)
        if svo:
            out.append(Cue(kind, cue, span(svo), plural=person == "p"))
            continue
        np = [] if t.ends_clause else subject_after(toks, i + 1, charge)
        if np and kind == ar.ACCUSE and charged(toks, toks.index(np[-1]) + 1):
            # "واتُّهم الوزير بإخفاء ...": no one accused between; he is the accused. Whoever
            # a participle after it continues ("..., مشيرا إلى") is not known either.
            passive = True
            continue
        has_object = bool(np) and not _agrees(person, np)
        if has_object:
            np = []
        if base in ar.NEEDS_COMPLEMENT and not _has_complement(toks, i, np):
            continue
        if not np and not has_object:
            np = _subject_before(toks, i)
        if not np and not has_object and not out:
            np = _opening_subject(toks, i)
        if np:
            out.append(Cue(kind, cue, span(np), plural=person == "p"))
        elif _opens_clause(toks, i) and base not in ar.PRESENT:
            out.append(Cue(kind, cue, anaphor=True, plural=person == "p", close=has_object))
    # "دعت X ...، بحسب ما نقلت وكالة Y": the sentence is Y's report of what X did or said;
    # "وكتبت X نقلا عن Y" stays X's, who quotes Y.
    # Not inside what someone says: "وأكد أن المعدل ... وفق الأرقام الرسمية" stays his.
    return sorted(out, key=lambda c: not _reports_sentence(text, toks, c))


def _reports_sentence(text: str, toks: list[Tok], c: Cue) -> bool:
    """Whether an "according to" cue makes the whole sentence its source's report: it relays
    ("بحسب ما نقلت وكالة X") or names a source ("بحسب وزارة الصحة"), and is neither a quote
    of its own ("نقلا عن") nor inside what someone says ("وأكد أن ... وفق الأرقام الرسمية").
    "وفق الجدول الزمني" names no one."""
    if c.kind != ACCORDING or c.source is None or _quoting(text, c) or _in_complement(toks, c):
        return False
    relays = len(ar.normalize_arabic(text[c.cue[0] : c.cue[1]]).split()) > 1
    head = ar.bare(ar.normalize_arabic(text[c.source[0] : c.source[1]]).split()[0])
    return relays or head in ar.SOURCE_HEADS or head in ar.PUBLICATIONS


def _in_complement(toks: list[Tok], c: Cue) -> bool:
    """Whether a complementiser ("أن", "إن") comes before the cue in its sentence."""
    return any(t.norm in ar.THAT for t in toks if t.end <= c.cue[0])


def _quoting(text: str, c: Cue) -> bool:
    return ar.strip_conj(ar.normalize_arabic(text[c.cue[0] : c.cue[1]])).startswith("نقلا")


def _has_complement(toks: list[Tok], i: int, np: list[Tok]) -> bool:
    """أعلن X أن/عن/: — the verb reports speech only with a complement after its subject."""
    j = i + 1 + len(np)
    if ":" in toks[j - 1].after:
        return True
    for k in range(j, min(len(toks), j + 4)):
        if ar.COMPLEMENT.match(toks[k].norm):
            return True
        if toks[k].ends_clause:
            return False
    return False


def _light_verb(toks: list[Tok], i: int, kind: str) -> Cue | None:
    """ "وجه X اتهامات" / "اتهامات وجهها X"."""
    t = toks[i]
    for k in range(max(0, i - 5), i):  # "وجه X اتهامات"
        if ar.LIGHT_VERB.match(toks[k].norm) and k + 1 < i:
            return Cue(kind, (toks[k].start, t.end), span(toks[k + 1 : i]))
    if i + 1 < len(toks) and ar.LIGHT_VERB.match(toks[i + 1].norm):
        np = subject_after(toks, i + 2)
        if np:
            return Cue(kind, (t.start, toks[i + 1].end), span(np))
    return None
