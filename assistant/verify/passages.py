"""Which passages a claim is judged on: every passage of the one article it is about.

The article is the one asked about, else the best-ranked one; its passages come in order of
dense similarity to the claim, computed exactly from that article's stored vectors, so that
nothing about another indexed article (its words, its rank, how an approximate search filtered
to one article fares in a large index) changes a verdict about this one. Other articles' best
passages follow (they count only where their own words state the claim).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from index.retriever import Hit

if TYPE_CHECKING:
    from index.embeddings import IsnadEmbeddings
    from index.retriever import HybridRetriever
    from index.store import Store


def claim_passages(
    claim: str,
    doc_ids: list[str] | None,
    retriever: HybridRetriever,
    store: Store,
    embeddings: IsnadEmbeddings,
) -> list[Hit]:
    """The home article's passages by dense similarity, then other articles' retrieved ones."""
    others: list[Hit] = []
    if doc_ids is None:
        found = retriever.hits(claim)
        if not found:
            return []
        home = found[0].chunk.doc_id
        others = [h for h in found if h.chunk.doc_id != home]
    else:
        home = doc_ids[0]
    chunks = retriever.lexical.chunks_of([home])
    if not chunks:
        return others
    dense = store.doc_dense(embeddings.encode_query(claim), home)
    own = [Hit(c, 0.0, dense.get(c.chunk_id, 0.0), 0.0) for c in chunks]
    own.sort(key=lambda h: (-h.dense, h.chunk.index))
    return own + others
