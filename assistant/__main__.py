"""`python -m assistant` is the `isnad` command."""

from assistant.cli import main

raise SystemExit(main())
