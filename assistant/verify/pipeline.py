"""The three verification steps in a row, from retrieved passages to the contract's Verdict."""

from __future__ import annotations

from assistant.config import VerifySettings
from assistant.models import Lang, Verdict
from assistant.verify.aggregate import aggregate
from assistant.verify.claim import analyse
from assistant.verify.stance import judge_all
from assistant.verify.verdict import build
from index.lexical import LexicalIndex
from index.retriever import Hit


def verify_claim(
    claim: str, lang: Lang, hits: list[Hit], lex: LexicalIndex, min_dense: float,
    cfg: VerifySettings,
) -> Verdict:  # fmt: skip
    """Analyse the claim, judge each passage, aggregate, and write the Verdict."""
    parsed = analyse(claim, lang, lex)
    judged = judge_all(parsed, hits, lex, min_dense, cfg)
    return build(claim, lang, aggregate(judged), judged, cfg.evidence_shown)
