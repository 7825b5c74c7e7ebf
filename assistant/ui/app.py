"""The Gradio web UI: chat, verify, articles; ``build_app`` builds it, ``serve`` launches it.

Building loads nothing: the index and the model load on the first request (see
``assistant.ui.handlers``, which holds every event handler).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant.ui import html as R
from assistant.ui import voices as V
from assistant.ui.handlers import ALL, ALL_LABEL, Handlers

if TYPE_CHECKING:
    from assistant.core import Assistant

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
        _api(h.api_attribute, "attribute")
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
            with gr.Tab("Who says what · من قال ماذا", id="voices-tab"):
                voice_view = gr.HTML(V.choose_html(), elem_id="voices", js_on_load=None)
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
        doc.change(h.article, [doc], [voice_view], **read)
    return app


def _theme() -> Any:
    # System fonts only: nothing is fetched from the internet.
    return gr.themes.Default(primary_hue="teal", font=("system-ui", "DejaVu Sans", "sans-serif"))


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
        css=R.CSS + V.CSS + EXTRA_CSS, theme=_theme(), footer_links=["api"], max_file_size="10mb",
        show_error=False, quiet=not block, ssr_mode=False, pwa=False, mcp_server=False,
    )  # fmt: skip
    return app
