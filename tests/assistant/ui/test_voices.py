"""The article view: units tinted by speaker and role, a legend of voices, escaped, RTL."""

from __future__ import annotations

import html
import re
from typing import Any

from assistant.config import Settings
from assistant.core import Assistant
from assistant.ui import voices as V
from assistant.ui.handlers import ALL, Handlers
from tests.support.articles import DEFAULT_ID, WATER_AR, WATER_ID

SCRIPT = "<script>window.__pwned=1</script>"
TEXT = (
    "Harbour works delayed\n\n"
    f"The Harbour Gazette reported that the works were delayed {SCRIPT} by storms. "
    "The mayor said the quay would reopen in June. She added that costs were stable.\n"
    "Union leader Ana Ruiz accused the council of hiding reports.\n"
)


def _visible(fragment: str) -> str:
    """What the browser shows of the article body: tags dropped, entities decoded."""
    body = fragment.split('<div class="isnad-article voice-text">', 1)[1]
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def test_voice_map_html_legend_tints_and_escaping() -> None:
    a = Assistant(Settings(default_article=False))
    vm = a.attribute_text(TEXT, "harbour")
    page = V.voice_map_html(vm, TEXT, "Harbour <works>", "vm-1")
    assert SCRIPT not in page and html.escape(SCRIPT) in page
    assert "Harbour &lt;works&gt;" in page
    assert _visible(page).strip() == TEXT.strip()  # the exact text, nothing added or lost
    assert 'dir="ltr"' in page
    keys = re.findall(r'data-speaker="([^"]+)" data-role="(\w+)"><input type="radio"', page)
    assert ("The mayor", "statement") in keys and ("The Harbour Gazette", "report") in keys
    assert "The mayor · 2 statements" in page  # "She added" goes on with the mayor
    assert "Union leader Ana Ruiz · 1 accusation" in page
    mayor = re.findall(r'<span class="s voiced role-statement (v\d+)"', page)
    assert len(mayor) == 2 and mayor[0] == mayor[1]
    assert f"input.{mayor[0]}:checked" in V.CSS  # choosing the voice lights its units
    assert '<span class="s role-context">Harbour works delayed</span>' in page


def test_arabic_view_is_rtl() -> None:
    a = Assistant(Settings(default_article=False))
    vm = a.attribute_text(WATER_AR, WATER_ID)
    page = V.voice_map_html(vm, WATER_AR, "ماء", "vm-2")
    assert 'dir="rtl"' in page and 'lang="ar"' in page
    assert "جريدة الفجر · 2 تقارير" in page
    assert "جمعية السكان · اتهام" in page


def test_handler_shows_the_chosen_article(default_only: Any) -> None:
    ui = Handlers(default_only)
    assert "Choose an article" in ui.article(ALL)
    page = ui.article(DEFAULT_ID)
    assert 'dir="rtl"' in page and f'data-doc="{DEFAULT_ID}"' in page
    assert re.search(r'data-speaker="[^"]*التليجراف[^"]*" data-role="report"', page)
    assert 'data-role="denial"' in page and 'data-role="accusation"' in page
    assert ui.api_attribute(DEFAULT_ID)["doc_id"] == DEFAULT_ID
