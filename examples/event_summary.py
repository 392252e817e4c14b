"""Consume a server's live events and keep a running summary.

Shows: ``client.events()`` as an async iterator of typed events (``event.job``
is a ``BackupJobDetail`` for job events); ``on_gap`` to hear about a dropped
connection (the stream reconnects by itself); ``resync=resync_jobs()`` to
replay the job events missed during the gap, each job event delivered once.

Run::

    python examples/event_summary.py [--limit N] [--duration SECONDS] [--jobs-only]

It runs until Ctrl-C, N events or SECONDS, then prints the summary.
Connection settings come from COMET_URL / COMET_USERNAME / COMET_PASSWORD;
without COMET_URL an embedded emulator with simulated backup jobs is used.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

import _common

from aiocomet import CometClient, Event, Gap, resync_jobs
from aiocomet.constants import (
    JOB_STATUS_FAILED__MAX,
    JOB_STATUS_FAILED__MIN,
    SEVT_JOB_COMPLETED,
    SEVT_JOB_NEW,
)

JOB_EVENTS = frozenset({SEVT_JOB_NEW, SEVT_JOB_COMPLETED})


@dataclass
class Summary:
    """Running totals of the events seen so far."""

    events: int = 0
    per_type: Counter[str] = field(default_factory=Counter)
    running: set[str] = field(default_factory=set)  # GUIDs of jobs started, not finished
    succeeded: int = 0
    failed: int = 0
    uploaded: int = 0  # bytes uploaded by finished jobs
    gaps: int = 0
    replayed: int = 0

    def add(self, event: Event) -> None:
        self.events += 1
        self.per_type[event.type_name] += 1
        self.replayed += event.replayed
        job = event.job
        if job is None:
            return
        if event.type == SEVT_JOB_NEW:
            self.running.add(job.GUID)
        elif event.type == SEVT_JOB_COMPLETED:
            self.running.discard(job.GUID)
            if JOB_STATUS_FAILED__MIN <= job.Status <= JOB_STATUS_FAILED__MAX:
                self.failed += 1
            else:
                self.succeeded += 1
            self.uploaded += job.UploadSize

    def line(self) -> str:
        return (
            f"{self.events} events: {len(self.running)} jobs running, {self.succeeded} "
            f"succeeded, {self.failed} failed, {self.uploaded / 2**30:,.1f} GiB uploaded, "
            f"{self.gaps} gaps"
        )

    def report(self) -> str:
        lines = ["summary: " + self.line()]
        lines += [f"  {name:<36} {count:>8}" for name, count in sorted(self.per_type.items())]
        return "\n".join(lines)


async def run(
    client: CometClient,
    *,
    limit: int | None = None,
    duration: float | None = None,
    types: Iterable[int] | None = None,
    every: int = 10,
    out: TextIO | None = None,
) -> Summary:
    """Summarize events until ``limit`` events or ``duration`` seconds (None: no bound)."""
    out = out or sys.stdout
    summary = Summary()

    def on_gap(gap: Gap) -> None:
        summary.gaps += 1
        print(f"connection lost ({gap.reason}); replaying missed job events", file=out)

    await client.login()  # one login; the stream and the resync calls use the session key
    try:
        async with (
            _common.at_most(duration),
            client.events(types=types, on_gap=on_gap, resync=resync_jobs()) as stream,
        ):
            async for event in stream:
                summary.add(event)
                if summary.events % every == 0:
                    print(summary.line(), file=out)
                if limit is not None and summary.events >= limit:
                    break
    finally:  # also on Ctrl-C
        print(summary.report(), file=out)
    return summary


async def main() -> None:
    parser = argparse.ArgumentParser(description="A running summary of live events.")
    parser.add_argument("--limit", type=int, help="stop after this many events")
    parser.add_argument("--duration", type=float, help="stop after this many seconds")
    parser.add_argument("--jobs-only", action="store_true", help="only job events")
    args = parser.parse_args()
    async with _common.connect(activity=True) as client:
        types = JOB_EVENTS if args.jobs_only else None
        await run(client, limit=args.limit, duration=args.duration, types=types)


if __name__ == "__main__":
    _common.run_script(main)
