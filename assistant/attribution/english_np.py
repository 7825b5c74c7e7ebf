"""English noun phrases that name a source: the subject before a verb, the phrase after
"according to" or '"...," said', across an inserted appositive or relative clause.

A phrase counts as a source only when it is bounded on both sides and names someone: a proper
name, or a head noun such as "officials" or "the report" (`english.SOURCE_NOUNS`).
"""

from __future__ import annotations

from assistant.attribution.english_verbs import is_adverb, verb_at
from assistant.attribution.tokens import Tok
from index.language import english as en

MAX_NP = 8


def _hop(toks: list[Tok], j: int) -> int:
    """toks[j] ends with a comma: skip inserted phrases ("X, the role, said"); the index where
    the subject ends, or -1."""
    for _ in range(3):
        k = j - 1
        while k >= 0 and not toks[k].ends_clause and j - k < 16:
            k -= 1
        if k < 0 or toks[k].quoted:
            return j  # the segment reaches the sentence start: it is the subject
        if j - k >= 16:
            return -1
        opener = toks[k + 1]
        inserted = opener.norm in en.APPOSITION_OPENERS or opener.raw.islower()
        inserted |= opener.raw.endswith(("'s", "’s"))  # "China, Beijing's ally, said"
        inserted |= j == k + 1 and opener.norm.isdigit()  # "Jo Smith, 25, said": an age
        inserted |= opener.norm in en.PARTIES  # "Jo Lee, Democrat of Ohio, said"
        inserted |= _role(toks[k + 1 : j + 1]) and toks[k].capitalised  # "Jo Lee, Ocean Science
        # researcher at X, said": a capitalised role after a name
        if not inserted:
            return j
        noun = toks[k].norm in en.SOURCE_NOUNS or toks[k].norm.rstrip("s") in en.SOURCE_NOUNS
        if not toks[k].capitalised and not noun:
            return -1  # ("Other unions, including X, said": a plural source noun is a subject)
        j = k
    return -1


def _role(segment: list[Tok]) -> bool:
    """A person's role, up to an attached phrase ("Marine Biology researcher at X")."""
    cut = next((m for m, t in enumerate(segment) if m and t.norm in en.ATTACHING), len(segment))
    return cut > 0 and segment[cut - 1].norm in en.PERSON_NOUNS


def subject_before(toks: list[Tok], i: int) -> list[Tok]:
    """The noun phrase before the verb at i (empty when there is none)."""
    j = i - 1
    while j >= 0 and is_adverb(toks[j]) and not toks[j].ends_clause:
        j -= 1
    if (
        j > 0
        and time_word(toks[j])
        and toks[j - 1].norm in ("on", "in")
        and not toks[j].ends_clause
    ):
        j -= 2  # "X on Tuesday said", "a panel in 2001 found"
    elif j > 0 and toks[j].norm in ("on", "in") and time_word(toks[j + 1]):
        j -= 1  # ... the day already passed over as an adverb ("X Monday said")
    elif j > 1 and toks[j].norm in en.TIME_UNITS and toks[j - 1].norm in en.TIME_OPENERS:
        j -= 2  # "officials last week said"
    if j > 0 and ")" in toks[j].after:  # "Sen. Jo Smith (D-Ore.) said": the name before it
        opened = [m for m in range(j, max(0, j - 4), -1) if "(" in toks[m].before]
        j = opened[0] - 1 if opened else j
    if j < 0 or toks[j].quoted:
        return []
    if toks[j].ends_clause:
        j = _hop(toks, j)
        if j < 0:
            return []
    got, k = _collect_left(toks, j)
    if not names_source(got) and not anaphor(got):
        rel = next((m for m in range(k, max(0, k - 10), -1) if toks[m].norm in en.RELATIVES), 0)
        pp = _before_relative(toks, rel) if rel else _with_attachment(toks, j)
        if pp:
            return pp  # "officials who asked not to be named said", "experts on X said"
    rel = k > 0 and toks[k].norm in ("who", "which") and not toks[k].ends_clause
    if rel and (toks[k].norm == "who" or not names_source(got)):
        return _before_relative(toks, k)  # "officials who asked not to be named said"
    reduced = k >= 2 and toks[k].norm in en.PREPOSITIONS and not toks[k - 1].ends_clause
    # ... its object a name, a date or a determined phrase ("in May", "by the agency"; in
    # "a man saved from bear attack", "attack" is a noun)
    named = any(t.capitalised or time_word(t) for t in got)  # "in late August", "in Science"
    reduced = reduced and bool(got) and (named or got[0].norm in en.DETERMINERS)
    if reduced and toks[k].norm == "by" and _work_before(toks, k):
        # "an investigation by the Chronicle has found", "figures published by the trust
        # showed": who made the finding speaks through it.
        return _untimed(got)
    if reduced and en.PARTICIPLE_OPENERS.match(toks[k - 1].norm):
        if toks[k - 2].norm in en.RELATIVES:  # "a study that appeared in a journal found"
            return _before_relative(toks, k - 2)
        got, k = _collect_left(toks, k - 2)  # "a poll released in May found"
    if k >= 1 and toks[k].norm in ("and", "or") and not toks[k - 1].capitalised:
        for m in range(k - 1, max(-1, k - 4), -1):  # "to local and national leaders shows"
            if toks[m].norm in en.PREPOSITIONS:
                return []
    opens = toks[k].norm == "as" and (k == 0 or toks[k - 1].ends_clause) if k >= 0 else False
    if k >= 0 and toks[k].norm in en.PREPOSITIONS and not toks[k].ends_clause and not opens:
        # "to local leaders shows": an object, not the subject, unless a relative clause ends
        # there ("a study that appeared in a journal found")
        rel = next((m for m in range(k, max(0, k - 10), -1) if toks[m].norm in en.RELATIVES), 0)
        return _before_relative(toks, rel) if rel else _with_attachment(toks, j)
    return got


