"""`python -m assistant ARGS`, except that the process SIGKILLs itself at a chosen moment of
Store.write: DIE_ON="record" (default) right before the DIE_AT-th write of article records, i.e.
after all the units of that batch; DIE_ON="cleanup" right before the DIE_AT-th deletion of older
units, i.e. after the batch's new records were written.

Used by tests/assistant/test_faults.py (with ISNAD_INGEST__BATCH_ROWS=1, so that every batch
is one article) to check that a crash there leaves every article whole (or absent, or its
previous version) and that the next ingest completes it.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from index import store

_DIE_AT = int(os.environ.get("DIE_AT", "1"))
_DIE_ON = os.environ.get("DIE_ON", "record")
_seen = 0
_call = store.Store._call


def _dying_call(self: store.Store, fn: Any, *args: Any, **kw: Any) -> Any:
    global _seen
    name = getattr(getattr(fn, "__self__", None), "name", "")
    method = getattr(fn, "__name__", "")
    hit = (
        name.startswith("isnad_docs_") and method in ("add", "upsert")
        if _DIE_ON == "record"
        else name.startswith("isnad_units_") and method == "delete"
    )
    if hit:
        _seen += 1
        if _seen == _DIE_AT:
            os.kill(os.getpid(), signal.SIGKILL)
    return _call(self, fn, *args, **kw)


store.Store._call = _dying_call  # type: ignore[method-assign]

if __name__ == "__main__":
    from assistant.cli import main

    sys.exit(main(sys.argv[1:]))
