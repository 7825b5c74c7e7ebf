"""Faults: ingest killed with SIGKILL, the same file twice, `docs rm`, a Chroma server that is
unreachable or dies and comes back, and a corrupted index folder."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from assistant.errors import StoreError
from tests.support.articles import DEFAULT_ID, FERRY_EN, FERRY_ID
from tests.support.reliability import (
    CHROMA,
    ChromaServer,
    expected_units,
    free_port,
    generated_articles,
    one_line_error,
    raw_store,
    record_ids,
    unit_rows,
    write_articles,
)

DIE_SCRIPT = Path(__file__).resolve().parents[1] / "support" / "ingest_and_die.py"
KILL_SEED = 20240611
N_ARTICLES = 30


@pytest.fixture
def no_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """No bundled article: the index holds exactly what a test ingests (in and out of process)."""
    monkeypatch.setenv("ISNAD_DEFAULT_ARTICLE", "false")


def _env(one_per_batch: bool = False) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("ISNAD_DEBUG", None)
    if one_per_batch:  # every article its own batch: kills can fall between articles
        env["ISNAD_INGEST__BATCH_ROWS"] = "1"
    return env


def check_all_or_nothing(
    home: Path, articles: dict[str, str], cli_main, exact_rows: bool = True
) -> set[str]:
    """Every article is fully indexed or absent; returns the ids present. With exact_rows, the
    store holds exactly one record and one row per unit of each article present (nothing an
    interrupted write left behind but units of absent articles)."""
    store = raw_store(home)
    rows = unit_rows(store)
    records = record_ids(store)
    live_chunks = store.chunks()
    code, out, err = cli_main("--index", home, "docs", "--json")
    assert code == 0, err
    docs = json.loads(out)
    listed = {d["doc_id"]: d for d in docs}
    assert len(listed) == len(docs) and set(listed) == set(records)
    if exact_rows:
        assert len(records) == len(set(records)), "an article record is duplicated"
    for doc_id, text in articles.items():
        want = expected_units(text, doc_id)
        if doc_id in listed:
            assert listed[doc_id]["units"] == want
            if exact_rows:
                assert sorted(rows.get(doc_id, [])) == [f"{doc_id}:{i:04d}" for i in range(want)]
            mine = [c for c in live_chunks if c.doc_id == doc_id]
            assert len(mine) == want and all(c.text == text[c.start : c.end] for c in mine)
        else:  # absent: orphan units (interrupted ingest) may exist but are never read
            assert not any(c.doc_id == doc_id for c in live_chunks)
    return set(listed)


# ---- SIGKILL in the middle of a batch ----------------------------------------------------------
def _snapshot(home: Path, to: Path) -> bool:
    """Copy the index folder of a dead process as found; False when it was killed before it
    created the folder (nothing written: all-or-nothing holds trivially)."""
    if not home.exists():
        return False
    shutil.copytree(home, to)
    return True


@pytest.mark.slow
def test_sigkill_during_batch_ingest_leaves_all_or_nothing(
    tmp_path: Path, no_default, cli_main
) -> None:
    """A batch ingest killed at chosen moments of writing (2-4 articles in, between an
    article's units and its record, or after its record, before older rows are deleted), then at
    a random time: every time each article is complete or absent as readers see it, and the last
    run completes them all and leaves nothing behind.
    The chosen kills come from inside the process, so they never depend on the machine's speed."""
    articles = generated_articles(N_ARTICLES)
    paths = write_articles(tmp_path / "batch", articles)
    home = tmp_path / "home"
    args = ["--index", str(home), "ingest", *map(str, paths)]
    rng = random.Random(KILL_SEED)
    present: set[str] = set()
    for round_no in range(3):
        die_on = "cleanup" if round_no == 1 else "record"
        _die(args, die_on, rng.randint(2, 4))
        snapshot = tmp_path / f"snapshot_{round_no}"
        assert _snapshot(home, snapshot)
        now = check_all_or_nothing(snapshot, articles, cli_main, exact_rows=False)
        assert present < now and len(now) < N_ARTICLES  # progress, and a kill before the end
        present = now

    # Any moment: a random time (loading the model, an article, or after the end on a fast
    # machine): whatever it hit, every article is complete or absent.
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", *args],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env(one_per_batch=True),
    )  # fmt: skip
    time.sleep(rng.uniform(1.0, 3.0))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert _snapshot(home, tmp_path / "snapshot_random")
    random_kill = tmp_path / "snapshot_random"
    assert present <= check_all_or_nothing(random_kill, articles, cli_main, exact_rows=False)

    done_run = subprocess.run(
        [sys.executable, "-m", "assistant", *args], capture_output=True, text=True, timeout=300,
        env=_env(),
    )  # fmt: skip
    assert done_run.returncode == 0, done_run.stderr
    assert "Traceback" not in done_run.stderr
    assert check_all_or_nothing(home, articles, cli_main) == set(articles)
    rows = unit_rows(raw_store(home))
    assert set(rows) == set(articles)  # orphans of interrupted runs are gone
    assert sum(map(len, rows.values())) == sum(expected_units(t, i) for i, t in articles.items())


