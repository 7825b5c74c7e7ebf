"""Ranking retrieved passages for a question: the learned weights over assistant.answer.features
(when a model ships for the embedder in use), else dense similarity and weighted coverage; then
who speaks the passage, as rules (the dev sets teach nothing about it)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from assistant.answer.features import FEATURES, coverage, featurize
from assistant.answer.model import AnswerModel
from assistant.answer.question import Question
from assistant.attribution import speaks
from assistant.config import AnswerSettings
from index.lexical import LexicalIndex
from index.retriever import Hit

_COVERAGE = FEATURES.index("coverage")
_ROOTS = FEATURES.index("root_coverage")
_MODE_LEAD = 1000.0
_DOC_LEAD = 100.0  # smaller than a mode's lead: the article is chosen within the leading kind


@dataclass(frozen=True)
class Scored:
    """A hit with the share of the question it covers, its ranking score and its features."""

    hit: Hit
    coverage: float | None
    score: float
    answer_prob: float = 0.0  # learned probability that the passage holds the answer
    features: tuple[float, ...] = ()
    comparable: bool = False


def _speaker_rules(q: Question, h: Hit, cfg: AnswerSettings) -> float:
    """What the question's parties and roles add: "what did X say" -> X's statements first;
    "who accused..." -> accusations first; "what is X accusing Y of" -> never Y's own words."""
    bonus = 0.0
    if q.about_speaker and speaks(q.about_speaker, [h.chunk]):
        bonus += cfg.speaker_bonus
    if q.asked_role and h.chunk.role == q.asked_role:
        bonus += cfg.role_bonus
    if q.patient and speaks(q.patient, [h.chunk]):
        bonus -= cfg.speaker_bonus  # who did what to whom: the accused's words are not the charge
    return bonus


def score_hits(
    q: Question, hits: list[Hit], lex: LexicalIndex, cfg: AnswerSettings,
    model: AnswerModel | None = None,
) -> list[Scored]:  # fmt: skip
    """Rank hits, best first."""
    if model is None:
        return _heuristic(q, hits, lex, cfg)
    X, comparable = featurize(q, hits, lex)
    rank = model.rank_scores(X, comparable)
    odds = model.answer_odds(X, comparable)
    if comparable.any() and not comparable.all():
        # Two models' ranking scores do not compare; their answer probabilities do: passages of
        # the kind (same / other language) holding the likeliest answer come first. A passage in
        # the question's language that lacks most of its words is no candidate, however close
        # its embedding (another article on another subject, in the question's language).
        words = comparable & (X[:, _ROOTS] >= cfg.mode_min_root_coverage)
        best_same = words.any() and odds[words].max() >= odds[~comparable].max()
        rank = rank + np.where(words if best_same else ~comparable, _MODE_LEAD, 0.0)
    docs = np.array([h.chunk.doc_id for h in hits])
    if len(set(docs)) > 1:
        # The pairwise scores order the passages of one article; across articles the answer
        # probabilities compare: the article holding the likeliest answer (of the leading kind)
        # comes first, its passages in their own order.
        lead = rank >= rank.max() - _MODE_LEAD / 2
        best_doc = docs[lead][int(np.argmax(odds[lead]))]
        rank = rank + np.where(docs == best_doc, _DOC_LEAD, 0.0)
    out = []
    for i, h in enumerate(hits):
        score = float(rank[i]) + cfg.rule_scale * _speaker_rules(q, h, cfg)
        if h.chunk.headline:
            score -= cfg.rule_scale * cfg.headline_penalty
        out.append(Scored(
            h, float(X[i, _COVERAGE]) if comparable[i] else None, score,
            1 / (1 + math.exp(-float(odds[i]))), tuple(float(v) for v in X[i]), bool(comparable[i]),
        ))  # fmt: skip
    return sorted(out, key=lambda s: -s.score)


def _heuristic(
    q: Question, hits: list[Hit], lex: LexicalIndex, cfg: AnswerSettings
) -> list[Scored]:
    """Dense similarity and weighted coverage, for an embedder without learned weights."""
    weights = {t: lex.idf(t) for t in set(q.tokens)}
    out = []
    for h in hits:
        comparable = h.chunk.readable_in(q.lang) and bool(weights)
        cov = coverage(weights, lex.token_set(h.chunk.chunk_id)) if comparable else None
        mix = cfg.dense_share
        score = h.dense if cov is None else mix * h.dense + (1 - mix) * cov
        score += _speaker_rules(q, h, cfg)
        if h.chunk.headline:
            score -= cfg.headline_penalty
        out.append(Scored(h, cov, score, score, comparable=comparable))
    return sorted(out, key=lambda s: -s.score)


def feature_matrix(ranked: list[Scored]) -> tuple[np.ndarray, np.ndarray]:
    """The features and comparability of ranked passages (as the model saw them)."""
    X = np.array([s.features for s in ranked], dtype=float).reshape(len(ranked), len(FEATURES))
    return X, np.array([s.comparable for s in ranked], dtype=bool)


def select(ranked: list[Scored], cfg: AnswerSettings, q: Question | None = None) -> list[Scored]:
    """The best passage, plus close runners-up (never the words of the party the question
    names as accused: "what is X accusing Y of" is not answered by Y's own charges)."""
    top = ranked[0]
    return [top] + [
        s for s in ranked[1 : cfg.max_citations]
        if s.answer_prob >= top.answer_prob * cfg.runner_up_ratio
        and s.comparable == top.comparable  # probabilities of the two modes are not one scale
        and not (q is not None and q.patient and speaks(q.patient, [s.hit.chunk]))
    ]  # fmt: skip
