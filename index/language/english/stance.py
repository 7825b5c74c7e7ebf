"""English stance cues for verification: hedges, debunking, doubt, relative time, measures."""

from __future__ import annotations

import re

from index.language.english.speech import REPORT, SPEECH, verb_kind

# ---- verification: hedges, debunks, relative time, measures (issue 13) ----------------------
# Words whose opposite in a passage that otherwise states a claim says the opposite of it
# ("revenue rose" / "revenue fell", "granted bail" / "refused bail"): pairs of word lists.
OPPOSITES = (
    ("rise rose risen rising rises increase increased grew grow growth gain gained higher",
     "fall fell fallen falling falls decrease decreased drop dropped decline declined shrank "
     "lower"),
    ("grant granted allow allowed approve approved accept accepted",
     "refuse refused reject rejected ban banned"),
    ("win won wins", "lose lost loses"),
    ("open opened opens reopened", "close closed closes shut"),
    ("acquit acquitted", "convict convicted"),
)  # fmt: skip
# A report the writer does not vouch for: "reportedly", "purports to show", "is believed to".
HEDGE = re.compile(
    r"\b(reportedly|alleged(ly)?|purported(ly)?|purports?|supposed(ly)?|apparent(ly)?|"
    r"accused of|charged with|suspected of|"
    r"rumou?rs?|rumou?red|unconfirmed|unverified|speculat\w*|believed|thought to|said to|"
    r"claim(s|ed)?|(?<!\bin )may(?! \d)|might|possibl[ey]|perhaps|appears? to|seems? to|suggests?|"
    r"if true|could not (be )?(independently )?(verif|confirm)\w*)\b",
    re.IGNORECASE,
)
# The writer says a story is false: "a hoax", "fake", "no evidence", "debunked".
DEBUNK = re.compile(
    r"\b(hoax(es)?|fakes?|faked|fabricat\w*|false(ly)?|untrue|not true|debunk\w*|bogus|"
    r"no evidence|satir\w*|prank\w*|photoshop\w*|doctored|myth|misleading|"
    r"not (real|genuine|authentic)|made up|never happened|retract\w*)\b",
    re.IGNORECASE,
)
# Someone in the article questions or denies the story (a contrary voice that is not the
# writer's own verdict): "denied", "cast doubt", "could not be verified", "sceptical".
DOUBT = re.compile(
    r"\b(den(y|ies|ied|ying|ial)|doubts?|doubted|doubtful|skeptic(al|ism|s)?|sceptic(al|ism|s)?|"
    r"questioned|questionable|unverified|unconfirmed|refut\w*|rebut\w*|dismiss(ed|es)?|"
    r"disputed?|disputes|contradict\w*|"
    r"insist\w* (that )?(it|he|she|they) (was|were|is|are|did) not|"
    r"(could|can|has|have|had) ?(not|n't) (yet )?(be(en)? )?(independently )?(verif|confirm)\w*|"
    r"no (proof|evidence)|not (been )?(verified|confirmed))\b",
    re.IGNORECASE,
)
# A denial whose object is the report itself ("denied the report", "rejected the allegations"):
# the other side of whatever report or charge the article carries.
_REPORT_NOUNS = (
    r"reports?|allegations?|accusations?|claims?|charges?|story|stories|rumou?rs?|article|"
    r"figures?|numbers?|investigation"
)
DENIED_REPORT = re.compile(
    rf"\b(the|these|those|this|such|that)\s+(\w+\s+)?(?P<noun>{_REPORT_NOUNS}|news|statements?)\b|"
    r"\b(any|all)\s+wrongdoing\b",
    re.IGNORECASE,
)
# A voice calling the report or charge itself false ("said the report was completely untrue",
# "called the allegations baseless"): a denial in other words than "deny".
_SPOKEN_OF = rf"(the|these|those|this|such|that|its|their|his|her)\s+(\w+\s+)?({_REPORT_NOUNS})\b"
_FALSE = (
    r"(\w+ly\W+)?(untrue|false|baseless|groundless|unfounded|fabricat(ed|ions?)|fake|made up|"
    r"lies|a lie|nonsense|not true|inaccurate|misleading|exaggerated|overstated|"
    r"without (any )?(basis|foundation))\b"
)
REPORT_FALSE = re.compile(
    rf"\b{_SPOKEN_OF}(\W+\w+){{0,4}}?\W+(was|were|is|are|been|be)\W+{_FALSE}|"
    rf"\b(call(ed|s)?|describ(ed|es)|dismiss(ed|es)|brand(ed|s)|label(l?ed|s))\s+{_SPOKEN_OF}"
    rf"\W+(as\W+)?{_FALSE}",
    re.IGNORECASE,
)
# A claim a party makes about itself ("the group claimed responsibility", "claimed it had
# carried out"): no one is accused.
CLAIMS_OWN = re.compile(
    r"\bclaim(s|ed|ing)?\s+((full\s+)?responsibility\b|(that\s+)?(it|they|we)\s+(had|has|have)\b)",
    re.IGNORECASE,
)
# Said in a document of its own ("said in a report published on Wednesday"): a report.
IN_DOCUMENT = re.compile(
    r"^\W*in\s+(a|an|its|their|his|her)\s+(\w+\s+)?(report|study|survey|analysis|audit|review)\b",
    re.IGNORECASE,
)
# What a voice says is a charge against someone ("X was charged with", "accused of"): said by
# prosecutors or police, it is an accusation, not a statement of fact.
CHARGED = re.compile(
    r"\b(was|were|is|are|been|being)\s+(\w+ly\s+)?(charged(\s+\w+){0,3}?\s+with|"
    r"accused(\s+\w+){0,3}?\s+of|indicted(\s+\w+){0,3}?\s+(on|for)|"
    r"arrested(\s+\w+){0,3}?\s+(on suspicion|for|over)|sued(\s+\w+){0,3}?\s+(over|for))\b",
    re.IGNORECASE,
)
# Relative time: (unit, offset) of "last year", "this week", "yesterday"...
TIMES: tuple[tuple[re.Pattern[str], tuple[str, int]], ...] = tuple(
    (re.compile(p, re.IGNORECASE), v)
    for p, v in (
        (r"\blast (year|yr)\b|\ba year ago\b", ("year", -1)),
        (r"\bthis year\b|\bearlier this year\b", ("year", 0)),
        (r"\bnext year\b", ("year", 1)),
        (r"\blast month\b", ("month", -1)),
        (r"\bthis month\b", ("month", 0)),
        (r"\bnext month\b", ("month", 1)),
        (r"\blast week\b", ("week", -1)),
        (r"\bthis week\b", ("week", 0)),
        (r"\bnext week\b", ("week", 1)),
        (r"\byesterday\b", ("day", -1)),
        (r"\btoday\b", ("day", 0)),
        (r"\btomorrow\b", ("day", 1)),
    )
)
# What a number measures, by the word after it: counts are compared only with counts.
# Units of lengths, weights and durations, each with its size in the measure's base unit
# (metres, kilograms, seconds), so that "2 metres" and "30 centimetres" compare as lengths.
UNITS: dict[str, dict[str, float]] = {
    "length": {
        **dict.fromkeys("km kilometre kilometres kilometer kilometers".split(), 1000.0),
        **dict.fromkeys("mile miles".split(), 1609.34),
        **dict.fromkeys("m metre metres meter meters".split(), 1.0),
        **dict.fromkeys("cm centimetre centimetres centimeter centimeters".split(), 0.01),
        **dict.fromkeys("mm millimetre millimetres".split(), 0.001),
        **dict.fromkeys("feet foot ft".split(), 0.3048),
        **dict.fromkeys("inch inches".split(), 0.0254),
    },
    "weight": {
        **dict.fromkeys("kg kilo kilos kilogram kilograms".split(), 1.0),
        **dict.fromkeys("ton tons tonne tonnes".split(), 1000.0),
        **dict.fromkeys("pound lb lbs".split(), 0.4536),
    },
    "duration": {
        **dict.fromkeys("second seconds".split(), 1.0),
        **dict.fromkeys("minute minutes".split(), 60.0),
        **dict.fromkeys("hour hours".split(), 3600.0),
        **dict.fromkeys("day days".split(), 86400.0),
        **dict.fromkeys("week weeks".split(), 604800.0),
        **dict.fromkeys("month months".split(), 2629800.0),
        **dict.fromkeys("year years".split(), 31557600.0),
        **dict.fromkeys("decade decades".split(), 315576000.0),
    },
}  # fmt: skip
UNIT_SCALES = {word: size for sizes in UNITS.values() for word, size in sizes.items()}
MEASURES: dict[str, str] = {
    **dict.fromkeys("magnitude richter".split(), "magnitude"),
    **{word: measure for measure, sizes in UNITS.items() for word in sizes},
    **dict.fromkeys("old aged".split(), "age"),
    **dict.fromkeys("am pm".split(), "clock"),  # "at 10pm": a time of day
    # A number next to a month's name is a day of that month ("21 January", "January 21").
    **dict.fromkeys("january february march april may june july august september october "
                    "november december jan feb mar apr jun jul aug sep sept oct nov dec".split(),
                    "date"),
}  # fmt: skip


def speech_verbs(norm: str) -> list[str]:
    """The verbs of a normalised text that only give someone the word ("reported", "said"),
    as written; an accusation or a denial is itself what is said."""
    words = norm.split()
    kinds = (REPORT, SPEECH)
    return [w for i, w in enumerate(words) if verb_kind(w, words[i - 1] if i else None) in kinds]


def hedged(norm: str) -> bool:
    """Whether a normalised text reports without vouching ("reportedly", "allegedly")."""
    return HEDGE.search(norm) is not None


def hedge_at(norm: str) -> int | None:
    """The index (in `norm.split()`) of the first hedging word, or None."""
    m = HEDGE.search(norm)
    return None if m is None else len(norm[: m.start()].split())


def debunked(norm: str) -> bool:
    """Whether a normalised text calls a story false ("hoax", "fake", "no evidence")."""
    return DEBUNK.search(norm) is not None


def doubted(norm: str) -> bool:
    """Whether a normalised text questions or denies a story ("denied", "unverified")."""
    return DOUBT.search(norm) is not None
