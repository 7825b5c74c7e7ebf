"""Arabic reported speech (VSO): "وقال X إن", "بحسب X", "وفق ما أشار إليه X", "مضيفا", "وكان X قال".

The subject follows the verb and ends at a complementiser, a preposition, a time word, a
relative pronoun or a comma; a verb followed directly by its complement ("وأضاف أن", "وقال :")
has no subject of its own (pro-drop) and continues the last speaker. A noun after a masculine
verb that cannot agree with it ("وانتقد قرارات الوزارة") is its object, not its subject.
"""

from __future__ import annotations

from assistant.attribution.cues import ACCORDING, Cue, span
from assistant.attribution.tokens import Tok
from index.language import arabic as ar

_MAX_NP = 6
_QUOTES = '"“”«»'
_KANA = frozenset({"كان", "وكان", "كانت", "وكانت"})
_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين"})
_DEFINITE = ("ال", "لل")  # a definite word, alone or after لـ ("للورق")


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


def _stops(toks: list[Tok], k: int, first: bool) -> bool:
    n = toks[k].norm
    if not n or n in ar.SUBJECT_STOP or ar.NEGATION.match(n) or n.isdigit():
        return True
    if ar.COMPLEMENT.match(n) or ar.verb_kind(n) or n in ar.PARTICIPLES:
        return True
    if n.startswith(("بال", "لل", "كال", "وال", "فال")):
        return not first or n.startswith(("بال", "لل", "كال"))
    if not first and n.startswith("ل") and not n.startswith("ال") and n not in ar.SOURCE_HEADS:
        # "لوكالة", "لصحيفة الرأي": whom one speaks to; "لجنة" is a word of its own
        nxt = toks[k + 1].norm if k + 1 < len(toks) else ""
        return n[1:] in ar.SOURCE_HEADS or n[1:] in ar.PUBLICATIONS or nxt.startswith("ال")
    return False


def subject_after(toks: list[Tok], i: int, charge: bool = False) -> list[Tok]:
    """The noun phrase that starts at i (after a verb or "بحسب"); with `charge` (a verb whose
    object comes with ب) it ends at the ب-word, and "اتهم X Y بـZ" before the accused Y."""
    got: list[Tok] = []
    quoted_name = i > 0 and any(q in toks[i - 1].after for q in _QUOTES)
    skip_to = i
    for k in range(i, min(len(toks), i + _MAX_NP)):
        if k < skip_to:
            continue
        t = toks[k]
        if got and "(" in t.before:
            if ")" in t.after:
                got.append(t)  # "هيئة المياه (WSA)": the short name the article gives it
            break
        if t.quoted and not quoted_name and not (got and _short_quote(toks, k)):
            break
        if t.quoted and not quoted_name:
            # a short quoted name ("صحيفة "الرصد الجديد""): all of it, then the phrase goes on
            close = next(m for m in range(k, len(toks)) if any(q in toks[m].after for q in _QUOTES))
            got.extend(toks[k : close + 1])
            skip_to = close + 1
            continue
        if _stops(toks, k, not got) and not _body_goes_on(got, t.norm):
            break
        # "قال سكان زيادة ...": the indefinite noun after them is the object; a plural nisba
        # qualifies them ("مسؤولون محليون").
        noun = not t.norm.startswith("ال") and not t.norm.endswith(("يون", "يين"))
        if got and len(got) == 1 and _indefinite_plural(got[0]) and noun:
            break
        if got and k + 1 < len(toks) and toks[k + 1].norm in ar.RESUMPTIVE:
            break  # "رسائل داخلية اطلعت عليها X": a verb of a relative clause ends the name
        spoken_of = ar.strip_conj(t.norm) in ar.SPOKEN_OF
        closed = _closed(got, t.norm) or (charge and _second_definite(got, t.norm))
        closed = closed or (bool(got) and _disagrees(got[-1].norm, t.norm)) or _new_body(got, t)
        if got and ((spoken_of and got[-1].norm.startswith(_DEFINITE)) or closed):
            break  # "نفت شركة مياه الوادي التقرير": the object, not more of the name
        if charge and got and t.norm.startswith("ب") and len(t.norm) > 3:
            # "اتهم النائب سليم الحداد البلدية بإخفاء", "اتهم سليم البلدية بإخفاء": البلدية, a
            # definite noun after the accuser's name, is the accused.
            named = len(got) == 2 and not ar.strip_conj(got[0].norm).startswith("ال")
            if (len(got) >= 3 or named) and got[-1].norm.startswith("ال"):
                got.pop()
            break
        got.append(t)
        if t.ends_clause or (quoted_name and any(q in t.after for q in _QUOTES)):
            break
    return _maker(toks, got)


def _maker(toks: list[Tok], got: list[Tok]) -> list[Tok]:
    """ "تقرير صادر عن منظمة العمل": who issued the document, as "a report by X" in English."""
    if len(got) < 2 or got[-1].ends_clause or ar.strip_conj(got[-1].norm) not in _ISSUED:
        return got
    k = toks.index(got[-1]) + 1
    if k + 1 < len(toks) and toks[k].norm == "عن":
        return subject_after(toks, k + 1) or got
    return got


_ISSUED = frozenset({"صادر", "صادره", "الصادر", "الصادره"})


