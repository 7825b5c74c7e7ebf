"""User-facing sentences shared by code, prompts and tests, in both languages."""

from __future__ import annotations

# The "not in the article" answer: a named sentinel, never a free-form string.
NOT_IN_ARTICLE = {
    "en": "The indexed articles do not answer this question.",
    "ar": "لا تجيب المقالات المفهرسة عن هذا السؤال.",
}

ROLE_LABEL = {
    "en": {
        "report": "report",
        "accusation": "accusation",
        "denial": "denial",
        "statement": "statement",
        "context": "context",
    },
    "ar": {
        "report": "تقرير",
        "accusation": "اتهام",
        "denial": "نفي",
        "statement": "تصريح",
        "context": "سياق",
    },
}

ARTICLE_NAME = {"en": "The article", "ar": "المقال"}
ARTICLE_INLINE = {"en": "the article", "ar": "المقال"}  # inside a sentence ("according to ...")

NARRATED = {"en": "The article states: {quoted} {marks}", "ar": "ورد في المقال: {quoted} {marks}"}

# How a verbatim passage is set in an answer line. A passage that already opens with the mark
# (a direct quote: '"We never hid it," a spokesman said.') keeps its own marks: '""We' reads as
# a typo.
QUOTE_MARKS = {"en": ('"', '"'), "ar": ("«", "»")}
OWN_MARKS = {"en": ('"', "\u201c"), "ar": ("«",)}


def quoted(lang: str, text: str) -> str:
    """A passage between the language's quotation marks, unless it opens with one itself."""
    if text.startswith(OWN_MARKS[lang]):
        return text
    opening, closing = QUOTE_MARKS[lang]
    return f"{opening}{text}{closing}"


VERDICT_LABEL = {
    "en": {
        "supported": "Supported",
        "contradicted": "Contradicted",
        "disputed": "Disputed",
        "not_enough_info": "Not enough information",
    },
    "ar": {
        "supported": "مؤكَّد",
        "contradicted": "مُناقَض",
        "disputed": "متنازع عليه",
        "not_enough_info": "لا تكفي المعلومات",
    },
}
# One clause per piece of evidence; {who} is "X (role)", {marks} the [n] markers.
EXPLAIN = {
    "en": {
        "stated": "{who} states it {marks}",
        "denial": "{who} denies it {marks}",
        "polarity": "{who} says the opposite {marks}",
        "quantity": "{who} gives {found} instead {marks}",
        "substitution": "{who} names someone else for it {marks}",
        "time": "{who} gives another time for it {marks}",
        "debunk": "{who} calls the story false {marks}",
        "refuted": "{who} calls it false {marks}",
        "alleged": "{who} makes the allegation {marks}",
        "doubt": "{who} questions or denies it {marks}",
        "differs": "{who} gives another account of it {marks}",
        "hedged": "{who} reports it without vouching for it {marks}",
        "none": "The article does not state this claim.",
        "discussed": "the article discusses this but takes no side {marks}.",
        "reported": "the article reports it as a claim by {who} {marks}, without confirming it.",
        "misnamed": "the article never names the party this claim names; it says this of "
        "another party {marks}.",
        "attribution": "This rests on {who} alone: it is their account, not an established fact.",
    },
    "ar": {
        "stated": "يذكر ذلك {who} {marks}",
        "denial": "ينفي ذلك {who} {marks}",
        "polarity": "يقول {who} عكس ذلك {marks}",
        "quantity": "يذكر {who} رقمًا آخر هو {found} {marks}",
        "substitution": "ينسب {who} ذلك إلى طرف آخر {marks}",
        "time": "يذكر {who} توقيتًا آخر لذلك {marks}",
        "debunk": "يصف {who} الخبر بأنه غير صحيح {marks}",
        "refuted": "يصف {who} ذلك بأنه غير صحيح {marks}",
        "alleged": "يورد {who} هذا الاتهام {marks}",
        "doubt": "يشكك {who} في ذلك أو ينفيه {marks}",
        "differs": "يروي {who} الأمر على نحو آخر {marks}",
        "hedged": "ينقل {who} ذلك دون تأكيده {marks}",
        "none": "لا يذكر المقال هذا الادعاء.",
        "discussed": "يتناول المقال هذا الأمر دون أن يتخذ موقفًا منه {marks}.",
        "reported": "ينقل المقال ذلك على أنه ادعاء من {who} {marks} دون أن يؤكده.",
        "misnamed": "لا يذكر المقال الطرف الذي يسميه هذا الادعاء، بل ينسب ذلك إلى طرف آخر {marks}.",
        "attribution": "يستند ذلك إلى {who} وحده: إنها روايته وليست حقيقة ثابتة.",
        "attribution_feminine": "يستند ذلك إلى {who} وحدها: إنها روايتها وليست حقيقة ثابتة.",
    },
}

# How sure a verdict is (the Verdict's `confidence`), in the terminal and the UI's verdict card.
CONFIDENCE = {"en": "Confidence: {pct}%", "ar": "درجة الثقة: {pct}٪"}

