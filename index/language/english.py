"""The English lexicon: every word list the product reads for English, in one place.

Nothing here names a person, outlet or sentence of any one article.
"""

from __future__ import annotations

import re

REPORT, ACCUSE, DENY, SPEECH = "report", "accusation", "denial", "speech"

# ---- reported speech ------------------------------------------------------------------------
# Verb stems by class; a stem matches with -s/-d/-ed/-es/-ing (see `verb_kind`).
VERBS: dict[str, tuple[str, ...]] = {
    REPORT: ("report", "reveal", "disclose", "write", "wrote", "uncover", "shed"),
    ACCUSE: ("accuse", "allege", "claim", "charge", "blame", "criticise", "criticize", "demand"),
    DENY: ("deny", "denie", "denied", "reject", "refute", "dismiss", "dispute", "rebut", "decline"),
    SPEECH: (
        "say", "said", "tell", "told", "state", "add", "stress", "explain", "note", "insist",
        "argue", "confirm", "announce", "assert", "warn", "acknowledge",
    ),
}  # fmt: skip
_VERB_ENDINGS = ("", "s", "d", "ed", "es", "ing")
ACCORDING = re.compile(r"\baccording to\b|\bcited by\b|\bciting\b", re.IGNORECASE)
AUX = frozenset("has have had also later then previously earlier on monday tuesday".split())
SUBJECT_STOP = frozenset("that and but which who while when after before as in on".split())
PRONOUNS = frozenset("he she it they we i his her its their".split())
CONTINUATION = re.compile(r"^(he|she|it|they)\s+(also|further|added|went on)\b", re.I)
GENERIC_HEADS = frozenset(
    "newspaper paper daily outlet magazine agency broadcaster site report council company firm "
    "ministry government center centre group organisation organization party court spokesman "
    "spokeswoman spokesperson".split()
)
PUBLICATIONS = frozenset("newspaper paper daily outlet magazine agency broadcaster".split())
PASSIVE_AUX = frozenset("was were is are been be being".split())
NOUNS = {"accusations": ACCUSE, "allegations": ACCUSE, "accusation": ACCUSE, "denial": DENY}
DECLINE_OBJECT = re.compile(r"^declin\w*\s+to\s+(comment|respond)", re.IGNORECASE)
# Words before a verb-like word that make it a noun ("the report", "his claim").
DETERMINERS = frozenset("the a an this that its his her their of in to on for our my your".split())
# What may open a phrase inserted between a subject and its verb: "Name, the role, said".
APPOSITION_OPENERS = frozenset("the a an its his her their our who which whose".split())

# ---- polarity -------------------------------------------------------------------------------
NEGATION = re.compile(r"\b(not|never|no|none|nothing|neither|nor)\b|n't\b", re.IGNORECASE)
ADMISSION = re.compile(r"\b(admit|admits|admitted|acknowledg\w*|conced\w*|confess\w*)\b")

# ---- questions ------------------------------------------------------------------------------
# "What did X say", "What is X's position": questions about what someone said.
SAID_QUESTION = re.compile(
    r"\bwhat\s+(?:did|does|do|has|have|had)\s+(.+?)\s+(?:say|said|think|comment|tell|respond)\b"
    r"|\bwhat\s+(?:is|was)\s+(.+?)'s\s+(?:position|view|stance|response|reaction|comment)\b"
    r"|\bhow\s+did\s+(.+?)\s+(?:respond|react|comment)\b",
    re.IGNORECASE,
)
ACCORDING_QUESTION = re.compile(r"\baccording\s+to\s+(.+?)\s*(?:[?,.]|$)", re.IGNORECASE)

# ---- search ---------------------------------------------------------------------------------
STOP_WORDS = frozenset(
    """a an the of to in on at by for from with about as into over after before and or but if
    than then that this these those is are was were be been being do does did done has have had
    what which who whom whose when where why how much many does did it its it's he she they them
    his her their there here not no yes any some all can could would should will shall may might
    according said say says tell told please article""".split()
)


def verb_kind(word: str, prev: str | None) -> str | None:
    """The speech-verb class of a lower-case word ("denied" -> denial), or None for a noun use."""
    if not word.isalpha() or (prev and prev in DETERMINERS):
        return None
    for kind, stems in VERBS.items():
        for stem in stems:
            if word.startswith(stem) and word[len(stem) :] in _VERB_ENDINGS:
                return kind
    return None


# What a question asks for, from its first words (checked in this order).
ANSWER_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("said", SAID_QUESTION),
    ("number", re.compile(r"^\W*how\s+(many|much|long|old|far|large|big)\b", re.I)),
    ("time", re.compile(r"^\W*(when\b|(in\s+)?what\s+(year|date|day|month|time|century)\b)", re.I)),
    ("place", re.compile(
        r"^\W*(where\b|(in\s+)?(what|which)\s+(city|country|place|town)\b)", re.I)),
    ("reason", re.compile(r"^\W*(why\b|for\s+what\s+reason\b)", re.I)),
    ("person", re.compile(r"^\W*(who|whom|whose)\b", re.I)),
    ("yes_no", re.compile(
        r"^\W*(is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b", re.I)),
)  # fmt: skip


# ---- verification: hedges, debunks, relative time, measures (issue 13) ----------------------
# A report the writer does not vouch for: "reportedly", "purports to show", "is believed to".
HEDGE = re.compile(
    r"\b(reportedly|alleged(ly)?|purported(ly)?|purports?|supposed(ly)?|apparent(ly)?|"
    r"rumou?rs?|rumou?red|unconfirmed|unverified|speculat\w*|believed|thought to|said to|"
    r"claim(s|ed)?|may|might|possibl[ey]|perhaps|appears? to|seems? to|suggests?|"
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
MEASURES: dict[str, str] = {
    **dict.fromkeys("magnitude richter".split(), "magnitude"),
    **dict.fromkeys("second seconds minute minutes hour hours day days week weeks month "
                    "months year years decade decades".split(), "duration"),
    **dict.fromkeys("km kilometre kilometres kilometer kilometers mile miles metre metres "
                    "meter meters feet foot ft inch inches".split(), "length"),
    **dict.fromkeys("kg kilo kilos kilogram kilograms ton tons tonne tonnes pound "
                    "lb lbs".split(), "weight"),
    **dict.fromkeys("old aged".split(), "age"),
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


def debunked(norm: str) -> bool:
    """Whether a normalised text calls a story false ("hoax", "fake", "no evidence")."""
    return DEBUNK.search(norm) is not None


def doubted(norm: str) -> bool:
    """Whether a normalised text questions or denies a story ("denied", "unverified")."""
    return DOUBT.search(norm) is not None
