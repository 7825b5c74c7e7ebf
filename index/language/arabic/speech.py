"""Arabic reported speech: speech verbs and their forms, subjects, sources, negation, openers.

Entries are written as in text and normalised once at import (index.language.script): alef
forms, ya/alef maqsura and ta marbuta are unified, so a list and the text it is matched against
agree.
"""

from __future__ import annotations

import re

from index.language.script import normalize_arabic

REPORT, ACCUSE, DENY, SPEECH = "report", "accusation", "denial", "speech"


def _n(words: str) -> frozenset[str]:
    return frozenset(normalize_arabic(w) for w in words.split())


# ---- reported speech ------------------------------------------------------------------------
# Verb stems by class: a past-tense verb matches with feminine/plural endings and و/ف, a
# present-tense one with ي/ت (see `verb_kind`).
VERBS: dict[str, tuple[str, ...]] = {
    REPORT: ("كشف", "ذكر", "افاد", "نقل", "اورد", "سلط", "نشر", "اظهر", "كتب"),
    ACCUSE: ("اتهم", "زعم", "ادعي", "ادع", "انتقد", "هاجم"),
    DENY: ("نفي", "نف", "انكر", "رفض", "دحض", "فند", "كذب", "استنكر", "شكك"),
    SPEECH: (
        "قال", "اكد", "شدد", "اوضح", "اضاف", "اشار", "اعتبر", "صرح", "اعلن", "لفت", "تابع",
        "دعا", "دعت", "طالب", "حذر", "اعرب", "نوه", "تساءل", "راي", "رات", "توقع", "اعترف",
        "كرر", "اقر", "تحدث", "وصف", "وعد", "ادلي", "ادل",
    ),
}  # fmt: skip
# Verbs whose object comes with ب ("اعترفت الشركة بتسريح", "أدلى X بشهادته"): a ب-word after
# their subject starts the object, not more of the subject.
OBJECT_BI = (
    "اتهم", "اعترف", "اقر", "طالب", "نوه", "ندد", "رحب", "اشاد", "تعهد", "هدد", "وعد", "ادل",
)  # fmt: skip
PAST_ENDINGS = ("", "ت", "وا", "ا", "تا")
# Feminine past forms listed as stems of their own (دعا -> دعت, رأى -> رأت).
FEMININE_PAST = frozenset({"دعت", "رات"})
PRESENT_PREFIX = ("ي", "ت")
# Present tenses whose stem differs from the past one ("قال" -> "يقول").
PRESENT: dict[str, str] = {
    w: kind
    for kind, words in {
        SPEECH: "يقول تقول يقولون يوكد توكد يشير تشير يضيف تضيف يري تري يرون يعتبر تعتبر يوضح "
        "توضح يشدد تشدد يلفت تلفت يدعو تدعو يطالب تطالب يحذر تحذر يتوقع تتوقع يعتقد تعتقد",
        REPORT: "يذكر تذكر يفيد تفيد يكشف تكشف ينقل تنقل",
        ACCUSE: "يتهم تتهم يزعم تزعم يدعي تدعي ينتقد تنتقد",
        DENY: "ينفي تنفي يرفض ترفض ينكر تنكر",
    }.items()
    for w in words.split()
}
# Participles that continue the sentence's or the last speaker's statement ("مضيفا أن").
PARTICIPLES: dict[str, str] = {
    w: kind
    for kind, words in {
        SPEECH: "مضيفا مضيفه موكدا موكده مشيرا مشيره موضحا موضحه مشددا مشدده لافتا لافته "
        "معتبرا معتبره منوها منوهه متسائلا متسائله محذرا محذره داعيا داعيه مطالبا مطالبه قائلا "
        "قائله معربا معربه",
        ACCUSE: "متهما متهمه محملا محمله منتقدا منتقده",
        DENY: "نافيا نافيه رافضا رافضه",
    }.items()
    for w in words.split()
}
# Impersonal openers that attribute nothing ("يذكر أن" = "it is worth noting that").
IMPERSONAL = re.compile(r"^[وف]?(يذكر|يشار|يجدر|الجدير|يلاحظ|يبدو|ذكر|وذكر)$")
# Prepositional phrases that attribute what follows ("بحسب X،", "وفقا لـX").
ACCORDING = re.compile(r"^[وف]?(بحسب|حسب|وفقا|وفق|نقلا)$")
# Words between "وفق"/"بحسب" and the source ("وفق ما أشار إليه X", "بحسب ما نقلت X").
ACCORDING_FILLER = _n("ما تقديرات تقدير مصادر")
# Nouns of accusation/denial used with a light verb: "وجه X اتهامات", "اتهامات وجهها X".
NOUNS: dict[str, str] = {"اتهام": ACCUSE, "اتهامات": ACCUSE, "نفي": DENY}
LIGHT_VERB = re.compile(r"^[وف]?(وجه|وجهت|وجهها|وجهه|وجهوا|كال|كالت)$")
# Verbs whose speech reading needs a complement clause (أعلن "announced that" vs "declared war").
NEEDS_COMPLEMENT = frozenset(
    {"اعلن", "تابع", "راي", "رات", "كتب", "نشر", "اظهر", "اظهرت", "توقع", "تحدث", "نقل", "وصف"}
)
COMPLEMENT = re.compile(r"^(ان|انه|انها|انهم|بان|بانه|بانها|ان|الي|عن|:)$")
# Words that cannot be (part of) a subject: they end the noun phrase after a verb.
SUBJECT_STOP = _n(
    "في عن علي الي من مع ان انه انها انهم بان بانه بانها إن اي كل هذا هذه ذلك تلك الذي التي الذين "
    "حيث اذ اليوم امس الضوء ضد بين خلال قبل بعد عبر لدي عند حول منذ ما ماذا لكن لكنه ثم او "
    "مرارا ايضا كذلك حاليا مجددا نحو اثر اكثر اقل فيه فيها به بها له لها عليه عليها منه "
    # the usual objects of a denial or claim: "نفى X وجود/صحة/تورط ..."
    "وجود صحه تورط مسؤوليه علمه علمها قيام التعليق الرد ضروره اهميه ارتكاب تلقي حصول دفع تقديم "
    "اجراء وقوع حدوث امام قد "
    # a call's or a claim's addressees: "دعت X جميع الأطراف"
    "جميع كافه"
)
# Words of time that may sit between a verb and its subject's end ("قال X اليوم الأربعاء").
TIME_WORDS = _n(
    "اليوم امس صباح مساء ظهر الليله فجر يوم الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد "
    "انذاك حينها حينذاك"
)
SUBJECT_STOP = SUBJECT_STOP | TIME_WORDS
# Heads of phrases that name a source: people by office, bodies, outlets, documents, groups.
SOURCE_HEADS = _n(
    "وزير وزيره رئيس رئيسه متحدث متحدثه مسؤول مسؤوله مسوول مصدر مصادر ناطق ناطقه مدير مديره "
    "مراسل مراسله مراسلنا وكاله صحيفه يوميه جريده مجله قناه موقع تلفزيون اذاعه شبكه نشره "
    "وزاره حكومه جيش تحالف سلطات شرطه رئاسه معارضه شركه بلديه منظمه هيئه لجنه مجلس حزب "
    "جمعيه مركز مكتب محكمه قاض نائب نواب سفير سفاره قائد زعيم امين خبير خبراء محلل محللون "
    "ناشط ناشطون ناشطين مراقبون مراقبين شهود سكان مسؤولون مسؤولين مسوولون مسوولين تقرير تقارير "
    "دراسه بيان وثيقه تقديرات منظمات اطباء مستشار مستشاره عضو اعضاء الرئيس الملك الامير "
    "البيت الكرملين البنتاغون الامم الاتحاد جماعه فصيل حركه تنظيم نقابه منصه"
)
# People who speak for a body: "متحدث باسم X" speaks for X.
SPEAKS_FOR = _n("متحدث المتحدث متحدثة المتحدثة ناطق الناطق ناطقة الناطقة ممثل")
# Titles and offices that go before a name ("الرئيس", "الدكتور"): a claim may add one the
# article leaves out, and still name the same person.
NAME_PREFIXES = _n(
    "السيد السيدة الرئيس الوزير الدكتور الشيخ النائب القاضي اللواء العميد المهندس الاستاذ"
)
# Relative pronouns: a verb right after one is a relative clause's, not the sentence's cue.
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين"})
# "أن"/"إن" and their forms: what follows is what someone says.
THAT = frozenset({"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها"})
# "تقرير صادر عن X": the participle after a document that names who issued it.
ISSUED = frozenset({"صادر", "صادره", "الصادر", "الصادره"})
# Openers after which a sentence names its subject before the verb ("لكن الوزارة شككت").
SVO_OPENERS = _n("لكن ولكن بينما فيما غير أما واما")
# Openers that continue the previous speaker's statement in a new sentence.
CONTINUATION = re.compile(r"^(كما|وكما|واضاف|واضافت|وتابع|وتابعت|ومضي|ومضت)(?:\s|$)")
GENERIC_HEADS = _n(
    "صحيفة جريدة مجلة وكالة موقع قناة مركز منظمة شركة وزارة حكومة مجلس حزب جمعية "
    "مؤسسة موسسة هيئة لجنة محكمة يومية تحالف"
)
# A preposition with a pronoun pointing back ("اطلعت عليها"): the word before it is a verb.
RESUMPTIVE = _n("عليها عليه عليهم فيها فيه منها منه بها به لها له")
# Heads of a body's name that goes on with لـ ("شركة النور للإسمنت", "الأمين العام للأمم
# المتحدة"), and whom one speaks to ("قالت الوزارة للصحفيين"), which ends a name instead.
BODY_HEADS = _n(
    "شركة مركز هيئة مصنع مؤسسة منظمة مجلس اتحاد جمعية وكالة مكتب لجنة معهد أمين بنك صندوق برنامج"
)
AUDIENCE = _n("صحفيين صحفيون صحافة صحيفة جريدة وكالة قناة تلفزيون إذاعة إعلام مراسل موقع")
# What a voice speaks of rather than who speaks: a definite one after a subject's first word is
# the verb's object ("نفت الشركة التقرير", "رفض الوزير الاتهامات").
SPOKEN_OF = _n("التقرير التقارير الاتهامات الاتهام الانباء الاخبار الخبر المزاعم الادعاءات الرواية")
PUBLICATIONS = _n("صحيفة جريدة مجلة وكالة موقع قناة نشرة يومية مراسل مراسلنا اذاعة تلفزيون شبكة")
DOCUMENTS = _n("تقرير تقارير دراسة وثيقة بيان تقديرات استطلاع")

