"""Candidates for learning: each dev question's retrieved passages, their features and labels.

The articles are ingested in-process into one index folder (given, or a new temporary one), the
questions retrieved as `Assistant.ask` retrieves them, and the hits cached in that folder so a
second run with the same --home only recomputes features.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from eval.data import load_articles, load_items
from eval.metrics import contains


@dataclass
class Sample:
    """One question: its passages' features, which of them hold the gold, and its CV group."""

    item: dict[str, Any]
    group: str  # the Wikipedia article (XQuAD title) or the doc: folds never split it
    direction: str  # ar-ar, en-en, en-ar, ar-en (question language - article language)
    X: np.ndarray
    comparable: np.ndarray
    y: np.ndarray
    hits: list[Any]


def _assistant(home: Path) -> Any:
    from assistant.config import Settings
    from assistant.core import Assistant

    return Assistant(Settings(home=home, default_article=False))


def ingest(a: Any, datasets: list[Path]) -> list[dict[str, Any]]:
    """Index every article the datasets use (idempotent); returns their question items."""
    items: list[dict[str, Any]] = []
    for ds in datasets:
        its = [it for it in load_items(ds) if it["kind"] == "question"]
        for art in load_articles(its, ds.parent / "corpus"):
            a.ingest([art.path], doc_id=art.doc_id, aligned=art.aligned)
        items += its
    return items


def collect(datasets: list[Path], home: Path) -> list[Sample]:
    """Every question of the datasets with its candidates' features and labels."""
    from assistant.answer.features import featurize
    from assistant.answer.question import parse_question

    a = _assistant(home)
    items = ingest(a, datasets)
    cache_path = home / "train_hits.pkl"
    cache: dict[str, Any] = pickle.loads(cache_path.read_bytes()) if cache_path.exists() else {}
    lex = a.lexical
    samples = []
    for it in items:
        q = parse_question(a.check_text(it["text"]))
        key = f"{it['id']}|{it['doc']}|{it['text']}"
        stale = key in cache and any(
            lex.by_id.get(h.chunk.chunk_id) != h.chunk for h in cache[key]
        )  # the article was cut otherwise since (segmentation or attribution changed)
        if key not in cache or stale:
            cache[key] = a.retriever.hits(q.search_text, [it["doc"]], list(q.tokens))
        hits = cache[key]
        X, comparable = featurize(q, hits, lex)
        gold = it.get("evidence") or [] if it.get("answerable", True) else []
        y = np.array([any(contains(h.chunk.text, g) for g in gold) for h in hits], dtype=bool)
        art_lang = hits[0].chunk.lang if hits else it["lang"]
        samples.append(
            Sample(it, str(it.get("title") or it["doc"]), f"{it['lang']}-{art_lang}",
                   X, comparable, y, hits)
        )  # fmt: skip
    cache_path.write_bytes(pickle.dumps(cache))
    return samples
