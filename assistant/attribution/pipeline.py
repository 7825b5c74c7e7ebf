"""Who says what: a speaker and a role for every sentence unit, from reported-speech patterns.

Rules over the cues in ``index.language`` (per language, never per article): the first cue of a
sentence names its speaker (the subject after an Arabic verb, before an English one, or after
"according to"/"بحسب"); the cue's class gives the role; neutral speech verbs take the role from
negation or from what the same speaker did before; subject-less cues and continuation openers
carry the previous speaker across sentences; "the newspaper"/"المركز" resolve to the entity
named earlier. No library does reported-speech attribution for Arabic, hence the hand rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.attribution.coref import Resolver
from assistant.attribution.cues import (
    ROLE_OF,
    Cue,
    Tok,
    en_verb_kind,
    first_cue_ar,
    first_cue_en,
    split_words,
)
from assistant.models import ARTICLE_SPEAKER
from index.language import arabic, language


@dataclass(frozen=True)
class Attribution:
    """Speaker and role of one unit."""

    speaker: str
    role: str
    mentions: tuple[str, ...] = ()  # names that "the center"/"المركز" in the unit stand for


def attribute(
    texts: Sequence[str], lang: str, headlines: Sequence[bool] | None = None
) -> list[Attribution]:
    """Attribute each sentence unit of one article, in order."""
    headlines = headlines or [False] * len(texts)
    res = Resolver(lang)
    out: list[Attribution] = []
    prev: Attribution | None = None
    for text, headline in zip(texts, headlines, strict=True):
        att = Attribution(ARTICLE_SPEAKER, "context")
        toks = split_words(text)
        if not headline and toks:
            cue = first_cue_ar(toks) if lang == "ar" else first_cue_en(text, toks)
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


def _role(cue: Cue, speaker: str, res: Resolver, lang: str) -> str:
    if cue.kind in ROLE_OF:
        return ROLE_OF[cue.kind]
    negated = language(lang).negated(" ".join(t.norm for t in cue.rest))
    before = res.role_of(speaker)
    if before == "report":
        return "report"  # a publication reporting a negative fact still reports
    if negated:
        return "denial"
    return before or "report"


def _continues(toks: list[Tok], lang: str) -> bool:
    # Arabic continues with one word ("وأضاف"), English with a pronoun and a verb ("He added").
    return bool(language(lang).lexicon.CONTINUATION.match(" ".join(t.norm for t in toks[:3])))


def verb_role(text: str, lang: str) -> str | None:
    """The role a question or claim's speech verb asks about ("who accused..." -> accusation)."""
    toks = split_words(text)
    for i, t in enumerate(toks):
        kind = (
            arabic.verb_kind(t.norm)
            if lang == "ar"
            else en_verb_kind(t, toks[i - 1] if i else None)
        )
        if kind in ROLE_OF:
            return ROLE_OF[kind]
    return None
