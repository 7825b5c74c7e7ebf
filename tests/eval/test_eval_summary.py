"""eval/: from item scores to the summary and the report, on hand-made records (pure): the
grouping fields, per-group metrics, verdict precision/recall/F1 and macro-F1, the report, and a
run's files without matplotlib."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eval import metrics as m
from eval.groups import grouping_fields, groupings, members
from eval.report import grouped_tables, render_report
from eval.summary import METRICS, summarise
from eval.verdicts import effective_gold, verdict_scores
from tests.eval.eval_helpers import ALIASES, QUESTION, SOURCE, cite, claim, record, verdict_score


def fake_latency(summary: dict) -> dict:
    groups = {g: {"latency_p50_ms": 1.0, "latency_p95_ms": 2.0} for g in summary["groups"]}
    return {"groups": groups, "items": {}}


def test_summary_has_no_timings_and_report_defines_every_metric() -> None:
    items = [QUESTION]
    cites = [cite(1, "the port cost 75 million dollars")]
    rec = record({"answer": "75 [1]", "abstained": False, "citations": cites})
    s = m.score_item(QUESTION, rec, {"port": SOURCE}, ALIASES)
    summary = summarise(items, [s], [None], [("answerable", "answered")])
    assert "latency" not in json.dumps(summary)
    assert summary["abstention"] == {"answerable": {"answered": 1}}
    assert list(summary["groups"]) == ["overall", "ar", "en", "questions", "claims"]
    assert "verdicts" not in summary["groups"]["overall"]  # no claims, no verdict metrics
    report = render_report(summary, fake_latency(summary), items, [s], ["note"])
    for name in METRICS:
        assert f"`{name}` = " in report
    assert "## By " not in report and "## Claims: verdicts" not in report


# ---- which fields group items -------------------------------------------------------------
def test_grouping_fields_rule() -> None:
    base = {"id": "x", "kind": "question", "lang": "en", "text": "t", "doc": "d"}
    items = [
        {**base, "group": ["ar-ar", "en-en"][i % 2], "title": f"T{i % 3}", "qid": f"q{i}",
         "claim_fact": "true", "body_id": 7, "source_id": "s", "topic": f"t{i}",
         "rationale_lines": [1], "split": "dev", "hard": "yes" if i < 3 else None,
         "mixed": "a" if i else 3, "note": "only here" if i == 4 else None}
        for i in range(25)
    ]  # fmt: skip
    fields = grouping_fields(items)
    # group: 2 values; hard: one value but not on every item; note: on one item only.
    # Out: descriptive names (title, qid, claim_fact, *_id), non-strings (body_id, rationale_lines,
    # mixed), over 20 values (topic), one value on every item (split).
    assert fields == {"group": ["ar-ar", "en-en"], "hard": ["yes"], "note": ["only here"]}
    assert groupings(items)["group"] == ["group=ar-ar", "group=en-en"]
    assert list(groupings(items))[:2] == ["lang", "kind"]
    groups = members(items)
    assert groups["group=ar-ar"] == list(range(0, 25, 2)) and groups["hard=yes"] == [0, 1, 2]
    assert groups["claims"] == [] and len(groups["overall"]) == 25


# ---- verdict metrics ------------------------------------------------------------------------
def test_effective_gold() -> None:
    assert effective_gold(["contradicted", "disputed"], "disputed") == "disputed"
    assert effective_gold(["contradicted", "disputed"], "supported") == "contradicted"
    assert effective_gold(["not_enough_info"], None) == "not_enough_info"


def test_verdict_precision_recall_f1_and_macro_f1() -> None:
    claims = [
        (["supported"], "supported"),  # right
        (["contradicted", "disputed"], "disputed"),  # right: gold = disputed
        (["contradicted", "disputed"], "not_enough_info"),  # gold contradicted, predicted NEI
        (["not_enough_info"], "supported"),
        (["not_enough_info", "disputed"], None),  # error record: a miss of not_enough_info
        (["not_enough_info"], "not_enough_info"),
    ]
    got = verdict_scores(claims)
    per = got["per_verdict"]
    assert got["claims"] == 6
    assert per["supported"] == {"gold": 1, "predicted": 2, "correct": 1, "precision": 0.5,
                                "recall": 1.0, "f1": 0.6667}  # fmt: skip
    assert per["contradicted"] == {"gold": 1, "predicted": 0, "correct": 0, "precision": None,
                                   "recall": 0.0, "f1": 0.0}  # fmt: skip
    assert per["disputed"]["f1"] == 1.0
    assert per["not_enough_info"] == {"gold": 3, "predicted": 2, "correct": 1, "precision": 0.5,
                                      "recall": 0.3333, "f1": 0.4}  # fmt: skip
    assert got["macro_f1"] == round((2 / 3 + 0 + 1 + 0.4) / 4, 4)
    # a verdict nobody expects and nobody predicts is left out of the macro average
    only = verdict_scores([(["supported"], "supported"), (["not_enough_info"], "supported")])
    assert only["per_verdict"]["disputed"]["f1"] is None
    assert only["macro_f1"] == round((2 / 3 + 0) / 2, 4)


# ---- per-group metrics ----------------------------------------------------------------------
STANCES = ["agree", "agree", "disagree", "disagree", "unrelated", "unrelated"]
ACCEPTED = {"agree": ["supported"], "disagree": ["contradicted", "disputed"],
            "unrelated": ["not_enough_info"]}  # fmt: skip
PREDICTED = ["supported", "not_enough_info", "disputed", "not_enough_info", "not_enough_info",
             None]  # fmt: skip


def claim_run() -> tuple[list[dict], list, list[str | None]]:
    items = [claim(i, ACCEPTED[s], stance=s, claim_id=f"R-{i}") for i, s in enumerate(STANCES)]
    scores = [verdict_score(p in it["verdict"]) for it, p in zip(items, PREDICTED, strict=True)]
    return items, scores, PREDICTED


def test_metrics_per_group_value() -> None:
    items, scores, verdicts = claim_run()
    summary = summarise(items, scores, verdicts, [None] * len(items))
    assert summary["groupings"]["stance"] == ["stance=agree", "stance=disagree", "stance=unrelated"]
    g = summary["groups"]
    assert g["stance=agree"]["items"] == 2
    assert g["stance=agree"]["metrics"]["verdict_accuracy"] == [1, 2]
    assert g["stance=disagree"]["metrics"]["verdict_accuracy"] == [1, 2]
    assert g["stance=unrelated"]["metrics"]["verdict_accuracy"] == [1, 2]
    assert g["overall"]["metrics"]["verdict_accuracy"] == [3, 6]
    # within one stance group: agree has gold supported twice, predicted supported once
    agree = g["stance=agree"]["verdicts"]
    assert agree["per_verdict"]["supported"]["recall"] == 0.5
    assert agree["per_verdict"]["not_enough_info"]["precision"] == 0.0
    accepted = [ACCEPTED[s] for s in STANCES]
    assert g["overall"]["verdicts"] == verdict_scores(zip(accepted, PREDICTED, strict=True))
    assert summary["confusion"]["contradicted or disputed"] == {"disputed": 1, "not_enough_info": 1}
    assert summary["confusion"]["not_enough_info"] == {"not_enough_info": 1, "error": 1}
    # the same outputs give the same bytes
    again = summarise(*claim_run(), [None] * len(items))
    assert json.dumps(again, ensure_ascii=False) == json.dumps(summary, ensure_ascii=False)


def test_report_and_console_show_every_group() -> None:
    items, scores, verdicts = claim_run()
    summary = summarise(items, scores, verdicts, [None] * len(items))
    report = render_report(summary, fake_latency(summary), items, scores, ["note"])
    assert "## By `stance`" in report and "## Claims: verdicts" in report
    assert "| disagree | 2 | 0.50 (1/2) |" in report
    assert "| stance=agree | 2 | 0.50 (1/2) |" in report  # verdict table per group
    assert "| supported | 2 | 1 | 1 | 1.00 (1/1) | 0.50 (1/2) | 0.67 |" in report
    assert "claim_id" not in report.split("## Failing")[0]
    assert "(claim, en, stance agree): wrong verdict" in report
    console = grouped_tables(summary)
    assert "verdict macro-F1" in console and "By `stance`:" in console


# ---- without matplotlib ---------------------------------------------------------------------
def test_outputs_without_matplotlib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from eval.outputs import write_outputs
    from eval.plots import NOT_INSTALLED

    monkeypatch.setitem(sys.modules, "matplotlib", None)  # `import matplotlib` now fails
    monkeypatch.delitem(sys.modules, "matplotlib.pyplot", raising=False)
    items, scores, verdicts = claim_run()
    records = {it["id"]: {"id": it["id"], "result": {"verdict": v, "evidence": []}}
               for it, v in zip(items, verdicts, strict=True)}  # fmt: skip
    write_outputs(tmp_path, items, records, scores, ["note"])
    assert not list(tmp_path.glob("*.png"))
    assert NOT_INSTALLED in (tmp_path / "report.md").read_text(encoding="utf-8")
    assert NOT_INSTALLED in capsys.readouterr().err
    assert NOT_INSTALLED == "plots skipped: matplotlib is not installed (pip install 'isnad[eval]')"
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert summary["groups"]["stance=agree"]["metrics"]["verdict_accuracy"] == [1, 2]
    rows = (tmp_path / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(rows[0])["groups"] == {"stance": "agree"}


def test_eval_run_does_not_import_matplotlib() -> None:
    code = "import sys, eval.run, eval.outputs, eval.plots; print('matplotlib' in sys.modules)"
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
