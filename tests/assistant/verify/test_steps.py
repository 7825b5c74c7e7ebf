# ruff: noqa: E501  (article text is kept on one line)
"""The verification steps on chunks made in memory: no embedder, no store."""

from __future__ import annotations

import pytest

from assistant.config import VerifySettings
from assistant.verify.aggregate import decide
from assistant.verify.claim import analyse
from assistant.verify.matching import folded, name_share
from assistant.verify.pipeline import Assessment, assess, build
from tests.support.chunks import chunks_of, hits_of, lexical

ARTICLE = """Harbour council to close Eastgate library

The Valley Courier reported on Monday that the council will close the Eastgate library in June. According to the Courier, 14 staff will lose their jobs.
The council denied that it will close the Eastgate library, saying that only 6 staff will lose their jobs. Councillor Mira Holt accused the council of hiding the budget gap.
The library opened in 1962 and was designed by the architect Paul Serrin.
"""
CFG = VerifySettings()


def assessed(article: str, claim: str, lang: str = "en") -> tuple[str, Assessment]:
    """The verdict on a claim about an article of our own, and what it was decided from."""
    chunks = chunks_of(article)
    a = assess(claim, lang, hits_of(chunks), lexical(chunks), 0.75, CFG)
    return decide(a.claim, a.judged, a.features, CFG).label, a


def verdict(claim: str) -> tuple[str, list[tuple[str, str]]]:
    chunks = chunks_of(ARTICLE)
    lex = lexical(chunks)
    a = assess(claim, "en", hits_of(chunks), lex, 0.75, CFG)
    return decide(a.claim, a.judged, a.features, CFG).label, [
        (j.stance, j.reason) for j in a.judged
    ]


def test_claim_analysis_splits_speaker_numbers_and_polarity() -> None:
    c = analyse("The council did not close the library.", "en")
    assert c.negated and c.speaker is None and not c.quantities
    c = analyse("Mira Holt said the council will cut 14 jobs.", "en")
    assert c.speaker == "Mira Holt" and [q.value for q in c.quantities] == [14.0]
    assert not any("holt" in t for t in c.content)  # who asserts is not what is asserted
    # The verb that only gives the speaker the word is not asserted either; an accusation is.
    c = analyse("The Valley Courier reported that the council will close the library.", "en")
    assert c.speaker == "The Valley Courier" and not any(t.startswith("report") for t in c.content)
    c = analyse("Mira Holt accused the council of hiding the budget gap.", "en")
    assert any(t.startswith("accus") for t in c.content)
    # "اتهم X Y بـ...": a definite noun after the accuser's one-word name is the accused.
    assert analyse("اتهم سليم البلدية بإخفاء الأرقام.", "ar").speaker == "سليم"
    assert analyse("اتهم النائب سليم الحداد البلدية بإخفاء الأرقام.", "ar").speaker == (
        "النائب سليم الحداد"
    )


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        (
            "14 staff will lose their jobs at the Eastgate library.",
            "disputed",
        ),  # report vs denial's figure
        ("40 staff will lose their jobs at the Eastgate library.", "contradicted"),
        ("Mira Holt accused the council of hiding the budget gap.", "supported"),
        ("The library will be sold to a hotel chain.", "not_enough_info"),
        ("The council admitted it will close the Eastgate library.", "contradicted"),
    ],
)
def test_verdicts_from_the_steps(claim: str, expected: str) -> None:
    label, judged = verdict(claim)
    assert label == expected, judged


def test_a_negated_claim_in_someone_s_mouth_is_stated_only_by_them() -> None:
    # The council says it will not close the library; Mira Holt never says so.
    label, judged = verdict("Mira Holt said the council will not close the Eastgate library.")
    assert label != "supported" and all(s != "supports" for s, _ in judged), judged
    _, judged = verdict("The council said it will not close the Eastgate library.")
    assert ("supports", "stated") in judged


RESULTS = """Harbour Freight profit falls

Harbour Freight reported on Monday that its net profit fell 38 per cent to $14 million.
Revenue rose 3 per cent.
Shares in Harbour Freight fell 6 per cent in early trading.
"""


