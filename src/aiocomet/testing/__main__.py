"""``python -m aiocomet.testing``: run the emulator as a process until interrupted.

The default admin account is ``admin`` with password ``admin``. The server
starts with seed data (end users ``alice``, ``bob`` and ``carol`` with devices,
storage vaults, a policy and job history; passwords ``<name>-pw``) unless
``--empty`` is given. Passwords are never printed; the startup line names the
URL, the admin username and the seeded users.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
from collections.abc import Sequence

from ._downloads import DEFAULT_DOWNLOAD_SIZE
from ._http import ERROR_MODES
from ._seed import SEED_USERS
from .emulator import CometEmulator

STATS_INTERVAL = 5.0


def _pair(text: str) -> tuple[str, str]:
    name, sep, secret = text.partition(":")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected NAME:PASSWORD, got {text.split(':')[0]!r}...")
    return name, secret


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number of bytes, got {text!r}")
    return value


DEFAULT_PROG = "python -m aiocomet.testing"


def parser(prog: str = DEFAULT_PROG) -> argparse.ArgumentParser:
    """The emulator's options; ``prog`` is how the usage line names the command."""
    p = argparse.ArgumentParser(
        prog=prog,
        description="Local Comet Server emulator (HTTP API, event websocket, webhooks).",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8060, help="port (default 8060; 0 = any free)")
    p.add_argument(
        "--admin",
        action="append",
        type=_pair,
        metavar="NAME:PASSWORD",
        help="admin account (repeatable; default admin:admin)",
    )
    p.add_argument(
        "--user", action="append", type=_pair, metavar="NAME:PASSWORD", help="end-user account"
    )
    p.add_argument(
        "--empty",
        action="store_true",
        help="start with no end users, policies or jobs (default: seed data: "
        f"users {', '.join(SEED_USERS)} with devices, vaults, a policy and job history)",
    )
    p.add_argument(
        "--error-mode",
        choices=ERROR_MODES,
        default="body",
        help="application errors as the real server sends them, HTTP 200 with the error in the "
        "body (default), or as HTTP statuses",
    )
    p.add_argument(
        "--download-size",
        type=_positive,
        default=DEFAULT_DOWNLOAD_SIZE,
        metavar="BYTES",
        help=f"size of binary answers such as installers (default {DEFAULT_DOWNLOAD_SIZE})",
    )
    p.add_argument(
        "--coverage", action="store_true", help="list stateful and schema-only methods, then exit"
    )
    p.add_argument(
        "--simulate-jobs",
        type=float,
        metavar="RATE",
        help="run backup jobs continuously at RATE jobs/s (2 events each; 0 = as fast as "
        "subscribers read)",
    )
    p.add_argument(
        "--ws-send-queue", type=int, default=10_000, help="per-websocket send queue bound (events)"
    )
    return p


def _print_coverage() -> None:
    cov = CometEmulator.coverage()
    for key, title in (("stateful", "stateful"), ("schema_only", "schema-only")):
        names = cov[key]
        print(f"{title} ({len(names)}):")
        for name in names:
            print(f"  {name}")


def emulator_from_args(args: argparse.Namespace) -> CometEmulator:
    """The emulator the command line describes (not started)."""
    return CometEmulator(
        host=args.host,
        port=args.port,
        admins=dict(args.admin) if args.admin else None,
        users=dict(args.user or []),
        ws_send_queue=args.ws_send_queue,
        seed=not args.empty,
        error_mode=args.error_mode,
        download_size=args.download_size,
    )


async def _serve(args: argparse.Namespace) -> None:
    emu = emulator_from_args(args)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    async with emu:
        users = ", ".join(sorted(emu.accounts.users)) or "none"
        print(
            f"Comet Server emulator listening on {emu.url} (admin account {emu.admin_username!r}; "
            f"end users: {users})",
            flush=True,
        )
        if args.simulate_jobs is not None:
            emu.simulate_jobs(None, rate=args.simulate_jobs or None)
        last, last_t = 0, loop.time()
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(STATS_INTERVAL):
                    await stop.wait()
            if args.simulate_jobs is not None and not stop.is_set():
                now = loop.time()
                rate = (emu.events_published - last) / (now - last_t)
                last, last_t = emu.events_published, now
                print(
                    f"events published: {emu.events_published} ({rate:,.0f}/s), "
                    f"subscribers: {emu.subscriber_count}",
                    file=sys.stderr,
                    flush=True,
                )
    print("stopped", flush=True)


def main(argv: Sequence[str] | None = None, *, prog: str = DEFAULT_PROG) -> int:
    args = parser(prog).parse_args(argv)
    if args.coverage:
        _print_coverage()
        return 0
    try:
        asyncio.run(_serve(args))
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