def _short_quote(toks: list[Tok], k: int) -> bool:
    """Whether toks[k] is a quoted name of one to three words right after a word of the
    phrase ("منصة "تحقق"", "صحيفة «الرصد الجديد»"): part of the name, not a quotation."""
    if not any(q in toks[k].before for q in _QUOTES):
        return False  # only from the quotation's first word
    for m in range(k, min(len(toks), k + 3)):
        if any(q in toks[m].after for q in _QUOTES):
            return True
        if toks[m].ends_clause:
            return False
    return False


def _charged(toks: list[Tok], k: int) -> bool:
    """Whether toks[k] is the charge of an accusation ("بإخفاء", "بالفساد") right after the
    noun phrase that follows the verb: with nobody accused in between, the verb is the passive
    (اتُّهم) and that phrase names the accused."""
    return k < len(toks) and toks[k].norm.startswith("ب") and len(toks[k].norm) > 3


def _body_goes_on(got: list[Tok], norm: str) -> bool:
    """Whether a لل-word goes on with a body's name of two words or more ("شركة النور" +
    "للإسمنت"), rather than naming whom it speaks to ("للصحفيين")."""
    if len(got) < 2 or not norm.startswith("لل") or norm[2:] in ar.AUDIENCE:
        return False
    head = ar.strip_conj(got[0].norm)
    return (head[2:] if head.startswith("ال") else head) in ar.BODY_HEADS


def _closed(got: list[Tok], norm: str) -> bool:
    """Whether a construct phrase ("شركة مياه الوادي") has ended and `norm` cannot qualify it:
    the phrase opens indefinite and ends definite, and `norm` is a definite noun that is not
    adjective-like."""
    if len(got) < 2 or ar.strip_conj(got[0].norm).startswith("ال"):
        return False
    return got[-1].norm.startswith(_DEFINITE) and _definite_noun(norm)


def _new_body(got: list[Tok], t: Tok) -> bool:
    """Whether an indefinite office or body word ("جمعية", "شركة") after a complete construct
    phrase ("وزارة المياه") starts another phrase, the object: "اتهمت وزارة المياه جمعية
    حماة النهر بـ". A name in apposition ("وزير الخارجية سامي") is no such word."""
    if len(got) < 2 or ar.strip_conj(got[0].norm).startswith("ال"):
        return False
    return got[-1].norm.startswith(_DEFINITE) and t.norm in ar.SOURCE_HEADS


def _disagrees(last: str, norm: str) -> bool:
    """Whether a definite masculine plural cannot qualify the definite singular before it
    ("دعت المنصة المستخدمين": an adjective agrees in number, so it is the object)."""
    plural = ("ين", "ون")
    definite = last.startswith("ال") and norm.startswith("ال")
    return definite and norm.endswith(plural) and not last.endswith((*plural, "ات"))


def _definite_noun(norm: str) -> bool:
    """A definite word that is not adjective-like: a nisba ("الدولية"), an elative ("الأوسط"),
    a participle ("المتحدة", "المستقيل") or a فاعل/فعيل form ("السابق", "الجديد") qualifies
    the noun before it instead of starting a new phrase."""
    if not norm.startswith("ال"):
        return False
    stem = norm[2:]
    bare = stem[:-1] if stem.endswith("ه") else stem
    nisba = stem.endswith(("ي", "يه", "يون", "يين", "يات"))
    elative = len(stem) == 4 and stem.startswith("ا")
    participle = stem.startswith(("مت", "مست", "من")) or (
        stem.startswith("م") and stem.endswith(("ه", "ون", "ين", "ات"))
    )
    pattern = len(bare) == 4 and (bare[1] == "ا" or bare[2] == "ي")  # فاعل، فعيل
    return not (nisba or elative or participle or pattern or bare in ("عام", "خاص"))


def _second_definite(got: list[Tok], norm: str) -> bool:
    """ "اتهمت المعارضة الحكومة", "اتهم الرئيس الفرنسي الشركة": after a definite noun (and its
    adjectives), a definite noun that cannot qualify it is the object of the accusation (a
    definite noun takes no complement)."""
    definite = all(ar.strip_conj(t.norm).startswith("ال") for t in got)
    return bool(got) and definite and _definite_noun(norm)  # "النائب سليم الحداد": a name


def _indefinite_plural(t: Tok) -> bool:
    n = ar.strip_conj(t.norm)
    return not n.startswith("ال") and n.endswith(("ون", "ين")) and len(n) > 4


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
    head = ar.strip_conj(np[0].norm)
    head = head[2:] if head.startswith("ال") else head
    opens_verb = not first.startswith(("ال", "وال")) and first not in ar.SUBJECT_STOP
    return np if opens_verb and head in ar.SOURCE_HEADS else []


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
        return [*np, *rest]
    # a relative clause: "الصفحة التي نشرت الخبر رفضت"
    if rest and rest[0].norm in _RELATIVES and len(rest) <= 6:
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
        if form is None or (i and toks[i - 1].norm in _RELATIVES):
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
        if np and kind == ar.ACCUSE and _charged(toks, toks.index(np[-1]) + 1):
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
    return sorted(
        out, key=lambda c: c.kind != ACCORDING or _quoting(text, c) or _in_complement(toks, c)
    )


def _in_complement(toks: list[Tok], c: Cue) -> bool:
    """Whether a complementiser ("أن", "إن") comes before the cue in its sentence."""
    return any(t.norm in _THAT for t in toks if t.end <= c.cue[0])


_THAT = frozenset({"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها"})


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
