"""The Gradio web UI: chat, verify, articles; ``build_app`` builds it, ``serve`` launches it.

Building loads nothing: the index and the model load on the first request. Every text shown
comes from ``assistant.ui_render`` (escaped); errors reach the page as one-line ``gr.Error``s.
"""

from __future__ import annotations

import html
import itertools
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant import ui_render as R
from assistant.answer import render_speaker
from assistant.errors import BadInput, IsnadError
from assistant.models import Answer, Citation, DocInfo
from index.normalize import detect_language

if TYPE_CHECKING:
    from assistant.core import Assistant

log = logging.getLogger("isnad.ui")

ALL = "__all__"
ALL_LABEL = "All articles · كل المقالات"
EXAMPLE_QUESTIONS = [
    "Who founded CCDH?",
    "كم تبرع ماسك لحملة ترامب؟",
    "What did CCDH say in response to the accusations of election interference?",
    "بماذا رد المركز على اتهامات ماسك؟",
]
EXAMPLE_CLAIMS = [
    "CCDH interfered in the 2024 US election.",
    "تبرع ماسك بمبلغ 100 مليون دولار",
    "Elon Musk donated $75 million to Donald Trump's campaign.",
    "أسس عمران أحمد مركز مكافحة الكراهية الرقمية.",
]
EXTRA_CSS = """
#question textarea, #claim textarea, #paste-text textarea { unicode-bidi: plaintext;
  text-align: start; }
#chat .message { max-width: 100%; }
"""
HEADER = (
    '<div style="display:flex;justify-content:space-between;flex-wrap:wrap;gap:1em">'
    '<div dir="ltr"><h2 style="margin:0">isnad</h2>Ask about the indexed articles or check a '
    "claim: every sentence says who states it, and [n] shows the exact passage.</div>"
    '<div dir="rtl"><h2 style="margin:0">إسناد</h2>اسأل عن المقالات المفهرسة أو تحقق من ادعاء: '
    "كل جملة تبين من قالها، و[n] يظهر المقطع الحرفي.</div></div>"
)
THEME = gr.themes.Default(
    primary_hue="teal", font=("system-ui", "DejaVu Sans", "sans-serif")
)  # system fonts only: nothing is fetched from the internet


PROGRESS = gr.Progress()  # the default that tells Gradio to pass a progress tracker


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn isnad errors into one-line gr.Error; log anything else without showing a traceback."""
    try:
        yield
    except gr.Error:
        raise
    except IsnadError as exc:
        raise gr.Error(_one_line(exc), print_exception=False) from None
    except Exception as exc:
        log.exception("internal error in the UI")
        msg = f"internal error: {type(exc).__name__} (details in the server log)"
        raise gr.Error(msg, print_exception=False) from None


def _one_line(exc: BaseException) -> str:
    """The first line of the message, HTML-escaped: Gradio's toasts render HTML."""
    return html.escape((str(exc).strip().splitlines() or [type(exc).__name__])[0][:300], False)


def _doc(choice: str | None) -> str | None:
    return None if not choice or choice == ALL else choice