# ---- polarity -------------------------------------------------------------------------------
# One negation list: a normalised token, with an optional conjunction و/ف.
NEGATION = re.compile(r"^[وف]?(لا|لم|لن|ليس|ليست)$")
# Admission verbs ("اعترف X بأنه ..."), matched on normalised text.
ADMISSION = re.compile(r"(^|\s)[وف]?(اعترف|اعترفت|اقر|اقرت|يعترف|تعترف)(\s|$)")

CONNECTORS = re.compile(r"^[وف](في|علي|من|بعد|مع|كان|كانت)$")
# A word that starts a sentence, not a headline: a preposition or a و/ف-prefixed word.
NOT_HEADLINE_START = re.compile(r"^([وف]\w+|في|علي|من|الي|مع|بعد|قبل|عن|لكن|بينما|فيما|غير|اما)$")
# Prepositions and particles that need the words after them (beyond the stop words): a
# headline never ends with one.
OPEN_ENDED = _n("خلال حتى نحو دون ضد منذ عبر ذات أمام خلف تحت فوق لأن لكن إلا سوى غير مثل")


def strip_conj(norm: str) -> str:
    """A normalised word without its leading conjunction و/ف."""
    return norm[1:] if len(norm) > 3 and norm[0] in "وف" else norm


def bare(norm: str) -> str:
    """A normalised word without its conjunction و/ف and its article ال ("والوزارة" -> "وزاره")."""
    word = strip_conj(norm)
    return word[2:] if word.startswith("ال") else word


