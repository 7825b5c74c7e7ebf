"""Two writers of the same article, interleaved at the worst moments (forced from inside the
store, never by timing): the newer version always wins, whole, exactly once; a reader in between
only ever sees one whole version."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from index import store as store_module
from index.embeddings import IsnadEmbeddings
from index.models import DocInfo
from index.rows import Prepared
from index.store import Store
from tests.support.chunks import chunks_of
from tests.support.reliability import EMBEDDER, record_ids, unit_rows

OLD = (
    "Plan approved\n\nThe council approved the plan on Monday. The mayor said work starts in "
    "May. Critics called it a waste.\n"
)
NEW = "Plan approved\n\nThe council approved a smaller plan on Friday.\n"


def _item(text: str) -> Prepared:
    chunks = chunks_of(text, "plan")
    info = DocInfo(doc_id="plan", title="t", lang="en", sha256=str(hash(text)), units=len(chunks),
                   chars=len(text), embedder=EMBEDDER)  # fmt: skip
    item = Prepared.of(info, text, chunks)
    vecs = np.random.default_rng(len(text)).normal(size=(len(item.texts()), 384))
    item.vectors = (vecs / np.linalg.norm(vecs, axis=1, keepdims=True)).astype(np.float32)
    return item


class PausingStore(Store):
    """A store whose write stops before a chosen call until released."""

    def __init__(self, home: Path, pause_before: str) -> None:
        super().__init__(home, None, IsnadEmbeddings(EMBEDDER), 1200)
        self.pause_before = pause_before  # "record" (its docs.add) or "cleanup" (units.delete)
        self.paused, self.go = threading.Event(), threading.Event()

    def _call(self, fn: Any, *args: Any, **kw: Any) -> Any:
        name = getattr(getattr(fn, "__self__", None), "name", "")
        method = getattr(fn, "__name__", "")
        hit = self.pause_before == "record" and name.startswith("isnad_docs_") and method == "add"
        hit |= (
            self.pause_before == "cleanup"
            and name.startswith("isnad_units_")
            and method == "delete"
        )
        if hit and not self.go.is_set():
            self.paused.set()
            assert self.go.wait(timeout=60)
        return super()._call(fn, *args, **kw)


@pytest.fixture
def versions(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The versions writes get, in order of asking (the older writer asks first)."""
    given = [100, 200]
    monkeypatch.setattr(store_module, "new_version", lambda: given.pop(0))
    yield given


def _check_only(home: Path, text: str) -> None:
    s = Store(home, None, IsnadEmbeddings(EMBEDDER), 1200)
    assert record_ids(s) == ["plan"] and s.source_text("plan") == text
    n = len(chunks_of(text, "plan"))
    assert sorted(unit_rows(s)["plan"]) == [f"plan:{i:04d}" for i in range(n)]
    assert [c.text for c in s.chunks()] == [c.text for c in chunks_of(text, "plan")]


def _whole(s: Store) -> None:
    """What a reader sees: nothing, or one version whole."""
    chunks = s.chunks()
    if s.doc("plan") is None:
        assert chunks == []
    else:
        text = s.source_text("plan")
        assert text in (OLD, NEW)
        assert [c.text for c in chunks] == [c.text for c in chunks_of(text, "plan")]


@pytest.mark.parametrize(
    ("paused", "at"),
    [("older", "record"), ("older", "cleanup"), ("newer", "record"), ("newer", "cleanup")],
)
def test_interleaved_writers_of_one_article(tmp_path: Path, versions, paused: str, at: str) -> None:
    home = tmp_path / "home"
    older, newer = PausingStore(home, at), PausingStore(home, at)
    first, second = (older, newer) if paused == "older" else (newer, older)
    second.go.set()  # only the first one stops
    texts = {id(older): OLD, id(newer): NEW}
    if paused == "newer":
        versions.reverse()  # the newer writer asks first, so it gets 200
    errors: list[BaseException] = []

    def run() -> None:
        try:
            first.write([_item(texts[id(first)])])
        except BaseException as exc:  # re-raised below
            errors.append(exc)

    t = threading.Thread(target=run)
    t.start()
    assert first.paused.wait(timeout=60)
    _whole(second)
    second.write([_item(texts[id(second)])])  # the other writer, from start to end
    _whole(second)
    first.go.set()
    t.join(timeout=60)
    assert not errors, errors
    _check_only(home, NEW)  # the newer version, whatever the order of finishing
