"""What the stream's reliability scenarios share: fixtures, backoffs, consumers, jobs.

Used by ``test_reliability_stream*.py`` (issue 9's scenarios, one file per theme) and
``test_events_e2e.py``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import random
import socket
from collections.abc import AsyncIterator, Callable
from typing import Any

import msgspec
import pytest

from aiocomet import Backoff, CometClient, models
from aiocomet.constants import (
    JOB_STATUS_RUNNING_ACTIVE,
    JOB_STATUS_STOP_SUCCESS,
    SEVT_JOB_COMPLETED,
    SEVT_JOB_NEW,
)
from aiocomet.events import (
    EventStream,
    Gap,
    ReconnectPolicy,
)
from aiocomet.testing import CometEmulator

JOBS = {SEVT_JOB_NEW, SEVT_JOB_COMPLETED}


@pytest.fixture
async def emu() -> AsyncIterator[CometEmulator]:
    async with CometEmulator(ws_send_queue=200_000) as e:
        yield e


@pytest.fixture
async def client(emu: CometEmulator) -> AsyncIterator[CometClient]:
    async with CometClient(emu.url, emu.admin_username, emu.admin_password) as c:
        yield c


def seeded(seed: int) -> tuple[Backoff, Backoff]:
    """The stream's default backoff with a seeded random source, and its twin."""
    default = ReconnectPolicy().backoff
    return (
        dataclasses.replace(default, rng=random.Random(seed)),
        dataclasses.replace(default, rng=random.Random(seed)),
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Sequenced:
    """Consumes a stream of numbered events, logging events and gaps in the order seen."""

    def __init__(self, stream: EventStream, *, per_event: float = 0.0) -> None:
        self.stream = stream
        self.per_event = per_event
        self.log: list[tuple[str, Any]] = []
        self.count = 0
        self.max_depth = 0
        self.changed = asyncio.Event()
        stream.on_gap = self._on_gap
        self.task = asyncio.create_task(self._run())

    def _on_gap(self, gap: Gap) -> None:
        self.log.append(("gap", gap))

    async def _run(self) -> None:
        async with self.stream:
            async for ev in self.stream:
                self.max_depth = max(self.max_depth, self.stream.stats.queue_depth)
                self.log.append(("event", int(ev.ResourceID.split(":")[0])))
                self.count += 1
                self.changed.set()
                if self.per_event:
                    await asyncio.sleep(self.per_event)

    async def wait(self, predicate: Callable[[], bool], timeout: float) -> None:
        async with asyncio.timeout(timeout):
            while not predicate():
                self.changed.clear()
                if self.task.done():
                    self.task.result()
                    raise AssertionError("the consumer ended")
                await self.changed.wait()

    async def close(self) -> None:
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)

    def check_no_silent_loss(self) -> tuple[int, int]:
        """Every missing number lies behind a reported gap; returns (events, missing)."""
        last = -1
        gap_since_last = True  # events before the first one are not owed to us
        missing = 0
        seen: set[int] = set()
        for kind, value in self.log:
            if kind == "gap":
                gap_since_last = True
                continue
            assert value not in seen, f"duplicate event {value}"
            assert value > last, f"out of order: {value} after {last}"
            if value != last + 1:
                assert gap_since_last, f"events {last + 1}..{value - 1} lost without a gap"
                missing += value - last - 1
            seen.add(value)
            last = value
            gap_since_last = False
        return len(seen), missing


def running_job(guid: str, start: int) -> models.BackupJobDetail:
    return models.BackupJobDetail(
        GUID=guid, Username="bob", Status=JOB_STATUS_RUNNING_ACTIVE, StartTime=start
    )


def finished_job(job: models.BackupJobDetail, end: int) -> models.BackupJobDetail:
    return msgspec.structs.replace(job, Status=JOB_STATUS_STOP_SUCCESS, EndTime=end)
