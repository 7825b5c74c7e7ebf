"""English frames: how isnad's own sentences around a source's name read ("Critics allege:",
"Yes — according to a spokesperson for X", a line opening with a capital)."""

from __future__ import annotations

import re

from index.language.english.speech import ATTACHING, SOURCE_NOUNS

# Plural nouns for people that do not end in -s ("police say"), for verb agreement.
FRAME_PLURALS = frozenset("people police men women spokespeople staff media public crowd".split())
INDEFINITE = re.compile(r"An?\s")  # a source phrase opening with an indefinite article
# The present-tense verbs isnad's own frames put after a source's name, and their plural forms.
FRAME_VERBS = {"alleges": "allege", "denies": "deny", "says": "say", "reports": "report",
               "states": "state", "gives": "give", "names": "name", "calls": "call",
               "questions": "question"}  # fmt: skip


def plural_source(name: str) -> bool:
    """Whether a source's name is a plural common noun phrase ("Critics", "the officials",
    "police"); a proper name ending in -s ("Reuters", "The Times") is not."""
    words = name.lower().split()
    if not words:
        return False
    # The head comes before an attached phrase: "Officials at the office", "two people familiar
    # with the matter".
    cut = next((k for k, w in enumerate(words) if k and w in ATTACHING), len(words))
    head = words[cut - 1]
    if head in FRAME_PLURALS:
        return True
    return head in SOURCE_NOUNS and head.endswith("s") and not head.endswith(("ss", "us", "is"))


def agree(text: str, subject: str) -> str:
    """`text` with the frame verb right after `subject` (and its "(role)" label) made plural when
    the subject is ("Critics allege: ...", "Officials (statement) deny it")."""
    if plural_source(subject):
        verbs = "|".join(FRAME_VERBS)
        pattern = re.compile(rf"({re.escape(subject)}(?:\s*\([^)]*\))?\s+)({verbs})\b")
        text = pattern.sub(lambda m: m.group(1) + FRAME_VERBS[m.group(2)], text, count=1)
    return _inline(text, subject)


def feminine(subject: str) -> bool:
    """False: English verbs do not agree with a source's gender."""
    return False


def sentence(text: str) -> str:
    """`text` with its first letter capitalised: a source named in lower case ("former
    President X", "officials") that opens a line."""
    return text[:1].upper() + text[1:]


_QUOTES = '"“«'  # where a frame's verbatim quote opens (an apostrophe is no quote)


def _inline(text: str, subject: str) -> str:
    """A subject opening with "A"/"An", or with "The" before a common noun ("The ministry of
    health"), lower-cased ("Yes — according to a spokesperson for X", "...; the ministry of
    health denies it"); a line that opens with it is capitalised again by `sentence`. A name's
    own "The" (before a capitalised word: a newspaper's title) is left as written."""
    if not subject:
        return text
    lowered = subject[0].lower() + subject[1:]
    # Only the frame is rewritten, never the verbatim quote after it.
    cut = next((k for k, ch in enumerate(text) if ch in _QUOTES), len(text))
    frame, quote = text[:cut], text[cut:]
    if re.match(r"The [a-z]", subject):  # inside the line only: its opening stays a sentence's
        keep = len(subject) if frame.startswith(subject) else 0
        return frame[:keep] + frame[keep:].replace(subject, lowered) + quote
    if not INDEFINITE.match(subject):
        return text
    return frame.replace(subject, lowered) + quote
