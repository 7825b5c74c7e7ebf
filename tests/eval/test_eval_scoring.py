"""eval/: the metric functions of one item (pure) and the LLM judge (prompts, reply parsing,
the reply cache against a fake OpenAI-compatible server)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eval import judge as j
from eval import metrics as m
from tests.eval.eval_helpers import ALIASES, QUESTION, SOURCE, cite, record
from tests.support.fake_llm import FakeLLM, Reply


# ---- pure metric functions ----------------------------------------------------------------
def test_norm_and_contains_ignore_diacritics_alef_and_digits() -> None:
    assert m.contains("تبرّع مؤخراً بمبلغ ٧٥ مليون", "تبرع مؤخرا بمبلغ 75")
    assert m.contains("أعلن إيلون", "اعلن ايلون")
    assert not m.contains(None, "x")
    assert m.detect_lang("What did the ministry say?") == "en"
    assert m.detect_lang("ماذا قالت الوزارة؟") == "ar"
    assert m.detect_lang("123") is None


def test_relevant_citation_alce_style() -> None:
    evidence, answers = ["cost 75 million dollars"], ["75"]
    assert m.relevant_citation(cite(1, "the port cost 75 million dollars"), evidence, [])
    assert m.relevant_citation({"quote": "قال", "translation": "it was 75"}, [], answers)
    assert not m.relevant_citation(cite(2, "The port opened in 2019."), evidence, answers)


def test_score_question_recall_precision_quotes_language() -> None:
    good = cite(1, "The Ledger reported that the port cost 75 million dollars.")
    off = cite(2, "The port opened in 2019.")
    bad = {**cite(3, "The authority denied it."), "start": 0}  # offsets do not match the quote
    result = {"answer": "The Ledger reported a cost of 75 million dollars [1].",
              "abstained": False, "citations": [good, off, bad]}  # fmt: skip
    s = m.score_item(QUESTION, record(result), {"port": SOURCE}, ALIASES)
    assert s.scores["citation_recall"] == (1, 1)
    assert s.scores["citation_precision"] == (1, 3)
    assert s.scores["attribution_accuracy"] == (1, 1)
    assert s.scores["quote_verbatim"] == (2, 3)
    assert s.scores["answer_keys_in_answer"] == (1, 1)
    assert s.scores["answered_when_answerable"] == (1, 1)
    assert s.scores["answer_keys_in_top_citation"] == (1, 1)
    assert s.scores["lang_match"] == (1, 1)
    assert any("citation 3 not verbatim" in r for r in s.reasons)
    second_first = {**result, "citations": [off, good]}
    s = m.score_item(QUESTION, record(second_first), {"port": SOURCE}, ALIASES)
    assert s.scores["answer_keys_in_top_citation"] == (0, 1)
    assert s.scores["answer_keys_in_answer_or_citations"] == (1, 1)


def test_abstention_both_ways_and_errors() -> None:
    unanswerable = {**QUESTION, "answerable": False, "answer_keys": None, "evidence": []}
    abstained = record({"answer": "The articles do not say.", "abstained": True, "citations": []})
    answered = record({"answer": "It opened in 2019 [1].", "abstained": False,
                       "citations": [cite(1, "The port opened in 2019.")]})  # fmt: skip
    s = m.score_item(unanswerable, abstained, {"port": SOURCE}, ALIASES)
    assert s.scores["abstained_when_unanswerable"] == (1, 1)
    assert "citation_precision" not in s.scores  # no gold to judge relevance by
    s = m.score_item(unanswerable, answered, {"port": SOURCE}, ALIASES)
    assert s.scores["abstained_when_unanswerable"] == (0, 1)
    s = m.score_item(QUESTION, abstained, {"port": SOURCE}, ALIASES)
    assert s.scores["answered_when_answerable"] == (0, 1)
    assert m.abstention_outcome(unanswerable, abstained) == ("unanswerable", "abstained")
    assert m.abstention_outcome(QUESTION, answered) == ("answerable", "answered")
    assert m.abstention_outcome(QUESTION, {"id": "x", "error": "boom"}) == ("answerable", "error")
    s = m.score_item(QUESTION, {"id": "x", "error": "boom"}, {}, ALIASES)
    assert s.scores["completed"] == (0, 1) and s.reasons == ["error: boom"]


def test_claim_verdict_and_decisive_precision() -> None:
    claim = {"id": "c1", "kind": "claim", "lang": "en", "text": "The port cost 90 million.",
             "verdict": ["contradicted"], "evidence": ["cost 75 million dollars"]}  # fmt: skip
    result = {"verdict": "contradicted", "explanation": "The Ledger says 75 million [1].",
              "evidence": [cite(1, "The Ledger reported that the port cost 75 million dollars.",
                                stance="refutes"),
                           cite(2, "The port opened in 2019.", stance="neutral")]}  # fmt: skip
    s = m.score_item(claim, record(result), {"port": SOURCE}, ALIASES)
    assert s.scores["verdict_accuracy"] == (1, 1)
    assert s.scores["citation_precision"] == (1, 2)
    assert s.scores["citation_precision_decisive"] == (1, 1)


def test_percentile_aggregate_confusion() -> None:
    assert m.percentile([], 50) is None
    assert m.percentile([1, 2, 3, 4], 50) == 2.5
    assert m.aggregate([{"a": (1, 2)}, {"a": (1, 1), "b": (0, 1)}]) == {"a": (2, 3), "b": (0, 1)}
    assert m.confusion([("x", "y"), ("x", "y"), ("x", "x")]) == {"x": {"y": 2, "x": 1}}


# ---- LLM judge ------------------------------------------------------------------------------
def test_judge_parsing_and_inputs() -> None:
    assert j.parse_claims('```json\n{"claims": ["a", " b "]}\n```') == ["a", "b"]
    assert j.parse_claims("no json") is None
    assert j.parse_support('{"supported": [true, "no"]}', 2) == [True, False]
    assert j.parse_support('{"supported": [true]}', 2) is None
    cites = [cite(1, "The port opened in 2019.", translation="افتتح")]
    rec = record({"answer": "The Ledger says 75 [1] [2].", "abstained": False, "citations": cites})
    question, answer, passages = j.judge_inputs(QUESTION, rec) or ("", "", [])
    assert answer == "The Ledger says 75." and question == QUESTION["text"]
    assert passages[0].startswith("[1] (The Ledger, report)") and "افتتح" in passages[0]
    assert j.judge_inputs(QUESTION, record({"answer": "no", "abstained": True})) is None


@pytest.fixture
def judge_server() -> Iterator[FakeLLM]:
    def reply(body: dict[str, Any]) -> Reply:
        system = body["messages"][0]["content"]
        if system == j.JUDGE_CLAIMS_SYSTEM:
            return Reply(json.dumps({"claims": ["The Ledger says 75.", "It opened in 1990."]}))
        return Reply(json.dumps({"supported": [True, False]}))

    fake = FakeLLM(default=reply).start()
    yield fake
    fake.stop()


def test_llm_judge_scores_and_caches(
    judge_server: FakeLLM, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eval.judge import judge_items, llm_judge

    monkeypatch.setenv("ISNAD_LLM_BASE_URL", judge_server.url)
    monkeypatch.setenv("ISNAD_LLM_MODEL", "fake-judge")
    cites = [cite(1, "the port cost 75 million dollars")]
    result = {"answer": "The Ledger says 75 [1].", "abstained": False, "citations": cites}
    records = {"q1": {"id": "q1", "result": result}}
    cache = tmp_path / "judge_cache.json"
    for _ in range(2):  # the second run is served from the cache
        judge = llm_judge(cache)
        assert judge is not None
        s = m.ItemScore()
        assert judge_items(judge, [QUESTION], records, [s]) == []
        assert s.scores["llm_faithfulness"] == (1, 2)
    assert len(judge_server.requests) == 2  # claims + support, asked once
    assert judge is not None
    assert judge.hits == 2 and judge.calls == 0
    assert len(json.loads(cache.read_text(encoding="utf-8"))) == 2


def test_no_llm_means_no_judge(tmp_path: Path) -> None:
    from eval.judge import llm_judge

    assert llm_judge(tmp_path / "cache.json") is None
