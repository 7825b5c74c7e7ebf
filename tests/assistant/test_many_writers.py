"""Many writers, one store: several `isnad ingest` processes (one of them with --workers) writing
overlapping sets of articles into one Chroma server at once, two of them writing different texts
under the same doc ids, leave every article exactly once and whole; a long-lived reader in
another process sees what they wrote; `ingest --workers` into the embedded store does too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.reliability import (
    CHROMA,
    ChromaServer,
    expected_units,
    generated_articles,
    raw_store,
    record_ids,
    unit_rows,
    write_articles,
)

RACED = ["race_0_en", "race_1_en", "race_2_en"]


def _raced(variant: str) -> dict[str, str]:
    """Articles with the ids of RACED, different text per variant (A: 4 sentences, B: 2)."""
    more = " The mayor said the work would start in May. Critics called it a waste." * (
        variant == "A"
    )
    return {
        d: f"Story {d} version {variant}\n\nThe council of Orlen approved plan {i} in version "
        f"{variant}, according to the Hill Post.{more}\n"
        for i, d in enumerate(RACED)
    }


def _ingest(paths: list[Path], env: dict[str, str], *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "assistant", "ingest", *map(str, paths), *extra],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def check_exactly_once(store: Any, want_ids: set[str]) -> dict[str, str]:
    """Every article once (one record, one row per unit, its text at its offsets); returns
    doc_id -> the source text the store holds."""
    records = record_ids(store)
    assert sorted(records) == sorted(want_ids), "an article is missing or duplicated"
    rows = unit_rows(store)
    assert set(rows) == want_ids
    chunks = store.chunks()
    texts = {}
    for d in want_ids:
        text = texts[d] = store.source_text(d)
        n = expected_units(text, d)
        assert store.doc(d).units == n
        assert sorted(rows[d]) == [f"{d}:{i:04d}" for i in range(n)]
        mine = [c for c in chunks if c.doc_id == d]
        assert [c.index for c in mine] == list(range(n))
        assert all(c.text == text[c.start : c.end] for c in mine)
    return texts


@pytest.mark.server
@pytest.mark.slow
def test_concurrent_ingest_processes_into_one_server(tmp_path: Path) -> None:
    if not CHROMA.exists():
        pytest.skip(f"no chroma executable next to {sys.executable}")
    from assistant.config import Settings
    from assistant.core import Assistant

    articles = generated_articles(24, seed=9)
    ids = list(articles)
    a_dir, b_dir = tmp_path / "a", tmp_path / "b"
    a_paths = write_articles(a_dir, {d: articles[d] for d in ids[:16]} | _raced("A"))
    b_paths = write_articles(b_dir, {d: articles[d] for d in ids[8:]} | _raced("B"))
    all_paths = write_articles(tmp_path / "all", articles)
    server = ChromaServer(tmp_path / "chroma_db", tmp_path / "chroma.log").start()
    try:
        env = dict(os.environ, ISNAD_CHROMA_URL=server.url, ISNAD_DEFAULT_ARTICLE="false")
        env["ISNAD_INGEST__BATCH_ROWS"] = "8"  # many small batches: writes interleave
        # A long-lived reader, started before the writers, in this process.
        question = "What budget did the council approve for project 19?"
        reader = Assistant(
            Settings(chroma_url=server.url, default_article=False, retrieval={"refresh_s": 0})
        )
        before = reader.ask(question)
        assert before.abstained and reader.lexical.stats()["units"] == 0
        procs = [
            _ingest(a_paths, env),
            _ingest(b_paths, env),
            _ingest(all_paths, env, "--workers", "2"),
        ]
        for p in procs:
            _, err = p.communicate(timeout=600)
            assert p.returncode == 0, err
            assert "Traceback" not in err
        store = raw_store(url=server.url)
        texts = check_exactly_once(store, set(ids) | set(RACED))
        for d in ids:
            assert texts[d] == articles[d]
        # Each raced article is one writer's version, whole (which one depends on timing).
        for d in RACED:
            assert texts[d] in (_raced("A")[d], _raced("B")[d])
        # The reader catches up with what the other processes wrote (no restart).
        found = reader.ask(question)
        assert not found.abstained and "233 million" in found.citations[0].quote
        assert found.citations[0].doc_id == ids[19]
        assert reader.lexical.stats()["units"] == sum(
            expected_units(t, d) for d, t in texts.items()
        )
        # Ingesting everything again changes nothing.
        again = _ingest(all_paths, env)
        _, err = again.communicate(timeout=600)
        assert again.returncode == 0 and "added" not in err and "replaced" not in err, err
        check_exactly_once(store, set(ids) | set(RACED))
    finally:
        server.stop()


def test_ingest_workers_into_the_embedded_store(tmp_path: Path, run_cli, isolated_home) -> None:
    articles = generated_articles(12, seed=2)
    paths = write_articles(tmp_path / "arts", articles)
    env = {"ISNAD_DEFAULT_ARTICLE": "false", "ISNAD_INGEST__WORKER_ARTICLES": "2"}
    p = run_cli("ingest", *paths, "--workers", "2", env=env)
    assert p.returncode == 0, p.stderr
    assert p.stderr.count(": added") == len(articles)
    texts = check_exactly_once(raw_store(isolated_home), set(articles))
    assert texts == articles
    p = run_cli("ingest", *paths, "--workers", "3", env=env)
    assert p.returncode == 0 and p.stderr.count(": unchanged") == len(articles), p.stderr
    p = run_cli("ingest", paths[0], "--workers", "0", env=env)
    assert p.returncode == 2 and "--workers" in p.stderr
