"""Loading prompt files by name, checked against the placeholders the code will fill.

A prompt with a missing or unknown placeholder fails when it is loaded, not halfway through
an answer (as simonw/llm raises on missing template variables).
"""

from __future__ import annotations

import string
from functools import cache
from importlib import resources

from assistant.errors import PromptError

# name -> the placeholders its file must use, exactly.
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "answer": frozenset({"language_name", "not_in_article"}),
    "verify": frozenset({"language_name", "verdict"}),
    "translate": frozenset({"source_language", "target_language"}),
}


class Prompt:
    """A loaded prompt template."""

    def __init__(self, name: str, text: str) -> None:
        self.name, self.text = name, text

    def render(self, **values: str) -> str:
        """The prompt with every placeholder filled; extra or missing values raise."""
        wanted = PLACEHOLDERS[self.name]
        if set(values) != wanted:
            raise PromptError(f"prompt {self.name!r} needs {sorted(wanted)}, got {sorted(values)}")
        return self.text.format(**values)


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


@cache
def load_prompt(name: str) -> Prompt:
    """The prompt `prompts/<name>.md`, checked against PLACEHOLDERS."""
    if name not in PLACEHOLDERS:
        raise PromptError(f"unknown prompt {name!r}")
    try:
        text = (resources.files("prompts") / f"{name}.md").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PromptError(f"prompt file prompts/{name}.md is missing") from None
    found = _fields(text)
    if found != PLACEHOLDERS[name]:
        missing, unknown = PLACEHOLDERS[name] - found, found - PLACEHOLDERS[name]
        raise PromptError(
            f"prompts/{name}.md: missing placeholders {sorted(missing)}, unknown {sorted(unknown)}"
        )
    return Prompt(name, text)
