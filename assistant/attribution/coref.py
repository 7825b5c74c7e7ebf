"""Coreference for speakers: "the newspaper", "المركز" stand for the entity named earlier, and a
pronoun or a pro-drop verb for the last speaker named."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.attribution import arabic_np
from assistant.attribution.agree import Agreement
from assistant.attribution.tokens import Tok
from index.language import arabic, english
from index.language.script import has_arabic, normalize

# Generic words for a publication only: "the paper said" is the outlet that reported last.
_OUTLET_WORDS = frozenset(
    {"newspaper", "paper", "daily", "magazine", "صحيفه", "جريده", "يوميه", "مجله"}
)
# "A spokesperson for X" / "متحدث باسم X" speaks for X.
_FOR = ("for", "of", "باسم", "عن")


def key(name: str) -> str:
    """A name's matching form: normalised, without articles and the Arabic ال."""
    words = [w for w in normalize(name).split() if w not in ("the", "a", "an")]
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words)


def entity(name: str) -> str:
    """Whom a name speaks for: "A spokesperson for the centre" -> "the centre"."""
    words = name.split()
    for i, w in enumerate(words[:-1]):
        speaks_for = arabic.SPEAKS_FOR | english.SPEAKS_FOR
        if normalize(w) in _FOR and 0 < i <= 2 and normalize(words[i - 1]) in speaks_for:
            return key(" ".join(words[i + 1 :]))
    return key(name)


@dataclass
class Voice:
    """A speaker named so far."""

    name: str
    role: str
    unit: int
    source: tuple[int, int] | None  # where the article names it (absolute offsets)
    speaks: bool = True  # named by a speech cue, not a belief or stance: it may own a quote
    headline: bool = False  # named in a headline: no pronoun of the text points back to it

    @property
    def speaker_name(self) -> str:
        """The speaker's name (as attributions carry it)."""
        return self.name