class Handlers:
    """The UI's event handlers over one Assistant (plain methods: the tests call them directly)."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self._write = threading.Lock()
        self._ready = False
        self._verdicts = itertools.count(1)

    def ready(self) -> None:
        """Index the default article and build the search index once (first request)."""
        if self._ready:
            return
        with self._write:
            if not self._ready:
                self.assistant.ensure_default()
                _ = self.assistant.retriever.lexical
                self._ready = True

    # ---- rendering helpers ------------------------------------------------------------------
    def names(self, cites: list[Citation] | list[Any], lang: str) -> dict[str, str]:
        """Speaker names in the answer's language, by chunk id (translation's naming if any)."""
        lex = self.assistant.retriever.lexical
        return {
            c.chunk_id: render_speaker(lex.by_id[c.chunk_id], lang)
            for c in cites
            if c.chunk_id in lex.by_id
        }

    def sources(self, cites: list[Citation] | list[Any]) -> dict[str, tuple[DocInfo | None, str]]:
        """The info and exact text of every cited article."""
        store = self.assistant.store
        return {d: (store.doc(d), store.source_text(d)) for d in {c.doc_id for c in cites}}

    # ---- chat ---------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        doc: str | None,
        history: list[dict[str, Any]] | None,
        evidence: dict[int, str] | None,
    ) -> tuple[list[dict[str, Any]], str, dict[int, str], str]:
        """Chat turn: (history, evidence panel HTML, evidence by message index, cleared box)."""
        with user_errors():
            self.ready()
            ans = self.assistant.ask(question, doc=_doc(doc))
        return self._turn(ans, history, evidence)

    def ask_stream(
        self,
        question: str,
        doc: str | None,
        history: list[dict[str, Any]] | None,
        evidence: dict[int, str] | None,
    ) -> Iterator[tuple[Any, Any, Any, str]]:
        """Chat turn as a stream: the LLM's tokens as they come, then the checked answer."""
        with user_errors():
            self.ready()
            lang = detect_language(question or "")
            asked = [*(history or []), {"role": "user", "content": R.question_html(question, lang)}]
            text = ""
            for item in self.assistant.ask_stream(question, doc=_doc(doc)):
                if isinstance(item, str):
                    text += item
                    partial = {"role": "assistant", "content": R.partial_html(text, lang)}
                    yield [*asked, partial], gr.skip(), gr.skip(), ""
                else:
                    yield self._turn(item, history, evidence)

    def _turn(
        self,
        ans: Answer,
        history: list[dict[str, Any]] | None,
        evidence: dict[int, str] | None,
    ) -> tuple[list[dict[str, Any]], str, dict[int, str], str]:
        history, evidence = list(history or []), dict(evidence or {})
        with user_errors():
            index = len(history) + 1
            prefix = f"cite-{index}"
            body = R.answer_html(ans, prefix, self.names(ans.citations, ans.language))
            panel = R.evidence_html(
                self.sources(ans.citations), ans.citations, prefix, ans.language
            )
        history += [
            {"role": "user", "content": R.question_html(ans.question, ans.language)},
            {"role": "assistant", "content": body},
        ]
        evidence[index] = panel
        return history, panel, evidence, ""

    def select(self, evidence: dict[int, str] | None, evt: gr.SelectData) -> Any:
        """Show the evidence of the answer the user clicked (or of the answer after a question)."""
        index = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
        evidence = {int(k): v for k, v in (evidence or {}).items()}
        for i in (int(index), int(index) + 1):
            if i in evidence:
                return evidence[i]
        return gr.skip()

    # ---- verify -------------------------------------------------------------------------
    def verify(self, claim: str, doc: str | None) -> str:
        """Verdict HTML for a claim."""
        with user_errors():
            self.ready()
            v = self.assistant.verify(claim, doc=_doc(doc))
            prefix = f"ev-{next(self._verdicts)}"
            return R.verdict_html(v, prefix, self.names(v.evidence, v.language))

    # ---- articles -----------------------------------------------------------------------
    def ingest_files(self, files: list[str] | None, progress: gr.Progress = PROGRESS) -> str:
        """Index uploaded files; returns a status line per file."""
        paths = [Path(f) for f in files or []]
        if not paths:
            raise gr.Error("choose one or more .txt, .md or .html files first")
        done: list[str] = []

        def tick(result: Any) -> None:
            done.append(f"{result.doc_id}: {result.status} ({result.units} units)")
            progress((len(done), len(paths)), desc=f"indexed {result.doc_id}")

        with user_errors(), self._write:
            progress((0, len(paths)), desc="reading and indexing")
            self.assistant.ingest(paths, progress=tick)
        return "\n".join(done)

    def ingest_paste(
        self, text: str, doc_id: str, title: str, progress: gr.Progress = PROGRESS
    ) -> str:
        """Index pasted text under a doc id (made from the title when left empty)."""
        from index.ingest import slugify

        with user_errors():
            if not text or not text.strip():
                raise BadInput("paste the article's text first")
            limit = self.assistant.settings.limits.max_file_bytes
            if len(text.encode("utf-8")) > limit:
                raise BadInput(f"the text is over the {limit:,}-byte limit")
            first = next(ln for ln in text.splitlines() if ln.strip())
            doc_id = (doc_id or "").strip() or slugify((title or first)[:60])
            progress(0.1, desc=f"indexing {doc_id}")
            with self._write:
                r = self.assistant.ingest_text(
                    text.replace("\r\n", "\n"), doc_id, (title or "").strip() or None
                )
        return f"{r.doc_id}: {r.status} ({r.units} units)"

    def remove(self, doc_id: str | None) -> str:
        """Remove an article from the index."""
        with user_errors():
            if not doc_id:
                raise BadInput("choose the article to remove")
            with self._write:
                if self.assistant.store.doc(doc_id) is None:
                    raise BadInput(f"unknown document {doc_id!r}")
                n = self.assistant.remove(doc_id)
        return f"{doc_id}: removed ({n} index records)"

    def refresh(self, current: str | None = None) -> tuple[Any, Any, list[list[Any]]]:
        """The article chooser, the remove chooser and the table, after any change."""
        with user_errors():
            self.ready()
            docs = self.assistant.docs()
        choices = [(ALL_LABEL, ALL)] + [(f"{d.title[:60]} ({d.doc_id})", d.doc_id) for d in docs]
        ids = {d.doc_id for d in docs}
        keep = current if current in ids else ALL
        return (
            gr.update(choices=choices, value=keep),
            gr.update(choices=[(d.doc_id, d.doc_id) for d in docs], value=None),
            R.docs_rows(docs),
        )

    # ---- API for tools ------------------------------------------------------------------
    def api_ask(self, question: str, doc: str | None = None) -> dict[str, Any]:
        """Answer a question: the contract's Answer JSON."""
        with user_errors():
            self.ready()
            return self.assistant.ask(question, doc=_doc(doc)).model_dump(mode="json")

    def api_verify(self, claim: str, doc: str | None = None) -> dict[str, Any]:
        """Verdict on a claim: the contract's Verdict JSON."""
        with user_errors():
            self.ready()
            return self.assistant.verify(claim, doc=_doc(doc)).model_dump(mode="json")


