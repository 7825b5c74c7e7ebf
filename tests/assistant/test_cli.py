# ruff: noqa: E501  (article text and Arabic questions are kept on one line)
"""The command-line contract (CONTRACT.md): JSON shapes, docs, ingest, batch, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.articles import (
    DEFAULT_ID,
    DEFAULT_TXT,
    FERRY_EN,
    FERRY_ID,
    aligned_by_span,
    read,
)

ROLES = {"report", "accusation", "denial", "context"}
DOCINFO_KEYS = {
    "doc_id",
    "title",
    "lang",
    "path",
    "sha256",
    "units",
    "chars",
    "aligned",
    "embedder",
}

MARKDOWN = """# Riverside library reopens

The Riverside library reopened on Saturday after a two-year renovation, according to the Valley Courier.

The city paid 4.5 million euros for the work. Mayor Elena Voss said the library would open every evening.
"""
SCRIPT_MARK = "ZXSCRIPT9931"
HTML = f"""<!doctype html>
<html><head><title>Orchard festival</title>
<style>.hidden {{ color: red; }} body {{ margin: 0 }}</style>
<script>var token = "{SCRIPT_MARK}"; document.write("the orchard festival was cancelled by {SCRIPT_MARK}");</script>
</head>
<body>
<h1>Orchard festival draws record crowds</h1>
<p>The orchard festival in Tamsfield drew 12,000 visitors on Sunday, according to the Hill Post.</p>
<script type="text/javascript">console.log("festival organisers {SCRIPT_MARK} cancelled");</script>
<p>Organiser Rhea Lund said the festival would return next autumn.</p>
<noscript>{SCRIPT_MARK} noscript fallback</noscript>
</body></html>
"""


def one_line_error(err: str) -> str:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def check_answer_shape(obj: dict) -> None:
    assert set(obj) >= {
        "question", "language", "answer", "abstained", "statements", "citations", "mode", "timings_ms",
    }  # fmt: skip
    assert isinstance(obj["question"], str) and obj["question"]
    assert obj["language"] in ("ar", "en")
    assert isinstance(obj["answer"], str) and obj["answer"]
    assert isinstance(obj["abstained"], bool)
    assert obj["mode"] in ("extractive", "llm")
    assert isinstance(obj["timings_ms"], dict)
    assert {"retrieve", "answer", "total"} <= set(obj["timings_ms"])
    assert all(isinstance(v, int | float) for v in obj["timings_ms"].values())
    ids = []
    for c in obj["citations"]:
        assert set(c) >= {
            "id", "doc_id", "chunk_id", "quote", "start", "end", "translation", "speaker", "role", "score",
        }  # fmt: skip
        assert (
            isinstance(c["id"], int) and isinstance(c["start"], int) and isinstance(c["end"], int)
        )
        assert isinstance(c["doc_id"], str) and c["chunk_id"].startswith(c["doc_id"] + ":")
        assert isinstance(c["quote"], str) and 0 <= c["start"] < c["end"]
        assert c["translation"] is None or isinstance(c["translation"], str)
        assert isinstance(c["speaker"], str) and c["speaker"]
        assert c["role"] in ROLES
        assert isinstance(c["score"], int | float)
        ids.append(c["id"])
    for s in obj["statements"]:
        assert set(s) >= {"text", "citations", "speaker", "role"}
        assert isinstance(s["text"], str) and s["role"] in ROLES and isinstance(s["speaker"], str)
        assert all(isinstance(n, int) and n in ids for n in s["citations"])


# ---- ask / docs / ingest ------------------------------------------------------------------
def test_ask_json_contract(run_cli) -> None:
    p = run_cli("ask", "How much did Musk donate to Trump's campaign?", "--json")
    assert p.returncode == 0, p.stderr
    obj = json.loads(p.stdout)
    check_answer_shape(obj)
    assert obj["language"] == "en" and not obj["abstained"]
    assert "75" in obj["answer"]
    text = read(DEFAULT_TXT)
    spans = aligned_by_span()
    for c in obj["citations"]:
        assert c["doc_id"] == DEFAULT_ID
        assert c["quote"] == text[c["start"] : c["end"]]
        assert c["translation"] == spans[(c["start"], c["end"])]["en"]


def test_ingest_docs_and_rm(run_cli, write_article, isolated_home) -> None:
    txt = write_article(f"{FERRY_ID}.txt", FERRY_EN)
    md = write_article("library.md", MARKDOWN)
    html = write_article("festival.html", HTML)
    p = run_cli("ingest", txt, md, html)
    assert p.returncode == 0, p.stderr
    assert "Traceback" not in p.stderr

    p = run_cli("docs", "--json")
    assert p.returncode == 0, p.stderr
    docs = json.loads(p.stdout)
    assert isinstance(docs, list)
    # The default article is only ingested into an empty index.
    assert {d["doc_id"] for d in docs} == {FERRY_ID, "library", "festival"}
    for d in docs:
        assert set(d) >= DOCINFO_KEYS
        assert d["units"] > 0 and d["embedder"]
    assert {d["lang"] for d in docs} == {"en"}
    assert not any(d["aligned"] for d in docs)

    # What the HTML article became: visible text only.
    from assistant.config import Settings
    from assistant.core import Assistant

    a = Assistant(Settings())
    chunks = [c for c in a.store.chunks() if c.doc_id == "festival"]
    source = a.store.source_text("festival")
    assert chunks and SCRIPT_MARK not in source and ".hidden" not in source
    assert all(SCRIPT_MARK not in c.text and "document.write" not in c.text for c in chunks)
    assert all(c.text == source[c.start : c.end] for c in chunks)
    ans = a.ask("Who cancelled the orchard festival? What is the token?", doc="festival")
    assert all(SCRIPT_MARK not in c.quote and "console.log" not in c.quote for c in ans.citations)
    ans = a.ask("How many visitors did the orchard festival draw?")
    assert not ans.abstained and ans.citations[0].doc_id == "festival"
    assert "12,000" in ans.citations[0].quote
    assert all(SCRIPT_MARK not in c.quote for c in ans.citations)
    # Markdown and text: offsets into the file as given.
    for doc_id, text in (("library", MARKDOWN), (FERRY_ID, FERRY_EN)):
        for c in (c for c in a.store.chunks() if c.doc_id == doc_id):
            assert c.text == text[c.start : c.end]
    del a

    p = run_cli("docs", "rm", FERRY_ID)
    assert p.returncode == 0, p.stderr
    p = run_cli("docs", "--json")
    assert p.returncode == 0, p.stderr
    assert {d["doc_id"] for d in json.loads(p.stdout)} == {"library", "festival"}


# ---- batch --------------------------------------------------------------------------------
def test_batch_survives_bad_lines(run_cli, tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "good",
                "kind": "question",
                "text": "How much did Musk donate to Trump's campaign?",
                "extra": 1,
            }
        ),
        '{"id": "broken", "kind": "question", "text": ',  # not JSON
        "",
        json.dumps({"id": "odd", "kind": "summary", "text": "Summarise the article."}),
        json.dumps({"id": "empty", "kind": "question", "text": "   "}),
        json.dumps(
            {"id": "nodoc", "kind": "question", "text": "Who founded CCDH?", "doc": "no_such_doc"}
        ),
        json.dumps(["not", "an", "object"]),
        "   ",
        json.dumps({"id": "good-ar", "text": "من أسس مركز مكافحة الكراهية الرقمية؟"}),
    ]
    infile = tmp_path / "in.jsonl"
    infile.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out" / "results.jsonl"
    p = run_cli("batch", infile, "--out", out)
    assert p.returncode == 0, p.stderr
    records = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == sum(1 for ln in lines if ln.strip())
    by_id = {r["id"]: r for r in records}
    good = by_id["good"]
    assert good["kind"] == "question" and "error" not in good
    check_answer_shape(good["result"])
    assert "75" in good["result"]["answer"] and not good["result"]["abstained"]
    for bad in ("odd", "empty", "nodoc"):
        assert isinstance(by_id[bad]["error"], str) and by_id[bad]["error"], bad
        assert "result" not in by_id[bad]
    assert sum("error" in r for r in records) == 5  # broken, odd, empty, nodoc, array
    ar = by_id["good-ar"]
    assert ar["result"]["language"] == "ar" and "ماكسويني" in ar["result"]["answer"]


# ---- bad input: exit 2, one line, index unchanged -------------------------------------
@pytest.fixture(scope="module")
def indexed_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home holding the default article, reused (read-only) by the bad-input cases."""
    from assistant.config import Settings
    from assistant.core import Assistant

    home = tmp_path_factory.mktemp("bad_input_home")
    Assistant(Settings(home=home, chroma_url=None)).ensure_default()
    return home


