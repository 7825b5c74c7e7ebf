"""The citation guard: what an LLM wrote is kept only where the cited passages carry it.

Checks per statement: every [n] refers to a passage that was given; numbers and quotes appear
verbatim in the cited passages; the words are covered by them (or, across languages without a
translation, the embedding similarity is high); reported claims keep who reported them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant import messages
from assistant.models import Chunk
from assistant.verify.numbers import quantities, same_quantity
from index.language import detect_language, language
from index.lexical import searchable_text
from index.normalize import tokens

MARK = re.compile(r"\[(\d+(?:\s*[,،]\s*\d+)*)\]")
_QUOTE = re.compile(r"[\"“«]([^\"”»]{12,})[\"”»]")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")


@dataclass(frozen=True)
class Grounds:
    """What a statement is checked against besides words: the embedding similarity (for
    passages in the other language without a translation) and the two thresholds."""

    similar: Callable[[str, Chunk], float]
    min_dense: float
    min_coverage: float


@dataclass
class Checked:
    """One statement the guard kept, with its citations (ids as given to the model)."""

    text: str
    cited: list[int]
    speaker: str
    role: str


@dataclass
class GuardReport:
    """What survived and what was removed, with reasons."""

    kept: list[Checked] = field(default_factory=list)
    removed: list[dict[str, str]] = field(default_factory=list)
    attributed: int = 0


def split_statements(text: str) -> list[str]:
    """Sentences of the reply, with markers that follow a full stop kept on their sentence."""
    parts = [p.strip() for p in _SENTENCE_END.split(text) if p and p.strip()]
    out: list[str] = []
    for p in parts:
        lead = re.match(r"^((?:\[\d+(?:\s*[,،]\s*\d+)*\]\s*)+)(.*)$", p)
        if lead and out:
            out[-1] = f"{out[-1]} {lead.group(1).strip()}"
            p = lead.group(2).strip()
        if p:
            out.append(p)
    return out


def _marks(statement: str) -> list[int]:
    return [int(n) for m in MARK.finditer(statement) for n in re.split(r"\s*[,،]\s*", m.group(1))]


def _bare(statement: str) -> str:
    return MARK.sub(" ", statement).strip()


def _problem(statement: str, passages: list[Chunk], grounds: Grounds) -> str | None:
    """Why the cited passages do not carry the statement, or None."""
    body = _bare(statement)
    sources = [s for c in passages for s in (c.text, c.translation or "")]
    flat = [re.sub(r"\s+", " ", s) for s in sources]
    for q in _QUOTE.findall(body):
        if not any(re.sub(r"\s+", " ", q.strip()) in s for s in flat):
            return "quote not verbatim in the cited passage"
    found = [q for s in sources for q in quantities(s)]
    for q in quantities(body):
        if not any(same_quantity(q, f) for f in found):
            return "number not in the cited passage"
    words = set(tokens(body))
    lang = detect_language(body)
    comparable = [c for c in passages if c.readable_in(lang)]
    if words and comparable:
        have = set().union(*(set(tokens(searchable_text(c))) for c in comparable))
        if len(words & have) / len(words) >= grounds.min_coverage:
            return None
        return "not supported by the cited passage"
    if max((grounds.similar(body, c) for c in passages), default=0.0) >= grounds.min_dense:
        return None
    return "not supported by the cited passage"


def check(reply: str, given: dict[int, Chunk], lang: str, grounds: Grounds) -> GuardReport:
    """Run the guard over an LLM reply whose evidence was `given` (id -> passage)."""
    report = GuardReport()
    for statement in split_statements(reply):
        cited = _marks(statement)
        if not cited:
            report.removed.append({"text": statement, "reason": "no citation"})
            continue
        invented = [n for n in cited if n not in given]
        if invented:
            reason = f"cites {', '.join(f'[{n}]' for n in invented)}, which was not given"
            report.removed.append({"text": statement, "reason": reason})
            continue
        passages = [given[n] for n in dict.fromkeys(cited)]
        why = _problem(statement, passages, grounds)
        if why:
            report.removed.append({"text": statement, "reason": why})
            continue
        first = passages[0]
        text = statement
        if first.role != "context" and not _names_speaker(statement, first, lang):
            # Attribution drift: a reported or disputed claim must not read as plain fact.
            who = first.speaker_in(lang)
            prefix = messages.ATTRIBUTION_PREFIX[lang][first.role].format(speaker=who)
            speech = language(lang)
            text = speech.sentence(speech.agree(prefix, who)) + statement
            report.attributed += 1
        report.kept.append(Checked(text, list(dict.fromkeys(cited)), first.speaker, first.role))
    return report


def _names_speaker(statement: str, c: Chunk, lang: str) -> bool:
    said = set(tokens(statement))
    names = [c.speaker_in(lang), c.speaker, c.translation_speaker or ""]
    return any(set(tokens(n)) & said for n in names if n)
