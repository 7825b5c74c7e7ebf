"""eval/run: which `isnad ingest` calls a dataset needs (pure), where the files go, and the real
thing through the CLI: two runs of a 4-item dataset give byte-identical score files."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest

from eval.data import ArticleFile
from eval.isnad_cli import default_doc_id, ingest_calls


# ---- one ingest process for every article isnad names like the dataset ----------------------
def art(doc_id: str, name: str, aligned: str | None = None) -> ArticleFile:
    folder = Path("/data/corpus")
    return ArticleFile(doc_id, folder / name, "text", folder / aligned if aligned else None)


def test_ingest_calls_group_plain_articles_in_one_call() -> None:
    articles = [
        art("xq-ar-000", "xq-ar-000.txt"),
        art("ccdh_musk_ar", "ccdh_musk_ar.txt", aligned="ccdh_musk_en.aligned.jsonl"),
        art("page", "page.html"),
        art("two words", "two words.txt"),  # isnad would name it two_words: needs --doc-id
        art("fnc-b786", "fnc-b786.md"),
    ]
    assert ingest_calls(articles) == [
        ["ingest", "/data/corpus/xq-ar-000.txt", "/data/corpus/page.html",
         "/data/corpus/fnc-b786.md"],
        ["ingest", "/data/corpus/ccdh_musk_ar.txt", "--doc-id", "ccdh_musk_ar",
         "--aligned", "/data/corpus/ccdh_musk_en.aligned.jsonl"],
        ["ingest", "/data/corpus/two words.txt", "--doc-id", "two words"],
    ]  # fmt: skip
    assert ingest_calls([]) == []


def test_ingest_calls_chunks_and_doc_ids() -> None:
    articles = [art(f"a{i}", f"a{i}.txt") for i in range(5)]
    calls = ingest_calls(articles, chunk=2)
    assert [len(c) - 1 for c in calls] == [2, 2, 1]
    assert [p for c in calls for p in c[1:]] == [str(a.path) for a in articles]
    # the doc id the CLI gives a file: its stem, slugified like `index.ingest.slugify`
    assert default_doc_id(Path("corpus/arfc-R-533-a11.txt")) == "arfc-R-533-a11"
    assert default_doc_id(Path("corpus/two words.v2.txt")) == "two_words_v2"
    assert default_doc_id(Path("corpus/مقال.txt")) == "مقال"


def test_output_folder_is_given_or_new_and_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eval.run import output_folder

    given = output_folder(tmp_path / "a" / "b", Path("x/dev.jsonl"))
    assert given == (tmp_path / "a" / "b").resolve() and given.is_dir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    first, second = (output_folder(None, Path("x/dev.jsonl")) for _ in range(2))
    assert first != second and first.parent == second.parent == (tmp_path / "tmp").resolve()
    assert first.name.startswith("isnad-eval-dev-") and first.is_dir()


# ---- the real thing: two runs, identical score files -----------------------------------------
HARBOUR = (
    "Harbour row in Kingsport\n\n"
    "The Kingsport Courier reported on Monday that the Port Authority spent 75 million dollars "
    "on the new pier, far more than the 40 million dollars first announced.\n\n"
    "The Port Authority denied the report, saying the pier cost 52 million dollars.\n\n"
    "Kingsport has about 90,000 residents.\n"
)
FERRY = (
    "Ferry service to resume\n\n"
    "The Kingsport ferry will run again from 3 March, the transport office said on Tuesday.\n"
)


def without_latency(report: str) -> str:
    """report.md minus its latency section (the only part that changes between runs)."""
    head, _, rest = report.partition("## Latency")
    return head + rest[rest.find("\n## ") :]


def write_dataset(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "harbour_en.txt").write_text(HARBOUR, encoding="utf-8")
    (corpus / "ferry_en.txt").write_text(FERRY, encoding="utf-8")
    items = [
        {"id": "q-1", "kind": "question", "lang": "en", "doc": "harbour_en",
         "text": "How much did the Port Authority spend on the new pier?", "answerable": True,
         "answer_keys": [["75"]], "evidence": ["spent 75 million dollars"],
         "speaker": ["courier"], "role": ["report"], "topic": "money"},
        {"id": "q-2", "kind": "question", "lang": "en", "doc": "harbour_en",
         "text": "Who is the mayor of Kingsport?", "answerable": False, "topic": "people"},
        {"id": "q-3", "kind": "question", "lang": "en", "doc": "ferry_en",
         "text": "When will the ferry run again?", "answerable": True,
         "answer_keys": [["3 March"]], "evidence": ["from 3 March"], "topic": "dates"},
        {"id": "c-1", "kind": "claim", "lang": "en", "doc": "harbour_en",
         "text": "The Port Authority spent 75 million dollars on the new pier.",
         "verdict": ["disputed", "supported"], "evidence": ["spent 75 million dollars"],
         "topic": "money"},
    ]  # fmt: skip
    dataset = root / "tiny.jsonl"
    dataset.write_text("".join(json.dumps(it) + "\n" for it in items), encoding="utf-8")
    (root / "speakers.json").write_text(json.dumps({"courier": ["courier"]}), encoding="utf-8")
    return dataset


def test_eval_run_is_deterministic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from eval.run import main

    dataset = write_dataset(tmp_path / "data")
    outs = [tmp_path / "run1", tmp_path / "run2"]
    for out in outs:
        assert main([str(dataset), "--out", str(out), "--judge", "off"]) == 0
    printed = capsys.readouterr().out
    assert f"report: {(outs[1] / 'report.md').resolve()}" in printed
    assert "By `topic`:" in printed
    for name in ("results.jsonl", "summary.json"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
    reports = [without_latency((out / "report.md").read_text("utf-8")) for out in outs]
    assert reports[0] == reports[1]
    rows = [json.loads(x) for x in (outs[0] / "results.jsonl").read_text("utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["q-1", "q-2", "q-3", "c-1"]
    assert all("latency" not in json.dumps(r) for r in rows)
    assert rows[0]["scores"]["citation_recall"] == [1, 1]
    assert rows[0]["groups"] == {"topic": "money"}
    summary = json.loads((outs[0] / "summary.json").read_text("utf-8"))
    assert "ingest: 2 articles in 1 `isnad ingest` call" in summary["notes"]  # one process
    assert summary["groups"]["topic=money"]["items"] == 2
    assert summary["groups"]["topic=dates"]["metrics"]["completed"] == [1, 1]
    assert "macro_f1" in summary["groups"]["topic=money"]["verdicts"]
    latency = json.loads((outs[0] / "latency.json").read_text("utf-8"))
    assert set(latency["items"]) == {"q-1", "q-2", "q-3", "c-1"}
    for png in ("metrics.png", "latency.png", "confusion.png", "metrics_by_topic.png"):
        assert (outs[0] / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    report = (outs[0] / "report.md").read_text("utf-8")
    assert "## Questions: abstention both ways" in report and "`citation_precision` = " in report
    assert "## By `topic`" in report and "## Claims: verdicts" in report


def test_eval_run_bad_dataset_exits_2(tmp_path: Path) -> None:
    from eval.run import main

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "kind": "poem", "lang": "en", "text": "x"}\n', encoding="utf-8")
    assert main([str(bad), "--out", str(tmp_path / "out")]) == 2
    assert not (tmp_path / "out").exists()  # nothing written for a refused dataset


def test_eval_run_isnad_failure_exits_1(tmp_path: Path) -> None:
    from eval.run import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bell.txt").write_text("A bell \x07 rang.\n", encoding="utf-8")  # isnad refuses it
    item = {"id": "q", "kind": "question", "lang": "en", "doc": "bell", "text": "What rang?",
            "answerable": False}  # fmt: skip
    dataset = tmp_path / "bell.jsonl"
    dataset.write_text(json.dumps(item) + "\n", encoding="utf-8")
    assert main([str(dataset), "--out", str(tmp_path / "out"), "--judge", "off"]) == 1


def test_eval_run_output_folder_that_cannot_be_made_exits_2(tmp_path: Path) -> None:
    from eval.run import main

    dataset = write_dataset(tmp_path / "data")
    blocker = tmp_path / "a_file"
    blocker.write_text("", encoding="utf-8")
    assert main([str(dataset), "--out", str(blocker / "out")]) == 2
