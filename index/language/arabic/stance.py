"""Arabic stance cues for verification: hedges, debunking, doubt, relative time, measures."""

from __future__ import annotations

import re

from index.language.arabic.speech import REPORT, SPEECH, _n, verb_kind
from index.language.script import normalize_arabic

# ---- verification: hedges, debunks, relative time, measures (issue 13) ----------------------
# Cue words as normalised tokens; a cue matches with a leading و/ف/ب/ل/ال (see `cue_in`).
# Words whose opposite in a passage that otherwise states a claim says the opposite of it
# ("ارتفعت الأسعار" / "انخفضت الأسعار"): pairs of word lists.
OPPOSITES = (
    ("ارتفع ارتفعت يرتفع ترتفع ارتفاع زاد زادت يزيد تزيد زيادة",
     "انخفض انخفضت ينخفض تنخفض انخفاض تراجع تراجعت يتراجع تراجعا هبط هبطت"),
    ("فاز فازت يفوز تفوز فوز", "خسر خسرت يخسر تخسر خسارة هزم هزمت"),
    ("وافق وافقت يوافق توافق موافقة", "رفض رفضت يرفض ترفض"),
    ("افتتح افتتحت فتح فتحت", "اغلق اغلقت يغلق تغلق اغلاق"),
    ("برا برات تبرئة", "ادان ادانت ادانة"),
)  # fmt: skip
# A report the writer does not vouch for: "يُزعم", "قيل", "ربما", "يُعتقد", "أنباء عن".
HEDGES = _n(
    "زعم يزعم يزعمون زعمت مزاعم مزعوم مزعومه ادعاءات ادعت ادعي يدعي قيل يقال ربما "
    "يعتقد يعتقدون يرجح يرجح ترجح رجحت محتمل محتمله احتمال يبدو تداول تداولت متداول "
    "متداوله يتداول تناقلت انباء تقارير مصادر غير_مؤكده لم_يتسن لم_يتم_التاكد "
    "متهم متهمه متهمون متهمين يشتبه بتهمه"
)
# The writer says the story is false: "لا صحة", "شائعة", "مفبرك", "نفى صحة".
DEBUNKS = _n(
    "لا_صحه عار_عن_الصحه عار_تماما_عن_الصحه عاريه_عن_الصحه عاريه_تماما_عن_الصحه "
    "غير_صحيح غير_صحيحه شايعه شايعات اشاعه اشاعات مفبرك مفبركه فبركه "
    "كاذب كاذبه كاذبا زايف زايفه مزيف مزيفه ملفق ملفقه كذب تكذيب نفي_صحه نفت_صحه "
    "مضلل مضلله خبر_كاذب اخبار_كاذبه لا_اساس"
)
# Someone in the article questions or denies the story (a contrary voice that is not the
# writer's own verdict): "نفى", "شكك", "لم يتسن التحقق", "استبعد".
DOUBTS = _n(
    "نفي نفت ينفي تنفي نفوا ينفون نفيه نفيا شكك شككت يشكك تشكك تشكيك شكوك يشككون استبعد "
    "استبعدت يستبعد مستبعد انكر انكرت ينكر رفض رفضت يرفض دحض دحضت يدحض فند فندت يفند "
    "كذبت نفي_صحه نفت_صحه نفي_وجود "
    "غير_مؤكد غير_مؤكده لم_يتسن لم_يتم_التاكد لم_يتم_التحقق لم_تتاكد لم_يتاكد دون_دليل "
    "بلا_دليل لا_دليل"
)
# Relative time: (unit, offset) of "العام الماضي", "هذا الأسبوع", "أمس"...
TIMES: tuple[tuple[re.Pattern[str], tuple[str, int]], ...] = tuple(
    (re.compile(p), v)
    for p, v in (
        (r"(العام|السنه) (الماضي|الماضيه|المنصرم|المنصرمه|السابق|الفايت)", ("year", -1)),
        (r"(هذا العام|هذه السنه|العام الحالي|العام الجاري|السنه الحاليه)", ("year", 0)),
        (r"(العام|السنه) (المقبل|المقبله|القادم|القادمه)", ("year", 1)),
        (r"الشهر (الماضي|المنصرم|الفايت)", ("month", -1)),
        (r"(هذا الشهر|الشهر الحالي|الشهر الجاري)", ("month", 0)),
        (r"الشهر (المقبل|القادم)", ("month", 1)),
        (r"الاسبوع (الماضي|المنصرم|الفايت)", ("week", -1)),
        (r"(هذا الاسبوع|الاسبوع الحالي|الاسبوع الجاري)", ("week", 0)),
        (r"الاسبوع (المقبل|القادم)", ("week", 1)),
        (r"(^|\s)[وف]?(امس|البارحه)(\s|$)", ("day", -1)),
        (r"(^|\s)[وف]?(غدا)(\s|$)", ("day", 1)),
    )
)
# A denial whose object is the report itself ("نفت هذه الأنباء", "رفض الاتهامات"): the other side
# of whatever report or charge the article carries (normalised forms).
_REPORT_NOUNS = "|".join(
    normalize_arabic(w)
    for w in "أنباء تقرير تقارير اتهامات مزاعم ادعاءات خبر أخبار رواية تحقيق".split()
)
DENIED_REPORT = re.compile(
    # "البيان" only with its article: "في بيان" is how a voice speaks, not what it denies.
    rf"(^|\s)[وف]?(ب|ل)?(ال)?(?P<noun>{_REPORT_NOUNS}|(?<=ال)(بيان|تصريحات))(\W|$)|"
    rf"(^|\s)اي (مخالفه|مخالفات|خطا|تجاوزات)(\W|$)"
)
# A claim a party makes about itself ("زعمت الجماعة أنها نفذت الهجوم"): no one is accused.
CLAIMS_OWN = re.compile(
    r"(^|\s)[وف]?(زعم|زعمت|زعموا|ادعي|ادعت|ادعوا|يزعم|تزعم|يدعي|تدعي)\s+(\S+\s+){0,5}?"
    r"ب?ان(ها|ه|هم|هما)(\s|$)"
)
# Said in a document of its own ("قالت المنظمة في تقرير نشرته"): a report.
IN_DOCUMENT = re.compile(r"^\W*(\S+\s+){0,3}?في\s+(تقرير|دراسه|استطلاع|مراجعه)(\s|$)")
# What a voice says is a charge against someone ("بتهمة", "وجهت إليه تهمة"): an accusation.
# A verb of accusing followed at once by its charge has no one accused between: the passive
# ("اتُّهم بتلقي رشى").
CHARGED = re.compile(
    r"(^|\s)[وف]?(بتهمه|بتهم|تهمه|تهم)(\s|$)|(^|\s)[وف]?(اتهم|اتهمت|اتهموا|يتهم|تتهم)\s+ب\S{3,}"
)
# A voice calling the report or charge itself false ("وصفت التقرير بأنه عار عن الصحة",
# "الاتهامات لا أساس لها"): a denial in other words than "نفى" (normalised forms).
_FALSE = "|".join(
    normalize_arabic(w).replace("_", " ")
    for w in "عار عارية كاذب كاذبة باطل باطلة ملفق ملفقة مفبرك مفبركة لا_أساس غير_صحيح "
    "غير_صحيحة لا_صحة".split()
)
REPORT_FALSE = re.compile(
    rf"(^|\s)[وف]?(ب|ل)?(ال)?({_REPORT_NOUNS})(\s+\S+){{0,5}}?\s+\W*({_FALSE})(\W|$)"
)