@pytest.mark.parametrize(
    ("claim", "expected", "rivals"),
    [
        ("Harbour Freight's net profit fell 38 per cent.", "supported", set()),
        ("Harbour Freight's net profit fell 83 per cent.", "contradicted", {38.0}),
    ],
)
def test_figures_of_other_measures_are_no_rivals(
    claim: str, expected: str, rivals: set[float]
) -> None:
    # The shares' 6 per cent and the revenue's 3 are other measures than the net profit's.
    label, a = assessed(RESULTS, claim)
    assert label == expected
    assert {j.found.value for j in a.judged if j.reason == "quantity" and j.found} == rivals


INQUIRY = """الوزارة تنفي إخفاء تلوث الآبار

كشفت صحيفة الرصد في تحقيق نشرته الأحد أن وزارة المياه أخفت نتائج فحوص أظهرت تلوث أربع آبار.
وأضافت الصحيفة أن مسؤولين في الوزارة أمروا بحفظ التقرير.
في المقابل، نفت وزارة المياه ما ورد في التحقيق، ووصفت التقرير بأنه عار عن الصحة.
"""


def test_a_denial_of_the_investigation_answers_the_report_that_states_the_claim() -> None:
    # "التقرير" is also the shelved lab report: the denial answers the investigation that
    # states the claim, which both words name.
    chunks = chunks_of(INQUIRY)
    a = assess("أخفت وزارة المياه نتائج فحوص أظهرت تلوث أربع آبار.", "ar", hits_of(chunks),
               lexical(chunks), 0.75, CFG)  # fmt: skip
    assert decide(a.claim, a.judged, a.features, CFG).label == "disputed"
    assert ("refutes", "denial") in {(j.stance, j.reason) for j in a.judged}


HOAX = """Bear video is a hoax

A video shared 20,000 times this week claims to show a bear walking inside Elm Street station.
The claim is false.
The clip was filmed at a zoo in 2019, the fact-checking site ClearCheck found.
"""


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # "claims to show" hedges the bear, not how often the video was shared.
        ("A video was shared 20,000 times this week.", "supported"),
        # The article calls the story it tells false: contradicted, not "no side taken".
        ("A bear walked inside Elm Street station.", "contradicted"),
    ],
)
def test_a_story_the_article_calls_false(claim: str, expected: str) -> None:
    label, a = assessed(HOAX, claim)
    assert label == expected, a.judged


RUMOUR = """منصة تنفي انهيار جسر النخيل

انتشر منشور يزعم أن جسر النخيل في مدينة الساحل انهار جزئيا.
غير أن منصة "تثبت" المتخصصة في تدقيق الأخبار أكدت أنه لا صحة لهذا الخبر.
"""


@pytest.mark.parametrize(
    ("claim", "allowed"),
    [
        # The platform denies "this news", the story the article tells only as a post's claim.
        ("انهار جسر النخيل جزئيا.", {"disputed", "contradicted"}),
        # A claim calling the story false agrees with the denial ("مفبركة." with its stop).
        ("خبر انهيار جسر النخيل مفبرك.", {"supported", "not_enough_info"}),
    ],
)
def test_a_denial_of_this_news_answers_the_story_told_as_a_claim(
    claim: str, allowed: set[str]
) -> None:
    label, a = assessed(RUMOUR, claim, "ar")
    assert label in allowed, a.judged


@pytest.mark.parametrize(
    ("article", "claim", "lang", "expected"),
    [
        ("Court rules on bail\n\nMagistrates granted Tom Hale bail on Thursday.\n",
         "Tom Hale was refused bail on Thursday.", "en", "contradicted"),
        ("Court rules on bail\n\nMagistrates granted Tom Hale bail on Thursday.\n",
         "Magistrates granted Tom Hale bail on Thursday.", "en", "supported"),
        ("أسعار الوقود\n\nانخفضت أسعار الوقود في المدينة خلال الشهر الماضي.\n",
         "ارتفعت أسعار الوقود في المدينة خلال الشهر الماضي.", "ar", "contradicted"),
    ],
)  # fmt: skip
def test_the_opposite_word_says_the_opposite(
    article: str, claim: str, lang: str, expected: str
) -> None:
    label, a = assessed(article, claim, lang)
    assert label == expected, a.judged


