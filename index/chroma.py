"""Everything that touches chromadb itself: opening a client, and the embedding-function adapter.

Imported only when the store is first used, so importing isnad never loads chromadb (~0.5 s).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from chromadb.api.types import Documents, EmbeddingFunction
from chromadb.api.types import Embeddings as ChromaEmbeddings

from index.embeddings import IsnadEmbeddings
from index.errors import BadInput, StoreError
from index.store import first_line, rebuild_hint


def open_client(home: Path, url: str | None) -> Any:
    """A Chroma client: the server at `url`, else the embedded store under `home`."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False)
    if url:
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise BadInput(f"invalid Chroma URL {url!r}: use http://host:port")
        try:
            return chromadb.HttpClient(
                host=parsed.hostname,
                port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                ssl=parsed.scheme == "https",
                settings=settings,
            )
        except Exception as exc:  # the client raises bare ValueError/ConnectError types
            raise StoreError(f"cannot reach the Chroma server at {url}: {first_line(exc)}") from exc
    path = home / "chroma"
    try:
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=settings)
    except Exception as exc:  # a corrupted folder surfaces as assorted sqlite/rust errors
        _forget_system(str(path))
        raise StoreError(
            f"the index at {path} cannot be opened ({first_line(exc)}); {rebuild_hint(home)}"
        ) from exc


def _forget_system(identifier: str) -> None:
    """Drop the half-started Chroma system chromadb caches per folder when opening fails, so the
    same process (the web UI) can open the folder again once it is rebuilt."""
    try:
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient._identifier_to_system.pop(identifier, None)
    except (ImportError, AttributeError):  # another chromadb layout: nothing cached to drop
        pass


class ChromaAdapter(EmbeddingFunction[Documents]):
    """Chroma's embedding-function protocol over IsnadEmbeddings (lazy: no load until called)."""

    def __init__(self, spec: str, threads: int = 2) -> None:
        self.embeddings = IsnadEmbeddings(spec, threads)

    def __call__(self, input: Documents) -> ChromaEmbeddings:
        return list(self.embeddings.encode_documents(list(input)))

    def embed_query(self, input: Documents) -> ChromaEmbeddings:
        return [self.embeddings.encode_query(t) for t in input]

    @staticmethod
    def name() -> str:
        return "isnad"

    def default_space(self) -> Any:
        return "cosine"

    def get_config(self) -> dict[str, Any]:
        return {"spec": self.embeddings.spec, "threads": self.embeddings.threads}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ChromaAdapter:
        return ChromaAdapter(config["spec"], int(config.get("threads", 2)))