def _die(args: list[str], die_on: str, die_at: int) -> None:
    proc = subprocess.run(
        [sys.executable, str(DIE_SCRIPT), *args],
        capture_output=True, text=True, timeout=120,
        env={**_env(one_per_batch=True), "DIE_ON": die_on, "DIE_AT": str(die_at)},
    )  # fmt: skip
    assert proc.returncode == -signal.SIGKILL, proc.stderr


def test_sigkill_between_units_and_record(tmp_path: Path, no_default, cli_main) -> None:
    """The worst moment, forced: units written, record not yet. The article stays absent and
    its orphan units are never read; the next ingest replaces them."""
    articles = generated_articles(3, seed=3)
    paths = write_articles(tmp_path / "three", articles)
    home = tmp_path / "home"
    args = ["--index", str(home), "ingest", *map(str, paths)]
    _die(args, "record", 2)
    first, second, _ = articles
    snapshot = tmp_path / "snapshot"
    shutil.copytree(home, snapshot)
    assert check_all_or_nothing(snapshot, articles, cli_main, exact_rows=False) == {first}
    orphans = unit_rows(raw_store(snapshot))
    assert len(orphans[second]) == expected_units(articles[second], second)  # written, unread
    code, out, _ = cli_main(
        "--index", snapshot, "ask", "How many workers does project 1 employ?", "--json"
    )
    assert code == 0 and all(c["doc_id"] != second for c in json.loads(out)["citations"])

    code, _, err = cli_main(*args)
    assert code == 0, err
    assert check_all_or_nothing(home, articles, cli_main) == set(articles)
    rows = unit_rows(raw_store(home))
    assert {k: len(v) for k, v in rows.items()} == {
        i: expected_units(t, i) for i, t in articles.items()
    }


def test_sigkill_while_replacing_an_article(tmp_path: Path, no_default, cli_main) -> None:
    """Killed after an edited article's new version was written, before its old rows were
    deleted: the article is the new version, whole (old rows unread), the others intact; the
    rerun finds it unchanged and deletes what the old version left."""
    articles = generated_articles(3, seed=5)
    paths = write_articles(tmp_path / "three", articles)
    home = tmp_path / "home"
    args = ["--index", str(home), "ingest", *map(str, paths)]
    code, _, err = cli_main(*args)
    assert code == 0, err
    _, second, _ = articles
    articles[second] = articles[second].replace("spring", "autumn") + "Work starts soon.\n"
    paths[1].write_text(articles[second], encoding="utf-8")
    _die(args, "cleanup", 1)
    snapshot = tmp_path / "snapshot"
    shutil.copytree(home, snapshot)
    assert check_all_or_nothing(snapshot, articles, cli_main, exact_rows=False) == set(articles)
    assert "autumn" in raw_store(snapshot).source_text(second)
    assert record_ids(raw_store(snapshot)).count(second) == 2  # the old record, outranked
    code, _, err = cli_main(*args)
    assert code == 0 and f"{second}: unchanged" in err, err
    assert check_all_or_nothing(home, articles, cli_main) == set(articles)
    assert "autumn" in raw_store(home).source_text(second)


# ---- idempotence and removal --------------------------------------------------------------------
def test_same_file_twice_is_one_copy_and_changes_replace(
    tmp_path: Path, no_default, cli_main, isolated_home: Path
) -> None:
    path = tmp_path / f"{FERRY_ID}.txt"
    path.write_text(FERRY_EN, encoding="utf-8")
    code, _, err = cli_main("ingest", path)
    assert code == 0 and "added" in err
    code, _, err = cli_main("ingest", path, path)  # again, and twice in one call
    assert code == 0 and "added" not in err and "unchanged" in err
    store = raw_store(isolated_home)
    want = expected_units(FERRY_EN, FERRY_ID)
    assert record_ids(store) == [FERRY_ID]
    assert sorted(unit_rows(store)[FERRY_ID]) == [f"{FERRY_ID}:{i:04d}" for i in range(want)]
    # An edited file replaces the article: no unit of the longer version is left behind.
    shorter = "\n".join(FERRY_EN.splitlines()[:3]) + "\n"
    path.write_text(shorter, encoding="utf-8")
    code, _, err = cli_main("ingest", path)
    assert code == 0 and "replaced" in err
    assert record_ids(store) == [FERRY_ID]
    assert len(unit_rows(store)[FERRY_ID]) == expected_units(shorter, FERRY_ID) < want