# What a number measures, by the word after it: counts are compared only with counts.
# Units of lengths, weights and durations with their sizes in the base unit, as in English.
UNITS: dict[str, dict[str, float]] = {
    "length": {
        **dict.fromkeys(_n("كم كيلومتر كيلومترا كيلومترات"), 1000.0),
        **dict.fromkeys(_n("ميل اميال"), 1609.34),
        **dict.fromkeys(_n("متر مترا امتار"), 1.0),
        **dict.fromkeys(_n("قدم"), 0.3048),
    },
    "weight": {
        **dict.fromkeys(_n("كغ كيلوغرام كيلوغراما"), 1.0),
        **dict.fromkeys(_n("طن اطنان"), 1000.0),
    },
    "duration": {
        **dict.fromkeys(_n("ثانيه ثوان"), 1.0),
        **dict.fromkeys(_n("دقيقه دقايق"), 60.0),
        **dict.fromkeys(_n("ساعه ساعات"), 3600.0),
        **dict.fromkeys(_n("يوم يوما ايام"), 86400.0),
        **dict.fromkeys(_n("اسبوع اسابيع"), 604800.0),
        **dict.fromkeys(_n("شهر شهرا اشهر شهور"), 2629800.0),
        **dict.fromkeys(_n("سنه سنوات سنين عام اعوام عاما"), 31557600.0),
    },
}  # fmt: skip
UNIT_SCALES = {word: size for sizes in UNITS.values() for word, size in sizes.items()}
MEASURES: dict[str, str] = {
    **dict.fromkeys(_n("درجه درجات ريختر"), "magnitude"),
    **{word: measure for measure, sizes in UNITS.items() for word in sizes},
    # A number before a month's name is a day of that month ("21 يناير", "9 تشرين").
    **dict.fromkeys(_n("يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر "
                       "ديسمبر كانون شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين"), "date"),
}  # fmt: skip


def cue_in(words: list[str], cues: frozenset[str]) -> bool:
    """Whether normalised words hold a cue; multi-word cues are written with "_" between words."""
    return cue_at(words, cues) is not None


def cue_at(words: list[str], cues: frozenset[str]) -> int | None:
    """The index of the first word opening a cue, or None (punctuation around words aside:
    "مفبركة." at a sentence's end)."""
    words = [w.strip(_PUNCTUATION) for w in words]
    for i, w in enumerate(words):
        forms = [w, *(w[len(p) :] for p in _CLITICS if w.startswith(p) and len(w) > len(p) + 2)]
        for form in forms:
            phrase = form
            for nxt in ["", *words[i + 1 : i + 4]]:
                phrase = f"{phrase}_{nxt}" if nxt else phrase
                if phrase in cues:
                    return i
    return None


_CLITICS = ("وال", "فال", "بال", "و", "ف", "ب", "ل", "ال")
_PUNCTUATION = ".,،؛;:!?؟\"'«»()[]"


def speech_verbs(norm: str) -> list[str]:
    """The verbs of a normalised text that only give someone the word ("قالت", "ذكرت"), as
    written; an accusation or a denial is itself what is said."""
    return [w for w in norm.split() if verb_kind(w) in (REPORT, SPEECH)]


def hedged(norm: str) -> bool:
    """Whether a normalised text reports without vouching ("يزعم", "قيل", "ربما")."""
    return cue_in(norm.split(), HEDGES)


def hedge_at(norm: str) -> int | None:
    """The index (in `norm.split()`) of the first hedging word, or None."""
    return cue_at(norm.split(), HEDGES)


def debunked(norm: str) -> bool:
    """Whether a normalised text calls a story false ("لا صحة", "شائعة", "مفبرك")."""
    return cue_in(norm.split(), DEBUNKS)


def doubted(norm: str) -> bool:
    """Whether a normalised text questions or denies a story ("نفى", "شكك", "لم يتسن")."""
    return cue_in(norm.split(), DOUBTS)
