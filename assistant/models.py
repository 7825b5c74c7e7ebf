"""Typed shapes that cross a boundary: units in the store, citations, answers (see CONTRACT.md)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from index.models import ARTICLE_SPEAKER, CHARGE_ROLES, ROLES, Chunk, DocInfo, Lang, Role, as_lang

__all__ = [
    "ARTICLE_SPEAKER",
    "CHARGE_ROLES",
    "ROLES",
    "Answer",
    "Chunk",
    "Citation",
    "DocInfo",
    "Evidence",
    "Lang",
    "Role",
    "Statement",
    "Verdict",
    "VoiceMap",
    "VoiceUnit",
    "as_lang",
]


class Citation(BaseModel):
    """A verbatim passage cited by an answer."""

    id: int
    doc_id: str
    chunk_id: str
    quote: str
    start: int
    end: int
    translation: str | None = None
    speaker: str
    role: Role
    score: float


class Statement(BaseModel):
    """One sentence of an answer, with who says it."""

    text: str
    citations: list[int]
    speaker: str
    role: Role


class Answer(BaseModel):
    """The answer to a question (`isnad ask --json`)."""

    question: str
    language: Lang
    answer: str
    abstained: bool
    statements: list[Statement] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    related: list[Citation] = Field(
        default_factory=list,
        description="when abstaining: the closest passages, shown as related but not an answer",
    )
    mode: Literal["extractive", "llm"] = "extractive"
    timings_ms: dict[str, float] = Field(default_factory=dict)
    notice: str | None = Field(None, description="why the LLM answer was not used, if it wasn't")
    guard: dict[str, Any] | None = Field(
        None, description="the citation guard's report on an LLM answer (removed statements)"
    )


Stance = Literal["supports", "refutes", "neutral"]
VerdictLabel = Literal["supported", "contradicted", "disputed", "not_enough_info"]


class Evidence(Citation):
    """A cited passage with its stance towards the claim."""

    stance: Stance


class Verdict(BaseModel):
    """The verdict on a claim (`isnad verify --json`)."""

    claim: str
    language: Lang
    verdict: VerdictLabel
    explanation: str
    confidence: float = Field(
        0.0, ge=0, le=1, description="how sure the verdict is (0-1, calibrated on the dev sets)"
    )
    evidence: list[Evidence] = Field(default_factory=list)
    mode: Literal["extractive", "llm"] = "extractive"
    timings_ms: dict[str, float] = Field(default_factory=dict)
    notice: str | None = None


class VoiceUnit(BaseModel):
    """One unit of an article with who states it and how (`isnad attribute --json`)."""

    start: int
    end: int
    text: str = Field(description="source_text[start:end], verbatim")
    speaker: str = Field(description="who states it as the article names them, or 'article'")
    role: Role
    cue: tuple[int, int] | None = Field(None, description="[start, end) of the reporting cue")
    source: tuple[int, int] | None = Field(
        None,
        description="[start, end) of the phrase naming the speaker (its antecedent for "
        "a pronoun or a pro-drop verb)",
    )


class VoiceMap(BaseModel):
    """An article's voice map: every unit, in order, with its speaker and role."""

    doc_id: str
    language: Lang
    units: list[VoiceUnit] = Field(default_factory=list)
