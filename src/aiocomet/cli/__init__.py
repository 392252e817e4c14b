"""The ``aiocomet`` command line (also ``python -m aiocomet``)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

from .._redact import redact_keys
from . import _calls, _demo, _events
from ._common import add_connection_args, report, setup_logging


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aiocomet",
        description="Talk to a Comet Server from the shell: call any API method, tail live "
        "events, run the local emulator.",
    )
    parser.add_argument("--debug", action="store_true", help="tracebacks and debug logging")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("demo", help="embedded emulator + simulated backups, live events on screen")
    p.add_argument("--duration", type=float, help="stop after this many seconds (default: Ctrl-C)")
    p.add_argument("--rate", type=float, default=0.5, help="new backup jobs per second (0.5)")
    p.add_argument("--plain", action="store_true", help="plain text lines instead of the screen")
    p.set_defaults(run=_demo.cmd_demo, is_async=True)

    p = sub.add_parser("events", help="tail a server's live events")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--types", help="comma-separated SEVT_* names or numbers to keep")
    p.add_argument("--limit", type=int, help="stop after this many events")
    p.add_argument(
        "--max-attempts",
        type=int,
        metavar="N",
        help="give up after N failed connection attempts in a row (default: keep trying)",
    )
    add_connection_args(p)
    p.set_defaults(run=_events.cmd_events, is_async=True)

    p = sub.add_parser(
        "emulator",
        help="run the local Comet Server emulator (see 'aiocomet emulator --help')",
        add_help=False,
    )
    p.add_argument("emulator_args", nargs=argparse.REMAINDER)

    p = sub.add_parser("methods", help="list the API methods")
    p.add_argument("--search", "-s", help="only methods whose line contains TEXT")
    p.set_defaults(run=_calls.cmd_methods, is_async=False)

    p = sub.add_parser("call", help="call any API method and print the result as JSON")
    p.add_argument("method", help="spec name (AdminListUsers) or snake_case (admin_list_users)")
    p.add_argument(
        "--param",
        "-p",
        action="append",
        metavar="NAME=VALUE",
        help="a parameter; JSON for struct/list params, @file.json to read one",
    )
    add_connection_args(p)
    p.set_defaults(run=_calls.cmd_call, is_async=True)

    p = sub.add_parser("download", help="save a binary method's result to a file")
    p.add_argument("method")
    p.add_argument("--param", "-p", action="append", metavar="NAME=VALUE")
    p.add_argument("--output", "-o", required=True, help="file to write")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    add_connection_args(p)
    p.set_defaults(run=_calls.cmd_download, is_async=True)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["emulator"]:  # its own parser owns every option after the word
        from ..testing.__main__ import main as emulator_main

        return emulator_main(argv[1:])
    args = build_parser().parse_args(argv)
    setup_logging(args.debug)
    try:
        if args.is_async:
            return int(asyncio.run(args.run(args)))
        return int(args.run(args))
    except KeyboardInterrupt:
        print("aiocomet: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # one clear line for every failure, whatever it is
        return report(exc, args.debug, getattr(args, "redact", redact_keys))
