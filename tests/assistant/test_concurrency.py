# ruff: noqa: E501  (questions are kept on one line)
"""Concurrency: 20 simultaneous questions through one Assistant and through the UI's API get
their own, correct answers; ingest, replace and remove while others ask leave the store whole."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from assistant.config import Settings
from assistant.core import Assistant
from assistant.ui.handlers import Handlers
from tests.support.articles import BRACKENFORD, DEFAULT_TXT, FERRY_EN, FERRY_ID, WATER_AR, read
from tests.support.reliability import (
    expected_units,
    generated_articles,
    record_ids,
    unit_rows,
    write_articles,
)

SOURCES = {
    "ccdh_musk_ar": read(DEFAULT_TXT),
    "brackenford_council_en": read(BRACKENFORD),
    "ferry_en": FERRY_EN,
    "water_ar": WATER_AR,
}
# 20 different questions over the four articles of the `shared` index; (question, words that
# must be in the answer, or None for "abstains").
QUESTIONS: list[tuple[str, str | None]] = [
    ("Who founded CCDH?", "McSweeney"),
    ("How much did Musk donate to Trump's campaign?", "75"),
    ("كم تبرع ماسك لحملة ترامب؟", "75"),
    ("من أسس مركز مكافحة الكراهية الرقمية؟", "ماكسويني"),
    ("بماذا رد المركز على اتهامات ماسك؟", "المركز"),
    ("Who accused the council of cronyism?", "Marcus Lee"),
    ("How much was the Brackenford roads contract worth?", "12 million"),
    ("Who part-owns Hollis & Rowe?", "Pryce"),
    ("How many people does Hollis & Rowe employ?", "300"),
    ("Who denied that warnings had been ignored?", "Bluewake"),
    ("How many people were evacuated from the ferry?", "forty"),
    ("What did Captain Henrik Dahl say?", "emergency procedure"),
    ("Since when has the Lakeside ferry carried passengers?", "1987"),
    ("Who accused the ferry operator of ignoring safety warnings?", "Marchetti"),
    ("بكم رفعت بلدية الزهراء أسعار المياه؟", "ثمانية"),
    ("من اتهم البلدية بإخفاء خسائر كبيرة؟", "الحداد"),
    ("من نفى وجود صلة بين الزيادة والمكافآت؟", "العطار"),
    ("هل تحتوي المياه على تلوث؟", "نصار"),
    ("What is the capital of Peru?", None),
    ("Who won the 1998 football world cup?", None),
]


def _key(ans: dict[str, Any]) -> dict[str, Any]:
    """What must not depend on what else runs: everything but the timings."""
    return {k: v for k, v in ans.items() if k != "timings_ms"}


def _check(question: str, want: str | None, ans: dict[str, Any]) -> None:
    assert ans["question"] == question
    for c in ans["citations"]:
        assert c["quote"] == SOURCES[c["doc_id"]][c["start"] : c["end"]]
    if want is None:
        assert ans["abstained"], ans["answer"]
    else:
        assert not ans["abstained"] and want in ans["answer"], (question, ans["answer"])


def _together(fn: Callable[[str], dict[str, Any]], questions: list[str]) -> list[dict[str, Any]]:
    """Call fn for every question at once (all threads released by one barrier)."""
    barrier = threading.Barrier(len(questions))

    def one(q: str) -> dict[str, Any]:
        barrier.wait(timeout=60)
        return fn(q)

    with ThreadPoolExecutor(len(questions)) as pool:
        return list(pool.map(one, questions, timeout=300))


def test_twenty_concurrent_asks_through_one_assistant(shared: Assistant) -> None:
    assert len({q for q, _ in QUESTIONS}) == 20
    alone = {q: shared.ask(q).model_dump(mode="json") for q, _ in QUESTIONS}
    for q, want in QUESTIONS:
        _check(q, want, alone[q])
    got = _together(lambda q: shared.ask(q).model_dump(mode="json"), [q for q, _ in QUESTIONS])
    for (q, want), ans in zip(QUESTIONS, got, strict=True):
        _check(q, want, ans)
        assert _key(ans) == _key(alone[q])  # same answer as when asked alone


def test_twenty_concurrent_asks_through_the_ui_api(shared: Assistant) -> None:
    h = Handlers(shared)
    got = _together(h.api_ask, [q for q, _ in QUESTIONS])
    for (q, want), ans in zip(QUESTIONS, got, strict=True):
        _check(q, want, ans)


def test_concurrent_verify_and_ask_mix(shared: Assistant) -> None:
    claims = {
        "Elon Musk donated $75 million to Donald Trump's campaign.": "supported",
        "تبرع ماسك بمبلغ 100 مليون دولار": "contradicted",
        "The Lakeside ferry was suspended after an engine fire.": "supported",
        "Sixty people were evacuated from the Lakeside ferry.": "contradicted",
    }
    items = [("claim", c) for c in claims] + [("question", q) for q, _ in QUESTIONS[:8]]

    def run(item: tuple[str, str]) -> dict[str, Any]:
        kind, text = item
        fn = shared.verify if kind == "claim" else shared.ask
        return _key(fn(text).model_dump(mode="json"))

    alone = [run(item) for item in items]
    barrier = threading.Barrier(len(items))

    def one(item: tuple[str, str]) -> dict[str, Any]:
        barrier.wait(timeout=60)
        return run(item)

    with ThreadPoolExecutor(len(items)) as pool:
        together = list(pool.map(one, items, timeout=300))
    assert together == alone
    for (kind, text), res in zip(items, together, strict=True):
        if kind == "claim":
            assert res["claim"] == text and res["verdict"] == claims[text], res
        else:
            _check(text, dict(QUESTIONS)[text], res)


@pytest.fixture
def writable(isolated_home: Path, tmp_path: Path) -> Assistant:
    """A fresh index with only the ferry article."""
    a = Assistant(Settings(default_article=False))
    path = tmp_path / f"{FERRY_ID}.txt"
    path.write_text(FERRY_EN, encoding="utf-8")
    a.ingest([path])
    return a


def test_ingest_replace_remove_while_others_ask(writable: Assistant, tmp_path: Path) -> None:
    a = writable
    articles = generated_articles(8, seed=11)
    paths = write_articles(tmp_path / "new", articles)
    ids = list(articles)
    done = threading.Event()
    errors: list[BaseException] = []
    answers: list[dict[str, Any]] = []

    def writer() -> None:
        try:
            for p in paths:
                a.ingest([p])
            # Replace one article with a shorter text, and remove another, while queries run.
            short = articles[ids[0]].split(". ")[0] + ".\n"
            (tmp_path / "new" / f"{ids[0]}.txt").write_text(short, encoding="utf-8")
            articles[ids[0]] = short
            a.ingest([tmp_path / "new" / f"{ids[0]}.txt"])
            a.remove(ids[1])
        except BaseException as exc:
            errors.append(exc)
        finally:
            done.set()

    def reader(question: str) -> None:
        try:
            while not done.is_set():
                answers.append(a.ask(question).model_dump(mode="json"))
                a.docs()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer)]
    threads += [
        threading.Thread(target=reader, args=(q,))
        for q in ("Who denied that warnings had been ignored?", "How many workers does project 4 employ?", "كم عاملا يعمل في المشروع رقم 5؟")
    ]  # fmt: skip
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=240)
    assert not any(t.is_alive() for t in threads)
    assert not errors, errors
    assert answers
    for ans in answers:  # every answer given during the writes was whole and verbatim
        for c in ans["citations"]:
            text = FERRY_EN if c["doc_id"] == FERRY_ID else articles.get(c["doc_id"])
            if text is not None and c["doc_id"] != ids[0]:  # ids[0] changed text mid-way
                assert c["quote"] == text[c["start"] : c["end"]]
        if ans["question"].startswith("Who denied"):
            assert "Bluewake" in ans["answer"]

    # Afterwards: every article once, with exactly its units; the removed one is gone.
    want = {FERRY_ID: expected_units(FERRY_EN, FERRY_ID)}
    want |= {i: expected_units(t, i) for i, t in articles.items() if i != ids[1]}
    ids_now = record_ids(a.store)
    assert sorted(ids_now) == sorted(want)
    assert {k: len(v) for k, v in unit_rows(a.store).items()} == want
    assert [d.doc_id for d in a.docs()] == sorted(want)
    for i in (4, 5):
        found = Assistant(Settings(default_article=False)).ask(
            f"How many workers does project {i} employ?"
            if i % 3 != 2
            else f"كم عاملا يعمل في المشروع رقم {i}؟"
        )
        assert not found.abstained and found.citations[0].doc_id.startswith(f"gen_{i:02d}")
        # The figure is cited (the passage naming "project 5" may rank before it: it shares the
        # question's number).
        assert any(str(i + 40) in c.quote for c in found.citations)


def test_two_threads_writing_one_id_leave_one_consistent_copy(
    writable: Assistant, tmp_path: Path
) -> None:
    a = writable
    long_text = FERRY_EN
    short_text = "\n".join(FERRY_EN.splitlines()[:3]) + "\n"
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    for _ in range(4):
        barrier = threading.Barrier(2)
        errors: list[BaseException] = []

        def put(text: str, barrier: threading.Barrier, errors: list[BaseException]) -> None:
            try:
                barrier.wait(timeout=30)
                a.ingest_text(text, "racing")
            except BaseException as exc:
                errors.append(exc)

        threads = [
            threading.Thread(target=put, args=(t, barrier, errors)) for t in (long_text, short_text)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert not errors, errors
        record = a.store.doc("racing")
        assert record is not None and record_ids(a.store).count("racing") == 1
        source = a.store.source_text("racing")
        assert source in (long_text, short_text)
        rows = unit_rows(a.store)["racing"]
        assert len(rows) == record.units == expected_units(source, "racing")
        mine = [c for c in a.store.chunks() if c.doc_id == "racing"]
        assert all(c.text == source[c.start : c.end] for c in mine)
