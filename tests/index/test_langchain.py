"""The index as LangChain components, for chains built on isnad (Assistant.as_retriever)."""

from __future__ import annotations

import numpy as np

from tests.support.articles import DEFAULT_ID, DEFAULT_TXT, read


def test_as_retriever_returns_verbatim_chunks(default_only) -> None:
    retriever = default_only.as_retriever(doc=DEFAULT_ID)
    docs = retriever.invoke("Who founded CCDH?")
    source = read(DEFAULT_TXT)
    assert docs and all(d.metadata["doc_id"] == DEFAULT_ID for d in docs)
    assert all(source[d.metadata["start"] : d.metadata["end"]] == d.page_content for d in docs)
    assert any("ماكسويني" in d.page_content for d in docs[:3])  # the founder's sentence
    assert {"speaker", "role", "dense", "lexical", "fused"} <= set(docs[0].metadata)


def test_embeddings_speak_langchain(default_only) -> None:
    emb = default_only.embeddings
    q = np.array(emb.embed_query("Who founded the centre?"))
    d = np.array(emb.embed_documents(["The centre was founded by a political adviser."])[0])
    assert q.shape == d.shape and abs(float(np.linalg.norm(q)) - 1.0) < 1e-3
    assert float(q @ d) > 0.5