def bad_cases(folder: Path) -> dict[str, list[str]]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    (folder / "nul.txt").write_bytes(b"An article\x00with a NUL byte.\n")
    (folder / "latin1.txt").write_bytes("Caf\xe9 owners protested on Monday.\n".encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text("  \n\n \t\n", encoding="utf-8")
    (folder / "report.pdf").write_text("The council met on Monday.\n", encoding="utf-8")
    return {
        "empty-question": ["ask", ""],
        "whitespace-question": ["ask", "   \t  "],
        "huge-question": ["ask", "word " * 20_000],
        "binary-file": ["ingest", str(folder / "binary.txt")],
        "nul-file": ["ingest", str(folder / "nul.txt")],
        "non-utf8-file": ["ingest", str(folder / "latin1.txt")],
        "empty-file": ["ingest", str(folder / "empty.txt")],
        "blank-file": ["ingest", str(folder / "blank.md")],
        "unknown-doc": ["ask", "Who founded CCDH?", "--doc", "no_such_article"],
        "missing-file": ["ingest", str(folder / "does_not_exist.txt")],
        "unsupported-ext": ["ingest", str(folder / "report.pdf")],
        "rm-unknown": ["docs", "rm", "no_such_article"],
        "batch-missing": ["batch", str(folder / "nope.jsonl"), "--out", str(folder / "o.jsonl")],
    }


CASES = list(bad_cases(Path("/nonexistent")).keys())


@pytest.mark.parametrize("case", CASES)
def test_bad_input_in_process(case: str, cli_main, indexed_home: Path, tmp_path: Path) -> None:
    args = bad_cases(tmp_path / "inputs")[case]
    code, out, _ = cli_main("--index", indexed_home, "docs", "--json")
    assert code == 0
    before = json.loads(out)
    assert [d["doc_id"] for d in before] == [DEFAULT_ID]
    code, out, err = cli_main("--index", indexed_home, *args)
    assert code == 2, (out, err)
    assert out == ""
    line = one_line_error(err)
    assert line.startswith("isnad: ")
    assert len(line) < 400
    code, out, _ = cli_main("--index", indexed_home, "docs", "--json")
    assert json.loads(out) == before


@pytest.mark.parametrize("case", ["empty-question", "huge-question", "binary-file"])
def test_bad_input_subprocess(
    case: str, run_cli, cli_main, indexed_home: Path, tmp_path: Path
) -> None:
    args = bad_cases(tmp_path / "inputs")[case]
    before = cli_main("--index", indexed_home, "docs", "--json")[1]
    p = run_cli("--index", indexed_home, *args)
    assert p.returncode == 2, p.stderr
    one_line_error(p.stderr)
    assert p.stdout == ""
    assert cli_main("--index", indexed_home, "docs", "--json")[1] == before
