"""The baseline: a minimal LangChain retriever over isnad's own units collection, and the warm
comparison of it with isnad's `ask` and `verify` (plus where `ask` spends its time)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from eval.bench.common import timed
from eval.metrics import percentile


class PlainRetriever(BaseRetriever):
    """A minimal `VectorStoreRetriever`: embed the query, take Chroma's top k. Nothing else."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    collection: Any
    embeddings: Any  # a LangChain Embeddings (isnad's, so the vectors are the same)
    k: int = 8

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        vector = self.embeddings.embed_query(query)  # as langchain-chroma does
        got = self.collection.query(
            query_embeddings=[vector],
            n_results=self.k,
            include=["documents", "metadatas", "distances"],
        )
        return [
            Document(page_content=doc or "", id=rid, metadata={**(meta or {}), "score": 1 - dist})
            for rid, doc, meta, dist in zip(
                got["ids"][0], got["documents"][0], got["metadatas"][0], got["distances"][0],
                strict=True,
            )
        ]  # fmt: skip


def units_collection(assistant: Any) -> Any:
    """isnad's units collection, opened with a client of our own (same path or server)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from index.chroma import ChromaAdapter

    s = assistant.settings
    chroma = ChromaSettings(anonymized_telemetry=False)
    if s.chroma_url:
        host, _, port = s.chroma_url.removeprefix("http://").partition(":")
        client: Any = chromadb.HttpClient(host=host, port=int(port), settings=chroma)
    else:
        client = chromadb.PersistentClient(path=str(s.home / "chroma"), settings=chroma)
    ef = ChromaAdapter(assistant.embeddings.spec, assistant.embeddings.threads)
    return client.get_collection(f"isnad_units_{assistant.store.suffix}", embedding_function=ef)


def breakdown(assistant: Any, texts: Sequence[str]) -> dict[str, float | None]:
    """Median ms of each retrieval step of isnad for these texts (warm)."""
    from index.normalize import tokens

    r, store = assistant.retriever, assistant.store
    lex = r.lexical
    steps: dict[str, list[float]] = {"embed": [], "chroma": [], "bm25": [], "hits": []}
    for t in texts:
        ms, vec = timed(partial(store.embeddings.encode_query, t))
        steps["embed"].append(ms)
        steps["chroma"].append(timed(partial(store.dense, vec, r.fusion.dense_k))[0])
        steps["bm25"].append(timed(partial(lex.scores, tokens(t)))[0])
        steps["hits"].append(timed(partial(r.hits, t))[0])
    return {k: percentile(v, 50) for k, v in steps.items()}


def warm_runs(
    assistant: Any,
    plain: PlainRetriever,
    questions: Sequence[str],
    claims: Sequence[str],
    rounds: int,
) -> dict[str, list[float]]:
    """One warm-up pass, then `rounds` passes; plain and isnad alternate item by item."""
    for q in questions:
        plain.invoke(q)
        assistant.ask(q)
    for c in claims:
        plain.invoke(c)
        assistant.verify(c)
    out: dict[str, list[float]] = {
        "plain_q": [], "plain_c": [], "ask": [], "verify": [], "ask_answer": []
    }  # fmt: skip
    for _ in range(rounds):
        for q in questions:
            out["plain_q"].append(timed(partial(plain.invoke, q))[0])
            ms, ans = timed(partial(assistant.ask, q))
            out["ask"].append(ms)
            out["ask_answer"].append(float((ans.timings_ms or {}).get("answer", 0.0)))
        for c in claims:
            out["plain_c"].append(timed(partial(plain.invoke, c))[0])
            out["verify"].append(timed(partial(assistant.verify, c))[0])
    return out
