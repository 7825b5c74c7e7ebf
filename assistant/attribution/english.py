"""English reported speech (SVO): "X said", '"...," said X', "according to X", "X, who..., said".

The subject is the noun phrase before the verb, across an inserted appositive or relative
clause; after a closing quote it may follow the verb. A phrase counts as a source only when it
is bounded on both sides and names someone: a proper name, or a head noun such as "officials" or
"the report" (`english.SOURCE_NOUNS`). Anything else leaves the unit to the article.
"""

from __future__ import annotations

from assistant.attribution.cues import ACCORDING, Cue, span
from assistant.attribution.tokens import Tok
from index.language import english as en

_MAX_NP = 8
_QUOTE_CHARS = "\"”’'»"


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
    if base in en.NEEDS_PARTICLE:
        nxt = toks[i + 1].norm if i + 1 < len(toks) else ""
        if nxt not in en.NEEDS_PARTICLE[base]:
            return None
    if base == "tell" and i + 1 < len(toks) and toks[i + 1].norm in ("me", "us"):
        return None  # "tell me ...": an imperative, inside speech
    if base == "decline" and not en.DECLINE_OBJECT.match(" ".join(x.norm for x in toks[i : i + 3])):
        return None
    return kind


def _ing_is_verb(toks: list[Tok], i: int) -> bool:
    """An -ing form is a verb after a comma ("..., saying"), "by", or a progressive auxiliary."""
    if i == 0:
        return False
    prev = toks[i - 1]
    j = i - 1
    while j > 0 and _is_adverb(toks[j]) and toks[j].norm not in en.PROGRESSIVE:
        j -= 1
    return prev.ends_clause or prev.norm == "by" or toks[j].norm in en.PROGRESSIVE


def _passive(toks: list[Tok], i: int) -> bool:
    j = i - 1
    while j >= 0 and toks[j].norm.endswith("ly") and not toks[j].ends_clause:
        j -= 1
    return j >= 0 and toks[j].norm in en.PASSIVE_AUX and not toks[j].ends_clause


def _is_adverb(t: Tok) -> bool:
    return t.norm in en.AUX or (t.raw.islower() and t.norm.endswith("ly") and len(t.norm) > 4)


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
        if not inserted:
            return j
        if not toks[k].capitalised and toks[k].norm not in en.SOURCE_NOUNS:
            return -1
        j = k
    return -1


def subject_before(toks: list[Tok], i: int) -> list[Tok]:
    """The noun phrase before the verb at i (empty when there is none)."""
    j = i - 1
    while j >= 0 and _is_adverb(toks[j]) and not toks[j].ends_clause:
        j -= 1
    if j >= 0 and toks[j].norm in en.AUX and j > 0 and toks[j - 1].norm == "on":
        j -= 2  # "X on Tuesday said"
    if j < 0 or toks[j].quoted:
        return []
    if toks[j].ends_clause:
        j = _hop(toks, j)
        if j < 0:
            return []
    got, k = _collect_left(toks, j)
    reduced = k >= 2 and toks[k].norm in en.PREPOSITIONS and not toks[k - 1].ends_clause
    if reduced and en.PARTICIPLE_OPENERS.match(toks[k - 1].norm):
        got, k = _collect_left(toks, k - 2)  # "a poll released in May found"
    if k >= 1 and toks[k].norm in ("and", "or") and not toks[k - 1].capitalised:
        for m in range(k - 1, max(-1, k - 4), -1):  # "to local and national leaders shows"
            if toks[m].norm in en.PREPOSITIONS:
                return []
    if k >= 0 and toks[k].norm in en.PREPOSITIONS and not toks[k].ends_clause:
        return []  # "to local leaders shows", "by the paper suggest": an object, not the subject
    return got


def _collect_left(toks: list[Tok], j: int) -> tuple[list[Tok], int]:
    """The noun phrase ending at j, and the index of the word that ended it (or -1)."""
    got = [toks[j]]
    k = j - 1
    while k >= 0 and len(got) < _MAX_NP:
        t = toks[k]
        if t.ends_clause or t.quoted or verb_at(toks, k):
            break
        if t.norm in en.SUBJECT_STOP and not _joins_names(toks, k):
            break
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
    for k in range(i, min(len(toks), i + _MAX_NP)):
        t = toks[k]
        if t.quoted or verb_at(toks, k):
            break
        if t.norm in en.SUBJECT_STOP and not (got and _joins_names(toks, k)):
            break
        got.append(t)
        if t.ends_clause:
            break
    while got and (got[-1].norm in en.SUBJECT_STOP or got[-1].norm in en.NOT_SOURCES):
        got.pop()
    return got


