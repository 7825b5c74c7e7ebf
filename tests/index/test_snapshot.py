"""The local snapshot of the lexical index's input: a new process reads it instead of every unit
from Chroma, asks the store only for the articles that changed since, and builds the same index
as without it; a damaged snapshot is ignored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from assistant.config import Settings
from assistant.core import Assistant
from index.normalize import tokens
from index.snapshot import snapshot_path
from tests.support.reliability import generated_articles, write_articles


def _fetched(a: Assistant) -> list[list[str]]:
    """Record which articles the store is asked for while `a` builds its lexical index."""
    calls: list[list[str]] = []
    real = a.store.units

    def spy(versions: dict[str, Any] | None = None) -> Any:
        calls.append(sorted(versions or {}))
        return real(versions)

    a.store.units = spy  # type: ignore[method-assign]
    _ = a.lexical
    return calls


def _same(a: Assistant, b: Assistant) -> None:
    """The same units, fields and scores (in any order: an updated index appends)."""
    q = tokens("council budget project workers")
    got = [{c.chunk_id: (c.model_dump(), s) for c, s in zip(x.lexical.chunks,
            x.lexical.scores(q), strict=True)} for x in (a, b)]  # fmt: skip
    assert got[0].keys() == got[1].keys()
    for cid, (chunk, score) in got[0].items():
        assert chunk == got[1][cid][0] and np.isclose(score, got[1][cid][1])


def test_a_new_process_reads_the_snapshot_and_only_what_changed(tmp_path: Path) -> None:
    settings = Settings(default_article=False)  # ISNAD_HOME: this test's (conftest)
    arts = generated_articles(5, seed=13)
    ids = list(arts)
    paths = write_articles(tmp_path / "arts", arts)
    writer = Assistant(settings)
    writer.ingest(paths[:4])
    path = snapshot_path(settings.home, None, writer.store.suffix)
    assert not path.exists()
    assert _fetched(writer) == [ids[:4]]  # no snapshot yet: everything from the store
    assert path.exists()

    second = Assistant(settings)
    assert _fetched(second) == [[]]  # all from the snapshot
    _same(second, writer)

    writer.ingest([paths[4]])  # added
    (tmp_path / "arts" / f"{ids[0]}.txt").write_text(arts[ids[0]].split(". ")[0] + ".\n")
    writer.ingest([paths[0]])  # replaced
    writer.remove(ids[1])
    third = Assistant(settings)
    assert _fetched(third) == [sorted([ids[0], ids[4]])]
    without = Assistant(Settings(default_article=False, retrieval={"snapshot": False}))
    _same(third, without)
    _same(third, writer)
    # More than a tenth of the units were read from the store: the snapshot was rewritten.
    lines = path.read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(lines[0])["versions"]) == sorted([ids[0], ids[2], ids[3], ids[4]])
    assert len(lines) == 1 + len(third.lexical.chunks)

    head = json.loads(lines[0])
    path.write_text(json.dumps(head) + '\n["gen_02_ar", "not json", ""]\n', "utf-8")
    damaged = Assistant(settings)
    assert _fetched(damaged) == [sorted([ids[0], ids[2], ids[3], ids[4]])]
    _same(damaged, without)
