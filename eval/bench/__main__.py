"""`python -m eval.bench [options]` (and its `_worker` / `_probe` child processes)."""

from eval.bench.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
