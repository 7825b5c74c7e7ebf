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

# ---- answers: what a passage offers for a question's expected answer type ----------------------
NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands
    million millions billion billions dozen dozens half quarter percent per cent first second
    third fourth fifth once twice""".split()
)
TIME_WORDS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday century centuries decade decades
    year years month months week weeks day days era period age dynasty spring summer autumn
    winter season bc ad ce bce today yesterday tomorrow morning evening night""".split()
)
# Words that give a reason or purpose ("because", "due to", "in order to").
REASON = re.compile(
    r"\b(because|due to|owing to|as a result|thanks to|since|so that|in order to|caused by|"
    r"led to|leads to|result of|reason|aim(ed)? to|to avoid|to prevent|to allow|to ensure)\b",
    re.IGNORECASE,
)
# Prepositions that open a place ("in Paris", "near the river").
PLACE_PREPOSITIONS = frozenset("in at near from to into across outside inside within".split())
# Derivational endings stripped (after stemming) so that "founder" meets "founded".
DERIVATION_SUFFIXES = ("ations", "ation", "ers", "er", "ors", "or", "ment", "ing", "ion", "ist")
# "What is X accusing Y of", "What did X accuse Y of": the accuser (agent) and the accused.
ACCUSE_QUESTION = re.compile(
    r"\b(?:what|why|of\s+what)\s+(?:is|was|are|were|did|does|do|has|have|had)\s+(.+?)\s+"
    r"(?:accus\w*|blam\w*|charg\w*|criticis\w*|criticiz\w*)\s+(.+?)(?:\s+(?:of|for|over)\b|$)",
    re.IGNORECASE,
)
# Letters as transliteration classes: a Latin name and its Arabic spelling share a skeleton.
TRANSLIT_DIGRAPHS = (("sh", "s"), ("ch", "s"), ("th", "t"), ("ph", "f"), ("kh", "k"), ("gh", "g"))
TRANSLIT = str.maketrans(
    {"p": "b", "v": "f", "c": "k", "q": "k", "j": "g", "x": "k", "z": "s", "d": "t"}
)
TRANSLIT_DROP = frozenset("aeiouywh")
