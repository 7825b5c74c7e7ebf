"""Quantities in Arabic and English text: digits, separators, scale words and number words.

Written by hand: word-to-number libraries (word2number, text2num) cover English or French,
not Arabic words such as "خمسة وسبعين" or the dual "ألفي", nor "12 ألف"/"1.2 million" mixes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.language import arabic, english, normalize

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "dozen": 12,
}  # fmt: skip
# Normalised Arabic number words (see index.normalize): masculine/feminine, nominative/oblique.
_AR_UNITS = {
    "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "ثلاث": 3, "ثلاثه": 3,
    "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7,
    "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90, "مايه": 100, "ميه": 100,
    "مائه": 100, "مئه": 100, "مايتين": 200, "مايتان": 200, "ميتين": 200, "مئتين": 200,
    "مئتان": 200,
    # the "two" of twelve ("اثنا عشر"), and two hundred before a noun ("مئتي مليون")
    "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2, "مئتي": 200, "مايتي": 200, "ميتي": 200,
    **{f"{unit}{hundred}": 100 * n
       for unit, n in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7),
                       ("ثمان", 8), ("تسع", 9))
       for hundred in ("مايه", "ميه", "مئه")},
}  # fmt: skip
_SCALES = {
    "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9,
    "billions": 1e9, "m": 1e6, "bn": 1e9, "k": 1e3, "الف": 1e3, "الاف": 1e3, "آلاف": 1e3,
    "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9, "بليون": 1e9,
}  # fmt: skip
# Duals are one word for "two thousand", "two million": ألفين/ألفي, مليونين/مليوني.
_AR_DUALS = {"الفين": 2e3, "الفي": 2e3, "الفان": 2e3, "مليونين": 2e6, "مليوني": 2e6, "مليونان": 2e6}
_CURRENCY = {
    "$": "usd", "dollar": "usd", "dollars": "usd", "دولار": "usd", "دولارا": "usd",
    "€": "eur", "euro": "eur", "euros": "eur", "يورو": "eur", "£": "gbp", "pound": "gbp",
    "pounds": "gbp", "جنيه": "gbp", "استرليني": "gbp", "percent": "%", "%": "%", "بالمئه": "%",
    "بالمايه": "%", "في المايه": "%",
}  # fmt: skip
_MEASURES = {**english.MEASURES, **arabic.MEASURES}
_SCALES_OF_UNITS = {**english.UNIT_SCALES, **arabic.UNIT_SCALES}
_BEFORE = ("magnitude", "date")  # measures whose word may come before the number
_TIMES_ADJECTIVE = re.compile(r"\b[\w.]+-times?\b")  # "a two-time champion"
_TOKEN = re.compile(r"[$€£%]|\d+(?:[.,٫]\d+)*|[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Quantity:
    """A number found in text, with its currency or percent unit when one is attached."""

    value: float
    unit: str | None
    year: bool = False  # four digits, no scale or unit: 1998, ٢٠٢٤
    measure: str | None = None  # what the word after it measures: magnitude, duration, length...
    noun: str = field(default="", compare=False)  # the word after it ("feet", "متابع")

    @property
    def kind(self) -> str:
        """What the number measures: only quantities of one kind are compared (lengths, weights
        and durations in units of known scale; in any other unit only with that unit)."""
        if self.measure in ("length", "weight", "duration"):
            return self.measure if self.scale else f"{self.measure}:{self.noun}"
        return self.unit or self.measure or ("year" if self.year else "count")

    @property
    def scale(self) -> float | None:
        """The size of its unit in the measure's base unit ("centimetres" 0.01 of a metre)."""
        return _SCALES_OF_UNITS.get(self.noun) or _SCALES_OF_UNITS.get(_strip_prefix(self.noun))


# "الاثنين" is Monday ("يوم الاثنين"), not "the two": a weekday is no figure to compare.
_WEEKDAY = "الاثنين"


def _strip_prefix(word: str) -> str:
    # Arabic clitics on number words: و (and), ب (with/for), ل (to), ال (the).
    if word == _WEEKDAY:
        return word
    for p in ("وب", "ول", "و", "ب", "ل", "ال"):
        if word.startswith(p) and len(word) > len(p) + 2:
            rest = word[len(p) :]
            if rest in _AR_UNITS or rest in _SCALES or rest in _AR_DUALS or rest in _CURRENCY:
                return rest
    return word


