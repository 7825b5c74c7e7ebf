"""English reported speech: speech verbs and their forms, subjects, pronouns, sources, negation."""

from __future__ import annotations

import re

REPORT, ACCUSE, DENY, SPEECH = "report", "accusation", "denial", "speech"
BELIEF, STANCE = "belief", "stance"  # neutral like speech: a stated belief, a stance taken

# ---- reported speech ------------------------------------------------------------------------
# Speech verbs by class, as base forms: `verb_kind` knows their -s/-ed/-ing forms and the
# irregular ones below. Report verbs say a source made something known; the role of a neutral
# verb comes from its source (an outlet or a document reports, anyone else makes a statement).
VERBS: dict[str, tuple[str, ...]] = {
    REPORT: ("report", "reveal", "disclose", "uncover", "publish", "shed"),
    ACCUSE: (
        "accuse", "allege", "claim", "charge", "blame", "criticise", "criticize", "condemn",
        "attack", "slam", "blast", "denounce", "lambast", "lambaste", "assail", "decry", "mock",
        "fault", "demand",
    ),
    DENY: ("deny", "reject", "refute", "dismiss", "dispute", "rebut"),
    # "declined to comment" gives the party a word, and denies nothing.
    SPEECH: (
        "decline", "say", "tell", "state", "add", "stress", "explain", "note", "insist", "argue",
        "confirm", "announce", "assert", "warn", "acknowledge", "predict", "suggest", "write",
        "tweet", "recall", "respond", "reply", "ask", "urge", "call", "pledge", "promise", "vow",
        "contend", "emphasize", "emphasise", "concede", "admit", "agree", "testify", "estimate",
        "find", "show", "indicate", "conclude", "cite", "continue", "observe", "remark", "boast",
        "complain", "question", "caution", "praise", "describe", "point",
    ),
    BELIEF: (
        "believe", "think", "expect", "hope", "fear", "want", "feel", "worry", "doubt", "suspect",
        "sense", "anticipate",
    ),
    STANCE: (
        "support", "oppose", "back", "endorse", "favor", "favour", "welcome", "applaud", "echo",
        "champion", "tout", "brag", "proclaim", "declare", "mention", "reference", "discuss",
        "implore", "plead", "recommend", "propose", "signal", "highlight", "underscore",
        "reiterate", "characterize", "characterise", "portray", "brand", "label", "dub", "lament",
        "remind", "assure", "put", "rate", "paint", "see", "view", "regard", "cast",
    ),
}  # fmt: skip
# Forms that are nearly always nouns in news prose ("member states", "the United States").
NOT_VERBS = frozenset({"state", "states", "back"})  # "X is back": an adverb
IRREGULAR = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "find": ("found",),
    "show": ("shown",), "think": ("thought",), "feel": ("felt",), "echo": ("echoes",),
    "see": ("saw", "seen"),
}  # fmt: skip
# Verbs that report speech only with a complement: "pointed out", "called for/on/it/X a ...".
NEEDS_PARTICLE = {
    "point": ("out",),
    "call": ("for", "on", "it", "him", "her", "them", "himself", "herself", "the"),
    "put": ("it",),  # "as the memo put it"
}
# Particles that make another verb of a cue verb ("backed out", "called off", "wrote down").
AWAY_PARTICLES = frozenset("out down off away".split())
# Verbs that state a view only as "X sees Y as Z": "see", "paint", "cast" ... "as".
NEEDS_AS = frozenset("paint see view regard cast".split())
# "according to X", "citing X", "X's statement": phrases naming a source after them.
ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
# Between a subject and its verb: auxiliaries, adverbs of time and manner ("has also said").
AUX = frozenset(
    """has have had also later then previously earlier again first further once even
    will would could may might did does do is was has been just already still
    often sometimes always usually
    monday tuesday wednesday thursday friday saturday sunday yesterday today""".split()
)
# Negations between a subject and its verb ("X has not said", "X didn't expect").
NEGATORS = frozenset(
    """not never didn't didn’t doesn't doesn’t don't don’t won't won’t wouldn't wouldn’t
    hasn't hasn’t haven't haven’t hadn't hadn’t isn't isn’t wasn't wasn’t weren't weren’t
    can't can’t couldn't couldn’t""".split()
)
# Verbs that state nothing when negated: "X did not respond to messages", "the video does
# not show ...".
SILENT_WHEN_NEGATED = frozenset("respond reply comment return answer show explain specify".split())
# Days and months: "X on Tuesday said", "a panel in 2001 found" (years are read as digits).
TIME_WORDS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday""".split()
)
# Words that end a subject noun phrase when walking away from the verb.
SUBJECT_STOP = frozenset(
    """that and but which who whom whose while when after before as in on at by because if
    though although since until unless where whether than so yet or nor to into onto about
    against over under between among during without within through across toward towards
    upon is are was were be been being has have had do does did will would can could
    should may might must not never said says say told tells this these those there here
    what how why it its also then than only just even""".split()
)
REFLEXIVES = frozenset("himself herself itself themselves myself ourselves yourself".split())
# Possessives that stand for a named speaker ("her campaign" -> that speaker's campaign).
POSSESSIVES = {"his": "he", "her": "she", "its": "it", "their": "they"}
PRONOUNS = frozenset("he she it they we i you him her them us me his its their".split())
# Pronoun subjects that may stand for the last named speaker ("he said" -> the speaker before).
ANAPHORS = frozenset("he she they it".split())
CONTINUATION = re.compile(r"^(he|she|it|they)\s+(also|further|added|went on)\b", re.I)
# Heads of phrases that name a source without a proper name ("officials", "the report").
SOURCE_NOUNS = frozenset(
    """official officials spokesman spokeswoman spokesperson spokespeople representative
    minister ministers president senator governor secretary director chairman chairwoman chair
    ceo executive lawyer lawyers attorney attorneys prosecutor prosecutors police judge judges
    expert experts analyst analysts critic critics activist activists resident residents witness
    witnesses source sources aide aides adviser advisers advisor advisors campaign ministry
    department agency government administration company firm report study poll polls survey
    statement data documents document newspaper paper daily network broadcaster magazine outlet
    court committee council group party union organisation organization leader leaders
    candidate nominee economist economists researcher researchers scientist scientists author
    authors observer observers opponent opponents supporter supporters diplomat diplomats
    ambassador army military commander commanders coalition authorities authority mayor
    councillor councilor lawmaker lawmakers legislator legislators congressman congresswoman
    democrats republicans voters investigators officers doctors teachers workers employees
    regulator regulators fund bank commission spokesmen sources estimates figures analysis
    filing lawsuit memo letter review audit inquiry investigation center centre institute
    association federation board team office hall businessman businesswoman billionaire mogul
    founder chief head boss manager owner member members professor physician physicist
    pollster strategist speaker moderator host anchor reporter reporters correspondent
    columnist editor historian veteran veterans man woman men women people person officer
    soldier general colonel priest bishop imam pope king queen prince premier chancellor
    secretary-general envoy negotiator negotiators student students parents protesters
    demonstrators candidates senators governors ministers presidents leaders officials
    panel jury tribunal watchdog website site media research slide slides emails video
    footage records transcript presentation campaigner campaigners environmentalist
    environmentalists locals families relatives villagers neighbours neighbors farmers nurses
    shareholders investors customers patients survivors victims plaintiff plaintiffs defendant
    defendants petitioners organisers organizers citizens clinic hospital school university
    college charity club league museum airline operator provider manufacturer retailer insurer
    developer landlord contractor foundation mill plant factory refinery messages alliance
    network nurse doctor teacher worker employee engineer trust prosecution defence defense
    investigator post posts tweet tweets""".split()
)
# Pronoun agreement ("he" is a person, "it" a body, "they" a group): a person's roles, the words
# of an institution, and plural nouns for people that do not end in -s.
PERSON_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson representative minister president senator governor
    secretary director chairman chairwoman ceo executive lawyer attorney prosecutor judge
    expert analyst critic activist resident witness aide adviser advisor economist researcher
    scientist author observer opponent supporter diplomat ambassador commander mayor
    councillor councilor lawmaker legislator congressman congresswoman officer doctor teacher
    businessman businesswoman billionaire mogul founder chief boss manager owner professor
    physician physicist pollster strategist moderator host anchor reporter correspondent
    columnist editor historian veteran man woman person soldier colonel priest bishop imam pope
    king queen prince premier chancellor envoy negotiator nominee candidate leader official
    member mother father wife husband son daughter""".split()
)
BODY_WORDS = frozenset(
    """ministry department agency government administration company firm court committee
    council party union organisation organization army military coalition authority bank
    commission fund center centre institute association federation board team office
    campaign group university college school hospital church congress senate parliament
    assembly panel watchdog corporation inc corp ltd foundation alliance league bureau
    service""".split()
)  # with PUBLICATIONS and DOCUMENTS below
PLURAL_PEOPLE = frozenset("people police staff media public crowd".split())
# Phrases that name no one however they are written.
NOT_SOURCES = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    the a an in on at of for this that these those there here it its but and so then now one
    when while if as after before since still also yet however meanwhile""".split()
)
GENERIC_HEADS = frozenset(
    "newspaper paper daily outlet magazine agency broadcaster site report council company firm "
    "ministry government center centre group organisation organization party court spokesman "
    "spokeswoman spokesperson".split()
)
# A source of one of these kinds reports (role "report") rather than states.
PUBLICATIONS = frozenset(
    """newspaper paper daily outlet magazine agency broadcaster network channel website site
    newsletter tabloid journal gazette times post herald tribune news wire chronicle courier
    telegraph ledger examiner inquirer dispatch sentinel bulletin""".split()
)
DOCUMENTS = frozenset(
    """report reports study studies poll polls survey surveys document documents data analysis
    filing memo letter audit review estimates figures statistics findings census messages
    emails investigation investigations inquiry research spreadsheets records post posts tweet
    tweets""".split()
)
# Participles after a finding or document that name who made it ("figures published by X",
# "a survey conducted by X"); one who funded or commissioned it did not say it.
WORK_MAKERS = frozenset(
    "published released conducted compiled issued produced prepared written carried led".split()
)
# A time phrase between a subject and its verb ("officials last week said", "the trust last
# year showed"): its opener, then its unit.
TIME_OPENERS = frozenset("last this next earlier later".split())
TIME_UNITS = frozenset("year years month months week weeks weekend night morning evening".split())
# Prepositions: a noun phrase right after one is its object, not the subject of a verb.
PREPOSITIONS = frozenset(
    "to with of for from at by about as in on into than like under over against via".split()
)
# Words that make a phrase a figure, not a speaker ("60 percent of residents said").
FIGURES = frozenset("percent per cent % half majority minority number share".split())
# A number alone names no one ("Twenty-seven [states] ...", "Twelve [percent]").
NUMBER_WORD = re.compile(
    r"^(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(thir|four|fif|six|seven"
    r"|eigh|nine)teen|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozens?)(-\w+)?$"
)
RELATIVES = frozenset("who which that".split())
# Prepositions that open no subject: "a report from a site called X" ("from a site" is no one).
OBJECT_OPENERS = frozenset("from via like".split())
QUANTIFIERS = frozenset("all both many most some each none few several".split())
# Prepositions that attach a phrase to a subject's head ("experts on trade", "residents in X").
# ... and "familiar (with)", "close (to)": "two people familiar with the matter" are people.
ATTACHING = frozenset("of on in at from for with familiar close briefed".split())
# Words after a sentence's first noun phrase that show it is no subject ("Smith and Jones").
NOT_A_VERB = frozenset("and or who whom which that whose".split())
# Discourse adverbs set off by commas before a subject ("Meanwhile, X said", "X, however, said").
DISCOURSE = frozenset(
    "however meanwhile still instead also moreover nevertheless nonetheless indeed though".split()
)
# Words opening a subordinate clause before the main one ("Although X ..., it said").
SUBORDINATORS = frozenset("although though while when as after because since if whereas".split())
# Past participles that open a reduced relative clause ("a poll released in May found").
PARTICIPLE_OPENERS = re.compile(r"^\w+ed$|^(taken|done|shown|written|seen|made)$")
# People who speak for a body: "a spokesperson for X" speaks for X.
SPEAKS_FOR = frozenset("spokesperson spokesman spokeswoman representative official aide".split())
# Titles that go before a name ("Sen. David Perdue"), kept in the source phrase.
TITLES = frozenset("mr mrs ms dr sen rep gov gen prof president senator judge".split())
# Titles and offices that go before a name ("Mayor", "Dr"): a claim may add one the article
# leaves out, and still name the same person.
NAME_PREFIXES = TITLES | PERSON_NOUNS
# Abbreviations whose full stop ends no clause ("Mr. Smith", "Sen. Jones").
ABBREVIATIONS = TITLES | frozenset("st jr sr lt col sgt capt gen rev fr u.s u.k".split())
# Party labels set off after a name ("Jo Lee, Democrat of Ohio, said"): an inserted phrase.
PARTIES = frozenset("democrat republican independent democratic".split())
PASSIVE_AUX = frozenset("was were is are been be being".split())
# What an accusation's participle takes when its subject is the one accused, with no auxiliary
# ("Firm accused of fraud", "Minister criticised over delays", "Mayor charged with bribery").
CHARGED_WITH = frozenset("of over for with".split())
NOUNS = {"accusations": ACCUSE, "allegations": ACCUSE, "accusation": ACCUSE, "denial": DENY}
DECLINE_OBJECT = re.compile(
    r"^declin\w*\s+to\s+(comment|respond|answer|discuss|say|confirm|specify|elaborate|reveal|"
    r"disclose|name|identify)",
    re.I,
)
# Words before a verb-like word that make it a noun ("the report", "his claim", "with attacks").
DETERMINERS = frozenset(
    "the a an this that its his her their of in to on for our my your with by".split()
)
# What may open a phrase inserted between a subject and its verb: "Name, the role, said".
APPOSITION_OPENERS = frozenset("the a an its his her their our who which whose".split())
# A participle clause continuing its sentence's speaker: "..., saying ...", "..., adding that".
PARTICIPLE = re.compile(r"ing$")
# Auxiliaries of the progressive ("is saying", "have been arguing").
PROGRESSIVE = frozenset("is are was were be been am 's".split())

# ---- polarity -------------------------------------------------------------------------------
NEGATION = re.compile(r"\b(not|never|no|none|nothing|neither|nor)\b|n't\b", re.IGNORECASE)
ADMISSION = re.compile(r"\b(admit|admits|admitted|acknowledg\w*|conced\w*|confess\w*)\b")


def _forms(base: str) -> set[str]:
    """The inflected forms of a regular verb, with the irregular ones."""
    stem = base[:-1] if base.endswith("e") else base
    forms = {base, base + "s", stem + "ing", stem + "ed" if not base.endswith("e") else base + "d"}
    if base.endswith("y") and base[-2] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    if base.endswith(("s", "sh", "ch", "x")):
        forms.add(base + "es")
    if base.endswith("ie"):
        forms.add(base[:-2] + "ying")
    return forms | set(IRREGULAR.get(base, ()))


VERB_FORMS: dict[str, str] = {
    form: kind for kind, bases in VERBS.items() for base in bases for form in _forms(base)
}
VERB_BASE: dict[str, str] = {form: base for bases in VERBS.values() for base in bases
                             for form in _forms(base)}  # fmt: skip


def verb_kind(word: str, prev: str | None) -> str | None:
    """The speech-verb class of a lower-case word ("denied" -> denial), or None for a noun use."""
    if not word.isalpha() or (prev and prev in DETERMINERS) or word in NOT_VERBS:
        return None
    return VERB_FORMS.get(word)


# What a question asks for, from its first words (checked in this order).