MEASURED = """Fire and flood in Port Ash

A spokesperson, Ana Ruiz, said the ground floor had flooded to about 30 centimetres.
The fire started at about 11.45pm on Friday.
His lawyer said his client was at home when the fire started.
"""


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("The ground floor flooded to about two metres.", "contradicted"),
        ("The ground floor flooded to about 30 centimetres.", "supported"),
        # The lawyer's "when the fire started" gives no time: no voice stating 10pm.
        ("The fire started at about 10pm.", "contradicted"),
    ],
)
def test_lengths_and_times_of_day_are_figures_of_their_measure(claim: str, expected: str) -> None:
    label, a = assessed(MEASURED, claim)
    assert label == expected, a.judged


def test_a_charge_the_article_reports_is_no_fact_it_states() -> None:
    chunks = chunks_of(
        "Drug maker under fire\n\nVale Pharma was accused of delaying the recall to protect "
        "sales.\nVale Pharma denied delaying the recall to protect its sales.\n"
    )
    a = assess("Vale Pharma delayed the recall to protect sales.", "en", hits_of(chunks),
               lexical(chunks), 0.75, CFG)  # fmt: skip
    assert decide(a.claim, a.judged, a.features, CFG).label == "disputed", a.judged
    # "was accused of" is the article telling a charge, not stating the act.
    assert all(j.stance != "supports" for j in a.judged)


def test_the_subject_s_denial_of_a_reported_act_disputes_it() -> None:
    # The report carries part of the claim in other words ("a sample showed EPO"); the
    # subject's denial is her word against it, not the article's verdict.
    chunks = chunks_of(
        "Sprinter denies doping\n\nThe broadcaster Channel Nine reported that a sample taken "
        "from Lund at a camp showed high levels of a hormone known as EPO.\nMia Lund has "
        "denied using banned substances, calling the report false.\n"
    )
    a = assess("Mia Lund used EPO.", "en", hits_of(chunks), lexical(chunks), 0.75, CFG)
    d = decide(a.claim, a.judged, a.features, CFG)
    assert d.label == "disputed", a.judged
    v = build("Mia Lund used EPO.", "en", d, a.judged, CFG.evidence_shown, CFG.supports)
    assert [(e.stance, e.role) for e in v.evidence[:2]] == [
        ("supports", "report"),
        ("refutes", "denial"),
    ]


def test_a_figure_of_another_kind_is_not_a_rival() -> None:
    # 1962 is a year, the claim's 14 is a count: only counts are compared with counts.
    label, judged = verdict("The Eastgate library opened in 1962.")
    assert label == "supported", judged
    assert ("refutes", "quantity") not in judged


def test_a_neutral_speaker_negating_the_claim_says_the_opposite() -> None:
    # "said ... did not" is a statement, not a denial role: the negation itself refutes.
    article = (
        "The harbour board approved a new schedule for the ferries on Friday. "
        "Board member Lena Ortiz said she was abroad and did not take part in the vote on the "
        "timetable."
    )
    chunks = chunks_of(article)
    a = assess(
        "Lena Ortiz voted for the timetable.", "en", hits_of(chunks), lexical(chunks), 0.75, CFG
    )
    assert ("refutes", "polarity") in [(j.stance, j.reason) for j in a.judged]
    assert decide(a.claim, a.judged, a.features, CFG).label == "contradicted"


AR_ARTICLE = """البرتغال ترسل أطباء إلى الجزر المنكوبة

قال وزير الصحة البرتغالي ماركو غوميش إن بلاده سترسل فريقا من الأطباء إلى الجزر المنكوبة بالفيضانات الأسبوع المقبل.
وأضاف أن الفريق سيبقى هناك حتى انتهاء موسم الأمطار.
من جهته، قال رئيس البلدية إن المدارس ستغلق أبوابها حتى إشعار آخر.
"""
AR_CLAIM = "قال وزير الصحة البرتغالي ماركو {name} إن {what}"
SENDS = "بلاده سترسل فريقا من الأطباء إلى الجزر المنكوبة بالفيضانات"
SCHOOLS = "المدارس ستغلق أبوابها حتى إشعار آخر"


