"""Arabic noun phrases that name a source: the subject after a verb or "بحسب", ending at a
complementiser, a preposition, a time word, a relative pronoun, a comma, an object the verb
governs (a report noun, a definite noun after a complete construct phrase, an office or body
word starting another phrase) or, with a verb of accusing, at the charge ("بإخفاء")."""

from __future__ import annotations

from assistant.attribution.tokens import Tok
from index.language import arabic as ar

_MAX_NP = 6
_QUOTES = '"“”«»'
_DEFINITE = ("ال", "لل")  # a definite word, alone or after لـ ("للورق")


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
            ends = (m for m in range(k, len(toks)) if any(q in toks[m].after for q in _QUOTES))
            close = next(ends, k)
            got.extend(toks[k : close + 1])
            skip_to = close + 1
            if toks[close].ends_clause:
                break  # 'منصة "تحقق"، وهي منصة مستقلة': the name ends at its comma
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
    if len(got) < 2 or got[-1].ends_clause or ar.strip_conj(got[-1].norm) not in ar.ISSUED:
        return got
    k = toks.index(got[-1]) + 1
    if k + 1 < len(toks) and toks[k].norm == "عن":
        return subject_after(toks, k + 1) or got
    return got


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


def charged(toks: list[Tok], k: int) -> bool:
    """Whether toks[k] is the charge of an accusation ("بإخفاء", "بالفساد") right after the
    noun phrase that follows the verb: with nobody accused in between, the verb is the passive
    (اتُّهم) and that phrase names the accused."""
    return k < len(toks) and toks[k].norm.startswith("ب") and len(toks[k].norm) > 3


def _body_goes_on(got: list[Tok], norm: str) -> bool:
    """Whether a لل-word goes on with a body's name of two words or more ("شركة النور" +
    "للإسمنت"), rather than naming whom it speaks to ("للصحفيين")."""
    if len(got) < 2 or not norm.startswith("لل") or norm[2:] in ar.AUDIENCE:
        return False
    return ar.bare(got[0].norm) in ar.BODY_HEADS


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
