"""The lexical index follows the store without rebuilding: this process's own writes are added
as they are made, and another writer's (another Assistant on the same store: another process or
machine in real use) are fetched from the write log, with the same result as a fresh build."""

from __future__ import annotations

from pathlib import Path

from assistant.config import Settings
from assistant.core import Assistant
from tests.support.reliability import generated_articles, write_articles


def _ids(a: Assistant) -> list[str]:
    return sorted(c.chunk_id for c in a.lexical.chunks)


def test_own_and_other_writers_changes_reach_the_lexical_index(tmp_path: Path) -> None:
    arts = generated_articles(6, seed=21)
    ids = list(arts)
    paths = write_articles(tmp_path / "arts", arts)
    settings = Settings(default_article=False, retrieval={"refresh_s": 0})
    writer, reader = Assistant(settings), Assistant(settings)
    writer.ingest(paths[:3])
    assert _ids(reader) == _ids(writer)  # both built from the store
    built = writer.lexical

    writer.ingest(paths[3:5])  # added to the writer's index as written: no rebuild
    assert writer.lexical is not built and writer.lexical.stats()["blocks"] == 2
    (tmp_path / "arts" / f"{ids[0]}.txt").write_text(arts[ids[0]].split(". ")[0] + ".\n")
    writer.ingest([paths[0]])  # replaced
    writer.remove(ids[1])

    fresh = Assistant(settings)
    assert _ids(writer) == _ids(fresh)
    assert _ids(reader) == _ids(fresh)  # caught up through the write log
    assert not any(c.doc_id == ids[1] for c in reader.lexical.chunks)
    assert len([c for c in reader.lexical.chunks if c.doc_id == ids[0]]) == 2
    q = "How many workers does project 4 employ?"
    assert reader.ask(q).model_dump(exclude={"timings_ms"}) == fresh.ask(q).model_dump(
        exclude={"timings_ms"}
    )