# Who says it and how, per role ("X denies: "): opens a cited statement in an answer, and is put
# before an LLM statement that lost its attribution.
ATTRIBUTION_PREFIX = {
    "en": {
        "report": "According to {speaker}: ",
        "accusation": "{speaker} alleges: ",
        "denial": "{speaker} denies: ",
        "statement": "{speaker} says: ",
    },
    "ar": {
        "report": "بحسب {speaker}: ",
        "accusation": "يتهم {speaker}: ",
        "denial": "ينفي {speaker}: ",
        "statement": "يقول {speaker}: ",
    },
}
# A cited statement in an extractive answer: the opener, then the verbatim quote (`quoted`).
ATTRIBUTED = {
    lang: {role: opener + "{quoted} {marks}" for role, opener in openers.items()}
    for lang, openers in ATTRIBUTION_PREFIX.items()
}
LLM_FALLBACK = {
    "en": "Note: {reason}; showing the extractive answer instead.",
    "ar": "ملاحظة: {reason}؛ نعرض بدلًا من ذلك الإجابة المستخرجة من النص.",
}
GUARD_REJECTED = {
    "en": "the language model's answer did not pass the citation check",
    "ar": "لم تجتز إجابة النموذج اللغوي فحص الاستشهادات",
}
LANGUAGE_NAME = {"en": "English", "ar": "Arabic (العربية)"}

SCALE_WORD = {
    "en": {"million": "million", "billion": "billion"},
    "ar": {"million": "مليون", "billion": "مليار"},
}
MONEY = {"en": "{symbol}{number}", "ar": "{number} {symbol}"}  # "$75 million", "75 مليون دولار"
CURRENCY = {
    "en": {"usd": "$", "eur": "€", "gbp": "£"},
    "ar": {"usd": "دولار", "eur": "يورو", "gbp": "جنيه"},
}

# ---- answers ---------------------------------------------------------------------------------
# Shown under an abstention: the closest passages, which do not answer.
RELATED = {"en": "Related, but not an answer:", "ar": "ذات صلة، لكنها ليست إجابة:"}
# A passage in the other language with no edition in the question's: a frame in the question's
# language around an excerpt, so the reader learns who says what and what kind of answer it is.
CROSS_ATTRIBUTED = {
    "en": "{speaker} ({role}) {marks}, in {source_lang} (no English edition), {kind}{lifted}{tail}",
    "ar": "يذكر {speaker} ({role}) {marks}، باللغة {source_lang} (لا تتوفر له ترجمة عربية)، "
    "{kind}{lifted}{tail}",
}
CROSS_NARRATED = {
    "en": "The article itself {marks}, in {source_lang} (no English edition), {kind}{lifted}{tail}",
    "ar": "يذكر المقال نفسه {marks}، باللغة {source_lang} (لا تتوفر له ترجمة عربية)، "
    "{kind}{lifted}{tail}",
}
# The verbatim words around the lifted answer, when the frame leaves room for them.
CROSS_EXCERPT = {"en": ": «{excerpt}»", "ar": ": «{excerpt}»"}
CROSS_END = {"en": ".", "ar": "."}
SOURCE_LANG = {"en": {"ar": "Arabic", "en": "English"}, "ar": {"ar": "العربية", "en": "الإنجليزية"}}
# What kind of answer a cross-language passage gives, by the question's answer type.
ANSWER_KIND = {
    "en": {
        "number": "gives the figure", "time": "gives the date", "place": "names the place",
        "person": "names who", "reason": "gives the reason", "said": "gives the statement",
        "yes_no": "speaks to this", "other": "answers this",
    },
    "ar": {
        "number": "الرقم", "time": "التاريخ", "place": "المكان", "person": "من هو",
        "reason": "السبب", "said": "التصريح", "yes_no": "ما يخص السؤال", "other": "الإجابة",
    },
}  # fmt: skip
LIFTED = {"en": " ({items})", "ar": " ({items})"}
# Yes/no questions: a direct answer when the cited passages settle it.
YES_NO = {
    "en": {
        "yes": "Yes — according to {who}:",
        "no": "No — according to {who}:",
        "disputed": "{who} reports it; {other} denies it:",
        "denied": "{who} denies it:",
        "alleged": "{who} alleges it:",
        "open": "The article does not settle this; the closest it comes:",
        "hedged": "The article reports this only as a claim, without confirming it:",
    },
    "ar": {
        "yes": "نعم، بحسب {who}:",
        "no": "لا، بحسب {who}:",
        "disputed": "يورد ذلك {who}، وينفيه {other}:",
        "denied": "ينفي ذلك {who}:",
        "alleged": "يزعم ذلك {who}:",
        "open": "لا يحسم المقال ذلك؛ أقرب ما يرد فيه:",
        "hedged": "يورد المقال ذلك ادعاءً فقط دون أن يؤكده:",
    },
}
# A yes/no question whose cited passages carry a claim and its denial: who claims it, and how.
YES_NO_DISPUTED = {
    "en": {
        "report": "{who} reports it; {other} denies it:",
        "accusation": "{who} alleges it; {other} denies it:",
        "statement": "{who} says so; {other} denies it:",
        "context": "{who} states it; {other} denies it:",
    },
    "ar": {
        "report": "يورد ذلك {who}، وينفيه {other}:",
        "accusation": "يزعم ذلك {who}، وينفيه {other}:",
        "statement": "يقول ذلك {who}، وينفيه {other}:",
        "context": "يذكر ذلك {who}، وينفيه {other}:",
    },
}
