"""A local copy of what the lexical index is built from: every unit's chunk and search tokens,
with the version of each article they belong to.

A new process (each `isnad ask` on the command line) then reads one file instead of every unit
from Chroma (the Chroma read was ~2/3 of a first query: ~1.9 of 4.1 s at 58k units), and asks
the store only for the articles whose version changed since. It is a cache: checked against the
store's versions when read, written atomically, ignored when missing, unreadable or of another
format. It holds the articles' sentences, like the index itself (under ISNAD_HOME/cache, also
when the index is a Chroma server). JSON lines, read one unit at a time, so that reading it
never holds the whole file and all the chunks at once.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from index.models import Chunk
from index.rows import stored_chunk

FORMAT = 2
Row = tuple[str, str, str]  # doc_id, the chunk's JSON, its space-joined search tokens
Unit = tuple[Chunk, str]  # a chunk and its space-joined search tokens


def snapshot_path(home: Path, url: str | None, suffix: str) -> Path:
    """Where the snapshot of an index (embedded under home, or the server at url) lives."""
    where = hashlib.sha256((url or "embedded").encode()).hexdigest()[:8]
    return home / "cache" / f"lexical-{suffix}-{where}.jsonl"


def read(path: Path, live: dict[str, int]) -> tuple[set[str], list[Unit]] | None:
    """The articles whose live version the snapshot holds, and their units; None when there is
    no usable snapshot."""
    try:
        with path.open(encoding="utf-8") as f:
            head = json.loads(f.readline())
            if head.get("format") != FORMAT:
                return None
            held = {d for d, v in head["versions"].items() if live.get(d) == v}
            units = [(stored_chunk(c), t) for d, c, t in map(json.loads, f) if d in held]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # missing or damaged
        return None
    return held, units


def write(path: Path, versions: dict[str, int], rows: Iterable[Row]) -> bool:
    """Replace the snapshot atomically; False when it cannot be written (read-only home...)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("w", encoding="utf-8") as f:
            f.write(json.dumps({"format": FORMAT, "versions": versions}) + "\n")
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        return False
    return True
