"""The web UI's handlers called directly (no browser): HTML pieces, escaping, offsets, errors."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import gradio as gr
import pytest

from assistant.models import Citation
from assistant.ui import html as R
from assistant.ui.app import build_app
from assistant.ui.handlers import ALL, Handlers
from tests.support.articles import DEFAULT_ID, DEFAULT_TXT, read

SCRIPT = "<script>window.__pwned=1</script>"
MARK = re.compile(r'<mark class="cite" id="([^"]+)" data-n="[^"]*">(.*?)</mark>', re.S)
TESTVILLE = (
    "Testville bridge to reopen in May\n\n"
    f"The mayor of Testville said the old stone bridge will reopen in May {SCRIPT} after repairs.\n"
    "Engineers found cracks in two of the arches.\n"
)


@pytest.fixture(scope="module")
def ui(default_only: Any) -> Handlers:
    """Handlers over the shared read-only Assistant (default article only)."""
    return Handlers(default_only)


@pytest.fixture
def empty_ui(assistant: Any) -> Handlers:
    """Handlers over a fresh Assistant with no default article (for ingest/remove)."""
    assistant.settings.default_article = False
    return Handlers(assistant)


def _plain(fragment: str) -> str:
    """The text a browser shows for an evidence panel: tags dropped, translations left out."""
    fragment = re.sub(r'<span class="tr"[^>]*>.*?</span>', "", fragment, flags=re.S)
    fragment = re.sub(r"<(h4|sup)[^>]*>.*?</\1>", "", fragment, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


class _Broken:
    """An Assistant stand-in that fails on any use: building the app must not touch it."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"build_app used assistant.{name}")


def test_build_app_loads_nothing_and_exposes_the_api() -> None:
    app = build_app(_Broken())  # type: ignore[arg-type]
    names = {d.get("api_name"): d.get("api_visibility") for d in app.config["dependencies"]}
    assert names["ask"] == "public" and names["verify"] == "public"
    assert names["attribute"] == "public"  # an indexed article's voice map
    assert sum(v == "public" for v in names.values()) == 3  # UI events stay private


def test_arabic_answer_rtl_badges_links_and_marks(ui: Handlers) -> None:
    history, panel, evidence, box = ui.ask("كم تبرع ماسك لحملة ترامب؟", ALL, [], {})
    assert box == "" and [m["role"] for m in history] == ["user", "assistant"]
    question, answer = history[0]["content"], history[1]["content"]
    assert 'class="isnad-q" dir="rtl"' in question
    assert answer.startswith('<div class="isnad-msg" dir="rtl" lang="ar">')
    assert '<span class="badge role-report"><bdi>التليجراف</bdi> · تقرير</span>' in answer
    assert '<a class="cite-ref" href="#cite-1-1"' in answer
    marks = MARK.findall(panel)
    assert marks and marks[0][0] == "cite-1-1"
    assert "75 مليون دولار" in html.unescape(marks[0][1])
    assert evidence == {1: panel}


def test_english_answer_ltr_english_names_and_translation(ui: Handlers) -> None:
    history, panel, _, _ = ui.ask("Who founded CCDH?", DEFAULT_ID, [], {})
    answer = history[1]["content"]
    assert answer.startswith('<div class="isnad-msg" dir="ltr" lang="en">')
    assert '<span class="badge role-report"><bdi>The Telegraph</bdi> · report</span>' in answer
    assert "McSweeney" in answer
    assert '<span class="tr" dir="ltr" lang="en">' in panel and "McSweeney" in panel
    assert '<div class="isnad-article" dir="rtl" lang="ar"' in panel


def test_marks_wrap_exactly_the_cited_quotes(ui: Handlers, default_only: Any) -> None:
    source = read(DEFAULT_TXT)
    for q in ("How much did Musk donate to Trump's campaign?", "بماذا رد المركز على اتهامات ماسك؟"):
        ans = default_only.ask(q)
        panel = R.evidence_html(ui.sources(ans.citations), ans.citations, "cite-9", ans.language)
        marks = dict(MARK.findall(panel))
        for c in ans.citations:
            assert html.unescape(marks[f"cite-9-{c.id}"]) == c.quote == source[c.start : c.end]
        body = panel.split("</h4>", 1)[1]
        assert _plain(body) == source  # nothing lost, nothing added, in the article's order


