"""Whom an English pronoun can stand for: a person ("he", "she"), a body ("it"), a group ("they").

A name is a person when it carries a title ("Sen.", "Mr.") or a person's role ("spokesman"), or
is two or more capitalised words with no word of an institution; a body when it holds such a
word ("council", "agency", "the Times") or is an acronym ("IMF"); a group when it is a plural
("officials", "Smith and Jones"). A single capitalised word ("Smith", "Norway") is left open,
unless the article named it in full before. Gender comes only from the text: "Mr."/"Ms." or
"X said he ...". When nothing fits, the pronoun stands for no one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from index.language import english as en

PERSON, BODY, GROUP = "person", "body", "group"
_BODY = en.BODY_WORDS | en.PUBLICATIONS | en.DOCUMENTS
_WANT = {"he": PERSON, "she": PERSON, "it": BODY, "they": GROUP}
_GENDER = {"he": "m", "she": "f"}


def _words(name: str) -> list[str]:
    return [w.strip(".,'’\"()").lower() for w in name.split() if w.strip(".,'’\"()")]


def _acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def kind_of(name: str) -> str | None:
    """person, body or group, or None when the name alone does not tell (read up to an attached
    phrase: "Jo Lee at the Review" is a person, "the Center for Policy" a body)."""
    raw = [w for w in name.split() if w.strip(".,'’\"()")]
    cut = next((k for k, w in enumerate(raw) if k and w.lower() in en.ATTACHING), len(raw))
    raw = raw[:cut]
    words = _words(" ".join(raw))
    if not words:
        return None
    if " and " in f" {name.lower()} " or (words[-1] in en.PLURAL_PEOPLE):
        return GROUP
    if any(w in en.TITLES or w in en.PERSON_NOUNS for w in words):
        return PERSON
    if any(w in _BODY for w in words) or any(_acronym(w) for w in raw):
        return BODY
    if words[-1].endswith("s") and (raw[-1].islower() or words[-1] in en.SOURCE_NOUNS):
        return GROUP  # "officials", "critics", "lawmakers"; "Analysts at X" opening a sentence
    if words[0] == "the" and len(raw) > 1 and raw[1][:1].isupper():
        return BODY  # "the Times", "The Post"
    capitalised = [w for w in raw if w[:1].isupper()]
    if len(capitalised) >= 2 and len(capitalised) == len(raw):
        return PERSON  # "Jane Smith" (a body has a word of its kind: "Harbour Authority")
    return None


@dataclass
class Agreement:
    """What the article has shown about the names it used: kinds and genders."""

    kinds: dict[str, str] = field(default_factory=dict)  # by last word: "smith" -> person
    genders: dict[str, str] = field(default_factory=dict)  # by last word: "smith" -> "f"

    def learn(self, name: str, next_words: list[str]) -> None:
        """Record a name as used; `next_words` follow it ("said she" tells the gender)."""
        words = _words(name)
        if not words:
            return
        kind = kind_of(name)
        if kind is not None and len(words) > 1:
            self.kinds.setdefault(words[-1], kind)
        if words[0] in ("mr",):
            self.genders.setdefault(words[-1], "m")
        elif words[0] in ("mrs", "ms"):
            self.genders.setdefault(words[-1], "f")
        said = next_words[:2]
        if len(said) == 2 and said[0] in en.VERB_FORMS and said[1] in _GENDER:
            self.genders.setdefault(words[-1], _GENDER[said[1]])  # "X said he ..."

    def sure(self, pronoun: str, name: str) -> bool:
        """Whether the article shows the name is of the pronoun's kind (and gender): "its" of a
        body, "his" of a man it called "Mr." or "he"."""
        words = _words(name)
        if pronoun in _GENDER:
            return bool(words) and self.genders.get(words[-1]) == _GENDER[pronoun]
        kind = kind_of(name) or (self.kinds.get(words[-1]) if words else None)
        return kind == _WANT.get(pronoun)

    def fits(self, pronoun: str, name: str) -> bool:
        """Whether the pronoun can stand for the name."""
        words = _words(name)
        if not words:
            return False
        kind = kind_of(name) or self.kinds.get(words[-1])
        want = _WANT.get(pronoun)
        if want is None:
            return False
        if kind is None:
            return want == PERSON or (want == BODY and len(words) == 1)
        if kind != want:
            return False
        gender = self.genders.get(words[-1])
        return gender is None or pronoun not in _GENDER or gender == _GENDER[pronoun]
