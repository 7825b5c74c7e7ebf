"""Running the isnad under test through its public command line only: ingest a dataset's
articles into a fresh temporary index, then one `isnad batch` over all items.

Ingest takes as few processes as the contract allows: `isnad ingest FILE...` accepts many files
and names each article after its file (the stem, slugified); `--doc-id` and `--aligned` apply to
one file at a time. So every article whose doc id is its file's slugified stem and that has no
aligned edition goes into one call (chunks of INGEST_CHUNK files); each other article gets its
own call. Loading the models once instead of once per article is most of the saving.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from eval.data import ArticleFile

INGEST_CHUNK = 1000  # files per `isnad ingest` call: far under its limit, bounded memory
BATCH_FIELDS = ("id", "kind", "text", "doc")  # what isnad sees of an item: never the gold


class IsnadFailed(Exception):
    """The isnad command under test exited with an error."""


def default_doc_id(path: Path) -> str:
    """The doc id `isnad ingest FILE` gives an article when no --doc-id is given."""
    from index.ingest import slugify

    return slugify(path.stem)


def ingest_calls(
    articles: Sequence[ArticleFile],
    doc_id_of: Callable[[Path], str] = default_doc_id,
    chunk: int = INGEST_CHUNK,
) -> list[list[str]]:
    """The `isnad ingest` argument lists for the articles: one call for every article isnad
    names like the dataset does and that has no aligned edition (in chunks), then one call per
    other article with --doc-id (and --aligned); each list in order of first use."""
    plain = [a for a in articles if a.aligned is None and doc_id_of(a.path) == a.doc_id]
    calls = [
        ["ingest", *(str(a.path) for a in plain[i : i + chunk])]
        for i in range(0, len(plain), chunk)
    ]
    together = {a.doc_id for a in plain}
    for a in articles:
        if a.doc_id not in together:
            extra = ["--aligned", str(a.aligned)] if a.aligned else []
            calls.append(["ingest", str(a.path), "--doc-id", a.doc_id, *extra])
    return calls


def isnad(args: Sequence[str], home: Path) -> None:
    """Run `python -m assistant ARGS` on the temporary index; raise IsnadFailed on failure."""
    env = dict(os.environ, ISNAD_HOME=str(home), HF_HUB_OFFLINE="1")
    env.pop("ISNAD_CHROMA_URL", None)  # the temporary embedded index, never a shared server
    cmd = [sys.executable, "-m", "assistant", *args]
    proc = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, check=False)
    if proc.returncode != 0:
        shown = " ".join(args) if len(args) <= 8 else " ".join([*args[:6], f"... ({len(args)})"])
        raise IsnadFailed(f"`isnad {shown}` exited {proc.returncode} (message above)")


def run_isnad(
    items: Sequence[Mapping[str, Any]], articles: Sequence[ArticleFile], out: Path,
    inspect: Callable[[Path], None] | None = None,
) -> Path:  # fmt: skip
    """Ingest the articles into a fresh index, run one batch; returns the batch output file.
    `inspect` is called with the index folder before it is deleted (eval.directions measures a
    plain retriever on the same index)."""
    batch_in, batch_out = out / "batch_in.jsonl", out / "batch_out.jsonl"
    with batch_in.open("w", encoding="utf-8") as f:
        for it in items:
            row = {k: it[k] for k in BATCH_FIELDS if k in it}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    with tempfile.TemporaryDirectory(prefix="isnad-eval-") as tmp:
        home = Path(tmp)
        for call in ingest_calls(articles):
            isnad(call, home)
        isnad(["batch", str(batch_in), "--out", str(batch_out)], home)
        if inspect is not None:
            inspect(home)
    return batch_out


def read_records(path: Path) -> dict[str, dict[str, Any]]:
    """Batch output records by id (lines that are not JSON objects are ignored)."""
    records: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(rec, dict) and "id" in rec:
            records[str(rec["id"])] = rec
    return records
