"""The extractive answer steps in a row: rank the retrieved passages, abstain or compose."""

from __future__ import annotations

from assistant.answer.abstain import abstention, should_abstain
from assistant.answer.compose import compose
from assistant.answer.question import Question
from assistant.answer.rank import Scored, score_hits, select
from assistant.config import AnswerSettings
from assistant.models import Answer
from index.lexical import LexicalIndex
from index.retriever import Hit


def answer_question(
    q: Question, hits: list[Hit], lex: LexicalIndex, doc_ids: list[str] | None,
    cfg: AnswerSettings, min_dense: float,
) -> tuple[Answer, list[Scored]]:  # fmt: skip
    """The extractive Answer (abstained or composed) and the ranked passages it came from."""
    ranked = score_hits(q, hits, lex, cfg)
    if should_abstain(q, ranked, lex.chunks_of(doc_ids), cfg, min_dense):
        return abstention(q), ranked
    return compose(q, select(ranked, cfg)), ranked
