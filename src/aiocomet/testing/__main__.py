"""``python -m aiocomet.testing``: run the emulator as a process until interrupted.

The default admin account is ``admin`` with password ``admin``. Passwords
are never printed; the startup line names the URL and the admin username.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
from collections.abc import Sequence

from .emulator import CometEmulator

STATS_INTERVAL = 5.0


def _pair(text: str) -> tuple[str, str]:
    name, sep, secret = text.partition(":")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected NAME:PASSWORD, got {text.split(':')[0]!r}...")
    return name, secret


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m aiocomet.testing",
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


async def _serve(args: argparse.Namespace) -> None:
    emu = CometEmulator(
        host=args.host,
        port=args.port,
        admins=dict(args.admin) if args.admin else None,
        users=dict(args.user or []),
        ws_send_queue=args.ws_send_queue,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    async with emu:
        print(
            f"Comet Server emulator listening on {emu.url} (admin account {emu.admin_username!r})",
            flush=True,
        )
        if args.simulate_jobs is not None:
            emu.simulate_jobs(None, rate=args.simulate_jobs or None)
        last, last_t = 0, loop.time()
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), STATS_INTERVAL)
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


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
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
