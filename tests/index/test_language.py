"""Normalisation for search and language detection (no model)."""

from __future__ import annotations

import pytest

from index.language import detect_language, language, normalize, normalize_arabic
from index.normalize import split_joined, tokens


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("مُحَمَّدٌ", "محمد"),  # harakat, shadda, tanwin
        ("كِتَابٌ", "كتاب"),
        ("الـــعـــربية", "العربيه"),  # tatweel + ta marbuta
        ("إأآٱا", "ااااا"),  # every alef form
        ("مؤسسة", "موسسه"),  # hamza on waw
        ("رئيس", "رييس"),  # hamza on ya
        ("سماء", "سما"),  # bare hamza dropped
        ("مستشفى", "مستشفي"),  # alef maqsura -> ya
        ("مدرسة", "مدرسه"),  # ta marbuta -> ha
    ],
)
def test_normalize_arabic_letters(raw: str, expected: str) -> None:
    assert normalize_arabic(raw) == expected
    assert normalize(raw) == expected


def test_persian_letters_map_to_arabic() -> None:
    assert normalize("کتاب") == normalize("كتاب")
    assert normalize("یوم") == normalize("يوم")
    assert normalize("ھذا") == normalize("هذا")


def test_digits_and_case() -> None:
    assert normalize("٢٠٢٤") == "2024"  # Arabic-Indic
    assert normalize("۱۲۳") == "123"  # Eastern Arabic-Indic (Persian)
    assert normalize("Hello WORLD") == "hello world"
    assert tokens("عام ٢٠٢٤") == tokens("عام 2024")


def test_spelling_variants_share_search_tokens() -> None:
    assert tokens("أعلنَ المُؤسَّسةُ") == tokens("اعلن المؤسسه")
    assert tokens("مستشفى") == tokens("مستشفي")


def test_normalize_never_changes_the_original() -> None:
    text = "أعلنَ"
    normalize(text)
    assert text == "أعلنَ"


def test_joined_definite_words_split_for_search() -> None:
    assert split_joined("الولاياتالمتحدة") == ["الولايات", "المتحدة"]
    assert split_joined("الولايات") == []
    joined = set(tokens("سافروا إلى الولاياتالمتحدة"))
    spaced = set(tokens("سافروا إلى الولايات المتحدة"))
    assert spaced <= joined


