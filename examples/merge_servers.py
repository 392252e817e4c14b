"""Consume the live events of several Comet Servers at once.

Shows: ``aiocomet.merge_events(*clients)``, one async iterator over every
server's stream; ``event.server`` says where each event came from. A server
that goes down only pauses its own stream (it reconnects by itself), and with
``on_source_error`` a server that fails for good (say, bad credentials) is
reported while the others go on.

Run::

    python examples/merge_servers.py [--limit N] [--duration SECONDS] [--servers K]
    COMET_URL=https://a.example.com,https://b.example.com COMET_USERNAME=admin \\
        COMET_PASSWORD=... python examples/merge_servers.py

COMET_URL may list several servers (comma-separated, same credentials).
Without COMET_URL it starts K (default 2) embedded emulators with simulated
backup jobs.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TextIO

import _common

from aiocomet import CometClient, merge_events


async def run(
    clients: Sequence[CometClient],
    *,
    limit: int | None = None,
    duration: float | None = None,
    types: Iterable[int] | None = None,
    out: TextIO | None = None,
) -> Counter[str]:
    """Print the merged events until ``limit`` events or ``duration`` seconds; count per server."""
    out = out or sys.stdout
    per_server: Counter[str] = Counter()

    def source_failed(server: str, error: BaseException) -> None:
        print(f"{server}: stream stopped for good: {error}", file=out)

    try:
        async with (
            _common.at_most(duration),
            merge_events(*clients, types=types, on_source_error=source_failed) as events,
        ):
            async for event in events:
                per_server[event.server] += 1
                print(f"{event.server:<28} {event.type_name:<28} {event.Actor or '-'}", file=out)
                if limit is not None and per_server.total() >= limit:
                    break
    finally:  # also on Ctrl-C
        for server, count in sorted(per_server.items()):
            print(f"{server}: {count} events", file=out)
    return per_server


async def main() -> None:
    parser = argparse.ArgumentParser(description="Live events of several servers at once.")
    parser.add_argument("--limit", type=int, help="stop after this many events")
    parser.add_argument("--duration", type=float, help="stop after this many seconds")
    parser.add_argument("--servers", type=int, default=2, help="embedded emulators (2)")
    args = parser.parse_args()
    async with _common.connect_many(args.servers, activity=True) as clients:
        await run(clients, limit=args.limit, duration=args.duration)


if __name__ == "__main__":
    _common.run_script(main)
