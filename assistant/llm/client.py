"""The chat model behind the LLM path: any OpenAI-compatible server through LangChain."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Any

from assistant.config import Settings
from assistant.errors import LLMError


class ChatModel:
    """A lazily built ChatOpenAI runnable with bounded timeouts and retries."""

    def __init__(self, settings: Settings) -> None:
        if not settings.llm_base_url:
            raise LLMError("no LLM configured: set ISNAD_LLM_BASE_URL (and ISNAD_LLM_MODEL)")
        self.settings = settings

    @cached_property
    def runnable(self) -> Any:
        """The LangChain chat model (built on first use; nothing connects before)."""
        from langchain_openai import ChatOpenAI

        s = self.settings
        key = s.llm_api_key.get_secret_value() if s.llm_api_key else "not-needed"
        return ChatOpenAI(
            base_url=s.llm_base_url,
            api_key=key,
            model=s.llm_model,
            timeout=s.llm_timeout,
            max_retries=s.llm_retries,
            temperature=0,
        )

    def complete(self, system: str, user: str) -> str:
        """One reply; LLMError on any failure or an empty reply."""
        try:
            reply = self.runnable.invoke([("system", system), ("user", user)])
        except Exception as exc:  # openai/httpx/json errors all mean the same here
            raise LLMError(_describe(exc)) from exc
        text = reply.content if isinstance(reply.content, str) else ""
        if not text.strip():
            raise LLMError("the LLM returned an empty reply")
        return text

    def stream(self, system: str, user: str) -> Iterator[str]:
        """Reply tokens as they arrive; LLMError on failure."""
        try:
            for chunk in self.runnable.stream([("system", system), ("user", user)]):
                if isinstance(chunk.content, str) and chunk.content:
                    yield chunk.content
        except Exception as exc:  # as in complete()
            raise LLMError(_describe(exc)) from exc


def _describe(exc: BaseException) -> str:
    """One line naming the failure, never the API key."""
    name = type(exc).__name__
    status = getattr(exc, "status_code", None)
    if status:
        return f"the LLM server answered HTTP {status}"
    if "Timeout" in name:
        return "the LLM server did not answer in time"
    if "Connection" in name:
        return "cannot reach the LLM server"
    return f"the LLM reply was unusable ({name})"
