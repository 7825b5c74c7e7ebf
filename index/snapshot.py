"""A local copy of what the lexical index is built from: every unit's chunk and search tokens,
with the version of each article they belong to.

A new process (each `isnad ask` on the command line) then reads one file instead of every unit
from Chroma (the Chroma read was ~2/3 of a first query: ~1.9 of 4.1 s at 58k units), and asks
the store only for the articles whose version changed since. It is a cache: checked against the
store's versions when read, written atomically, ignored when missing, unreadable or of another
format. It holds the articles' sentences, like the index itself (under ISNAD_HOME/cache, also
when the index is a Chroma server).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

FORMAT = 1
Row = tuple[str, str, str]  # doc_id, the chunk's JSON, its space-joined search tokens


def snapshot_path(home: Path, url: str | None, suffix: str) -> Path:
    """Where the snapshot of an index (embedded under home, or the server at url) lives."""
    where = hashlib.sha256((url or "embedded").encode()).hexdigest()[:8]
    return home / "cache" / f"lexical-{suffix}-{where}.json"


def read(path: Path) -> tuple[dict[str, int], list[Row]] | None:
    """(doc_id -> version, rows), or None when there is no usable snapshot."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        versions = {str(d): int(v) for d, v in data["versions"].items()}
        rows = [(str(d), str(c), str(t)) for d, c, t in data["rows"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # missing or damaged
        return None
    return versions, rows


def write(path: Path, versions: dict[str, int], rows: list[Row]) -> bool:
    """Replace the snapshot atomically; False when it cannot be written (read-only home...)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("w", encoding="utf-8") as f:
            json.dump({"format": FORMAT, "versions": versions, "rows": rows}, f)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        return False
    return True
