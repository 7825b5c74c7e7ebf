"""English questions: what a question asks for and about whom, and what answers it."""

from __future__ import annotations

import re

# ---- questions ------------------------------------------------------------------------------
# "What did X say", "What is X's position": questions about what someone said.
SAID_QUESTION = re.compile(
    r"\bwhat\s+(?:did|does|do|has|have|had)\s+(.+?)\s+(?:say|said|think|comment|tell|respond)\b"
    r"|\bwhat\s+(?:is|was)\s+(.+?)'s\s+(?:position|view|stance|response|reaction|comment)\b"
    r"|\bhow\s+did\s+(.+?)\s+(?:respond|react|comment)\b",
    re.IGNORECASE,
)
ACCORDING_QUESTION = re.compile(r"\baccording\s+to\s+(.+?)\s*(?:[?,.]|$)", re.IGNORECASE)

ANSWER_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("said", SAID_QUESTION),
    # "Who is Ines Morrow?" asks what the article says of a named person (a title, a role), not
    # for a name: any answer; "Who is the mayor?" asks for the holder's name.
    ("other", re.compile(r"^\W*who\s+(is|was)\s+(?!(the|a|an|this|that|behind|responsible)\b)"
        r"\w+(\s+\w+)?\W*$", re.I)),
    ("number", re.compile(r"^\W*how\s+(many|much|long|old|far|large|big)\b", re.I)),
    ("time", re.compile(r"^\W*(when\b|(in\s+)?what\s+(year|date|day|month|time|century)\b)", re.I)),
    ("place", re.compile(
        r"^\W*(where\b|(in\s+)?(what|which)\s+(city|country|place|town)\b)", re.I)),
    ("reason", re.compile(r"^\W*(why\b|for\s+what\s+reason\b)", re.I)),
    ("person", re.compile(r"^\W*(who|whom|whose|(what|which)\s+(person|people|player|actor|"
        r"actress|singer|writer|author|leader|company|team|group|band|party)\b)", re.I)),
    ("yes_no", re.compile(
        r"^\W*(is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b", re.I)),
)  # fmt: skip

# ---- answers: the asked kind in a passage (plurals: a word less its s); accuser, two parts -----
# fmt: off
NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve twenty
    thirty forty fifty sixty seventy eighty ninety hundred thousand million billion""".split())
ANSWER_TIME_WORDS = frozenset("""january february march april may june july august september october
    november december monday tuesday wednesday thursday friday saturday sunday century centuries
    decade year month week day spring summer autumn winter today yesterday tomorrow morning
    afternoon evening night noon midnight dawn dusk overnight""".split())
REASON = re.compile(r"\b(because|due to|owing to|as a result|thanks to|since|so that|in order to|"
    r"caused by|led to|result of|reason|aim(ed)? to|to avoid|to prevent|to ensure)\b", re.I)
PLACE_PREPOSITIONS = frozenset("in at near from to into across outside inside within".split())
DERIVATION_SUFFIXES = ("ations", "ation", "ers", "er", "ors", "or", "ment", "ing", "ion", "ist")
ACCUSE_QUESTION = re.compile(r"\b(?:what|why|of\s+what)\s+(?:is|was|are|were|did|does|do|has|"
    r"have|had)\s+(.+?)\s+(?:accus\w*|blam\w*|charg\w*|criticis\w*|criticiz\w*)\s+(.+?)"
    r"(?:\s+(?:of|for|over)\b|$)", re.IGNORECASE)
PART_SPLIT = re.compile(r"\s*,?\s+and\s+(?=(?:who|whom|what|which|when|where|why|how)\b)", re.I)
# fmt: on