def ar_verdict(claim: str, cfg: VerifySettings = CFG) -> str:
    chunks = chunks_of(AR_ARTICLE)
    a = assess(claim, "ar", hits_of(chunks), lexical(chunks), 0.75, cfg)
    return decide(a.claim, a.judged, a.features, cfg).label


def test_transliteration_variants_fold_and_names_are_found_in_passages() -> None:
    assert folded("غوميش") == folded("جوميش") == folded("قوميش")
    assert folded("غوميش") != folded("بوميش")
    chunk = chunks_of(AR_ARTICLE)[1]
    assert name_share("وزير الصحة البرتغالي ماركو جوميش", chunk) == 1.0
    assert name_share("رئيس البلدية", chunk) == 0.0
    assert name_share("وزير الصحة البرتغالي ماركو بيريش", chunk) == 0.0


def test_a_claimed_speaker_spelled_otherwise_is_the_same_speaker() -> None:
    # "Gomes" written with ج in the claim and غ in the article: the minister's own words.
    assert ar_verdict(AR_CLAIM.format(name="جوميش", what=SENDS)) == "supported"
    # Another minister of the same title is someone else: the surname must be given.
    assert ar_verdict(AR_CLAIM.format(name="بيريش", what=SENDS)) == "not_enough_info"
    # The share of the name is a setting: above 4 of 5 words, the title no longer carries it.
    loose = VerifySettings(speaker_share=0.8)
    assert ar_verdict(f"قال وزير الصحة الإسباني ماركو غوميش إن {SENDS}", loose) == "supported"
    strict = VerifySettings(speaker_share=0.9)
    assert ar_verdict(f"قال وزير الصحة الإسباني ماركو غوميش إن {SENDS}", strict) != "supported"
    # The minister never said what the mayor said, however his name is spelled.
    assert ar_verdict(AR_CLAIM.format(name="جوميش", what=SCHOOLS)) == "not_enough_info"
    assert ar_verdict(f"قال رئيس البلدية إن {SENDS}") == "not_enough_info"


def test_a_denial_sharing_a_few_words_does_not_state_a_negated_claim() -> None:
    # The council's denial (about closing the library) shares only "Eastgate library" with
    # this negated claim: it is no passage stating it (nor, sharing only the article's topic,
    # a voice on it at all).
    label, judged = verdict("No hotel chain will buy the Eastgate library.")
    assert label == "not_enough_info"
    assert ("supports", "stated") not in judged


HARBOUR = """Harbour row deepens over waste

Mayor Dana Reyes accused the port authority of dumping waste in the bay for years.
Greenwatch said it had warned the port authority twice about the waste.
Greenwatch runs the only monitoring boat on the bay and has done so since 2019.
The port authority denied dumping any waste in the bay.
"""


def harbour(claim: str) -> tuple[str, list[tuple[str, str, str]]]:
    chunks = chunks_of(HARBOUR)
    a = assess(claim, "en", hits_of(chunks), lexical(chunks), 0.75, CFG)
    label = decide(a.claim, a.judged, a.features, CFG).label
    return label, [(j.stance, j.reason, j.hit.chunk.speaker) for j in a.judged]


def test_a_voice_states_a_claim_only_of_the_party_it_names() -> None:
    # The mayor's accusation is about the port authority: it states that claim, and only it.
    label, judged = harbour("The port authority dumped waste in the bay for years.")
    assert label == "disputed" and ("supports", "stated", "Mayor Dana Reyes") in judged
    # Of another party it states nothing, and its accuser is not the accused.
    for claim in (
        "Greenwatch dumped waste in the bay for years.",
        "Mayor Dana Reyes dumped waste in the bay.",
    ):
        label, judged = harbour(claim)
        assert label != "supported" and all(s != "supports" for s, _, _ in judged), judged


NARRATED_ACT = """Harbour row deepens over waste

The Valley Port Authority dumped waste in the bay for years, the Courier reported.
Mayor Dana Reyes approved the dumping in 2019, according to the Courier.
Mayor Dana Reyes said the port authority had hidden the dumping from inspectors.
"""


