"""A question parsed once: its language, search tokens, who and what it asks about."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.morph import latin_names, roots, skeleton
from assistant.answer.spans import numbers
from assistant.attribution import verb_role
from index.language import Language, detect_language, language, normalize
from index.normalize import tokens

_MIN_SKELETON = 3


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
    roots: frozenset[str] = frozenset()  # root-like cores of the tokens (مؤسس ~ أسس)
    numbers: frozenset[str] = frozenset()  # numbers written in digits
    skeletons: frozenset[str] = frozenset()  # names as transliteration skeletons
    agent: str | None = None  # "what is X accusing Y of" -> X
    patient: str | None = None  # ... -> Y
    asked: str = ""  # the sentences that ask (an instruction around them is not searched)
    parts: tuple[Question, ...] = ()  # "when did X open and who designed it": each question

    @property
    def search_text(self) -> str:
        """What retrieval embeds and matches: the asking sentences."""
        return self.asked or self.text

    @property
    def language(self) -> Language:
        """The question's Language object."""
        return language(self.lang)

    @property
    def about_speaker(self) -> str | None:
        """The party whose statements should come first, if the question names one."""
        return self.asked_speaker or self.cited_source or self.agent


def name_skeletons(text: str) -> frozenset[str]:
    """Skeletons of the words of a text that may be names (capitalised Latin words; any
    Arabic content word, since Arabic script has no capitals)."""
    words = latin_names(text)
    stop = language("ar").lexicon.STOP_WORDS
    words += [w for w in re.findall(r"\w+", normalize(text)) if not w.isascii() and w not in stop]
    return frozenset(s for w in words if len(s := skeleton(w)) >= _MIN_SKELETON)


_SENTENCE = re.compile(r"(?<=[.!?؟])\s+|\n+")


def asking_part(text: str) -> str:
    """The sentences of a question that ask (end with a question mark); the whole text when
    none does. Text around them, such as an instruction to the system, is not what the reader
    asks about the article."""
    sentences = [s.strip() for s in _SENTENCE.split(text) if s.strip()]
    asking = [s for s in sentences if s.endswith(("?", "؟"))]
    return " ".join(asking) if asking and len(asking) < len(sentences) else text


def parse_question(text: str, split: bool = True) -> Question:
    """Parse a (cleaned) question."""
    lang = language(detect_language(text))
    asked = asking_part(text)
    pieces = [p for p in lang.lexicon.PART_SPLIT.split(asked) if p.strip()] if split else []
    parts = tuple(parse_question(p, split=False) for p in pieces) if len(pieces) > 1 else ()
    norm = re.sub(r"[؟?]", "", normalize(asked))
    toks = tuple(tokens(asked))
    accused = lang.lexicon.ACCUSE_QUESTION.search(norm)
    return Question(
        text=text,
        lang=lang.code,
        norm=norm,
        tokens=toks,
        asked_speaker=lang.said_question(norm),
        cited_source=lang.according_question(norm),
        asked_role=verb_role(asked, lang.code),
        answer_type=lang.answer_type(norm),
        roots=frozenset(roots(toks)),
        numbers=frozenset(numbers(asked)),
        skeletons=name_skeletons(asked),
        agent=accused.group(1).strip() if accused else None,
        patient=accused.group(2).strip() if accused else None,
        asked=asked,
        parts=parts,
    )
