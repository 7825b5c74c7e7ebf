"""The hybrid retriever as a LangChain ``BaseRetriever``, for chains built on isnad's index.

Kept apart from ``index.retriever`` so that answering a question never imports LangChain's
retriever machinery (~0.3 s); built by ``Assistant.as_retriever``.
"""

from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from index.retriever import HybridRetriever


class IsnadRetriever(BaseRetriever):
    """Documents are chunks: the verbatim text, the chunk's fields and its scores as metadata."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    hybrid: HybridRetriever
    doc_ids: list[str] | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [
            Document(
                page_content=h.chunk.text,
                id=h.chunk.chunk_id,
                metadata={
                    **h.chunk.model_dump(),
                    "fused": h.fused,
                    "dense": h.dense,
                    "lexical": h.lexical,
                },
            )
            for h in self.hybrid.hits(query, self.doc_ids)
        ]