def _api(fn: Callable[..., dict[str, Any]], name: str) -> None:
    gr.api(fn, api_name=name, concurrency_limit=4, concurrency_id="read")


def build_app(assistant: Assistant) -> gr.Blocks:
    """The UI as a gr.Blocks (nothing loads until the first request)."""
    h = Handlers(assistant)
    read: dict[str, Any] = {
        "concurrency_limit": 4,
        "concurrency_id": "read",
        "api_visibility": "private",
    }
    write: dict[str, Any] = {
        "concurrency_limit": 1,
        "concurrency_id": "write",
        "api_visibility": "private",
    }
    with gr.Blocks(title="isnad · إسناد", analytics_enabled=False) as app:
        _api(h.api_ask, "ask")  # first, so the tools' endpoints get these exact names
        _api(h.api_verify, "verify")
        gr.HTML(HEADER, js_on_load=None)
        doc = gr.Dropdown(
            [(ALL_LABEL, ALL)], value=ALL, label="Article · المقال", elem_id="doc-choice"
        )
        with gr.Tabs():
            with gr.Tab("Chat · محادثة", id="chat-tab"):
                with gr.Row():
                    with gr.Column(scale=3):
                        chat = gr.Chatbot(
                            label="isnad", elem_id="chat", height=520, render_markdown=False,
                            latex_delimiters=[], group_consecutive_messages=False,
                        )  # fmt: skip
                        question = gr.Textbox(
                            label="Question · السؤال", elem_id="question", lines=1,
                            placeholder="Ask in Arabic or English · اسأل بالعربية أو الإنجليزية",
                        )  # fmt: skip
                        with gr.Row():
                            ask_btn = gr.Button("Ask · اسأل", variant="primary", elem_id="ask")
                            clear_btn = gr.Button("Clear · مسح", elem_id="clear")
                        gr.Examples(EXAMPLE_QUESTIONS, inputs=[question], label="Examples · أمثلة")
                    with gr.Column(scale=2):
                        gr.Markdown("**Cited passages · المقاطع المستشهد بها**")
                        panel = gr.HTML("", elem_id="evidence", js_on_load=None)
                evidence = gr.State({})
            with gr.Tab("Verify · تحقق", id="verify-tab"):
                claim = gr.Textbox(
                    label="Claim · الادعاء", elem_id="claim", lines=2,
                    placeholder="Paste a claim · الصق ادعاءً",
                )  # fmt: skip
                verify_btn = gr.Button("Verify · تحقق", variant="primary", elem_id="verify")
                gr.Examples(EXAMPLE_CLAIMS, inputs=[claim], label="Examples · أمثلة")
                verdict = gr.HTML("", elem_id="verdict", js_on_load=None)
            with gr.Tab("Articles · المقالات", id="articles-tab"):
                with gr.Row():
                    with gr.Column():
                        files = gr.File(
                            label="Upload .txt / .md / .html · ارفع ملفات",
                            file_count="multiple", file_types=[".txt", ".md", ".html", ".htm"],
                            type="filepath", elem_id="upload",
                        )  # fmt: skip
                        upload_btn = gr.Button("Index files · فهرسة", elem_id="upload-btn")
                    with gr.Column():
                        text = gr.Textbox(
                            label="…or paste the text · أو الصق النص", lines=6,
                            elem_id="paste-text",
                        )  # fmt: skip
                        with gr.Row():
                            new_id = gr.Textbox(label="doc id (optional)", elem_id="paste-id")
                            title = gr.Textbox(label="title (optional)", elem_id="paste-title")
                        paste_btn = gr.Button("Index text · فهرسة النص", elem_id="paste-btn")
                status = gr.Textbox(label="Status · الحالة", interactive=False, elem_id="status")
                table = gr.Dataframe(
                    headers=R.DOCS_HEADERS, interactive=False, elem_id="docs", wrap=True
                )
                with gr.Row():
                    to_remove = gr.Dropdown([], label="Remove article · حذف مقال", elem_id="rm")
                    remove_btn = gr.Button("Remove · حذف", variant="stop", elem_id="rm-btn")
        gr.HTML(R.legend_html(), elem_id="legend", js_on_load=None)

        refreshed = [doc, to_remove, table]
        chat_io: dict[str, Any] = {"inputs": [question, doc, chat, evidence],
                   "outputs": [chat, panel, evidence, question]}  # fmt: skip
        ask_btn.click(h.ask_stream, **chat_io, **read)
        question.submit(h.ask_stream, **chat_io, **read)
        clear_btn.click(lambda: ([], "", {}), None, [chat, panel, evidence], **read)
        chat.select(h.select, [evidence], [panel], **read)
        verify_btn.click(h.verify, [claim, doc], [verdict], **read)
        claim.submit(h.verify, [claim, doc], [verdict], **read)
        upload_btn.click(h.ingest_files, [files], [status], **write).success(
            h.refresh, [doc], refreshed, **read
        ).success(lambda: None, None, [files], **read)
        paste_btn.click(h.ingest_paste, [text, new_id, title], [status], **write).success(
            h.refresh, [doc], refreshed, **read
        )
        remove_btn.click(h.remove, [to_remove], [status], **write).success(
            h.refresh, [doc], refreshed, **read
        )
        app.load(h.refresh, [doc], refreshed, **read)
    return app


def serve(
    assistant: Assistant,
    host: str = "127.0.0.1",
    port: int = 7860,
    share: bool = False,
    block: bool = True,
) -> gr.Blocks:
    """Launch the UI (blocks until stopped unless block=False; then call app.close())."""
    app = build_app(assistant)
    app.queue(default_concurrency_limit=1, max_size=512)
    app.launch(
        server_name=host, server_port=port, share=share, prevent_thread_lock=not block,
        css=R.CSS + EXTRA_CSS, theme=THEME, footer_links=["api"], max_file_size="10mb",
        show_error=False, quiet=not block, ssr_mode=False, pwa=False, mcp_server=False,
    )  # fmt: skip
    return app
