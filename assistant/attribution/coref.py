"""Coreference for speakers: "the newspaper", "المركز" stand for the entity named earlier."""

from __future__ import annotations

from assistant.attribution.cues import Tok, ar_subject, en_proper_name, split_words
from index.language import arabic, english
from index.language.script import has_arabic, normalize


def _key(name: str) -> str:
    words = [w for w in normalize(name).split() if w != "the"]
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words)


class Resolver:
    """Resolves 'the newspaper' / 'المركز' to the entity the article named before."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._seen_tokens: list[list[Tok]] = []
        self.speakers: list[tuple[str, str]] = []  # (name, role), oldest first

    def _generic_head(self, name: str) -> str | None:
        words = normalize(name).split()
        if self.lang == "ar" or has_arabic(name):
            head = words[0][2:] if words and words[0].startswith("ال") else None
            return head if head in arabic.GENERIC_HEADS or head in arabic.PUBLICATIONS else None
        if words and words[0] == "the":
            return next((w for w in words[1:4] if w in english.GENERIC_HEADS), None)
        return None

    def resolve(self, name: str) -> str:
        head = self._generic_head(name)
        if head is None:
            return self._resolve_inside(name)
        for prev, _ in reversed(self.speakers):
            if head in _key(prev).split() and _key(prev) != _key(name):
                return prev
        named = self._named_in_text(head)
        if named:
            return named
        if head in arabic.PUBLICATIONS or head in english.PUBLICATIONS:
            for prev, role in reversed(self.speakers):
                if role == "report":
                    return prev
        return name

    def _resolve_inside(self, name: str) -> str:
        """ "A spokesperson for the center" -> "A spokesperson for <the center's name>"."""
        words = name.split()
        for i in range(1, len(words)):
            tail = " ".join(words[i:])
            if self._generic_head(tail) is None:
                continue
            if words[i].lower() != "the" and not normalize(words[i]).startswith("ال"):
                # Arabic "باسم المركز": the definite noun follows a preposition-noun.
                continue
            resolved = self.resolve(tail)
            if resolved != tail:
                return " ".join([*words[:i], resolved])
        return name

    def see(self, text: str) -> None:
        """Record a unit as read, for later resolution."""
        self._seen_tokens.append(split_words(text))

    def mentions(self, toks: list[Tok]) -> tuple[str, ...]:
        """Entities that the unit's generic definite phrases refer to."""
        found: list[str] = []
        for i, t in enumerate(toks):
            if t.norm == "the":
                phrase = " ".join(x.raw for x in toks[i : i + 3])
            else:
                base = t.norm[1:] if t.norm[:1] in "وبلف" and t.norm[1:3] == "ال" else t.norm
                if not base.startswith("ال") or base[2:] not in arabic.GENERIC_HEADS:
                    continue
                phrase = base
            if self._generic_head(phrase) is None:
                continue
            resolved = self.resolve(phrase)
            if resolved != phrase and resolved not in found:
                found.append(resolved)
        return tuple(found)

    def _named_in_text(self, head: str) -> str | None:
        for toks in self._seen_tokens:
            for i, t in enumerate(toks):
                if arabic.strip_conj(t.norm) != head and t.norm != head:
                    continue
                if self.lang == "ar" or has_arabic(t.raw):
                    if i + 1 < len(toks) and not t.ends_clause:
                        return ar_subject(toks, i)
                elif t.raw[:1].isupper():
                    return en_proper_name(toks, i)
        return None

    def role_of(self, name: str) -> str | None:
        for prev, role in reversed(self.speakers):
            if _key(prev) == _key(name) and role != "context":
                return role
        return None
