"""The web UI in headless Chromium: ask in both languages, verify, add an article with <script>."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eval.loopback import answers, free_port, stop

ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path("/tmp/isnad_shots")
START_TIMEOUT = 90  # s: the server process imports Gradio and binds
ANSWER_TIMEOUT = 120_000  # ms: the first answer also indexes the default article
STEP_TIMEOUT = 30_000  # ms
CHROME_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
EVIL = (
    "Testville bridge to reopen in May\n\n"
    "The mayor of Testville said the old stone bridge will reopen in May "
    "<script>window.__pwned=1</script> after repairs.\n"
    'Engineers found cracks in <img src=x onerror="window.__pwned=2"> two of the arches.\n'
)

pytestmark = pytest.mark.slow


def _wait_up(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the UI server exited ({proc.returncode}):\n{log.read_text()[-3000:]}")
        if answers(url):
            return
        time.sleep(0.5)
    pytest.fail(f"the UI server did not answer within {START_TIMEOUT}s:\n{log.read_text()[-3000:]}")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """`python app.py` on a free port with its own ISNAD_HOME; stopped at the end."""
    port = free_port()
    log = tmp_path / "server.log"
    env = dict(os.environ, ISNAD_HOME=str(tmp_path / "home"), GRADIO_ANALYTICS_ENABLED="False",
               HF_HUB_OFFLINE="1", NO_PROXY="127.0.0.1,localhost")  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "app.py"), "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}/"
        try:
            _wait_up(url, proc, log)
            yield url
        finally:
            stop(proc)


@pytest.fixture
def page(tmp_path: Path) -> Iterator[Any]:
    """A fresh headless Chromium page (own profile) that records requests leaving 127.0.0.1."""
    if not CHROMIUM.exists():
        pytest.skip("no browser: /usr/bin/chromium is missing (apt-get install -y chromium)")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path / "chrome-profile"), executable_path=str(CHROMIUM), headless=True,
            args=CHROME_ARGS, viewport={"width": 1400, "height": 1000}, locale="en-US",
        )  # fmt: skip
        pg = ctx.new_page()
        pg.set_default_timeout(STEP_TIMEOUT)
        pg.external = []
        local = ("http://127.0.0.1", "data:", "blob:", "about:")
        pg.on("request", lambda r: None if r.url.startswith(local) else pg.external.append(r.url))
        try:
            yield pg
        finally:
            ctx.close()


def _shot(page: Any, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SHOTS / path.name)
    return path


def _ask(page: Any, question: str, n: int) -> Any:
    """Ask in the chat and return the n-th answer (1-based) once it is shown."""
    page.fill("#question textarea", question)
    page.click("#ask")
    page.wait_for_function(
        f"document.querySelectorAll('#chat .isnad-msg').length >= {n}", timeout=ANSWER_TIMEOUT
    )
    return page.locator("#chat .isnad-msg").nth(n - 1)


def test_browser_chat_verify_articles(server: str, page: Any, tmp_path: Path) -> None:
    page.goto(server, timeout=STEP_TIMEOUT)
    page.wait_for_selector("#question textarea")
    assert page.locator("#legend .badge.role-denial").count() >= 2  # the legend, both languages

    # Arabic: right to left, the Telegraph's report badge, the cited passage highlighted.
    ar = _ask(page, "كم تبرع ماسك لحملة ترامب؟", 1)
    assert ar.get_attribute("dir") == "rtl"
    assert "75" in ar.inner_text()
    badge = ar.locator(".badge.role-report").first
    assert "التليجراف" in badge.inner_text() and "تقرير" in badge.inner_text()
    assert page.locator("#chat .isnad-q[dir=rtl]").count() == 1
    mark = page.locator("#evidence mark.cite").first
    assert "75 مليون دولار" in mark.inner_text()
    ar.locator("a.cite-ref").first.click()
    page.wait_for_selector("#evidence mark.cite:target")
    assert page.locator("#evidence mark.cite:target").inner_text() == mark.inner_text()
    _shot(page, tmp_path, "ui_chat_ar")

    # English: left to right, English speaker names, the English rendering beside the Arabic.
    en = _ask(page, "Who founded CCDH?", 2)
    assert en.get_attribute("dir") == "ltr"
    assert "McSweeney" in en.inner_text()
    assert "Telegraph" in en.locator(".badge").first.inner_text()
    assert page.locator("#evidence .tr").count() >= 1
    assert "McSweeney" in page.locator("#evidence .tr").first.inner_text()
    en.locator("a.cite-ref").first.click()
    page.wait_for_selector("#evidence mark.cite:target")
    _shot(page, tmp_path, "ui_chat_en")

    # Clicking the earlier Arabic answer brings its passages back into the panel.
    ar.click(position={"x": 5, "y": 5})
    page.wait_for_function(
        "document.querySelector('#evidence mark.cite')?.id?.startsWith('cite-1-')"
    )

    # Who says what: the default article tinted by speaker and role; a voice lights its units.
    page.locator("#doc-choice input").click()
    page.get_by_role("option", name=re.compile("ccdh_musk_ar")).click()
    page.get_by_role("tab", name="Who says what · من قال ماذا").click()
    view = page.locator("#voices .voice-map")
    view.wait_for()
    assert view.get_attribute("dir") == "rtl"
    assert page.locator("#voices .s.role-report").count() >= 4
    assert page.locator("#voices .s.role-denial").count() >= 1
    key = page.locator("#voices .voice-key[data-role=report]").first
    assert "التليجراف" in key.inner_text() and "تقارير" in key.inner_text()
    key.click()
    lit = page.evaluate(
        "[...document.querySelectorAll('#voices .s')].filter(e => "
        "getComputedStyle(e).outlineStyle === 'solid').map(e => e.dataset.role)"
    )
    assert lit and set(lit) == {"report"}, lit
    _shot(page, tmp_path, "ui_voices_ar")
    page.locator("#doc-choice input").click()
    page.get_by_role("option", name=re.compile("All articles")).click()
    page.get_by_role("tab", name="Chat · محادثة").click()

    # Verify: a contradicted number in Arabic, a supported claim in English.
    page.get_by_role("tab", name="Verify · تحقق").click()
    page.fill("#claim textarea", "تبرع ماسك بمبلغ 100 مليون دولار")
    page.click("#verify")
    label = page.locator("#verdict .verdict-label")
    label.wait_for()
    assert label.get_attribute("data-verdict") == "contradicted"
    assert label.inner_text().strip() == "مُناقَض"
    assert page.locator("#verdict .verdict").get_attribute("dir") == "rtl"
    assert page.locator("#verdict .stance-refutes").count() >= 1
    _shot(page, tmp_path, "ui_verify_ar")
    page.fill("#claim textarea", "Elon Musk donated $75 million to Donald Trump's campaign.")
    page.click("#verify")
    page.wait_for_selector("#verdict .verdict-label[data-verdict=supported]")
    assert page.locator("#verdict .stance-supports").count() >= 1
    assert page.locator("#verdict .badge").count() >= 1
    _shot(page, tmp_path, "ui_verify_en")

    # Articles: upload a file with <script> and an onerror handler; nothing runs.
    evil = tmp_path / "testville_evil.txt"
    evil.write_text(EVIL, encoding="utf-8")
    page.get_by_role("tab", name="Articles · المقالات").click()
    page.set_input_files("#upload input[type=file]", str(evil))
    page.wait_for_selector("#upload :text('testville_evil.txt')")
    page.click("#upload-btn")
    page.wait_for_function(
        "document.querySelector('#status textarea').value.includes('testville_evil: added')",
        timeout=ANSWER_TIMEOUT,
    )
    page.wait_for_function("document.querySelector('#docs').innerText.includes('testville_evil')")
    _shot(page, tmp_path, "ui_articles")

    page.get_by_role("tab", name="Chat · محادثة").click()
    q = "<script>window.__pwned=3</script> When will the Testville bridge reopen?"
    answer = _ask(page, q, 3)
    assert "May" in answer.inner_text()
    assert "<script>window.__pwned=3</script>" in page.locator("#chat .isnad-q").nth(2).inner_text()
    panel = page.locator("#evidence").inner_text()
    assert "<script>window.__pwned=1</script>" in panel
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#evidence script, #chat script, #evidence img").count() == 0
    _shot(page, tmp_path, "ui_script_as_text")

    # Pasted text is indexed too; a bad doc id is a one-line toast showing the id as text.
    page.get_by_role("tab", name="Articles · المقالات").click()
    page.fill("#paste-text textarea", EVIL.replace("Testville", "Pasteville"))
    page.fill("#paste-id textarea", '<img src=x onerror="window.__pwned=4">')
    page.click("#paste-btn")
    toast = page.locator("[data-testid=toast-text]")
    toast.first.wait_for()
    assert "invalid doc id '<img src=x onerror=\"window.__pwned=4\">'" in toast.first.inner_text()
    assert "Traceback" not in page.content()
    page.fill("#paste-id textarea", "pasteville")
    page.click("#paste-btn")
    page.wait_for_function(
        "document.querySelector('#status textarea').value.includes('pasteville: added')",
        timeout=ANSWER_TIMEOUT,
    )
    page.wait_for_function("document.querySelector('#docs').innerText.includes('pasteville')")
    assert page.evaluate("typeof window.__pwned") == "undefined"

    # The article view of an uploaded English article: left to right, its text shown as text.
    page.locator("#doc-choice input").click()
    page.get_by_role("option", name=re.compile("testville_evil")).click()
    page.get_by_role("tab", name="Who says what · من قال ماذا").click()
    page.wait_for_selector("#voices .voice-map[data-doc=testville_evil]")
    assert page.locator("#voices .voice-map").get_attribute("dir") == "ltr"
    assert "<script>window.__pwned=1</script>" in page.locator("#voices").inner_text()
    assert page.locator("#voices script, #voices img").count() == 0
    assert page.locator("#voices .voice-key[data-role=statement]").count() >= 1
    assert page.evaluate("typeof window.__pwned") == "undefined"
    _shot(page, tmp_path, "ui_voices_en")
    assert page.external == [], f"the page fetched from outside: {page.external[:5]}"
