"""``python -m aiocomet``: the command line."""

from .cli import main

raise SystemExit(main())