def _digits(tok: str) -> float | None:
    tok = tok.replace("٫", ".")
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", tok):
        tok = tok.replace(",", "")
    tok = tok.replace(",", ".")
    try:
        return float(tok)
    except ValueError:
        return None


def quantities(text: str) -> list[Quantity]:
    """Every quantity in the text, in order ("$75 million" -> 75e6 usd; "ألفي" -> 2000)."""
    # "a two-time champion": how often someone won, an adjective, not a figure of the story
    plain = _TIMES_ADJECTIVE.sub(" ", normalize(text))
    words = [_strip_prefix(w) for w in _TOKEN.findall(plain.replace("-", " "))]
    out: list[Quantity] = []
    i = 0
    while i < len(words):
        value, j = _number_at(words, i)
        if value is None:
            i += 1
            continue
        unit = None
        while j < len(words) and words[j] in _SCALES:
            if words[j] == "m" and not (i and words[i - 1] in _CURRENCY):
                break  # "$5m" is five million, "the 200m final" a length
            value *= _SCALES[words[j]]
            j += 1
        for k in (i - 1, j, j + 1):
            if 0 <= k < len(words) and words[k] in _CURRENCY:
                unit = _CURRENCY[words[k]]
                break
        year = j == i + 1 and bool(re.fullmatch(r"(1[89]|20|21)\d\d", words[i])) and not unit
        measure = _measure(words, j) if not unit else None
        if measure is None and not unit and i and _MEASURES.get(words[i - 1]) in _BEFORE:
            measure = _MEASURES[words[i - 1]]  # "magnitude 7.2", "January 21"
        if measure == "date" and not (value == int(value) and 1 <= value <= 31):
            measure = None  # no day of a month: "in January 40 people died"
        noun = words[j] if j < len(words) and not unit and words[j].isalpha() else ""
        out.append(Quantity(value, unit, year and not measure, measure, noun))
        i = max(j, i + 1)
    return out


def _measure(words: list[str], j: int) -> str | None:
    """What the word after a number measures ("7.2 magnitude", "30 years old", "5 km")."""
    if j >= len(words):
        return None
    found = _MEASURES.get(words[j]) or _MEASURES.get(_strip_prefix(words[j]))
    if found == "duration" and j + 1 < len(words) and words[j + 1] in _MEASURES:
        return _MEASURES[words[j + 1]]  # "30 years old" is an age
    return found


def _number_at(words: list[str], i: int) -> tuple[float | None, int]:
    """(value, next index) of a number starting at words[i], or (None, i)."""
    w = words[i]
    if w[0].isdigit():
        return _digits(w), i + 1
    if w in _AR_DUALS:
        return _AR_DUALS[w], i + 1
    table = _AR_UNITS if w in _AR_UNITS else _EN_UNITS if w in _EN_UNITS else None
    if table is None or (w == "a" and (i + 1 >= len(words) or words[i + 1] not in _SCALES)):
        return None, i
    total, j = 0.0, i
    while j < len(words):
        word = words[j]
        if word in ("and", "و") and total and j + 1 < len(words) and words[j + 1] in table:
            j += 1
            continue
        if word not in table:
            break
        v = table[word]
        total = total * v if v == 100 and total else total + v
        j += 1
    return total, j


def figure_word(word: str) -> bool:
    """Whether a (normalised) word only belongs to a figure: a scale or a currency ("million",
    "دولار"), which says nothing of what the figure counts."""
    return word in _SCALES or word in _CURRENCY or word in _AR_DUALS or word in _PERCENT_WORDS


# The words of "per cent" / "في المئة": a unit, not what the figure measures.
_PERCENT_WORDS = frozenset(
    {"per", "cent", "percent", "pct", "المئه", "المايه", "بالمئه", "بالمايه"}
)


def same_quantity(a: Quantity, b: Quantity) -> bool:
    """Equal values (to 0.5%; lengths, weights and durations in one scale) and compatible
    units."""
    if a.unit and b.unit and a.unit != b.unit:
        return False
    x, y, tolerance = a.value, b.value, 0.005
    if a.scale and b.scale and a.measure == b.measure:
        x, y = x * a.scale, y * b.scale
        # a figure converted from another unit is rounded: "50 feet (15 metres)"
        tolerance = tolerance if a.scale == b.scale else _CONVERTED
    return abs(x - y) <= tolerance * max(abs(x), abs(y), 1e-9)


_CONVERTED = 0.05