def _work_before(toks: list[Tok], k: int) -> bool:
    """Whether "by" at k follows a finding or a document ("a study by", "data released by")."""
    m = k - 1
    if m >= 1 and toks[m].raw.islower() and toks[m].norm in en.WORK_MAKERS:
        m -= 1  # "figures published by" (not "a study funded by": the funder did not say it)
    return m >= 0 and not toks[m].ends_clause and toks[m].norm in en.DOCUMENTS


def by_maker(toks: list[Tok], np: list[Tok]) -> list[Tok]:
    """ "according to a report by X": X, who made the document, rather than "a report"."""
    if not np or np[-1].ends_clause:
        return np
    k = toks.index(np[-1]) + 1
    if k + 1 < len(toks) and toks[k].norm == "by" and np[-1].norm in en.DOCUMENTS:
        maker = _untimed(np_after(toks, k + 1))
        return maker or np
    return np


def _untimed(got: list[Tok]) -> list[Tok]:
    """A phrase without the time words closing it ("the trust last year" -> "the trust")."""
    time = en.TIME_UNITS | en.TIME_OPENERS
    while len(got) > 1 and (time_word(got[-1]) or got[-1].norm in time):
        got = got[:-1]
    return got if names_source(got) else []


def _with_attachment(toks: list[Tok], j: int) -> list[Tok]:
    """A subject whose head comes with a prepositional phrase, from the clause start to j:
    "Experts on trade and farm policy said", "Residents in the north and east say"."""
    s = j
    while s > 0 and not toks[s - 1].ends_clause and not toks[s - 1].quoted and j - s < 12:
        s -= 1
    if s > 0 and not toks[s - 1].ends_clause and not toks[s - 1].quoted:
        return []  # no clause start within reach
    p = next((m for m in range(s + 1, j) if toks[m].norm in en.ATTACHING), None)
    if p is None or toks[s].norm in en.SUBJECT_STOP:
        return []
    head = toks[s:p]
    tail = toks[p : j + 1]
    if any(t.norm in en.RELATIVES or _verbal(toks, m) for m, t in enumerate(toks[s : j + 1], s)):
        return []
    if not names_source(head) or any(t.norm in en.PRONOUNS for t in tail):
        return []
    return toks[s : j + 1]


def _verbal(toks: list[Tok], m: int) -> bool:
    t = toks[m]
    return verb_at(toks, m) is not None or (t.raw.islower() and t.norm in en.AUX)


def _before_relative(toks: list[Tok], r: int) -> list[Tok]:
    """The noun phrase a relative clause opening at r belongs to, if it names a source and
    the clause has its own verb first ("a panel that all agreed ...": the cue is the clause's)."""
    if any(t.ends_clause or t.quoted for t in toks[r - 1 : r]) or r + 1 >= len(toks):
        return []
    opener = toks[r + 1]
    if not opener.raw.islower() or opener.norm in en.DETERMINERS | en.QUANTIFIERS:
        return []
    got, k = _collect_left(toks, r - 1)
    inside = [t for t in got if t.norm in en.PREPOSITIONS - {"of"} or t.norm.endswith("ing")]
    if inside or (k >= 0 and toks[k].norm in en.PREPOSITIONS and toks[k].norm != "of"):
        return []  # "Writing for a panel that ...": no subject
    return got if names_source(got) else []


def time_word(t: Tok) -> bool:
    return t.norm in en.TIME_WORDS or (len(t.norm) == 4 and t.norm.isdigit())


def _collect_left(toks: list[Tok], j: int) -> tuple[list[Tok], int]:
    """The noun phrase ending at j, and the index of the word that ended it (or -1)."""
    got = [toks[j]]
    k = j - 1
    while k >= 0:
        t = toks[k]
        if t.ends_clause or t.quoted or verb_at(toks, k) or "(" in got[0].before:
            break  # ... or "(her campaign later said": the phrase opens a parenthesis
        if t.norm in en.POSSESSIVES:
            got.insert(0, t)  # "its chairman": the phrase starts here, its owner read before
            break  # (k stays on it: what comes before "its" does not make an object of it)
        if (t.norm in en.SUBJECT_STOP or t.norm in en.OBJECT_OPENERS) and not _joins_names(toks, k):
            break
        if len(got) == MAX_NP:
            return [], k  # no boundary in sight: "... a clip for Jo Lee's new Radio show"
        got.insert(0, t)
        k -= 1
    return got, k


