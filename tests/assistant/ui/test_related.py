"""An abstention's closest passages are shown as "related, but not an answer", in the page and
in the terminal, in the answer's language (Arabic right to left), escaped. Pure rendering: the
Answer is built here, no model loads."""

from __future__ import annotations

import pytest

from assistant import messages
from assistant.models import Answer, Citation
from assistant.ui import html as R
from assistant.ui.terminal import answer_text

QUOTE = "The pier <b>closed</b> & the council <script>alert(1)</script> met."


def abstained(lang: str) -> Answer:
    cite = Citation(
        id=1, doc_id="harbour", chunk_id="harbour:0003", quote=QUOTE, start=10,
        end=10 + len(QUOTE), speaker="Harbour Gazette", role="report", score=0.2,
    )  # fmt: skip
    return Answer(
        question="?",
        language=lang,
        answer=messages.NOT_IN_ARTICLE[lang],
        abstained=True,
        related=[cite],
    )


@pytest.mark.parametrize(("lang", "direction"), [("en", "ltr"), ("ar", "rtl")])
def test_page_shows_related_passages_escaped_in_the_answer_direction(lang, direction) -> None:
    body = R.answer_html(abstained(lang), "t")
    assert messages.NOT_IN_ARTICLE[lang] in body
    assert f'<div class="related" dir="{direction}" lang="{lang}">' in body
    assert R.esc(messages.RELATED[lang]) in body
    assert "<script>" not in body and "&lt;script&gt;" in body and "&lt;b&gt;" in body
    assert "Harbour Gazette" in body and "role-report" in body


def test_page_shows_no_related_block_without_related_passages() -> None:
    ans = abstained("en").model_copy(update={"related": []})
    assert 'class="related"' not in R.answer_html(ans, "t")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_terminal_lists_related_passages_under_their_heading(lang) -> None:
    lines = answer_text(abstained(lang)).splitlines()
    assert lines[0] == messages.NOT_IN_ARTICLE[lang]
    at = lines.index(messages.RELATED[lang])
    assert (
        "Harbour Gazette" in lines[at + 1] and messages.ROLE_LABEL[lang]["report"] in lines[at + 1]
    )
    assert lines[at + 2] == f"    {QUOTE}"
