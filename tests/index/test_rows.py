"""The stored form of a chunk: what is read back equals what was written, and read-back chunks
share their repeated values (the lexical index holds every unit of the index in memory)."""

from __future__ import annotations

import pytest

from index.models import Chunk
from index.rows import chunk_json, stored_chunk


def _chunk(i: int) -> Chunk:
    return Chunk(
        chunk_id=f"paper_{7}:{i:04d}", doc_id=f"paper_{7}", index=i, start=10 * i, end=10 * i + 9,
        text=f"Sentence {i}.", lang="en", speaker="The ferry company", role="statement",
        cue=(2, 6), source=(0, 1),
    )  # fmt: skip


def test_a_stored_chunk_reads_back_equal() -> None:
    c = _chunk(3)
    back = stored_chunk(chunk_json(c))
    assert back == c and back.model_dump() == c.model_dump() and back.cue == (2, 6)


def test_read_back_chunks_share_repeated_values() -> None:
    a, b = (stored_chunk(chunk_json(_chunk(i))) for i in (1, 2))
    assert a.doc_id is b.doc_id and a.speaker is b.speaker and a.role is b.role
    assert a.model_fields_set is b.model_fields_set


def test_assigning_to_a_read_back_chunk_fails_instead_of_changing_others() -> None:
    a, b = (stored_chunk(chunk_json(_chunk(i))) for i in (1, 2))
    with pytest.raises(AttributeError):
        a.speaker = "Someone else"
    assert b.speaker == "The ferry company"