def test_marked_article_escapes_and_handles_shared_and_overlapping_spans() -> None:
    text = f"Intro. {SCRIPT} is quoted here. Tail & <b>end</b>."
    start = text.index(SCRIPT)

    def cite(n: int, a: int, b: int) -> Citation:
        return Citation(
            id=n, doc_id="d", chunk_id=f"d:{n}", quote=text[a:b], start=a, end=b,
            translation=f"<i>tr {n}</i>", speaker="x", role="report", score=1.0,
        )  # fmt: skip

    out = R.marked_article(text, [cite(1, start, start + 40), cite(2, start, start + 40),
                                  cite(3, start + 30, start + 50)], "p", "en", "ar")  # fmt: skip
    assert "<script" not in out and "<b>" not in out and "<i>" not in out
    assert "&lt;script&gt;" in out and "&amp;" in out and "&lt;i&gt;tr 1&lt;/i&gt;" in out
    assert '<span id="p-2"></span><mark class="cite" id="p-1"' in out
    marks = dict(MARK.findall(out))
    assert html.unescape(marks["p-1"]) == text[start : start + 40]
    assert html.unescape(marks["p-3"]) == text[start + 40 : start + 50]  # clipped, not nested
    assert _plain(out) == text


def test_question_with_script_is_shown_as_text(ui: Handlers) -> None:
    history, _, _, _ = ui.ask(f"{SCRIPT} Who founded CCDH?", ALL, [], {})
    shown = history[0]["content"] + history[1]["content"]
    assert "<script" not in shown
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in history[0]["content"]


def test_verify_html_label_colour_stance_and_badges(ui: Handlers) -> None:
    out = ui.verify("تبرع ماسك بمبلغ 100 مليون دولار", ALL)
    assert '<div class="verdict" dir="rtl" lang="ar">' in out
    assert 'class="verdict-label v-contradicted" data-verdict="contradicted">مُناقَض<' in out
    assert 'class="stance stance-refutes">ينقض<' in out
    assert '<span class="badge role-report"><bdi>التليجراف</bdi> · تقرير</span>' in out
    assert re.search(r'href="#ev-\d+-1"', out) and re.search(r'<li id="ev-\d+-1">', out)
    en = ui.verify("Elon Musk donated $75 million to Donald Trump's campaign.", ALL)
    assert 'data-verdict="supported"' in en and 'dir="ltr"' in en
    assert "The Telegraph</bdi> · report" in en and "stance-supports" in en


def test_select_shows_the_clicked_answers_evidence(ui: Handlers) -> None:
    evidence = {1: "first", 3: "second"}
    assert ui.select(evidence, SimpleNamespace(index=1)) == "first"  # type: ignore[arg-type]
    turn2 = SimpleNamespace(index=2)  # the question of turn 2 shows its answer's evidence
    assert ui.select(evidence, turn2) == "second"  # type: ignore[arg-type]
    assert ui.select(evidence, SimpleNamespace(index=[3, 0])) == "second"  # type: ignore[arg-type]