class Resolver:
    """Resolves 'the newspaper' / 'المركز' to the entity the article named before."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._seen: list[list[Tok]] = []
        self._inside: set[str] = set()  # words capitalised inside a sentence: names
        self.voices: list[Voice] = []  # oldest first
        self.outlets: set[str] = set()  # keys of names known to be publications
        self.subjects: list[Voice] = []  # named sentence subjects, for English pronouns
        self.agree = Agreement()

    def _generic_head(self, name: str) -> str | None:
        words = normalize(name).split()
        if not words:
            return None
        if has_arabic(name):
            if len(words) > 3 or not all(w.startswith("ال") for w in words[1:]):
                return None  # "المحكمة القاضية رنا الشامي" names someone, not "the court"
            first = arabic.strip_conj(words[0])
            head = first[2:] if first.startswith("ال") else None
            return head if head in arabic.GENERIC_HEADS or head in arabic.PUBLICATIONS else None
        if words[0] == "the" and len(words) <= 3:
            # A capitalised head is a proper name ("The Daily Courier"), not "the daily".
            raw = name.split()
            return next(
                (w for w, r in zip(words[1:3], raw[1:3], strict=False)
                 if w in english.GENERIC_HEADS and r.islower()),
                None,
            )  # fmt: skip
        return None

    def resolve(self, name: str) -> str:
        """The entity a generic name stands for, else the name itself."""
        head = self._generic_head(name)
        if head is None:
            return self._resolve_inside(name)
        for v in reversed(self.voices):
            if _headed_by(head, key(v.name)) and key(v.name) != key(name):
                return v.name
        named = self._named_in_text(head)
        if named:
            return named
        if head in _OUTLET_WORDS:
            for v in reversed(self.voices):
                if v.role == "report":
                    return v.name
        return name

    def _resolve_inside(self, name: str) -> str:
        """ "A spokesperson for the center" -> "A spokesperson for <the center's name>"."""
        words = name.split()
        for i in range(1, len(words)):
            tail = " ".join(words[i:])
            if self._generic_head(tail) is None:
                continue
            if words[i].lower() != "the" and not normalize(words[i]).startswith("ال"):
                continue
            resolved = self.resolve(tail)
            if resolved != tail:
                # Inside a name, "The" of the entity's own name is lower case ("for the ...").
                head, _, rest = resolved.partition(" ")
                inner = f"the {rest}" if head == "The" and rest else resolved
                return " ".join([*words[:i], inner])
        return name

    def see(self, toks: list[Tok], headline: bool = False) -> None:
        """Record a unit as read, for later resolution. A headline's words are no source of
        names: its phrases run into its verbs ("محكمة الجنايات تستمع إلى ...")."""
        if not headline:
            self._seen.append(toks)
        self._inside.update(t.norm for t in toks[1:] if t.capitalised)

    def named_inside(self, norm: str) -> bool:
        """Whether a word read so far was capitalised inside a sentence (a name, not a start)."""
        return norm in self._inside

    def last(self, unit: int, window: int) -> Voice | None:
        """The last speaker named, if within `window` units of this one."""
        if self.voices and unit - self.voices[-1].unit <= window:
            return self.voices[-1]
        return None

    def antecedent(self, unit: int, window: int, pronoun: str, only: bool = False) -> Voice | None:
        """The latest speaker or sentence subject, within `window` units, that the pronoun can
        stand for ("it" a body, "she" a person not known as "he", "they" a group); with `only`,
        none unless it is the one such name in the window."""
        named = sorted(self.voices + self.subjects, key=lambda v: v.unit)
        fits = [
            v for v in named
            if unit - v.unit <= window and not v.headline and self.agree.fits(pronoun, v.name)
        ]  # fmt: skip
        if not fits or (only and len({entity(v.name) for v in fits}) > 1):
            return None
        return fits[-1]

    def possessor(self, name: str, unit: int, window: int, before: str = "") -> str | None:
        """ "her campaign" -> "<the one named before>'s campaign"; the name itself when it has
        no possessive pronoun; None unless exactly one name before (in the `window` units, and
        `before` it in its own sentence) can be its owner: no guessing whose."""
        first, _, rest = name.partition(" ")
        pronoun = english.POSSESSIVES.get(first.lower()) if self.lang == "en" else None
        if pronoun is None:
            return name
        owner = self.antecedent(unit, window, pronoun, only=True)
        if owner is not None and rest and self.agree.sure(pronoun, owner.name):
            own = set(normalize(owner.name).split())
            others = [w for w in before.split()[1:] if w[:1].isupper() and normalize(w) not in own]
            if not others:
                return f"{owner.name}'s {rest}"
        # Unsure whose: "its members" stay "members"; "his lawyer", "their managers" name no one.
        return rest if pronoun == "it" and rest else None

    def add(self, voice: Voice) -> None:
        """Record a speaker."""
        self.voices.append(voice)
        if voice.role == "report":
            self.outlets.add(key(voice.name))

    def is_outlet(self, name: str) -> bool:
        """Whether the article named this source as a publication or a document."""
        if key(name) in self.outlets:
            return True
        if not has_arabic(name):
            # A publication's word heads the name ("the Harlow Post") or opens a proper name
            # ("Daily Courier"); "the Corran paper mill" is a mill.
            raw = name.split()
            lists = (english.PUBLICATIONS, english.DOCUMENTS)
            return any(
                normalize(w) in lst and (k == len(raw) - 1 or raw[k + 1][:1].isupper())
                for k, w in enumerate(raw[:4])
                for lst in lists
            )
        # A word may start with و of its own ("وكالة"), not only the conjunction: both forms.
        words = [f for w in normalize(name).split()[:3] for f in {w, arabic.strip_conj(w)}]
        words = [w[2:] if w.startswith("ال") else w for w in words]
        return any(w in lst for w in words for lst in (arabic.PUBLICATIONS, arabic.DOCUMENTS))

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
        for toks in self._seen:
            for i, t in enumerate(toks):
                if arabic.strip_conj(t.norm) != head and t.norm != head:
                    continue
                if has_arabic(t.raw):
                    if i + 1 < len(toks) and not t.ends_clause:
                        np = arabic_np.subject_after(toks, i)
                        if len(np) > 1:
                            return " ".join(x.raw for x in np)
                elif t.capitalised and i > 0:  # a capital opening a unit proves no name
                    return _proper_name(toks, i)
        return None

    def role_of(self, name: str) -> str | None:
        """The last role of the entity this name speaks for."""
        want = entity(name)
        for v in reversed(self.voices):
            if entity(v.name) == want and v.role != "context":
                return v.role
        return None


def _headed_by(head: str, name_key: str) -> bool:
    """Whether a generic head ("company", "مركز") is what a name is: in English its last word,
    or the word before its first "of"/"for" ("Center for ..."); its first word in Arabic. "A
    company spokesman" and "a spokeswoman for the ministry" are people, not the body."""
    words = name_key.split()
    if not words:
        return False
    if has_arabic(name_key):
        return arabic.strip_conj(words[0]) == head or words[0] == head
    first = next((k for k in range(1, len(words)) if words[k] in ("of", "for")), None)
    return words[-1] == head if first is None else words[first - 1] == head


def _proper_name(toks: list[Tok], i: int) -> str:
    """The capitalised name around toks[i] ("Center for Countering Digital Hate")."""
    a = i
    while a > 0 and toks[a - 1].capitalised and not toks[a - 1].ends_clause:
        a -= 1
    b = i
    while b + 1 < len(toks) and not toks[b].ends_clause:
        nxt = toks[b + 1]
        joins = nxt.norm in ("for", "of", "and") and b + 2 < len(toks) and toks[b + 2].capitalised
        if "(" in nxt.before:
            b += 1 if ")" in nxt.after and nxt.capitalised else 0  # "Harbour Trust (HT)"
            break
        if nxt.capitalised or joins:
            b += 1
        else:
            break
    words = [t.raw for t in toks[a : b + 1]]
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)
