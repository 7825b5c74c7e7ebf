"""What the index stores: articles and their chunks (one chunk = one sentence unit).

"Chunk" is the one word for a sentence unit throughout the code (the contract's `chunk_id`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Lang = Literal["ar", "en"]
Role = Literal["report", "accusation", "denial", "statement", "context"]
ROLES: tuple[Role, ...] = ("report", "accusation", "denial", "statement", "context")
# The voices a denial of "the report" / "these allegations" answers.
CHARGE_ROLES: tuple[Role, ...] = ("report", "accusation")
ARTICLE_SPEAKER = "article"  # the article's own narration, as the contract names it


class Chunk(BaseModel):
    """One sentence unit of an article, with its offsets into the original text."""

    model_config = ConfigDict(extra="forbid")

    chunk_id: str
    doc_id: str
    index: int
    start: int
    end: int
    text: str = Field(description="source_text[start:end], verbatim")
    lang: Lang
    translation: str | None = None
    speaker: str = ARTICLE_SPEAKER
    role: Role = "context"
    headline: bool = False
    mentions: str | None = Field(
        None, description="names the chunk's 'the center'/'المركز' refer to, ' | '-separated"
    )
    translation_speaker: str | None = Field(
        None, description="the speaker as named in the translation, for answers in that language"
    )
    cue: tuple[int, int] | None = Field(
        None, description="[start, end) of the reporting cue in the article, if attributed"
    )
    source: tuple[int, int] | None = Field(
        None, description="[start, end) of the phrase naming the speaker in the article"
    )

    def readable_in(self, lang: str) -> bool:
        """Whether the chunk can be compared word for word in `lang`: its own text is in it, or
        it has a translation (an aligned or LLM rendering is always in the other language)."""
        return self.lang == lang or self.translation is not None

    def speaker_in(self, lang: str) -> str:
        """The speaker's name as `lang` names it, when the article allows."""
        if self.lang != lang and self.translation_speaker:
            return self.translation_speaker
        return self.speaker


class DocInfo(BaseModel):
    """An indexed article."""

    doc_id: str
    title: str
    lang: Lang
    path: str | None = None
    sha256: str
    units: int
    chars: int
    aligned: bool = False
    embedder: str


def as_lang(lang: str) -> Lang:
    """The language code as the models type it."""
    if lang not in ("ar", "en"):
        raise ValueError(f"unsupported language {lang!r}")
    return lang  # type: ignore[return-value]
