"""The UI's event handlers over one Assistant: plain methods, so the tests call them directly.

Every text shown comes from ``assistant.ui.html`` (escaped); errors reach the page as one-line
``gr.Error``s. The handlers use only the ``Assistant``'s public methods.
"""

from __future__ import annotations

import html
import itertools
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant.errors import BadInput, IsnadError
from assistant.models import Answer, Citation, DocInfo
from assistant.ui import html as R
from index.ingest import slugify
from index.language import detect_language

if TYPE_CHECKING:
    from assistant.core import Assistant

log = logging.getLogger("isnad.ui")

ALL = "__all__"
ALL_LABEL = "All articles · كل المقالات"
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
                self.assistant.warm()
                self._ready = True

    # ---- rendering helpers ------------------------------------------------------------------
    def names(self, cites: list[Citation] | list[Any], lang: str) -> dict[str, str]:
        """Speaker names in the answer's language, by chunk id (translation's naming if any)."""
        return self.assistant.speaker_names(cites, lang)

    def sources(self, cites: list[Citation] | list[Any]) -> dict[str, tuple[DocInfo | None, str]]:
        """The info and exact text of every cited article."""
        a = self.assistant
        return {d: (a.doc(d), a.source_text(d)) for d in {c.doc_id for c in cites}}

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

    # ---- article view -------------------------------------------------------------------
    def article(self, doc: str | None) -> str:
        """The chosen article with who says what in it (its voice map)."""
        from assistant.ui import voices

        doc_id = _doc(doc)
        if doc_id is None:
            return voices.choose_html()
        with user_errors():
            self.ready()
            info = self.assistant.doc(doc_id)
            vm = self.assistant.voice_map(doc_id)
            source = self.assistant.source_text(doc_id)
        title = info.title if info else doc_id
        return voices.voice_map_html(vm, source, title, f"vm-{next(self._verdicts)}")

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
                if self.assistant.doc(doc_id) is None:
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

    def api_attribute(self, doc: str) -> dict[str, Any]:
        """An indexed article's voice map: the contract's voice-map JSON."""
        with user_errors():
            self.ready()
            if not _doc(doc):
                raise BadInput("choose an article: its doc id")
            return self.assistant.voice_map(doc).model_dump(mode="json")
