"""English reported speech (SVO): "X said", '"...," said X', "according to X", "X, who..., said".

The subject is the noun phrase before the verb, across an inserted appositive or relative
clause; after a closing quote it may follow the verb. A phrase counts as a source only when it
is bounded on both sides and names someone: a proper name, or a head noun such as "officials" or
"the report" (`english.SOURCE_NOUNS`). Anything else leaves the unit to the article.
"""

from __future__ import annotations

import re

from assistant.attribution.agree import Agreement
from assistant.attribution.cues import ACCORDING, Cue, span
from assistant.attribution.english_clause import main_subject, subordinate_subject
from assistant.attribution.english_np import (
    anaphor,
    by_maker,
    names_source,
    np_after,
    subject_before,
)
from assistant.attribution.english_verbs import is_adverb, negated, passive, verb_at
from assistant.attribution.tokens import Tok
from index.language import english as en

__all__ = ["find", "verb_at"]
_QUOTE_CHARS = "\"”’'»"
_QUOTE_END = re.compile(r"[,?!][\"”’'»]+$")  # ',"' ending a quotation just before the cue


def find(toks: list[Tok], text: str) -> list[Cue]:
    """Every English cue outside quotations, in order."""
    out: list[Cue] = []
    for i, t in enumerate(toks):
        if t.quoted:
            continue
        if t.norm == "according" and i + 1 < len(toks) and toks[i + 1].norm == "to":
            np = by_maker(toks, np_after(toks, i + 2))
            if np and names_source(np):
                out.append(Cue(ACCORDING, (t.start, toks[i + 1].end), span(np)))
            continue
        if t.norm in en.NOUNS and i + 1 < len(toks) and toks[i + 1].norm == "by":
            np = np_after(toks, i + 2)  # "accusations by X that ..."
            if np and names_source(np):
                out.append(Cue(en.NOUNS[t.norm], (t.start, toks[i + 1].end), span(np)))
            continue
        kind = verb_at(toks, i)
        if kind is None or (en.VERB_BASE[t.norm] in en.SILENT_WHEN_NEGATED and negated(toks, i)):
            continue  # ... or "X did not respond to messages": nothing stated
        cue = (t.start, t.end)
        relative = i >= 2 and toks[i - 1].norm in ("who", "which") and toks[i - 2].ends_clause
        if kind == en.DENY and relative:
            # "Ortez, who denies any wrongdoing, did not appear": the opening name denies.
            np = main_subject(toks, i - 1)
            if np and np[-1] is toks[i - 2]:
                out.append(Cue(kind, cue, span(np)))
            continue
        nxt = toks[i + 1].norm if i + 1 < len(toks) and not t.ends_clause else ""
        by = nxt == "by"
        charged = nxt in en.CHARGED_WITH or by or passive(toks, i)
        if kind == en.ACCUSE and t.norm.endswith("ed") and charged:
            # "Firm accused of fraud": a participle whose subject is the one accused, never the
            # accuser; only "accused by X (of ...)" names who accuses.
            if by and (np := np_after(toks, i + 2)) and names_source(np):
                out.append(Cue(kind, cue, span(np)))
            continue
        if passive(toks, i):
            if i + 1 < len(toks) and toks[i + 1].norm == "by":
                np = np_after(toks, i + 2)
                if np and names_source(np):
                    out.append(Cue(kind, cue, span(np)))
            continue
        participle = t.norm.endswith("ing") and i > 0 and toks[i - 1].ends_clause
        if participle or (t.norm.endswith("ing") and i > 0 and toks[i - 1].norm == "by"):
            np = main_subject(toks, i)
            out.append(Cue(kind, cue, span(np)) if np else Cue(kind, cue, anaphor=True))
            continue
        j = i - 1
        while j > 0 and is_adverb(toks[j]) and not toks[j].ends_clause:
            j -= 1
        if j > 0 and toks[j].norm == "and" and not toks[j].ends_clause:
            np = main_subject(toks, i)  # "The council met on Friday and (later) pledged ..."
            if np:
                out.append(Cue(kind, cue, span(np)))
            elif toks[0].norm in en.ANAPHORS:  # "He spoke for an hour and said ..."
                pron = toks[0].norm
                out.append(Cue(kind, cue, anaphor=True, plural=pron == "they", pronoun=pron))
            continue
        closes = i > 0 and _QUOTE_END.search(toks[i - 1].after) is not None
        np = [] if closes else subject_before(toks, i)  # '"...," said X': X comes after
        if not np and i > 0 and any(q in toks[i - 1].after for q in _QUOTE_CHARS):
            np = np_after(toks, i + 1)  # '"...," said X'
        if anaphor(np):
            pron, at = np[0].norm, toks.index(np[0])
            # "X did not ..., though he said", "Although X did not ..., it said"
            own = main_subject(toks, at) or subordinate_subject(toks, at)
            if own and Agreement().fits(pron, " ".join(x.raw for x in own)):
                out.append(Cue(kind, cue, span(own)))
            else:
                out.append(Cue(kind, cue, anaphor=True, plural=pron == "they", pronoun=pron))
        elif np and names_source(np, np[0] is toks[0]):
            out.append(Cue(kind, cue, span(np)))
    return _main_clause_first(toks, out)


def _main_clause_first(toks: list[Tok], cues: list[Cue]) -> list[Cue]:
    """Cues of an opening subordinate clause ("When X noted ..., Y boasted") after the others:
    the unit states what its main clause says."""
    if not toks or toks[0].norm not in en.SUBORDINATORS - {"as"}:
        return cues
    end = next((t.end for t in toks if t.ends_clause), toks[-1].end)
    return sorted(cues, key=lambda c: c.cue[0] < end)
