"""Extractive answers: pick the passages that answer, decide whether to abstain, compose the text.

Abstention is decided from general signals, never per article: how much of the question's
weighted vocabulary the best passages cover (when question and passage share a language), the
dense similarity (when they do not), and whether a person the question asks to have "said"
something speaks anywhere in the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant import messages
from assistant.attribution import verb_role
from assistant.config import RetrievalSettings
from assistant.models import ARTICLE_SPEAKER, Answer, Chunk, Citation, Lang, Statement
from index.normalize import detect_language, normalize, tokens
from index.retriever import Hit, LexicalIndex

# "What did X say", "ماذا قال X": questions about what someone said, answerable only if X speaks.
_SAID_EN = re.compile(
    r"\bwhat\s+(?:did|does|do|has|have|had)\s+(.+?)\s+(?:say|said|think|comment|tell|respond)\b"
    r"|\bwhat\s+(?:is|was)\s+(.+?)'s\s+(?:position|view|stance|response|reaction|comment)\b"
    r"|\bhow\s+did\s+(.+?)\s+(?:respond|react|comment)\b",
    re.IGNORECASE,
)
_SAID_AR = re.compile(
    r"(?:ماذا|ما الذي|بماذا|بم)\s+(?:قال|قالت|يقول|تقول|صرح|صرحت|علق|علقت|رد|ردت|اعلن|اعلنت)\s+"
    r"(.+?)(?:\s+(?:من|في|علي|عن|حول|بشان|تجاه)\s|$)"
    r"|ما\s+(?:هو\s+|هي\s+)?(?:موقف|راي|رد)\s+(.+?)(?:\s+(?:من|في|علي|حول|تجاه)\s|$)"
)


@dataclass(frozen=True)
class Scored:
    """A hit with the share of the question it covers and its final ranking score."""

    hit: Hit
    coverage: float | None
    score: float


def _coverage(q_weights: dict[str, float], unit_tokens: set[str]) -> float:
    total = sum(q_weights.values())
    return sum(w for t, w in q_weights.items() if t in unit_tokens) / total if total else 0.0


def readable_in(chunk: Chunk, lang: str) -> bool:
    """Whether a unit can be compared word for word in `lang`: its own text is in it, or it has
    a translation (an aligned or LLM rendering is always in the other language)."""
    return chunk.lang == lang or chunk.translation is not None


def score_hits(question: str, lang: str, hits: list[Hit], lex: LexicalIndex) -> list[Scored]:
    """Rank hits by dense similarity and question coverage (coverage only where comparable)."""
    q_tokens = set(tokens(question))
    weights = {t: lex.idf(t) for t in q_tokens}
    who = asked_speaker(question) or cited_source(question)
    asked_role = verb_role(question, lang)
    out = []
    for h in hits:
        comparable = readable_in(h.chunk, lang) and bool(weights)
        cov = _coverage(weights, lex.token_set(h.chunk.chunk_id)) if comparable else None
        score = 0.5 * h.dense + 0.5 * cov if cov is not None else h.dense
        if who and speaks(who, [h.chunk]):
            score += 0.1  # "what did X say": X's own statements first
        if asked_role and h.chunk.role == asked_role:
            score += 0.05  # "who accused/denied...": passages in that role first
        out.append(Scored(h, cov, score - (0.2 if h.chunk.headline else 0.0)))
    return sorted(out, key=lambda s: -s.score)


# "according to X" only orders the passages: X may be named differently in the article.
_ACCORDING = re.compile(
    r"\baccording\s+to\s+(.+?)\s*(?:[?,.]|$)|(?:بحسب|حسب|وفقا ل)\s*(.+?)(?:\s*[،,.]|$)",
    re.IGNORECASE,
)


def cited_source(question: str) -> str | None:
    """The party a question asks to hear from ("according to X"), if any."""
    m = _ACCORDING.search(re.sub(r"[؟?]", "", normalize(question)))
    return next((g for g in m.groups() if g), None) if m else None


def asked_speaker(question: str) -> str | None:
    """The party a "what did X say" question asks about, if any."""
    # The Arabic pattern is written in normalised letters (see index.normalize).
    m = _SAID_EN.search(question) or _SAID_AR.search(re.sub(r"[؟?]", "", normalize(question)))
    if not m:
        return None
    return next((g for g in m.groups() if g), None)


def speaks(name: str, chunks: list[Chunk]) -> bool | None:
    """Whether `name` is (part of) a speaker's name; None when no name is in its script."""
    wanted = set(tokens(name))
    script = detect_language(name)
    names = [
        n
        for c in chunks
        if c.speaker != ARTICLE_SPEAKER
        for n in (c.speaker, c.translation_speaker)
        if n and detect_language(n) == script
    ]
    if not wanted or not names:
        return None
    return any(wanted <= set(tokens(n)) for n in names)


