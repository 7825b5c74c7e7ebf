"""eval/: the metric functions (pure), the LLM-judge cache, synthetic articles, and one real run
of `python -m eval.run` twice on a 3-item dataset: the score files must be byte-identical."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eval import metrics as m
from eval.report import METRICS, render_report, summarise
from tests.support.fake_llm import FakeLLM, Reply

QUESTION = {
    "id": "q1", "kind": "question", "lang": "en", "text": "How much did the port cost?",
    "doc": "port", "answerable": True, "answer_keys": [["75", "seventy-five"]],
    "evidence": ["cost 75 million dollars"], "speaker": ["ledger"], "role": ["report"],
}  # fmt: skip
SOURCE = (
    "The Ledger reported that the port cost 75 million dollars. "
    "The authority denied it. The port opened in 2019."
)
ALIASES = {"ledger": ["ledger", "ليدجر"]}


def cite(n: int, quote: str, **extra: Any) -> dict[str, Any]:
    start = SOURCE.find(quote)
    return {"id": n, "doc_id": "port", "quote": quote, "start": start, "end": start + len(quote),
            "speaker": "The Ledger", "role": "report", **extra}  # fmt: skip


def record(result: dict[str, Any]) -> dict[str, Any]:
    return {"id": "x", "result": result}


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
    assert s.scores["lang_match"] == (1, 1)
    assert any("citation 3 not verbatim" in r for r in s.reasons)


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


def test_summary_has_no_timings_and_report_defines_every_metric() -> None:
    items = [QUESTION]
    cites = [cite(1, "the port cost 75 million dollars")]
    rec = record({"answer": "75 [1]", "abstained": False, "citations": cites})
    s = m.score_item(QUESTION, rec, {"port": SOURCE}, ALIASES)
    summary = summarise(items, [s], [None], [("answerable", "answered")])
    assert "latency" not in json.dumps(summary)
    assert summary["abstention"] == {"answerable": {"answered": 1}}
    latency = {"groups": {g: {"latency_p50_ms": 1.0, "latency_p95_ms": 2.0}
                          for g in summary["groups"]}, "items": {"q1": 1.0}}  # fmt: skip
    report = render_report(summary, latency, items, [s], ["note"])
    for name in METRICS:
        assert f"`{name}` = " in report


# ---- LLM judge ------------------------------------------------------------------------------
def test_judge_parsing_and_inputs() -> None:
    assert m.parse_claims('```json\n{"claims": ["a", " b "]}\n```') == ["a", "b"]
    assert m.parse_claims("no json") is None
    assert m.parse_support('{"supported": [true, "no"]}', 2) == [True, False]
    assert m.parse_support('{"supported": [true]}', 2) is None
    cites = [cite(1, "The port opened in 2019.", translation="افتتح")]
    rec = record({"answer": "The Ledger says 75 [1] [2].", "abstained": False, "citations": cites})
    question, answer, passages = m.judge_inputs(QUESTION, rec) or ("", "", [])
    assert answer == "The Ledger says 75." and question == QUESTION["text"]
    assert passages[0].startswith("[1] (The Ledger, report)") and "افتتح" in passages[0]
    assert m.judge_inputs(QUESTION, record({"answer": "no", "abstained": True})) is None


@pytest.fixture
def judge_server() -> Iterator[FakeLLM]:
    def reply(body: dict[str, Any]) -> Reply:
        system = body["messages"][0]["content"]
        if system == m.JUDGE_CLAIMS_SYSTEM:
            return Reply(json.dumps({"claims": ["The Ledger says 75.", "It opened in 1990."]}))
        return Reply(json.dumps({"supported": [True, False]}))

    fake = FakeLLM(default=reply).start()
    yield fake
    fake.stop()


def test_llm_judge_scores_and_caches(
    judge_server: FakeLLM, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eval.run import judge_items, llm_judge

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
    assert judge.hits == 2 and judge.calls == 0
    assert len(json.loads(cache.read_text(encoding="utf-8"))) == 2


def test_no_llm_means_no_judge(tmp_path: Path) -> None:
    from eval.run import llm_judge

    assert llm_judge(tmp_path / "cache.json") is None


# ---- synthetic articles and bench helpers ---------------------------------------------------
def test_synth_is_deterministic_bilingual_and_long_enough() -> None:
    from eval.synth import article, articles

    arts = list(articles(20, seed=3))
    assert [a.text for a in arts] == [a.text for a in articles(20, seed=3)]
    assert arts[5].text == article(5, seed=3).text != article(5, seed=4).text
    assert {a.lang for a in arts[::2]} == {"en"} and {a.lang for a in arts[1::2]} == {"ar"}
    assert all(300 <= a.words <= 700 for a in arts)
    assert all(a.answer in a.text and a.answer in a.claim for a in arts)
    assert m.detect_lang(arts[1].text) == "ar" and m.detect_lang(arts[1].question) == "ar"


def test_nice_floor() -> None:
    from eval.bench import nice_floor

    assert [nice_floor(x) for x in (0.5, 1, 7, 1530, 2999, 10_000)] == [1, 1, 5, 1000, 2000, 10_000]


# ---- the real thing: two runs, identical score files -----------------------------------------
HARBOUR = (
    "Harbour row in Kingsport\n\n"
    "The Kingsport Courier reported on Monday that the Port Authority spent 75 million dollars "
    "on the new pier, far more than the 40 million dollars first announced.\n\n"
    "The Port Authority denied the report, saying the pier cost 52 million dollars.\n\n"
    "Kingsport has about 90,000 residents.\n"
)


def without_latency(report: str) -> str:
    """report.md minus its latency section (the only part that changes between runs)."""
    head, _, rest = report.partition("## Latency")
    return head + rest[rest.find("\n## ") :]


def test_eval_run_is_deterministic(tmp_path: Path) -> None:
    from eval.run import main

    corpus = tmp_path / "data" / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "harbour_en.txt").write_text(HARBOUR, encoding="utf-8")
    items = [
        {"id": "q-1", "kind": "question", "lang": "en", "doc": "harbour_en",
         "text": "How much did the Port Authority spend on the new pier?", "answerable": True,
         "answer_keys": [["75"]], "evidence": ["spent 75 million dollars"],
         "speaker": ["courier"], "role": ["report"]},
        {"id": "q-2", "kind": "question", "lang": "en", "doc": "harbour_en",
         "text": "Who is the mayor of Kingsport?", "answerable": False},
        {"id": "c-1", "kind": "claim", "lang": "en", "doc": "harbour_en",
         "text": "The Port Authority spent 75 million dollars on the new pier.",
         "verdict": ["disputed", "supported"], "evidence": ["spent 75 million dollars"]},
    ]  # fmt: skip
    dataset = tmp_path / "data" / "tiny.jsonl"
    dataset.write_text("".join(json.dumps(it) + "\n" for it in items), encoding="utf-8")
    (tmp_path / "data" / "speakers.json").write_text(
        json.dumps({"courier": ["courier"]}), encoding="utf-8"
    )
    outs = [tmp_path / "run1", tmp_path / "run2"]
    for out in outs:
        assert main([str(dataset), "--out", str(out), "--judge", "off"]) == 0
    for name in ("results.jsonl", "summary.json"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
    reports = [without_latency((out / "report.md").read_text("utf-8")) for out in outs]
    assert reports[0] == reports[1]
    rows = [json.loads(x) for x in (outs[0] / "results.jsonl").read_text("utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["q-1", "q-2", "c-1"]
    assert all("latency" not in json.dumps(r) for r in rows)
    assert rows[0]["scores"]["citation_recall"] == [1, 1]
    latency = json.loads((outs[0] / "latency.json").read_text("utf-8"))
    assert set(latency["items"]) == {"q-1", "q-2", "c-1"}
    for png in ("metrics.png", "latency.png", "confusion.png"):
        assert (outs[0] / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    report = (outs[0] / "report.md").read_text("utf-8")
    assert "## Questions: abstention both ways" in report and "`citation_precision` = " in report


def test_eval_run_bad_dataset_exits_2(tmp_path: Path) -> None:
    from eval.run import main

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "kind": "poem", "lang": "en", "text": "x"}\n', encoding="utf-8")
    assert main([str(bad), "--out", str(tmp_path / "out")]) == 2