def test_errors_are_one_line_gr_errors(ui: Handlers, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(gr.Error) as empty:
        ui.ask("   ", ALL, [], {})
    assert empty.value.message == "the question is empty"  # one line, no traceback
    with pytest.raises(gr.Error, match="limit is 2,000"):
        ui.verify("x" * 2001, ALL)
    with pytest.raises(gr.Error, match="unknown document 'nope'"):
        ui.ask("Who founded CCDH?", "nope", [], {})
    with pytest.raises(gr.Error, match="choose one or more"):
        ui.ingest_files([])

    def boom(*a: Any, **k: Any) -> None:
        raise RuntimeError("secret\nTraceback (most recent call last): ...")

    monkeypatch.setattr(ui.assistant, "ask", boom)
    with pytest.raises(gr.Error) as err:
        ui.ask("Who founded CCDH?", ALL, [], {})
    assert str(err.value.message) == "internal error: RuntimeError (details in the server log)"


def test_api_returns_contract_json(ui: Handlers) -> None:
    ans = ui.api_ask("Who founded CCDH?")
    assert {"question", "language", "answer", "abstained", "statements", "citations"} <= set(ans)
    assert ans["question"] == "Who founded CCDH?" and not ans["abstained"]
    verdict = ui.api_verify("تبرع ماسك بمبلغ 100 مليون دولار", ALL)
    assert verdict["verdict"] == "contradicted" and verdict["evidence"]
    json.dumps([ans, verdict])  # plain JSON for gradio_client


def test_ingest_upload_paste_list_remove(empty_ui: Handlers, tmp_path: Path) -> None:
    a = tmp_path / "testville.txt"
    a.write_text(TESTVILLE, encoding="utf-8")
    b = tmp_path / "notes.md"
    b.write_text("# Harbour notes\n\nThe harbour master said the pier is closed.\n", "utf-8")
    status = empty_ui.ingest_files([str(a), str(b)])
    assert status.splitlines() == ["testville: added (3 units)", "notes: added (2 units)"]
    status = empty_ui.ingest_paste("Pasted piece\n\nThe council said nothing.", "", "My piece")
    assert status.startswith("My_piece: added")
    doc, remove, rows = empty_ui.refresh("testville")
    assert doc["value"] == "testville"
    assert {v for _, v in doc["choices"]} == {ALL, "testville", "notes", "My_piece"}
    assert sorted(r[0] for r in rows) == ["My_piece", "notes", "testville"]
    assert {v for _, v in remove["choices"]} == {"testville", "notes", "My_piece"}

    history, panel, _, _ = empty_ui.ask(
        "When will the Testville bridge reopen?", "testville", [], {}
    )
    assert "May" in history[1]["content"]
    assert "<script" not in panel and "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in panel

    assert empty_ui.remove("testville") == "testville: removed (3 index records)"
    doc, _, rows = empty_ui.refresh("testville")
    assert doc["value"] == ALL and "testville" not in {r[0] for r in rows}
    with pytest.raises(gr.Error, match="unknown document"):
        empty_ui.remove("testville")
    with pytest.raises(gr.Error) as bad:
        empty_ui.ingest_paste("Some text.", "<b>bad id</b>", "")
    assert bad.value.message.startswith(
        "invalid doc id '&lt;b&gt;bad id&lt;/b&gt;'"
    )  # toasts are HTML
    with pytest.raises(gr.Error, match="paste the article"):
        empty_ui.ingest_paste("  ", "x", "")


def test_chat_streams_llm_tokens_then_the_checked_answer(default_only: Any) -> None:
    from assistant.config import Settings
    from assistant.core import Assistant
    from tests.support.fake_llm import FakeLLM, Reply

    reply = (
        "According to The Telegraph, Musk recently donated $75 million "
        "to Trump's election campaign [1]."
    )
    fake = FakeLLM(default=Reply(reply)).start()
    try:
        settings = Settings(home=default_only.settings.home, llm_base_url=fake.url, llm_retries=0)
        h = Handlers(Assistant(settings))
        steps = list(
            h.ask_stream("How much money did Musk donate to Trump's campaign?", ALL, [], {})
        )
    finally:
        fake.stop()
    partial, final = steps[:-1], steps[-1]
    assert len(partial) > 3
    assert all('class="isnad-a streaming"' in s[0][-1]["content"] for s in partial)
    assert (
        "donated" in partial[-1][0][-1]["content"] and "badge" not in partial[-1][0][-1]["content"]
    )
    history, panel, evidence, box = final
    assert 'class="badge role-report"' in history[-1]["content"] and "<mark" in panel
    assert box == "" and len(history) == 2 and evidence
