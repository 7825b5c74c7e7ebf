"""Whether the retrieved passages answer a question at all.

With learned weights (assistant/data/answer_model.json): a question-level logistic model over
the best passages' dense similarity, word and root coverage (same language) or shared names and
numbers (other language), against a threshold chosen on the dev sets for a stated false-abstain
rate. Without: word coverage when question and passage share a language, the dense similarity
when they do not. Either way a party the question asks to have "said" something must speak.
"""

from __future__ import annotations

import numpy as np

from assistant import messages
from assistant.answer.features import FEATURES
from assistant.answer.model import AnswerModel
from assistant.answer.question import Question
from assistant.answer.rank import Scored, feature_matrix
from assistant.attribution import speaks
from assistant.config import AnswerSettings
from assistant.models import Answer, Chunk, as_lang

_ROOTS = FEATURES.index("root_coverage")
_COVERAGE = FEATURES.index("coverage")
_LACKS = FEATURES.index("lacks_type")
_CHECKED = ("number", "time", "person", "place")
_ABOUT = 0.5  # of the best word coverage: a passage on the question's subject


def should_abstain(
    q: Question, ranked: list[Scored], scope: list[Chunk], cfg: AnswerSettings, min_dense: float,
    model: AnswerModel | None = None,
) -> bool:  # fmt: skip
    """True when the retrieved passages do not answer the question."""
    if not ranked:
        return True
    if q.asked_speaker and speaks(q.asked_speaker, scope, beside=True) is False:
        return True  # (a role the article sets beside a speaker's name is that speaker)
    if model is not None:
        X, comparable = feature_matrix(ranked)
        if comparable.all() and X[:, _ROOTS].max() < cfg.min_root_coverage:
            return True  # most of what the question asks about is nowhere in the passages
        if _only_touched(q, ranked, X, comparable):
            return True
        full = comparable & (X[:, _COVERAGE] >= cfg.answer_coverage) & (X[:, _LACKS] == 0)
        if full.any():
            # One passage in the question's language holds all of its words and the kind of
            # answer it asks for: that settles it whatever the embedding says (the learned
            # model leans on the dense similarity, whose scale belongs to one embedder).
            return False
        shift = cfg.abstain_shift
        if q.asked_role and ranked[0].hit.chunk.role == q.asked_role:
            shift -= cfg.role_shift  # the party answers in the role asked about, in its words
        return not model.answerable(X, comparable, shift)
    # Each of the best passages is judged by what it allows: word coverage when it shares the
    # question's language, embedding similarity when it does not (no translation to compare).
    return not any(
        s.coverage >= cfg.min_coverage if s.coverage is not None else s.hit.dense >= min_dense
        for s in ranked[: cfg.abstain_window]
    )


def _only_touched(q: Question, ranked: list[Scored], X: np.ndarray, comparable: np.ndarray) -> bool:
    """A question asking for a figure, a date, a person or a place whose passages (in its
    language) name what it asks about but hold no candidate of that kind: the article only
    touches the subject (it names an office, not its holder). Names are checked by capitals,
    so "who"/"where" only on passages in Latin script."""
    kind = q.answer_type
    if q.parts or not comparable.any() or kind not in _CHECKED:  # parts are judged one by one
        return False
    if (
        kind == "person"
        and q.asked_role
        and any(
            s.hit.chunk.role == q.asked_role for s, ok in zip(ranked, comparable, strict=True) if ok
        )
    ):
        return False  # "who accused ...": the accuser is the passage's speaker ("Critics")
    langs = {s.hit.chunk.lang for s, ok in zip(ranked, comparable, strict=True) if ok}
    if kind in ("person", "place") and langs != {"en"}:
        return False
    # On the subject in words or in their roots ("لقصف" for "القصف").
    cov = np.maximum(X[:, _COVERAGE], X[:, _ROOTS])
    about = comparable & (cov >= cov[comparable].max() * _ABOUT)  # the passages on the subject
    return bool((X[about, _LACKS] == 1).all())


def abstention(q: Question, related: list[Scored] | None = None) -> Answer:
    """The Answer that says the articles do not answer, with the closest passages as related."""
    from assistant.answer.compose import citation

    return Answer(
        question=q.text,
        language=as_lang(q.lang),
        answer=messages.NOT_IN_ARTICLE[q.lang],
        abstained=True,
        related=[citation(n, s.hit.chunk, s.answer_prob) for n, s in enumerate(related or [], 1)],
    )