def test_docs_rm_removes_every_unit_and_translation(cli_main, isolated_home: Path) -> None:
    code, out, _ = cli_main("docs", "--json")  # an empty index: the default article comes in
    assert code == 0 and [d["doc_id"] for d in json.loads(out)] == [DEFAULT_ID]
    store = raw_store(isolated_home)
    rows = unit_rows(store)[DEFAULT_ID]
    assert any(r.endswith("#t") for r in rows)  # aligned: translation rows too
    code, _, err = cli_main("docs", "rm", DEFAULT_ID)
    assert code == 0, err
    assert unit_rows(store) == {} and record_ids(store) == []
    units, _, _ = store._collections()
    assert units.count() == 0
    code, _, err = cli_main("docs", "rm", DEFAULT_ID)
    assert code == 2 and "unknown document" in one_line_error(err)


# ---- Chroma server: unreachable, killed, back --------------------------------------------------
def test_unreachable_server_is_one_line_naming_the_url(
    cli_main, run_cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    monkeypatch.setenv("ISNAD_CHROMA_URL", url)
    article = tmp_path / "a.txt"
    article.write_text(FERRY_EN, encoding="utf-8")
    for args in (["ask", "Who denied the warnings?"], ["docs", "--json"], ["ingest", article],
                 ["verify", "The ferry was suspended."], ["docs", "rm", FERRY_ID]):  # fmt: skip
        code, out, err = cli_main(*args)
        assert code in (1, 2) and out == "", (args, err)
        assert url in one_line_error(err), err
    p = run_cli("ask", "Who denied the warnings?")
    assert p.returncode in (1, 2) and url in one_line_error(p.stderr)


@pytest.mark.server
def test_server_killed_mid_session_then_back(tmp_path: Path, cli_main, monkeypatch) -> None:
    if not CHROMA.exists():
        pytest.skip(f"no chroma executable next to {sys.executable}")
    from assistant.config import Settings
    from assistant.core import Assistant

    server = ChromaServer(tmp_path / "chroma_db", tmp_path / "chroma.log").start()
    try:
        monkeypatch.setenv("ISNAD_CHROMA_URL", server.url)
        article = tmp_path / f"{FERRY_ID}.txt"
        article.write_text(FERRY_EN, encoding="utf-8")
        a = Assistant(Settings(default_article=False))
        a.ingest([article])
        question = "Who denied that warnings had been ignored?"
        assert "Bluewake" in a.ask(question).citations[0].quote

        # Killed while a session keeps asking: every failure is one StoreError naming the URL.
        failures: list[BaseException] = []
        stop = threading.Event()

        def keep_asking() -> None:
            while not stop.is_set():
                try:
                    a.ask(question)
                except Exception as exc:
                    failures.append(exc)
                    time.sleep(0.05)

        worker = threading.Thread(target=keep_asking, daemon=True)
        worker.start()
        time.sleep(0.5)
        server.kill()
        time.sleep(1.0)
        stop.set()
        worker.join(timeout=30)
        assert not worker.is_alive()
        assert failures and all(isinstance(e, StoreError) for e in failures), failures[:3]
        assert all(server.url in str(e) and "\n" not in str(e) for e in failures)
        code, out, err = cli_main("ask", question)
        assert code in (1, 2) and out == "" and server.url in one_line_error(err)

        # Back on the same port and path: the same session and a new command both work.
        server.start()
        assert "Bluewake" in a.ask(question).citations[0].quote
        code, out, err = cli_main("ask", question, "--json")
        assert code == 0, err
        assert json.loads(out)["citations"][0]["doc_id"] == FERRY_ID
    finally:
        server.stop()


# ---- a corrupted index folder -------------------------------------------------------------------
@pytest.fixture(scope="module")
def built_home(default_only) -> Path:
    """An index with the default article, to copy (copies are never opened before a test)."""
    return Path(default_only.settings.home)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda db: db.write_bytes(os.urandom(20_000)), id="garbage"),
        pytest.param(
            lambda db: db.write_bytes(db.read_bytes()[: db.stat().st_size // 3]), id="truncated"
        ),
        pytest.param(lambda db: db.write_text("not a database", encoding="utf-8"), id="text"),
    ],
)
def test_corrupted_index_says_how_to_rebuild(damage, built_home: Path, tmp_path: Path, cli_main):
    home = tmp_path / "damaged"
    shutil.copytree(built_home, home)
    damage(home / "chroma" / "chroma.sqlite3")
    for args in (["ask", "Who founded CCDH?"], ["docs"], ["verify", "Musk donated 75 million."]):
        code, out, err = cli_main("--index", home, *args)
        assert code in (1, 2) and out == "", (args, err)
        line = one_line_error(err)
        assert str(home / "chroma") in line
        assert f"rebuild it with: rm -rf {home / 'chroma'} && isnad --index {home} ingest" in line
    # Following the advice works.
    shutil.rmtree(home / "chroma")
    code, out, err = cli_main("--index", home, "ask", "Who founded CCDH?", "--json")
    assert code == 0, err
    assert not json.loads(out)["abstained"]
