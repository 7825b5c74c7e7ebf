"""`isnad attribute FILE | --doc ID [--json]` and batch "attribute": the voice map contract."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.support.articles import FERRY_EN, FERRY_ID, WATER_AR, WATER_ID

UNIT_KEYS = {"start", "end", "text", "speaker", "role", "cue", "source"}
ROLES = {"report", "accusation", "denial", "statement", "context"}


def check_voice_map(vm: dict[str, Any], source: str, doc_id: str, lang: str) -> None:
    """The contract's shape, exact offsets, units in order, spans inside the article."""
    assert set(vm) == {"doc_id", "language", "units"}
    assert vm["doc_id"] == doc_id and vm["language"] == lang
    last = 0
    for u in vm["units"]:
        assert set(u) == UNIT_KEYS and u["role"] in ROLES
        assert u["start"] >= last and source[u["start"] : u["end"]] == u["text"]
        last = u["end"]
        if u["speaker"] == "article":
            assert u["role"] == "context" and u["cue"] is None and u["source"] is None
            continue
        assert u["role"] != "context"
        for span in (u["cue"], u["source"]):
            assert span is not None and 0 <= span[0] < span[1] <= len(source)
    assert source[last:].strip() == ""


def by_text(vm: dict[str, Any], starts: str) -> dict[str, Any]:
    (unit,) = [u for u in vm["units"] if u["text"].startswith(starts)]
    return unit


def test_attribute_file_json_one_line(run_cli, write_article) -> None:
    path = write_article(f"{FERRY_ID}.txt", FERRY_EN)
    r = run_cli("attribute", path, "--json")
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("\n") == 1  # one compact line: a loop over files makes JSONL
    vm = json.loads(r.stdout)
    check_voice_map(vm, FERRY_EN, FERRY_ID, "en")
    denied = by_text(vm, "The operator Bluewake Lines denied")
    assert (denied["speaker"], denied["role"]) == ("The operator Bluewake Lines", "denial")
    assert FERRY_EN[denied["cue"][0] : denied["cue"][1]] == "denied"
    assert FERRY_EN[denied["source"][0] : denied["source"][1]] == denied["speaker"]
    added = by_text(vm, "He added that")  # a pronoun: the source is where the name is
    assert "Henrik Dahl" in added["speaker"]
    assert "Henrik Dahl" in FERRY_EN[added["source"][0] : added["source"][1]]
    assert FERRY_EN[added["cue"][0] : added["cue"][1]] == "added"
    resolved = by_text(vm, "The newspaper reported")  # "the newspaper" -> the outlet named before
    assert "Harbour Gazette" in resolved["speaker"] and resolved["role"] == "report"
    assert by_text(vm, "The ferry has carried")["speaker"] == "article"


def test_attribute_file_arabic_and_text_form(run_cli, write_article) -> None:
    path = write_article(f"{WATER_ID}.txt", WATER_AR)
    vm = json.loads(run_cli("attribute", path, "--json").stdout)
    check_voice_map(vm, WATER_AR, WATER_ID, "ar")
    added = by_text(vm, "وأضاف أن الأسعار")  # pro-drop: the speaker of the denial before it
    assert (
        "كريم العطار" in added["speaker"] and WATER_AR[added["cue"][0] : added["cue"][1]] == "وأضاف"
    )
    r = run_cli("attribute", path)
    assert r.returncode == 0
    assert "جريدة الفجر · تقرير" in r.stdout and "المقال · سياق" in r.stdout


def test_attribute_doc_of_indexed_articles(cli_main, shared) -> None:
    home = str(shared.settings.home)
    for doc_id, source, lang in ((WATER_ID, WATER_AR, "ar"), (FERRY_ID, FERRY_EN, "en")):
        code, out, err = cli_main("--index", home, "attribute", "--doc", doc_id, "--json")
        assert code == 0, err
        vm = json.loads(out)
        check_voice_map(vm, source, doc_id, lang)
        assert any(u["role"] == "denial" for u in vm["units"])
    code, out, _ = cli_main("--index", home, "attribute", "--doc", "ccdh_musk_ar", "--json")
    vm = json.loads(out)
    speakers = {u["speaker"] for u in vm["units"] if u["role"] == "report"}
    assert any("التليجراف" in s for s in speakers)


def test_attribute_bad_input_is_one_line_exit_2(cli_main, shared, tmp_path: Path) -> None:
    home = str(shared.settings.home)
    cases = [
        ("attribute",),
        ("attribute", str(tmp_path / "missing.txt")),
        ("attribute", str(tmp_path / "x.txt"), "--doc", WATER_ID),
        ("--index", home, "attribute", "--doc", "no_such_doc"),
    ]
    for args in cases:
        code, out, err = cli_main(*args)
        assert code == 2, args
        assert out == "" and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_batch_attribute_kind(shared) -> None:
    from assistant.batch import run_lines

    lines = [
        json.dumps({"id": "w", "kind": "attribute", "doc": WATER_ID}),
        json.dumps({"id": "pasted one", "kind": "attribute", "text": FERRY_EN}),
        json.dumps({"id": "none", "kind": "attribute"}),
        json.dumps({"id": "gone", "kind": "attribute", "doc": "no_such_doc"}),
    ]
    out = {r["id"]: r for r in run_lines(shared, lines)}
    check_voice_map(out["w"]["result"], WATER_AR, WATER_ID, "ar")
    check_voice_map(out["pasted one"]["result"], FERRY_EN, "pasted_one", "en")
    assert "error" in out["none"] and "unknown document" in out["gone"]["error"]