def should_abstain(
    question: str,
    lang: str,
    ranked: list[Scored],
    chunks: list[Chunk],
    cfg: RetrievalSettings,
    min_dense: float,
) -> bool:
    """True when the retrieved passages do not answer the question."""
    if not ranked:
        return True
    who = asked_speaker(question)
    if who and speaks(who, chunks) is False:
        return True
    # Each of the best passages is judged by what it allows: word coverage when it shares the
    # question's language, embedding similarity when it does not (no translation to compare).
    return not any(
        s.coverage >= cfg.min_coverage if s.coverage is not None else s.hit.dense >= min_dense
        for s in ranked[:3]
    )


def select(ranked: list[Scored], limit: int = 2, ratio: float = 0.9) -> list[Scored]:
    """The best passage, plus close runners-up."""
    best = ranked[0].score
    return [s for s in ranked[:limit] if s.score >= best * ratio]


def _render(chunk: Chunk, lang: str) -> tuple[str, str]:
    """(text, speaker name) to show for a unit in the answer's language."""
    if chunk.lang != lang and chunk.translation:
        return chunk.translation, render_speaker(chunk, lang)
    return chunk.text, chunk.speaker


def render_speaker(chunk: Chunk, lang: str) -> str:
    """The speaker's name as the answer's language names it, when the article allows."""
    if chunk.lang != lang and chunk.translation_speaker:
        return chunk.translation_speaker
    return chunk.speaker


def compose(question: str, lang: str, chosen: list[Scored]) -> Answer:
    """The extractive Answer: one attributed statement per cited passage."""
    citations, statements = [], []
    for n, s in enumerate(chosen, start=1):
        c = s.hit.chunk
        citations.append(
            Citation(
                id=n, doc_id=c.doc_id, chunk_id=c.chunk_id, quote=c.text, start=c.start, end=c.end,
                translation=c.translation, speaker=c.speaker, role=c.role, score=round(s.score, 4),
            )
        )  # fmt: skip
        text, speaker = _render(c, lang)
        if c.speaker == ARTICLE_SPEAKER:
            line = messages.NARRATED[lang].format(text=text, marks=f"[{n}]")
        else:
            role = messages.ROLE_LABEL[lang][c.role]
            line = messages.ATTRIBUTED[lang].format(
                speaker=speaker, role=role, text=text, marks=f"[{n}]"
            )
        statements.append(Statement(text=line, citations=[n], speaker=c.speaker, role=c.role))
    return Answer(
        question=question,
        language=as_lang(lang),
        answer="\n".join(s.text for s in statements),
        abstained=False,
        statements=statements,
        citations=citations,
    )


def abstain(question: str, lang: str) -> Answer:
    """The Answer that says the articles do not answer."""
    return Answer(
        question=question,
        language=as_lang(lang),
        answer=messages.NOT_IN_ARTICLE[lang],
        abstained=True,
    )


def as_lang(lang: str) -> Lang:
    """The language code as the models type it."""
    if lang not in ("ar", "en"):
        raise ValueError(f"unsupported language {lang!r}")
    return lang  # type: ignore[return-value]