def verb_kind(norm: str) -> str | None:
    """The speech-verb class of a normalised word ("واتهمت" -> accusation), or None."""
    base = strip_conj(norm)
    if base in PRESENT:
        return PRESENT[base]
    for kind, stems in VERBS.items():
        for stem in stems:
            if any(base == stem + e for e in PAST_ENDINGS):
                return kind
            if any(base == p + stem for p in PRESENT_PREFIX):
                return kind
    return None


# What a question asks for, from its words (normalised letters; checked in this order).


def sentence(text: str) -> str:
    """`text` unchanged: Arabic script has no capitals."""
    return text


def agree(text: str, subject: str) -> str:
    """`text` with the frame verbs of a feminine subject made feminine: isnad's Arabic frames put
    the verb first (يقول X), singular before any subject, but feminine before a feminine one
    ("تنفي وزارة النقل", "وتنفيه الحكومة"; "أو تنفيه" after it)."""
    if not feminine(subject):
        return text
    name = re.escape(subject)
    text = re.sub(rf"(^|[\s«(،])(و?)ي(\w+)(\s+(?:ذلك\s+)?)(?={name})", r"\1\2ت\3\4", text)
    return re.sub(rf"({name}[^:.؛]*?\sأو\s)ي(\w+)", r"\1ت\2", text)


# Plurals of things, which take a feminine verb ("ذكرت مصادر", "تكشف وثائق"); sound feminine
# plurals end in ات.
_THING_PLURALS = _n("رسائل وثائق تقارير مصادر أوراق سجلات مراسلات")


def feminine(subject: str) -> bool:
    """Whether a speaker's name is grammatically feminine: its head noun (its first word) ends
    in tā' marbūṭa (وزارة، الحكومة، صحيفة) or is a plural of things (رسائل، وثائق، بيانات)."""
    head = subject.split()[0] if subject.split() else ""
    bare = normalize_arabic(head)
    bare = bare[2:] if bare.startswith("ال") else bare
    return head.endswith("ة") or bare.endswith("ات") or bare in _THING_PLURALS
