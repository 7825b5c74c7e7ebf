"""The error hierarchy: raised deep inside, turned into one-line messages only at the edges.

It lives in index/ because reading, storing and embedding raise it; assistant/ adds its own
kinds (LLM, prompts) on top.
"""


class IsnadError(Exception):
    """Base class for every error isnad raises on purpose."""

    exit_code = 1


class BadInput(IsnadError):
    """The user gave input isnad cannot use (empty question, unreadable file, unknown doc...)."""

    exit_code = 2


class UnknownDocument(BadInput):
    """A document id that is not in the index."""


class StoreError(IsnadError):
    """The vector store is unreachable or unusable (server down, corrupted folder)."""


class EmbeddingError(IsnadError):
    """The embedding model could not be loaded or run."""
