"""The citation guard on chunks made in memory: no embedder, no LLM server."""

from __future__ import annotations

from assistant.llm.guard import Grounds, check
from tests.support.chunks import chunks_of

ARTICLE = """The Valley Courier reported that the council will close the Eastgate library in June.
The council denied the report.
"""
NO_SIMILARITY = Grounds(similar=lambda text, chunk: 0.0, min_dense=0.75, min_coverage=0.5)


def _given() -> dict:
    chunks = chunks_of(ARTICLE)
    return {1: chunks[0], 2: chunks[1]}


def test_keeps_a_supported_statement_and_restores_its_attribution() -> None:
    report = check(
        "The council will close the Eastgate library in June [1].", _given(), "en", NO_SIMILARITY
    )
    assert len(report.kept) == 1 and not report.removed
    assert report.kept[0].text.startswith("According to")  # the report reads as a report


def test_a_restored_attribution_follows_the_role() -> None:
    report = check("The report was denied [2].", _given(), "en", NO_SIMILARITY)
    assert report.kept[0].text == "The council denies: The report was denied [2]."
    assert report.attributed == 1


def test_removes_unsupported_uncited_and_invented_statements() -> None:
    reply = (
        "The library will close in June after 300 staff protested [1]. "
        "The mayor resigned. "
        "The council sold the building [7]."
    )
    report = check(reply, _given(), "en", NO_SIMILARITY)
    reasons = sorted(r["reason"] for r in report.removed)
    assert not report.kept
    assert reasons == [
        "cites [7], which was not given",
        "no citation",
        "number not in the cited passage",
    ]


def test_quotes_must_be_verbatim() -> None:
    report = check(
        'The paper wrote "the council will shut every library" [1].', _given(), "en", NO_SIMILARITY
    )
    assert report.removed[0]["reason"] == "quote not verbatim in the cited passage"


def test_across_languages_similarity_decides() -> None:
    statement = "سيغلق المجلس المكتبة في يونيو [1]."
    assert check(statement, _given(), "ar", NO_SIMILARITY).removed
    close = Grounds(similar=lambda text, chunk: 0.9, min_dense=0.75, min_coverage=0.5)
    assert check(statement, _given(), "ar", close).kept
