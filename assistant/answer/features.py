"""Passage features for ranking and abstention: dense similarity, weighted and root-level word
coverage, whether the passage offers the expected kind of answer, shared numbers and names
(across scripts too). Who speaks a passage is not learned here (the dev sets have no such
signal): rank.py adds it as a rule. One row per retrieved passage; the names in FEATURES
are the columns the learned weights (assistant/data/answer_model.json) refer to."""

from __future__ import annotations

import math
import re
from itertools import pairwise

import numpy as np

from assistant.answer.chargrams import similarities
from assistant.answer.morph import latin_names, root, skeleton
from assistant.answer.question import Question
from assistant.answer.spans import has_type, numbers, offers
from index.language import language, normalize
from index.lexical import LexicalIndex
from index.retriever import Hit

FEATURES: tuple[str, ...] = (
    "dense", "dense_gap", "dense_rank", "coverage", "coverage_gap", "root_coverage",
    "bm25", "new_content", "offers_type", "lacks_type", "shared_numbers", "shared_names",
    "headline", "first", "length", "bigrams", "doc_coverage",
    "rare_found", "dense_lift", "dense_rtl", "literal", "window", "chars",
)  # fmt: skip
_WINDOW = 8  # tokens: how close together the question's words should sit in a passage


def coverage(weights: dict[str, float], have: set[str]) -> float:
    """Weighted share of the question's tokens (or cores) that a passage contains."""
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in have) / total if total else 0.0


def _bigrams(toks: list[str] | tuple[str, ...]) -> set[tuple[str, str]]:
    return set(pairwise(toks))


def _rarest_missing(root_weights: dict[str, float], have: set[str], top: float) -> float:
    """How rare (idf / the largest possible) the rarest question word missing here is."""
    cores = {root(t) for t in have}
    return max((w for r, w in root_weights.items() if r not in cores), default=0.0) / top


def _window(asked: set[str], toks: list[str]) -> float:
    """The largest share of the question's tokens found within any _WINDOW consecutive tokens
    of the passage (words that answer together sit together)."""
    pos = [i for i, t in enumerate(toks) if t in asked]
    best = max((len({toks[j] for j in pos if i <= j < i + _WINDOW}) for i in pos), default=0)
    return best / len(asked) if asked else 0.0


def _passage_skeletons(text: str) -> set[str]:
    words = latin_names(text) + [w for w in re.findall(r"\w+", normalize(text)) if not w.isascii()]
    return {skeleton(w) for w in words}


def featurize(q: Question, hits: list[Hit], lex: LexicalIndex) -> tuple[np.ndarray, np.ndarray]:
    """(features, comparable): a row per hit, and whether its words compare with the question's."""
    weights = {t: lex.idf(t) for t in set(q.tokens)}
    root_weights: dict[str, float] = {}
    for t, w in weights.items():
        r = root(t)
        root_weights[r] = max(root_weights.get(r, 0.0), w)
    qset = set(q.tokens)
    best_dense = max((h.dense for h in hits), default=0.0)
    mean_dense = sum(h.dense for h in hits) / len(hits) if hits else 0.0
    dense_order = {id(h): i for i, h in enumerate(sorted(hits, key=lambda h: -h.dense))}
    best_lex = max((h.lexical for h in hits), default=0.0) or 1.0
    comparable = np.array([h.chunk.readable_in(q.lang) and bool(weights) for h in hits])
    covs = [
        coverage(weights, lex.token_set(h.chunk.chunk_id)) if ok else 0.0
        for h, ok in zip(hits, comparable, strict=True)
    ]
    best_cov = max(covs, default=0.0)
    kind = q.answer_type
    q_pairs = _bigrams(q.tokens)
    top_idf = lex.max_idf + 1.0
    # Letters shared with the question, among the passages whose words compare with it.
    texts = [h.chunk.text if h.chunk.lang == q.lang else (h.chunk.translation or "") for h in hits]
    chars = similarities(q.search_text, texts)
    rows = []
    for h, ok, cov, char in zip(hits, comparable, covs, chars, strict=True):
        c = h.chunk
        have = lex.token_set(c.chunk_id)
        text = c.text + (" " + c.translation if c.translation else "")
        offered = offers(kind, c.text, language(c.lang), q.search_text) if has_type(kind) else 0.0
        if c.translation and not offered and has_type(kind):
            offered = offers(kind, c.translation, language(language(c.lang).other), q.search_text)
        names = q.skeletons & _passage_skeletons(text) if q.skeletons else set()
        rows.append([
            h.dense,
            h.dense - best_dense,
            1.0 / (1 + dense_order[id(h)]),
            cov,
            cov - best_cov if ok else 0.0,
            coverage(root_weights, {root(t) for t in have}) if ok else 0.0,
            h.lexical / best_lex,
            len(have - qset) / len(have) if ok and have else 0.0,
            offered,
            float(has_type(kind) and not offered),
            float(bool(q.numbers & numbers(text))),
            len(names) / len(q.skeletons) if q.skeletons else 0.0,
            float(c.headline),
            float(c.index == 0),
            math.log1p(len(c.text)) / 6,
            len(q_pairs & _bigrams(lex.token_list(c.chunk_id))) / len(q_pairs)
            if ok and q_pairs else 0.0,
            coverage(weights, lex.doc_vocabulary(c.doc_id)) if ok else 0.0,
            1 - _rarest_missing(root_weights, have, top_idf) if ok else 0.0,
            h.dense - mean_dense,
            h.dense if language(c.lang).rtl else 0.0,  # the embedder's scale differs by script
            # Words written alike across languages (a Latin name or figure inside Arabic text).
            0.0 if ok else coverage(weights, have),
            _window(qset, lex.token_list(c.chunk_id)) if ok else 0.0,
            char if ok else 0.0,
        ])  # fmt: skip
    return np.array(rows, dtype=np.float64).reshape(len(hits), len(FEATURES)), comparable