def _joins_names(toks: list[Tok], k: int) -> bool:
    """'and'/'of'/'for' inside a name: "Grassley and Leahy", "Center for Public Research"."""
    t = toks[k]
    if t.norm not in ("and", "of", "for", "at") or k == 0 or k + 1 >= len(toks):
        return False
    return toks[k - 1].capitalised and toks[k + 1].capitalised and not toks[k - 1].ends_clause


def np_after(toks: list[Tok], i: int) -> list[Tok]:
    """The noun phrase starting at i ("according to X", '"...," said X')."""
    got: list[Tok] = []
    for k in range(i, min(len(toks), i + MAX_NP)):
        t = toks[k]
        if t.quoted or verb_at(toks, k) or (got and "(" in t.before):
            break  # ... or "Sen. Jo Smith (D-Ore.)": the name ends before the parenthesis
        if t.norm in en.SUBJECT_STOP and not (got and _joins_names(toks, k)):
            break
        if got and t.norm == "of" and k + 1 < len(toks) and toks[k + 1].norm.endswith("ing"):
            break  # "accused by residents of ignoring ...": the charge, not the name
        if got and _participle_by(toks, k):
            break  # "internal messages seen by X": the phrase ends before its participle
        got.append(t)
        if t.ends_clause:
            break
    while got and (got[-1].norm in en.SUBJECT_STOP or got[-1].norm in en.NOT_SOURCES):
        got.pop()
    return got


_IRREGULAR_PARTICIPLES = frozenset("made held sent read told found heard kept".split())


def _participle_by(toks: list[Tok], k: int) -> bool:
    """A lower-case participle followed by "by" ("seen by", "obtained by", "made by")."""
    t = toks[k]
    participle = t.norm.endswith(("ed", "en", "wn")) or t.norm in _IRREGULAR_PARTICIPLES
    return t.raw.islower() and participle and k + 1 < len(toks) and toks[k + 1].norm == "by"


def names_source(np: list[Tok], sentence_start: bool = False) -> bool:
    """Whether a noun phrase names someone: a proper name or a source noun as its head, the
    head coming last or before an attached phrase ("experts on trade and farm policy")."""
    p = next((m for m, t in enumerate(np) if m and t.norm in en.ATTACHING), None)
    if p is not None and len(np) <= 12 and not any(_figure(t) for t in np):
        head = np[p - 1].norm
        common = head in en.SOURCE_NOUNS or head.rstrip("s") in en.SOURCE_NOUNS
        if common and _names(np[:p], sentence_start):
            return True
    return len(np) <= MAX_NP and _names(np, sentence_start)


def _names(np: list[Tok], sentence_start: bool) -> bool:
    words = [t for t in np if t.norm not in ("the", "a", "an")]
    if not words:
        return False
    if words[0].norm in en.POSSESSIVES and len(words) > 1 and _common(words[-1]):
        return True  # "her campaign", "his lawyers": whose is read from the sentences before
    if any(t.norm.replace("’", "'").split("'")[0] in en.PRONOUNS for t in words):
        return False  # "he", "I've"
    if any(_figure(t) for t in words):
        return False  # "60 percent of residents", "12 towns": a figure ("a 2014 study" names)
    head = words[-1]
    named_number = head.capitalised and len(words) > 1 and words[-2].capitalised  # "Channel Nine"
    if _year(head) or (en.NUMBER_WORD.match(head.norm) and not named_number):
        return False  # "a 2014 [study]", "Twenty [states]": not the head
    if head.norm in en.SOURCE_NOUNS or head.norm.rstrip("s") in en.SOURCE_NOUNS:
        return True
    surname = len(words) > 1 and words[-2].capitalised and head.norm in en.TIME_WORDS
    if not head.capitalised or (head.norm in en.NOT_SOURCES and not surname):
        return False  # ("Theresa May": a month word after a first name is a surname)
    first_word = sentence_start and head is np[0] and len(words) == 1
    return not (first_word and head.norm in en.SUBJECT_STOP)


def _common(t: Tok) -> bool:
    return t.norm in en.SOURCE_NOUNS or t.norm.rstrip("s") in en.SOURCE_NOUNS


def _figure(t: Tok) -> bool:
    return t.norm in en.FIGURES or (t.norm[:1].isdigit() and not _year(t))


def _year(t: Tok) -> bool:
    return len(t.norm) == 4 and t.norm.isdigit() and t.norm[:2] in ("19", "20")


def anaphor(np: list[Tok]) -> bool:
    return len(np) == 1 and np[0].norm in en.ANAPHORS