def names_source(np: list[Tok], sentence_start: bool = False) -> bool:
    """Whether a noun phrase names someone: a proper name or a source noun as its head."""
    words = [t for t in np if t.norm not in ("the", "a", "an")]
    if not words or len(np) > _MAX_NP or any(t.norm in en.PRONOUNS for t in words):
        return False
    if any(t.norm in en.FIGURES or t.norm[:1].isdigit() for t in words):
        return False  # "60 percent of residents", "12 towns": a figure
    head = words[-1]
    if head.norm in en.SOURCE_NOUNS or head.norm.rstrip("s") in en.SOURCE_NOUNS:
        return True
    if not head.capitalised or head.norm in en.NOT_SOURCES or head.norm.isdigit():
        return False
    first_word = sentence_start and head is np[0] and len(words) == 1
    return not (first_word and head.norm in en.SUBJECT_STOP)


def _main_subject(toks: list[Tok], i: int) -> list[Tok]:
    """The subject of the clause a participle or pronoun continues ("X attacked Y, saying ...",
    "X did not ..., though he said"): the longest phrase at its start that names someone."""
    start = 0
    for k in range(min(i, 10)):
        if toks[k].ends_clause and toks[0].norm in en.SUBJECT_STOP | {"in", "on", "during"}:
            start = k + 1  # "In a statement, the ministry ..."
            break
    np: list[Tok] = []
    for t in toks[start:i]:
        if t.norm in en.SUBJECT_STOP or t.quoted or _is_adverb(t) or verb_at(toks, toks.index(t)):
            break
        np.append(t)
        if t.ends_clause:
            break
    for end in range(len(np), 0, -1):
        if names_source(np[:end], start == 0) and not np[end - 1].norm.endswith("ed"):
            return np[:end]
    return []


def _anaphor(np: list[Tok]) -> bool:
    return len(np) == 1 and np[0].norm in en.ANAPHORS


def find(toks: list[Tok], text: str) -> list[Cue]:
    """Every English cue outside quotations, in order."""
    out: list[Cue] = []
    for i, t in enumerate(toks):
        if t.quoted:
            continue
        if t.norm == "according" and i + 1 < len(toks) and toks[i + 1].norm == "to":
            np = np_after(toks, i + 2)
            if np and names_source(np):
                out.append(Cue(ACCORDING, (t.start, toks[i + 1].end), span(np)))
            continue
        if t.norm in en.NOUNS and i + 1 < len(toks) and toks[i + 1].norm == "by":
            np = np_after(toks, i + 2)  # "accusations by X that ..."
            if np and names_source(np):
                out.append(Cue(en.NOUNS[t.norm], (t.start, toks[i + 1].end), span(np)))
            continue
        kind = verb_at(toks, i)
        if kind is None:
            continue
        cue = (t.start, t.end)
        if _passive(toks, i):
            if i + 1 < len(toks) and toks[i + 1].norm == "by":
                np = np_after(toks, i + 2)
                if np and names_source(np):
                    out.append(Cue(kind, cue, span(np)))
            continue
        participle = t.norm.endswith("ing") and i > 0 and toks[i - 1].ends_clause
        if participle or (t.norm.endswith("ing") and i > 0 and toks[i - 1].norm == "by"):
            np = _main_subject(toks, i)
            out.append(Cue(kind, cue, span(np)) if np else Cue(kind, cue, anaphor=True))
            continue
        np = subject_before(toks, i)
        if not np and i > 0 and any(q in toks[i - 1].after for q in _QUOTE_CHARS):
            np = np_after(toks, i + 1)  # '"...," said X'
        if _anaphor(np):
            own = _main_subject(toks, toks.index(np[0]))  # "X did not ..., though he said"
            if own:
                out.append(Cue(kind, cue, span(own)))
            else:
                out.append(Cue(kind, cue, anaphor=True, plural=np[0].norm == "they"))
        elif np and names_source(np, np[0] is toks[0]):
            out.append(Cue(kind, cue, span(np)))
    return out
