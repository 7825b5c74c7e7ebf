"""Arabic questions: what a question asks for and about whom, and what answers it."""

from __future__ import annotations

import re

from index.language.arabic.speech import _n
from index.language.script import normalize_arabic

# ---- questions ------------------------------------------------------------------------------
# "ماذا قال X", "ما موقف X": what someone said, written in normalised letters.
SAID_QUESTION = re.compile(
    r"(?:ماذا|ما الذي|بماذا|بم)\s+(?:قال|قالت|يقول|تقول|صرح|صرحت|علق|علقت|رد|ردت|اعلن|اعلنت)\s+"
    r"(.+?)(?:\s+(?:من|في|علي|عن|حول|بشان|تجاه)\s|$)"
    r"|ما\s+(?:هو\s+|هي\s+)?(?:موقف|راي|رد)\s+(.+?)(?:\s+(?:من|في|علي|حول|تجاه)\s|$)"
)
# "بحسب X" in a question only orders passages: X may be named differently in the article.
ACCORDING_QUESTION = re.compile(r"(?:بحسب|حسب|وفقا ل)\s*(.+?)(?:\s*[،,.]|$)")

ANSWER_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("said", SAID_QUESTION),
    ("number", re.compile(r"^\W*[وف]?(كم|بكم)(\s|$)")),
    ("time", re.compile(r"^\W*[وف]?(متي|في\s+اي\s+(عام|سنه|يوم|شهر|تاريخ))(\s|$)")),
    ("place", re.compile(
        r"^\W*[وف]?(اين|الي\s+اين|من\s+اين|في\s+اي\s+(مدينه|بلد|دوله|مكان))(\s|$)")),
    ("reason", re.compile(r"^\W*[وف]?(لماذا|لم|لاي\s+سبب|ما\s+سبب|ما\s+هو\s+سبب)(\s|$)")),
    ("person", re.compile(
        r"^\W*[وف]?(من|مع\s+من|لمن|(اي|ما)\s+(ال)?(لاعب|شخص|ممثل|ممثله|كاتب|فنان|مغني|قائد|رئيس|ملك|"
        r"ملكه|عالم|شركه|فريق|فرقه|منظمه|حزب|مجموعه)|ما\s+اسم)(\s|$)")),
    ("yes_no", re.compile(r"^\W*[وف]?(هل|أ)(\s|$)")),
)  # fmt: skip


# ---- answers: what a passage offers for a question's expected answer type ----------------------
NUMBER_WORDS = _n(
    """واحد واحدة اثنان اثنين اثنتان ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثمان ثمانية
    تسع تسعة عشر عشرة عشرون عشرين ثلاثون ثلاثين أربعون أربعين خمسون خمسين مئة مائة مئات ألف آلاف
    الف مليون ملايين مليار مليارات نصف ربع ثلث بالمئة بالمائة المئة المائة مرة مرتين أول ثاني
    ثالث"""
)
ANSWER_TIME_WORDS = _n(
    """يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر
    ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين السبت الأحد الاثنين الثلاثاء
    الأربعاء الخميس الجمعة قرن القرن قرون عقد العقد عام العام أعوام سنة السنة سنوات شهر الشهر
    أشهر أسبوع يوم اليوم أيام عصر العصر فترة الفترة حقبة ربيع صيف خريف شتاء موسم الموسم ميلادي
    الميلاد هجري أمس غدا صباح مساء الفجر فجرا الظهر ظهرا الليل ليلا صباحا مساء منتصف الساعة"""
)
# Words that give a reason or purpose (لأن، بسبب، من أجل).
REASON = re.compile(
    r"(^|\s)[وف]?(لان|لانه|لانها|بسبب|نظرا|نتيجه|بفضل|لكي|كي|حتي|بهدف|من اجل|لاجل|سبب|"
    r"ادي|يودي|اسفر|بغيه|تجنبا|منعا)(\s|$)"
)
PLACE_PREPOSITIONS = _n("في ب من الى إلى قرب داخل خارج عند")
# Affixes stripped to reach a word's root-like core (مؤسس ~ أسس ~ تأسيس), in normalised letters.
ROOT_PREFIXES = tuple(
    normalize_arabic(p)
    for p in ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل", "ك", "س")
)
ROOT_SUFFIXES = tuple(
    normalize_arabic(s)
    for s in ("يات", "ات", "ون", "ين", "ان", "تين", "تان", "ها", "هم", "هن", "كم", "نا", "ية",
              "ه", "ي", "ت", "ا")
)  # fmt: skip
# Pattern letters dropped from a core (م/ت/ن/ا prefixes of derived forms, long vowels inside).
ROOT_PATTERN_PREFIXES = tuple(normalize_arabic(p) for p in ("مست", "است", "م", "ت", "ن", "ا", "ي"))
ROOT_WEAK = frozenset(normalize_arabic("اويء"))
# "بماذا يتهم X Y": the accuser (agent) and the accused.
ACCUSE_QUESTION = re.compile(
    r"(?:بماذا|بم|ما الذي)\s+(?:يتهم|تتهم|اتهم|اتهمت|يلوم|تلوم|انتقد|انتقدت)\s+(\S+)\s+(.+?)$"
)
# "متى افتتح المتحف ومن صممه": a second question joined by و + a question word (original text).
PART_SPLIT = re.compile(r"\s+و(?=(?:من|ما|ماذا|مت[ىي]|[أا]ين|كيف|كم|لماذا|هل|[أا]ي)(?:\s|$))")
