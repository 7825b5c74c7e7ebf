"""Language behaviour behind one small object per language (Arabic, English).

Everything that differs between the two languages and is not an algorithm of its own (text
direction, list separators, the lexicon, negation and admission checks, question patterns) is
read from a `Language`, so callers never branch on a language code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import ModuleType

from index.language import arabic, english
from index.language.script import detect_language, has_arabic, normalize, normalize_arabic

__all__ = [
    "ARABIC",
    "ENGLISH",
    "Language",
    "detect_language",
    "has_arabic",
    "language",
    "normalize",
    "normalize_arabic",
]


@dataclass(frozen=True)
class Language:
    """What isnad needs to know about one language."""

    code: str
    other: str  # the other language's code (articles and questions are Arabic or English)
    rtl: bool
    separator: str  # between clauses of an explanation ("; " / "؛ ")
    lexicon: ModuleType  # index.language.arabic or index.language.english
    split_on_space: bool  # negation is judged per token (Arabic) or on the clause (English)

    def negated(self, text: str) -> bool:
        """Whether a normalised clause holds a negation word."""
        neg: re.Pattern[str] = self.lexicon.NEGATION
        if self.split_on_space:
            return any(neg.match(w) for w in text.split())
        return neg.search(text) is not None

    def admits(self, text: str) -> bool:
        """Whether a normalised text holds an admission verb ("admitted", "اعترف")."""
        return self.lexicon.ADMISSION.search(text) is not None

    def admission_words(self, text: str) -> list[str]:
        """The admission verbs of a normalised text, as written."""
        return [m.group().strip() for m in self.lexicon.ADMISSION.finditer(text)]

    def speech_verbs(self, text: str) -> list[str]:
        """The verbs that only give someone the word ("reported", "قالت"), as written."""
        return list(self.lexicon.speech_verbs(text))

    def agree(self, text: str, subject: str) -> str:
        """A frame's verb agreeing with the source named before it ("Critics allege: ...")."""
        return str(self.lexicon.agree(text, subject))

    def denies_report(self, text: str) -> bool:
        """Whether a normalised text names a report or charge as its object ("denied the
        report", "نفت هذه الأنباء"): a denial of whatever the article reports."""
        return self.lexicon.DENIED_REPORT.search(text) is not None

    def denied_noun(self, text: str) -> str | None:
        """The word a denial names its object by ("report" in "denied the report", "البيان" in
        "شككت في صحة البيان"), if it names one."""
        m = self.lexicon.DENIED_REPORT.search(text)
        return m.group("noun") if m and m.group("noun") else None

    def calls_report_false(self, text: str) -> bool:
        """Whether a normalised text calls a report or charge false ("the report was untrue",
        "التقرير عار عن الصحة"): a denial worded without a denial verb."""
        return self.lexicon.REPORT_FALSE.search(text) is not None

    def claims_own(self, text: str) -> bool:
        """Whether a normalised unit has a party claim something of itself ("claimed
        responsibility", "زعمت أنها نفذت"): a claim that accuses no one."""
        return self.lexicon.CLAIMS_OWN.search(text) is not None

    def in_document(self, rest: str) -> bool:
        """Whether the normalised words after a speech verb say it was said in a report or a
        study of the speaker's own ("said in a report", "قالت ... في تقرير")."""
        return self.lexicon.IN_DOCUMENT.search(rest) is not None

    def charges(self, text: str) -> bool:
        """Whether a normalised text tells of a charge against someone ("was charged with",
        "بتهمة"): what prosecutors say of it accuses."""
        return self.lexicon.CHARGED.search(text) is not None

    def feminine(self, name: str) -> bool:
        """Whether a speaker's name takes feminine agreement (Arabic: وزارة، صحيفة)."""
        return bool(self.lexicon.feminine(name))

    def sentence(self, text: str) -> str:
        """A line as a sentence opens ("Former President X alleges: ..." in English)."""
        return str(self.lexicon.sentence(text))

    def hedged(self, text: str) -> bool:
        """Whether a normalised text reports without vouching ("reportedly", "يزعم")."""
        return bool(self.lexicon.hedged(text))

    def hedge_at(self, text: str) -> int | None:
        """The word index of a normalised text's first hedge ("claims to show"), or None."""
        at: int | None = self.lexicon.hedge_at(text)
        return at

    def hedge_covers(self, text: str, wanted: set[str]) -> bool:
        """Whether a normalised text's first hedge bears on any of these search tokens: one of
        them in the hedge's own clause, after it. "A photo shared 80,000 times claims to show a
        shark" hedges the shark, not the sharing; "X, who was accused of bribery, resigned"
        hedges the bribery, not the resignation."""
        from index.normalize import tokens  # (index.normalize reads the lexicons: no cycle)

        at = self.hedge_at(text)
        if at is None:
            return False
        clause: list[str] = []
        for word in text.split()[at:]:
            clause.append(word)
            if word[-1:] in ",،.;؛:":
                break
        return not wanted or bool(wanted & set(tokens(" ".join(clause))))

    def debunked(self, text: str) -> bool:
        """Whether a normalised text calls a story false ("hoax", "لا صحة")."""
        return bool(self.lexicon.debunked(text))

    def doubted(self, text: str) -> bool:
        """Whether a normalised text questions or denies a story ("denied", "شكك")."""
        return bool(self.lexicon.doubted(text))

    def times(self, text: str) -> set[tuple[str, int]]:
        """Relative times a normalised text names: ("year", -1) for "last year"."""
        return {value for pattern, value in self.lexicon.TIMES if pattern.search(text)}

    def said_question(self, normalised_question: str) -> str | None:
        """X in "what did X say" / "ماذا قال X", if the question asks that."""
        m = self.lexicon.SAID_QUESTION.search(normalised_question)
        return next((g for g in m.groups() if g), None) if m else None

    def answer_type(self, normalised_question: str) -> str:
        """What a question asks for: said, number, time, place, reason, person, yes_no, other."""
        for name, pattern in self.lexicon.ANSWER_TYPES:
            if pattern.search(normalised_question):
                return str(name)
        return "other"

    def according_question(self, normalised_question: str) -> str | None:
        """X in "according to X" / "بحسب X", if the question names a source."""
        m = self.lexicon.ACCORDING_QUESTION.search(normalised_question)
        return next((g for g in m.groups() if g), None) if m else None


ARABIC = Language("ar", "en", True, "؛ ", arabic, True)
ENGLISH = Language("en", "ar", False, "; ", english, False)
_BY_CODE = {"ar": ARABIC, "en": ENGLISH}


def language(code: str) -> Language:
    """The Language for 'ar' or 'en'."""
    try:
        return _BY_CODE[code]
    except KeyError:
        raise ValueError(f"unsupported language {code!r}") from None
