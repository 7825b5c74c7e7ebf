"""The LLM path wired to one Assistant: its chat model, the guard's grounds, translations."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from assistant.answer.question import Question
from assistant.answer.rank import Scored
from assistant.config import Settings
from assistant.llm.client import ChatModel
from assistant.llm.guard import Grounds
from assistant.models import Answer, Chunk, Citation, Verdict

if TYPE_CHECKING:
    from assistant.llm.translate import Translator
    from index.embeddings import IsnadEmbeddings


class LLMSession:
    """Built on first LLM use; nothing connects before a request needs the server."""

    def __init__(
        self,
        settings: Settings,
        embeddings: IsnadEmbeddings,
        chunks: Callable[[], Mapping[str, Chunk]],
        min_dense: float,
    ) -> None:
        self.settings, self.embeddings, self._chunks = settings, embeddings, chunks
        self.min_dense = min_dense

    @cached_property
    def chat_model(self) -> ChatModel:
        """The LLM client."""
        return ChatModel(self.settings)

    @cached_property
    def grounds(self) -> Grounds:
        """What the citation guard checks LLM statements against."""
        return Grounds(self._similar, self.min_dense, self.settings.guard.min_coverage)

    @cached_property
    def translator(self) -> Translator:
        """LLM translations of passages, cached under ISNAD_HOME."""
        from assistant.llm.translate import Translator

        return Translator(self.chat_model, self.settings.home / "cache" / "translations.json")

    def _similar(self, text: str, chunk: Chunk) -> float:
        q = self.embeddings.encode_query(text)
        d = self.embeddings.encode_documents([chunk.text])[0]
        return float(q @ d)

    def answer(
        self, q: Question, ranked: list[Scored], extractive: Answer
    ) -> Iterator[str | Answer]:
        """The LLM's tokens, then its guarded Answer with translated citations."""
        from assistant.llm.answer import stream_answer

        result = extractive
        cfg = self.settings.guard
        for item in stream_answer(self.chat_model, q, ranked, extractive, self.grounds, cfg):
            if isinstance(item, Answer):
                result = item
            else:
                yield item
        self.translate(result.citations, q.lang)
        yield result

    def explain(self, verdict: Verdict) -> Verdict:
        """The verdict with an LLM-written, guarded explanation (or a notice why not)."""
        from assistant.llm.answer import explain_verdict

        by_id = self._chunks()
        given = {e.id: by_id[e.chunk_id] for e in verdict.evidence}
        result = explain_verdict(self.chat_model, verdict, given, self.grounds)
        self.translate(result.evidence, verdict.language)
        return result

    def translate(self, citations: Sequence[Citation], lang: str) -> None:
        """Fill `translation` of cited passages written in the other language."""
        self.translator.fill(citations, self._chunks(), lang)
