"""A question parsed once: its language, search tokens, who and what it asks about."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.attribution import verb_role
from index.language import Language, detect_language, language, normalize
from index.normalize import tokens


@dataclass(frozen=True)
class Question:
    """What the answer steps need to know about a question, computed once."""

    text: str
    lang: str
    norm: str  # normalised, question marks removed
    tokens: tuple[str, ...]  # search tokens (stop words dropped, stemmed)
    asked_speaker: str | None  # "what did X say" -> X: answerable only if X speaks
    cited_source: str | None  # "according to X" -> X: orders passages, never abstains
    asked_role: str | None  # "who accused..." -> accusation
    answer_type: str  # said | number | time | place | reason | person | yes_no | other

    @property
    def language(self) -> Language:
        """The question's Language object."""
        return language(self.lang)

    @property
    def about_speaker(self) -> str | None:
        """The party whose statements should come first, if the question names one."""
        return self.asked_speaker or self.cited_source


def parse_question(text: str) -> Question:
    """Parse a (cleaned) question."""
    lang = language(detect_language(text))
    norm = re.sub(r"[؟?]", "", normalize(text))
    return Question(
        text=text,
        lang=lang.code,
        norm=norm,
        tokens=tuple(tokens(text)),
        asked_speaker=lang.said_question(norm),
        cited_source=lang.according_question(norm),
        asked_role=verb_role(text, lang.code),
        answer_type=lang.answer_type(norm),
    )
