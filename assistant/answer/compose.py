"""The extractive answer: one attributed statement per cited passage, in the question's language."""

from __future__ import annotations

from assistant import messages
from assistant.answer.question import Question
from assistant.answer.rank import Scored
from assistant.models import ARTICLE_SPEAKER, Answer, Chunk, Citation, Statement, as_lang


def shown_in(chunk: Chunk, lang: str) -> tuple[str, str]:
    """(text, speaker name) to show for a chunk in the answer's language."""
    if chunk.lang != lang and chunk.translation:
        return chunk.translation, chunk.speaker_in(lang)
    return chunk.text, chunk.speaker


def citation(n: int, c: Chunk, score: float) -> Citation:
    """The contract's Citation of a chunk."""
    return Citation(
        id=n, doc_id=c.doc_id, chunk_id=c.chunk_id, quote=c.text, start=c.start, end=c.end,
        translation=c.translation, speaker=c.speaker, role=c.role, score=round(score, 4),
    )  # fmt: skip


def compose(q: Question, chosen: list[Scored]) -> Answer:
    """The extractive Answer: one attributed statement per cited passage."""
    lang = q.lang
    citations, statements = [], []
    for n, s in enumerate(chosen, start=1):
        c = s.hit.chunk
        citations.append(citation(n, c, s.score))
        text, speaker = shown_in(c, lang)
        frames = messages.ATTRIBUTED[lang]
        if c.speaker == ARTICLE_SPEAKER or c.role not in frames:
            line = messages.NARRATED[lang].format(text=text, marks=f"[{n}]")
        else:
            line = frames[c.role].format(speaker=speaker, text=text, marks=f"[{n}]")
        statements.append(Statement(text=line, citations=[n], speaker=c.speaker, role=c.role))
    return Answer(
        question=q.text,
        language=as_lang(lang),
        answer="\n".join(s.text for s in statements),
        abstained=False,
        statements=statements,
        citations=citations,
    )
