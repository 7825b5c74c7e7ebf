"""Cues only a headline has: "Mayor: the bridge will reopen", "Bridge to Reopen, Mayor Says".

A headline names its speaker in a compact form of its own: a short name before a colon, or a
Title Case name and verb after a comma at its end. Only an article's headlines and first unit
(a title written as a sentence) are read this way.
"""

from __future__ import annotations

from assistant.attribution.cues import Cue
from assistant.attribution.tokens import Tok
from index.language import english as en


def headline_cues(toks: list[Tok], lang: str) -> list[Cue]:
    """The cue of an English headline's own form, if it has one."""
    if lang != "en":
        return []
    return _colon(toks) or _says_at_end(toks)


def _name(words: list[Tok]) -> bool:
    """Capitalised words that may name someone (not a dateline: "WASHINGTON:")."""
    return bool(words) and all(
        x.capitalised and x.norm not in en.NOT_SOURCES and not (x.raw.isupper() and len(x.raw) > 4)
        for x in words
    )


def _colon(toks: list[Tok]) -> list[Cue]:
    """ "Mayor: the bridge will reopen": a short name before a colon."""
    for k, t in enumerate(toks[:3]):
        if ":" in t.after:
            name = toks[: k + 1]
            if _name(name):
                colon = t.end + t.after.index(":")
                return [Cue("speech", (colon, colon + 1), (name[0].start, t.end))]
            return []
    return []


def _says_at_end(toks: list[Tok]) -> list[Cue]:
    """ "Bridge Will Reopen, Mayor Jo Lee Says": a Title Case name and verb closing it."""
    if len(toks) < 4:
        return []
    verb = toks[-1]
    kind = en.VERB_FORMS.get(verb.norm)
    if kind is None or not verb.capitalised or not verb.norm.endswith("s"):
        return []
    comma = next((k for k in range(len(toks) - 2, max(0, len(toks) - 7), -1)
                  if toks[k].ends_clause), None)  # fmt: skip
    if comma is None or not _name(toks[comma + 1 : -1]):
        return []
    name = toks[comma + 1 : -1]
    return [Cue(kind, (verb.start, verb.end), (name[0].start, name[-1].end))]
