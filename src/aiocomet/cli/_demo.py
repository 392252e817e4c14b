"""``aiocomet demo``: the embedded emulator, simulated backups, live events on screen.

Everything runs in this process on 127.0.0.1: an emulator, a job simulator
and an aiocomet client consuming the event stream. The table redraws in
place on a terminal; elsewhere a summary line is printed per refresh.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from .._event_protocol import Event
from .._generated import models as m
from .._generated.constants import SEVT_JOB_COMPLETED, SEVT_JOB_NEW
from ..client import CometClient
from ._format import human_size, job_outcome

REFRESH = 0.5
DEMO_USERS = {"alice": "demo", "bob": "demo", "carol": "demo", "dave": "demo"}


@dataclass
class Dashboard:
    """Running totals of what the stream delivered."""

    started: float = field(default_factory=time.monotonic)
    running: set[str] = field(default_factory=set)
    completed: int = 0
    failed: int = 0
    uploaded: int = 0
    per_type: Counter[str] = field(default_factory=Counter)
    events: int = 0
    gaps: int = 0
    recent: list[str] = field(default_factory=list)

    def add(self, event: Event) -> None:
        self.events += 1
        self.per_type[event.type_name] += 1
        job = event.Data if isinstance(event.Data, m.BackupJobDetail) else None
        if job is None:
            return
        if event.type == SEVT_JOB_NEW:
            self.running.add(job.GUID)
        elif event.type == SEVT_JOB_COMPLETED:
            self.running.discard(job.GUID)
            if job_outcome(job.Status) == "failed":
                self.failed += 1
            else:
                self.completed += 1
            self.uploaded += job.UploadSize
            self.recent = [
                f"{job.Username:<8} {job_outcome(job.Status):<8} {human_size(job.UploadSize)}",
                *self.recent[:4],
            ]

    def render(self, rate: float) -> list[str]:
        lines = [
            "aiocomet demo - live events from an embedded Comet Server emulator (Ctrl-C to stop)",
            "",
            f"  jobs running   {len(self.running):>8}",
            f"  completed      {self.completed:>8}",
            f"  failed         {self.failed:>8}",
            f"  uploaded       {human_size(self.uploaded):>12}",
            f"  events         {self.events:>8}   ({rate:,.0f} events/s)",
            f"  gaps           {self.gaps:>8}",
            "",
            "  events per type:",
        ]
        lines += [f"    {name:<32} {n:>8}" for name, n in sorted(self.per_type.items())]
        lines += ["", "  latest completed jobs:"] + [f"    {line}" for line in self.recent]
        return lines


async def _draw(board: Dashboard, stop: asyncio.Event, tty: bool) -> None:
    last_events, last_t = 0, time.monotonic()
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), REFRESH)
        now = time.monotonic()
        rate = (board.events - last_events) / max(now - last_t, 1e-6)
        last_events, last_t = board.events, now
        lines = board.render(rate)
        if tty:
            sys.stdout.write("\x1b[H\x1b[J" + "\n".join(lines) + "\n")
        else:
            sys.stdout.write(
                f"events={board.events} running={len(board.running)} "
                f"completed={board.completed} failed={board.failed} rate={rate:,.0f}/s\n"
            )
        sys.stdout.flush()


async def run_demo(duration: float | None, rate: float, tty: bool) -> Dashboard:
    from ..testing import CometEmulator

    board = Dashboard()
    stop = asyncio.Event()
    async with CometEmulator(users=DEMO_USERS) as emu:
        async with CometClient(emu.url, emu.admin_username, emu.admin_password) as client:
            await client.login()
            drawer = asyncio.create_task(_draw(board, stop, tty))

            async def count_gap(_: object) -> None:
                board.gaps += 1

            async def consume() -> None:
                async with client.events(on_gap=count_gap) as stream:
                    async for event in stream:
                        board.add(event)

            consumer = asyncio.create_task(consume())
            await emu.wait_for_subscribers(1)
            jobs = emu.simulate_jobs(None, rate=rate)
            try:
                if duration is None:
                    await asyncio.Event().wait()
                else:
                    await asyncio.sleep(duration)
            finally:
                stop.set()
                for task in (jobs, consumer):
                    task.cancel()
                await asyncio.gather(jobs, consumer, drawer, return_exceptions=True)
    return board


async def cmd_demo(args: argparse.Namespace) -> int:
    tty = sys.stdout.isatty() and not args.plain
    if tty:
        sys.stdout.write("\x1b[2J")
    board = await run_demo(args.duration, args.rate, tty)
    print(
        f"demo finished: {board.events} events, {board.completed} jobs completed, "
        f"{board.failed} failed, {len(board.running)} still running"
    )
    return 0
