"""Reported-speech cues of news prose, per language: the data the attribution rules read.

Arabic entries are normalised stems (see index.normalize.normalize_arabic): a past-tense verb
matches with feminine/plural endings and the و/ف conjunction, a present-tense one with ي/ت.
Nothing here names a person, outlet or sentence of any one article.
"""

from __future__ import annotations

import re

REPORT, ACCUSE, DENY, SPEECH = "report", "accusation", "denial", "speech"

# --- Arabic -------------------------------------------------------------------------------
AR_VERBS: dict[str, tuple[str, ...]] = {
    REPORT: ("كشف", "ذكر", "افاد", "نقل", "اورد", "سلط", "نشر", "اظهر"),
    ACCUSE: ("اتهم", "زعم", "ادعي", "ادع", "انتقد", "هاجم"),
    DENY: ("نفي", "نف", "انكر", "رفض", "دحض", "فند", "كذب", "استنكر"),
    SPEECH: ("قال", "اكد", "شدد", "اوضح", "اضاف", "اشار", "اعتبر", "صرح", "اعلن", "لفت"),
}
# Prepositional phrases that attribute what follows ("بحسب X،", "وفقا لـX").
AR_ACCORDING = re.compile(r"^[وف]?(بحسب|حسب|وفقا|وفق|نقلا)$")
# Nouns of accusation/denial used with a light verb: "وجه X اتهامات", "اتهامات وجهها X".
AR_NOUNS: dict[str, str] = {"اتهام": ACCUSE, "اتهامات": ACCUSE, "نفي": DENY}
AR_LIGHT_VERB = re.compile(r"^[وف]?(وجه|وجهت|وجهها|وجهه|وجهوا|كال|كالت)$")
AR_PAST_ENDINGS = ("", "ت", "وا", "ا", "تا")
AR_PRESENT_PREFIX = ("ي", "ت")
# Verbs whose speech reading needs a complement clause (أعلن "announced that" vs "declared war").
AR_NEEDS_COMPLEMENT = frozenset({"اعلن"})
AR_COMPLEMENT = re.compile(r"^(ان|انه|انها|بان|بانه|بانها|:)$")
# Tokens that end the subject noun phrase after a verb.
AR_SUBJECT_STOP = frozenset(
    "في عن علي الي من مع ان انه انها بان إن ان اي كل هذا هذه ذلك تلك الذي التي الذين حيث اذ "
    "اليوم امس الضوء ضد بين خلال قبل بعد عبر لدي عند حول منذ ما ماذا "
    # the usual objects of a denial or claim: "نفى X وجود/صحة/تورط ..."
    "وجود صحه تورط مسؤوليه علمه علمها قيام التعليق الرد".split()
)
AR_NEGATION = re.compile(r"^(لا|لم|لن|ليس|ليست|ولا|ولم|ولن|فلا)$")
AR_CONTINUATION = re.compile(r"^(كما|وكما|واضاف|واضافت|وتابع|وتابعت|ومضي|ومضت)$")
AR_GENERIC_HEADS = frozenset(
    "صحيفه جريده مجله وكاله موقع قناه مركز منظمه شركه وزاره حكومه مجلس حزب جمعيه "
    "مؤسسه موسسه هيئه لجنه محكمه".split()
)
AR_PUBLICATIONS = frozenset("صحيفه جريده مجله وكاله موقع قناه نشره".split())

# --- English ------------------------------------------------------------------------------
EN_VERBS: dict[str, tuple[str, ...]] = {
    REPORT: ("report", "reveal", "disclose", "write", "wrote", "uncover", "shed"),
    ACCUSE: ("accuse", "allege", "claim", "charge", "blame", "criticise", "criticize", "demand"),
    DENY: ("deny", "denie", "denied", "reject", "refute", "dismiss", "dispute", "rebut", "decline"),
    SPEECH: (
        "say",
        "said",
        "tell",
        "told",
        "state",
        "add",
        "stress",
        "explain",
        "note",
        "insist",
        "argue",
        "confirm",
        "announce",
        "assert",
        "warn",
        "acknowledge",
    ),
}
EN_ACCORDING = re.compile(r"\baccording to\b|\bcited by\b|\bciting\b", re.IGNORECASE)
EN_AUX = frozenset("has have had also later then previously earlier on monday tuesday".split())
EN_SUBJECT_STOP = frozenset("that and but which who while when after before as in on".split())
EN_PRONOUNS = frozenset("he she it they we i his her its their".split())
EN_NEGATION = re.compile(r"\b(not|never|no|n't|none|nothing|neither)\b", re.IGNORECASE)
EN_CONTINUATION = re.compile(r"^(he|she|it|they)\s+(also|further|added|went on)\b", re.I)
EN_GENERIC_HEADS = frozenset(
    "newspaper paper daily outlet magazine agency broadcaster site report council company firm "
    "ministry government center centre group organisation organization party court spokesman "
    "spokeswoman spokesperson".split()
)
EN_PUBLICATIONS = frozenset("newspaper paper daily outlet magazine agency broadcaster".split())
EN_PASSIVE_AUX = frozenset("was were is are been be being".split())
EN_NOUNS = {"accusations": ACCUSE, "allegations": ACCUSE, "accusation": ACCUSE, "denial": DENY}
EN_DECLINE_OBJECT = re.compile(r"^declin\w*\s+to\s+(comment|respond)", re.IGNORECASE)


def _normalised(words: frozenset[str]) -> frozenset[str]:
    from index.normalize import normalize_arabic

    return frozenset(normalize_arabic(w) for w in words)


AR_SUBJECT_STOP = _normalised(AR_SUBJECT_STOP)
AR_GENERIC_HEADS = _normalised(AR_GENERIC_HEADS)
AR_PUBLICATIONS = _normalised(AR_PUBLICATIONS)
