"""How much of a claim a passage carries, with weights taken from the one article judged.

A word's weight is how rare it is among that article's passages (absent words weigh most), so a
verdict about one article never changes with what else is indexed. Words meet by search token
(stem or lemma) or, in Arabic, by their consonant skeleton: spelling variants with or without a
long vowel (الأميركي / الأمريكي) and forms of one root (كاتب / كتب) meet, and a passage's word
with a one-letter clitic (لمتابعيه) meets the bare word.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from assistant.models import ARTICLE_SPEAKER
from index.language import has_arabic
from index.lexical import LexicalIndex
from index.models import Chunk
from index.normalize import tokens

_LONG_VOWELS = str.maketrans("", "", "اوي")


@lru_cache(maxsize=100_000)
def skeleton(token: str) -> str:
    """An Arabic token without its inner long vowels (root-like); other tokens as they are."""
    if len(token) <= 3 or not has_arabic(token):
        return token
    inner = token[1:].translate(_LONG_VOWELS)
    return token[0] + inner if len(inner) >= 2 else token


_CLITICS = ("ل", "ب", "و", "ف", "ك")
# Letters Arabic writers interchange when they transliterate a foreign name (g as ج/غ/ق/ك, t as
# ت/ط, s as س/ص, z as ز/ذ/ظ, h as ه/ح, v as ف/ڤ, p as ب/پ): one name, several spellings.
_TRANSLIT = str.maketrans("غقكطصذظحةىڤپ", "جججتسززههيفب")


@lru_cache(maxsize=100_000)
def folded(token: str) -> str:
    """A token's skeleton with transliteration variants folded together (شويغو ~ شويجو)."""
    return skeleton(token).translate(_TRANSLIT) if has_arabic(token) else token


# A capitalised Latin word: a name in an English claim, or inside an Arabic one ("NATO").
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]*")
# Where a claim's subject may start among its content words: English puts it first, Arabic
# after the verb it often opens with ("تدخل المركز في ...").
_SUBJECT_AT = {"en": 0, "ar": 1}


def agent(
    text: str, lang: str, content: tuple[str, ...], parties: set[str], voiced: bool = False
) -> tuple[str, ...]:
    """The claim's subject when it names a party: the first run of its content words that are
    names (capitalised) or words of `parties` (the article's speakers' names), if it opens the
    claim ("Acme polluted ..." -> acme). Empty when the claim opens otherwise ("14 staff will
    ..."). In a claim that gives someone the word (`voiced`: "X accused Acme of ...") the party
    comes after the verb, which stays in the content."""
    named = parties | set(tokens(" ".join(_CAPITALISED.findall(text))))
    run: list[str] = []
    for i, t in enumerate(content):
        if t in named:
            run.append(t)
        elif run or i >= _SUBJECT_AT.get(lang, 0) + voiced:
            break
    return tuple(run)


def name_share(name: str, chunk: Chunk) -> float:
    """Share of a name's words that a passage gives, as its speaker or in its text (a name
    spelled another way, or quoted inside the passage: "Reuters reported that X said"); 0 when
    its last word is missing."""
    wanted = tokens(name)
    voice = chunk.speaker if chunk.speaker != ARTICLE_SPEAKER else ""
    said = f"{voice} {chunk.translation_speaker or ''} {chunk.text} {chunk.translation or ''}"
    have = {folded(t) for t in tokens(said)}
    have |= {folded(t[1:]) for t in tokens(chunk.text) if len(t) > 4 and t.startswith(_CLITICS)}
    if not wanted or folded(wanted[-1]) not in have:
        return 0.0  # the last word names the one meant (a surname): titles alone match anyone
    return sum(folded(t) in have for t in wanted) / len(wanted)


def _forms(toks: list[str]) -> set[str]:
    """A passage's tokens, their skeletons, and Arabic tokens without a one-letter clitic the
    search tokens keep ("لمتابع" also as "متابع": "to his followers")."""
    out = set(toks)
    for t in toks:
        if len(t) > 4 and t.startswith(_CLITICS) and has_arabic(t):
            out.add(t[1:])
    return out | {skeleton(x) for x in out}


class ArticleView:
    """One article's passages as token sets, and the claim's word weights within it."""

    def __init__(self, chunks: list[Chunk], lex: LexicalIndex) -> None:
        self.chunks = chunks
        self.tokens = {c.chunk_id: lex.token_list(c.chunk_id) for c in chunks}
        self.sets = {cid: _forms(t) for cid, t in self.tokens.items()}
        self.df = Counter(t for s in self.sets.values() for t in s)
        self.vocab = set(self.df)

    def heard(self, token: str) -> bool:
        """Whether some passage of the article uses the token (or its skeleton)."""
        return token in self.vocab or skeleton(token) in self.vocab

    def has(self, chunk_id: str, token: str) -> bool:
        """Whether the passage uses the token (or its skeleton)."""
        own = self.sets.get(chunk_id, set())
        return token in own or skeleton(token) in own

    def weights(self, content: tuple[str, ...]) -> dict[str, float]:
        """Each claim word's weight: rarer in this article weighs more, absent weighs most."""
        n = len(self.chunks)
        out = {}
        for t in content:
            df = max(self.df.get(t, 0), self.df.get(skeleton(t), 0))
            out[t] = max(0.2, math.log((n + 1) / (df + 0.5)))
        return out

    def coverage(self, weights: dict[str, float], chunk_ids: list[str]) -> float:
        """Weighted share of the claim's words that these passages carry."""
        total = sum(weights.values())
        got = sum(w for t, w in weights.items() if any(self.has(c, t) for c in chunk_ids))
        return got / total if total else 0.0

    def unheard(self, weights: dict[str, float]) -> float:
        """Weighted share of the claim's words the article never uses ("sued", "flood")."""
        total = sum(weights.values())
        missing = sum(w for t, w in weights.items() if not self.heard(t))
        return missing / total if total else 0.0

    def order(self, content: tuple[str, ...], chunk_id: str) -> float:
        """Share of the claim's word pairs the passage has in the claim's order (1.0 when fewer
        than three words are shared): "Y sued X" keeps none of "X sued Y"'s pairs."""
        seq = self.tokens.get(chunk_id, [])
        pos: dict[str, int] = {}
        for i, t in enumerate(seq):
            pos.setdefault(t, i)
            pos.setdefault(skeleton(t), i)
        found = [pos.get(t, pos.get(skeleton(t))) for t in content]
        at = [p for p in found if p is not None]
        if len(at) < 3:
            return 1.0
        pairs = [(a, b) for i, a in enumerate(at) for b in at[i + 1 :] if a != b]
        return sum(a < b for a, b in pairs) / len(pairs) if pairs else 1.0
