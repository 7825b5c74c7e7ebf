"""Ranking retrieved passages for a question: dense similarity and weighted word coverage."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answer.question import Question
from assistant.attribution import speaks
from assistant.config import AnswerSettings
from index.lexical import LexicalIndex
from index.retriever import Hit


@dataclass(frozen=True)
class Scored:
    """A hit with the share of the question it covers and its final ranking score."""

    hit: Hit
    coverage: float | None
    score: float


def coverage(weights: dict[str, float], chunk_tokens: set[str]) -> float:
    """Weighted share of the question's tokens that a chunk contains."""
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in chunk_tokens) / total if total else 0.0


def score_hits(
    q: Question, hits: list[Hit], lex: LexicalIndex, cfg: AnswerSettings
) -> list[Scored]:
    """Rank hits by dense similarity and question coverage (coverage only where comparable)."""
    weights = {t: lex.idf(t) for t in set(q.tokens)}
    who = q.about_speaker
    out = []
    for h in hits:
        comparable = h.chunk.readable_in(q.lang) and bool(weights)
        cov = coverage(weights, lex.token_set(h.chunk.chunk_id)) if comparable else None
        mix = cfg.dense_share
        score = h.dense if cov is None else mix * h.dense + (1 - mix) * cov
        if who and speaks(who, [h.chunk]):
            score += cfg.speaker_bonus  # "what did X say": X's own statements first
        if q.asked_role and h.chunk.role == q.asked_role:
            score += cfg.role_bonus  # "who accused/denied...": passages in that role first
        if h.chunk.headline:
            score -= cfg.headline_penalty
        out.append(Scored(h, cov, score))
    return sorted(out, key=lambda s: -s.score)


def select(ranked: list[Scored], cfg: AnswerSettings) -> list[Scored]:
    """The best passage, plus close runners-up."""
    best = ranked[0].score
    return [s for s in ranked[: cfg.max_citations] if s.score >= best * cfg.runner_up_ratio]
