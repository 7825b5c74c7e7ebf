"""The error hierarchy of the whole product: index/'s errors plus the assistant's own."""

from index.errors import BadInput, EmbeddingError, IsnadError, StoreError, UnknownDocument

__all__ = [
    "BadInput",
    "EmbeddingError",
    "IsnadError",
    "LLMError",
    "PromptError",
    "StoreError",
    "UnknownDocument",
]


class LLMError(IsnadError):
    """The language model server failed, timed out or answered with nothing usable."""


class PromptError(IsnadError):
    """A prompt file is missing or does not match the placeholders its code fills."""