def test_a_party_the_article_names_only_in_part_is_not_the_one_it_speaks_of() -> None:
    chunks = chunks_of(NARRATED_ACT)
    for claim, expected in (
        ("The Valley Port Authority dumped waste in the bay for years.", "supports"),
        ("The Valley Authority dumped waste in the bay for years.", "supports"),
        # Another party sharing a word of the name: stated of no one the claim names.
        ("The Hill Port Authority dumped waste in the bay for years.", "misnamed"),
        ("Mayor Jane Reyes approved the dumping in 2019.", "misnamed"),
        ("Jane Reyes approved the dumping in 2019.", "misnamed"),
        # The claim's speaker too: another Reyes did not say it.
        ("Dana Reyes said the port authority had hidden the dumping from inspectors.", "supports"),
        (
            "Mayor Jane Reyes said the port authority had hidden the dumping from inspectors.",
            "misnamed",
        ),
    ):
        a = assess(claim, "en", hits_of(chunks), lexical(chunks), 0.75, CFG)
        reasons = {j.reason if j.stance == "neutral" else j.stance for j in a.judged}
        assert expected in reasons, (claim, reasons)
        if expected == "misnamed":
            d = decide(a.claim, a.judged, a.features, CFG)
            assert (d.label, d.missing) == ("not_enough_info", "misnamed")
    # A title the article leaves out is no other party, nor a first name it never gives.
    surname = chunks_of(NARRATED_ACT.replace("Mayor Dana Reyes", "Mayor Reyes"))
    for claim, article in (
        ("Judge Dana Reyes approved the dumping.", chunks),
        ("Mayor Dana Reyes said the port authority had hidden the dumping from inspectors.",
         surname),
    ):  # fmt: skip
        a = assess(claim, "en", hits_of(article), lexical(article), 0.75, CFG)
        assert all(j.reason != "misnamed" for j in a.judged), claim


PAYMENTS = """Councillors accused over stadium deal

The Riverton Gazette reported that two councillors accepted payments from a builder before the stadium vote.
According to the Gazette, the payments totalled $250,000.
The stadium will open next year.
"""


@pytest.mark.parametrize(
    ("figure", "expected"),
    [("$250,000", "supported"), ("$50,000", "not_enough_info")],
)
def test_a_figure_the_article_gives_nowhere_is_not_supported(figure: str, expected: str) -> None:
    # The passage stating the payments gives no amount; the article's amount is elsewhere.
    chunks = chunks_of(PAYMENTS)
    claim = f"Two councillors accepted {figure} from a builder before the stadium vote."
    a = assess(claim, "en", hits_of(chunks), lexical(chunks), 0.75, CFG)
    assert decide(a.claim, a.judged, a.features, CFG).label == expected


DENIED = """Councillors accused over stadium deal

The Riverton Gazette reported that two councillors accepted payments from a builder before the stadium vote.
According to the Gazette, the vote took place in March.
City hall denied the report, calling it a smear.
"""


def test_a_denial_of_the_report_disputes_what_the_report_opened_with() -> None:
    chunks = chunks_of(DENIED)

    def label(claim: str) -> tuple[str, list[tuple[str, str]]]:
        a = assess(claim, "en", hits_of(chunks), lexical(chunks), 0.75, CFG)
        got = decide(a.claim, a.judged, a.features, CFG).label
        return got, [(j.stance, j.reason) for j in a.judged]

    # City hall shares no word with the claim, but "the report" is the Gazette's.
    got, judged = label("Two councillors accepted payments from a builder before the stadium vote.")
    assert got == "disputed" and ("refutes", "denial") in judged
    # That the Gazette reported it is what the Gazette did: no denial of that.
    got, judged = label("The Riverton Gazette reported that two councillors accepted payments.")
    assert ("refutes", "denial") not in judged


def test_a_name_the_article_gives_only_with_a_title_is_not_another_party() -> None:
    # "Mayor Reyes" gives no other first name: "Jane Reyes" may be her.
    _, a = assessed("Mayor quits\n\nMayor Reyes resigned on Monday.\n", "Jane Reyes resigned.")
    assert all(j.reason != "misnamed" for j in a.judged), a.judged
