"""Whether the retrieved passages answer a question at all.

Decided from general signals, never per article: how much of the question's weighted
vocabulary the best passages cover (when question and passage share a language), the dense
similarity (when they do not), and whether a party the question asks to have "said" something
speaks anywhere in the articles asked about.
"""

from __future__ import annotations

from assistant import messages
from assistant.answer.question import Question
from assistant.answer.rank import Scored
from assistant.attribution import speaks
from assistant.config import AnswerSettings
from assistant.models import Answer, Chunk, as_lang


def should_abstain(
    q: Question, ranked: list[Scored], scope: list[Chunk], cfg: AnswerSettings, min_dense: float
) -> bool:
    """True when the retrieved passages do not answer the question."""
    if not ranked:
        return True
    if q.asked_speaker and speaks(q.asked_speaker, scope) is False:
        return True
    # Each of the best passages is judged by what it allows: word coverage when it shares the
    # question's language, embedding similarity when it does not (no translation to compare).
    return not any(
        s.coverage >= cfg.min_coverage if s.coverage is not None else s.hit.dense >= min_dense
        for s in ranked[: cfg.abstain_window]
    )


def abstention(q: Question) -> Answer:
    """The Answer that says the articles do not answer."""
    return Answer(
        question=q.text,
        language=as_lang(q.lang),
        answer=messages.NOT_IN_ARTICLE[q.lang],
        abstained=True,
    )
