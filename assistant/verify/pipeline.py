"""The verification steps in a row, from an article's passages to the contract's Verdict."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.config import VerifySettings
from assistant.models import Lang, Verdict
from assistant.verify.aggregate import decide
from assistant.verify.claim import Claim, analyse
from assistant.verify.denials import with_report_denials
from assistant.verify.features import features
from assistant.verify.matching import ArticleView
from assistant.verify.scope import Scope
from assistant.verify.stance import Judged, judge_all
from assistant.verify.verdict import build
from index.lexical import LexicalIndex
from index.retriever import Hit


@dataclass(frozen=True)
class Assessment:
    """Everything the verdict is decided from: the claim, judged passages and features."""

    claim: Claim
    judged: list[Judged]
    features: dict[str, float]


def assess(
    claim: str, lang: Lang, hits: list[Hit], lex: LexicalIndex, min_dense: float,
    cfg: VerifySettings,
) -> Assessment:  # fmt: skip
    """Analyse the claim, judge each passage and measure the features (steps 1 and 2)."""
    parsed = analyse(claim, lang)
    scopes: dict[str, Scope] = {}
    for doc_id in dict.fromkeys(h.chunk.doc_id for h in hits):
        view = ArticleView(lex.chunks_of([doc_id]), lex)
        scopes[doc_id] = Scope(parsed, view, view.weights(parsed.content), cfg)
    judged = with_report_denials(scopes, judge_all(scopes, hits, min_dense))
    home = scopes[hits[0].chunk.doc_id] if hits else Scope(parsed, ArticleView([], lex), {}, cfg)
    return Assessment(parsed, judged, features(home, hits, judged, min_dense))


def verify_claim(
    claim: str, lang: Lang, hits: list[Hit], lex: LexicalIndex, min_dense: float,
    cfg: VerifySettings,
) -> Verdict:  # fmt: skip
    """Assess the claim against its article's passages, decide, and write the Verdict."""
    a = assess(claim, lang, hits, lex, min_dense, cfg)
    decision = decide(a.claim, a.judged, a.features, cfg)
    return build(claim, lang, decision, a.judged, cfg.evidence_shown, cfg.supports)
