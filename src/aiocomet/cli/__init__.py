"""The ``aiocomet`` command line (also ``python -m aiocomet``)."""

from __future__ import annotations

import argparse
import asyncio
import importlib.metadata
import os
import sys
from collections.abc import Sequence

from .._session import DEFAULT_TIMEOUT
from .._transport import RetryPolicy
from . import _calls, _demo, _events, _relay
from ._common import ErrorContext, add_connection_args, at_least, report, setup_logging

EXIT_BROKEN_PIPE = 141
"""128 + SIGPIPE: what a shell reports for a command whose reader went away."""


def _version() -> str:
    try:
        return importlib.metadata.version("aiocomet")
    except importlib.metadata.PackageNotFoundError:  # run from a source tree, not installed
        from .. import __version__

        return __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aiocomet",
        description="Talk to a Comet Server from the shell: call any API method, tail live "
        "events, run the local emulator.",
    )
    parser.add_argument("--version", action="version", version=f"aiocomet {_version()}")
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
    p.add_argument(
        "--limit",
        type=at_least(1),
        metavar="N",
        help="stop after N events (default: run until interrupted)",
    )
    p.add_argument(
        "--max-attempts",
        type=at_least(1),
        metavar="N",
        help="give up after N failed connection attempts in a row (default: keep trying)",
    )
    add_connection_args(p, "seconds to connect and log in to the event stream")
    p.set_defaults(run=_events.cmd_events, is_async=True)

    p = sub.add_parser(
        "emulator",
        help="run the local Comet Server emulator (see 'aiocomet emulator --help')",
        add_help=False,
    )
    p.add_argument("emulator_args", nargs=argparse.REMAINDER)

    _relay.add_parser(sub)

    p = sub.add_parser("methods", help="list the API methods")
    p.add_argument(
        "--search", "-s", metavar="TEXT", help="only methods whose name contains TEXT (any case)"
    )
    p.set_defaults(run=_calls.cmd_methods, is_async=False)

    p = sub.add_parser("call", help="call any API method and print the result as JSON")
    p.add_argument("method", help="spec name (AdminListUsers) or snake_case (admin_list_users)")
    _calls.add_param_arg(p)
    policy = RetryPolicy()
    p.add_argument(
        "--retries",
        type=at_least(0),
        metavar="N",
        help=f"repeat a failed read-only call up to N times (default {policy.attempts - 1}); "
        "calls that change state are repeated only when the server asked (HTTP 429). A silent "
        "server holds a call for up to (N + 1) x --timeout plus a pause of up to "
        f"{policy.backoff.cap:g} s between tries: about "
        f"{policy.attempts * DEFAULT_TIMEOUT / 60:g} minutes with the defaults",
    )
    add_connection_args(p, "seconds each try may take")
    p.set_defaults(run=_calls.cmd_call, is_async=True)

    p = sub.add_parser("download", help="save a binary method's result to a file")
    p.add_argument("method")
    _calls.add_param_arg(p)
    p.add_argument("--output", "-o", required=True, help="file to write")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    add_connection_args(p, "seconds to connect, and to wait for each piece of the file")
    p.set_defaults(run=_calls.cmd_download, is_async=True)
    return parser


def _stdout_gone() -> int:
    """The reader of standard output went away (``aiocomet methods | head -1``): exit quietly.

    Python's documented recipe: point the stdout file descriptor at devnull
    so the flush at interpreter exit cannot fail a second time.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout without a descriptor (captured)
        pass
    return EXIT_BROKEN_PIPE


def _exit_code(exit_: SystemExit) -> int:
    return 0 if exit_.code is None else exit_.code if isinstance(exit_.code, int) else 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (0 ok, 1 failed, 2 usage, 130 interrupted)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["emulator"]:  # its own parser owns every option after the word
        from ..testing.__main__ import main as emulator_main

        try:
            return emulator_main(argv[1:], prog="aiocomet emulator")
        except SystemExit as exit_:  # its --help, or a usage error it printed
            return _exit_code(exit_)
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:  # --help, --version, or a usage error already printed
        return _exit_code(exit_)
    setup_logging(args.debug)
    try:
        if args.is_async:
            code = int(asyncio.run(args.run(args)))
        else:
            code = int(args.run(args))
        sys.stdout.flush()  # a closed pipe fails here, not at interpreter exit
        return code
    except BrokenPipeError:
        return _stdout_gone()
    except KeyboardInterrupt:
        print("aiocomet: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # one clear line for every failure, whatever it is
        return report(exc, args.debug, getattr(args, "error_context", ErrorContext()))