def test_stopwords_dropped() -> None:
    assert tokens("What is the name of the city?") == tokens("name city")
    assert "the" not in tokens("the the the council")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("من أسس مركز مكافحة الكراهية الرقمية؟", "ar"),
        ("Who founded the council?", "en"),
        ("ما هو موقف CCDH من الاتهامات؟", "ar"),  # Arabic question with a Latin acronym
        ("What did ماسك say about the lawsuit?", "en"),  # English question with an Arabic name
        ("ماسك", "ar"),  # one word
        ("Musk", "en"),
        ("لماذا؟", "ar"),
        ("Why?", "en"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


# ---- verification cues (issue 13) ------------------------------------------------------------
CUES = [
    # (text, language, hedged, debunked, doubted)
    ("The mayor reportedly resigned on Monday.", "en", True, False, False),
    ("The photo purports to show a flooded stadium.", "en", True, False, False),
    ("The video is a hoax, experts said.", "en", False, True, False),
    ("There is no evidence that the bridge collapsed.", "en", False, True, True),
    ("The ministry denied that talks had taken place.", "en", False, False, True),
    ("The claim could not be independently verified.", "en", True, False, True),
    ("The mayor resigned on Monday.", "en", False, False, False),
    ("يُزعم أن الوزير استقال يوم الاثنين.", "ar", True, False, False),
    ("ربما تأجلت الانتخابات إلى الخريف.", "ar", True, False, False),
    ("لا صحة لما نشرته المواقع عن إغلاق المعبر.", "ar", False, True, False),
    ("الصورة مفبركة بحسب خبراء.", "ar", False, True, False),
    ("قال خبراء إن الصورة مفبركة.", "ar", False, True, False),  # a cue word before the stop
    ("ونفت الوزارة عقد أي اجتماع.", "ar", False, False, True),
    ("وشكك مسؤولون في صحة الرواية.", "ar", False, False, True),
    ("لم يتسن التحقق من هذه المعلومات.", "ar", True, False, True),
    ("استقال الوزير يوم الاثنين.", "ar", False, False, False),
]


@pytest.mark.parametrize(("text", "lang", "hedged", "debunked", "doubted"), CUES)
def test_hedge_debunk_and_doubt_cues(
    text: str, lang: str, hedged: bool, debunked: bool, doubted: bool
) -> None:
    lg, norm = language(lang), normalize(text)
    assert (lg.hedged(norm), lg.debunked(norm), lg.doubted(norm)) == (hedged, debunked, doubted)


@pytest.mark.parametrize(
    ("text", "lang", "times"),
    [
        ("The plant closed last year.", "en", {("year", -1)}),
        ("The talks resume next week.", "en", {("week", 1)}),
        ("أغلق المصنع العام الماضي.", "ar", {("year", -1)}),
        ("تستأنف المحادثات الأسبوع المقبل.", "ar", {("week", 1)}),
        ("The plant closed in 1998.", "en", set()),
    ],
)
def test_relative_times(text: str, lang: str, times: set[tuple[str, int]]) -> None:
    assert language(lang).times(normalize(text)) == times


@pytest.mark.parametrize(
    ("lang", "text", "subject", "expected"),
    [
        # English: the frame verb is plural after a plural source.
        ("en", 'Critics alleges: "..." [1]', "Critics", 'Critics allege: "..." [1]'),
        ("en", "the officials (statement) denies it [2]", "the officials",
         "the officials (statement) deny it [2]"),
        ("en", "Police says so; X denies it:", "Police", "Police say so; X denies it:"),
        ("en", "Reuters reports it; X denies it:", "Reuters", "Reuters reports it; X denies it:"),
        ("en", "The council denies it:", "The council", "The council denies it:"),
        ("en", "The witness says: ...", "The witness", "The witness says: ..."),
        # An indefinite source is lower-cased, also where it opens the text (a clause after
        # "Disputed: "); a line gets its capital back from `sentence`.
        ("en", "Yes — according to A spokesperson for X:", "A spokesperson for X",
         "Yes — according to a spokesperson for X:"),
        ("en", "A spokesperson denies it:", "A spokesperson", "a spokesperson denies it:"),
        ("en", "According to The Ledger:", "The Ledger", "According to The Ledger:"),
        # The head is before an attached phrase.
        ("en", "Officials at the port says: ...", "Officials at the port",
         "Officials at the port say: ..."),
        # A common noun's "The" is lower case inside the line, kept where the line opens.
        ("en", "X says so; The ministry denies it:", "The ministry",
         "X says so; the ministry denies it:"),
        # The verbatim quote after the frame is never rewritten.
        ("en", 'The council says: "The council said two." [1]', "The council",
         'The council says: "The council said two." [1]'),
        ("en", 'A spokesperson says: "A spokesperson for X said so." [1]', "A spokesperson",
         'a spokesperson says: "A spokesperson for X said so." [1]'),
        # Arabic: the verb comes first and stays singular, feminine before a feminine source.
        ("ar", "يتهم المنتقدون: «...» [1]", "المنتقدون", "يتهم المنتقدون: «...» [1]"),
        ("ar", "ينفي وزارة النقل: «...» [1]", "وزارة النقل", "تنفي وزارة النقل: «...» [1]"),
        ("ar", "ينفي ذلك وزارة النقل (نفي) [1]", "وزارة النقل", "تنفي ذلك وزارة النقل (نفي) [1]"),
        ("ar", "يورد ذلك صحيفة المساء، وينفيه الوزير:", "صحيفة المساء",
         "تورد ذلك صحيفة المساء، وينفيه الوزير:"),
        ("ar", "يورد ذلك الوزير، وينفيه الحكومة:", "الحكومة", "يورد ذلك الوزير، وتنفيه الحكومة:"),
        ("ar", "يشكك الحكومة في ذلك أو ينفيه [2]", "الحكومة", "تشكك الحكومة في ذلك أو تنفيه [2]"),
        ("ar", "ينفي الوزير: «...» [1]", "الوزير", "ينفي الوزير: «...» [1]"),
    ],
)  # fmt: skip
def test_frame_verbs_agree_with_their_source(
    lang: str, text: str, subject: str, expected: str
) -> None:
    assert language(lang).agree(text, subject) == expected


def test_a_line_opens_as_a_sentence() -> None:
    assert language("en").sentence("former President X alleges: ...") == (
        "Former President X alleges: ..."
    )
    assert language("en").sentence("") == ""
    assert language("ar").sentence("يزعم الرئيس السابق: ...") == "يزعم الرئيس السابق: ..."


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("City hall denied the report, calling it a smear.", "en", True),
        ("He rejected the allegations against him.", "en", True),
        ("The council denied that the budget had been exceeded.", "en", False),
        ("ونفت وزارة النقل هذه الأنباء، مؤكدة أن الميناء سيبقى ملكا للدولة.", "ar", True),
        ("ورفض الاتهامات الموجهة إليه.", "ar", True),
        ("ونفى المركز أي علاقة له بالتدخل في الانتخابات.", "ar", False),
    ],
)
def test_a_denial_of_the_report_itself(text: str, lang: str, expected: bool) -> None:
    assert language(lang).denies_report(normalize(text)) is expected


def test_feminine_sources_take_feminine_agreement_in_arabic_only() -> None:
    assert language("ar").feminine("صحيفة المساء") and language("ar").feminine("وزارة النقل")
    assert not language("ar").feminine("وزير النقل سامي الخطيب")
    # Plurals of things take a feminine verb; plurals of people do not.
    assert language("ar").feminine("رسائل داخلية") and language("ar").feminine("بيانات رسمية")
    assert not language("ar").feminine("مسؤولون محليون")
    assert not language("en").feminine("The ministry")
