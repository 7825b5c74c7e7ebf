"""Start the isnad web UI: ``python app.py [--host 127.0.0.1] [--port 7860] [--share]``.

The same as ``isnad serve``: it goes through the CLI, so settings and errors are handled the
same way (a bad setting or an unreachable store is one line and exit code 2 or 1).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Serve the UI with the ISNAD_* settings until interrupted."""
    from assistant.cli import main as cli

    return cli(["serve", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
