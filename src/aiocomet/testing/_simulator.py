"""The activity simulator: backup jobs that start, finish and land in job history.

Jobs are made in batches: each batch publishes SEVT_JOB_COMPLETED for the
jobs the previous batch started and SEVT_JOB_NEW for its own, all encoded
once and handed to the websocket hub together. With a ``rate`` (jobs per
second) batches follow the clock; without one the simulator goes as fast as
the slowest subscriber drains its socket, so nobody is dropped.
"""

from __future__ import annotations

import asyncio
import random
import secrets
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import msgspec

from .._generated import constants as c
from .._generated.models import BackupJobDetail, BackupJobProgress, SizeMeasurement
from ._events import encode_event
from ._state import ServerState

Emit = Callable[[Sequence[int], Sequence[bytes]], None]

TICK = 0.01
MAX_BATCH = 2048
FAST_BATCH = 512
DEFAULT_USER = "simulated-user"

# (status, weight) of finished jobs
_OUTCOMES = (
    (c.JOB_STATUS_STOP_SUCCESS, 86),
    (c.JOB_STATUS_FAILED_WARNING, 7),
    (c.JOB_STATUS_FAILED_ERROR, 4),
    (c.JOB_STATUS_FAILED_QUOTA, 1),
    (c.JOB_STATUS_FAILED_TIMEOUT, 1),
    (c.JOB_STATUS_FAILED_CANCELLED, 1),
)
_CLASSES = (
    (c.JOB_CLASSIFICATION_BACKUP, 90),
    (c.JOB_CLASSIFICATION_RETENTION, 5),
    (c.JOB_CLASSIFICATION_RESTORE, 3),
    (c.JOB_CLASSIFICATION_DEEPVERIFY, 2),
)


def _table(choices: tuple[tuple[int, int], ...]) -> list[int]:
    return [value for value, weight in choices for _ in range(weight)]


class JobSimulator:
    """Makes realistic BackupJobDetail records and their events."""

    def __init__(
        self,
        state: ServerState,
        emit: Emit,
        wait_writable: Callable[[], Awaitable[None]],
        *,
        seed: int | None = None,
    ) -> None:
        self.state = state
        self._emit = emit
        self._wait_writable = wait_writable
        self._rng = random.Random(seed)
        self._prefix = secrets.token_hex(4) + "-" + secrets.token_hex(2) + "-4"
        self._counter = 0
        self._outcomes = _table(_OUTCOMES)
        self._classes = _table(_CLASSES)
        self._places: dict[str, tuple[str, str, str]] = {}

    # -- one job ------------------------------------------------------------------------------

    def _guid(self) -> str:
        self._counter += 1
        n = self._counter
        return f"{self._prefix}{n >> 48 & 0xFFF:03x}-a{n >> 36 & 0xFFF:03x}-{n & 0xFFFFFFFFF:012x}"

    def _place(self, username: str) -> tuple[str, str, str]:
        """(source, destination, device) IDs for a user: from the profile when it has them."""
        found = self._places.get(username)
        if found is None:
            profile: dict[str, Any] = self.state.profiles.get(username) or {}
            found = (
                next(iter(profile.get("Sources") or {}), "") or self._guid(),
                next(iter(profile.get("Destinations") or {}), "") or self._guid(),
                next(iter(profile.get("Devices") or {}), "") or self._guid(),
            )
            self._places[username] = found
        return found

    def new_job(self, username: str, now: int) -> BackupJobDetail:
        source, destination, device = self._place(username)
        rng = self._rng.random
        vault = int(rng() * 5e11)
        return BackupJobDetail(
            GUID=self._guid(),
            Username=username,
            Classification=self._classes[int(rng() * len(self._classes))],
            Status=c.JOB_STATUS_RUNNING_ACTIVE,
            StartTime=now,
            SourceGUID=source,
            DestinationGUID=destination,
            DeviceID=device,
            ClientVersion=c.APPLICATION_VERSION,
            Progress=BackupJobProgress(Counter=1, SentTime=now, RecievedTime=now),
            DestinationSizeStart=SizeMeasurement(
                Size=vault, MeasureStarted=now, MeasureCompleted=now
            ),
        )

    def finished(self, job: BackupJobDetail, now: int) -> BackupJobDetail:
        rng = self._rng.random
        files = 10 + int(rng() * 200_000)
        size = files * (4096 + int(rng() * 2_000_000))
        upload = int(size * rng() * 0.2)
        status = self._outcomes[int(rng() * len(self._outcomes))]
        start = job.DestinationSizeStart.Size if job.DestinationSizeStart else 0
        return msgspec.structs.replace(
            job,
            Status=status,
            EndTime=max(now, job.StartTime),
            TotalDirectories=1 + files // 20,
            TotalFiles=files,
            TotalSize=size,
            TotalChunks=1 + size // 4_000_000,
            UploadSize=upload,
            DownloadSize=int(upload * 0.01),
            Progress=BackupJobProgress(
                Counter=2,
                SentTime=now,
                RecievedTime=now,
                BytesDone=size,
                ItemsDone=files,
                ItemsTotal=files,
            ),
            DestinationSizeEnd=SizeMeasurement(
                Size=start + upload, MeasureStarted=now, MeasureCompleted=now
            ),
        )

    # -- batches ------------------------------------------------------------------------------

    def step(
        self, users: Sequence[str], n_new: int, running: list[BackupJobDetail]
    ) -> list[BackupJobDetail]:
        """Finish ``running``, start ``n_new`` jobs, publish it all; returns the new jobs."""
        now = self.state.now()
        state = self.state
        done = state.finish_jobs([self.finished(job, now) for job in running])
        count = len(users)
        pick = self._rng.random
        started = [self.new_job(users[int(pick() * count)], now) for _ in range(n_new)]
        state.add_jobs(started)
        types = [c.SEVT_JOB_COMPLETED] * len(done) + [c.SEVT_JOB_NEW] * len(started)
        payloads = [
            encode_event(t, job, timestamp=now, resource_id=job.GUID, actor=job.Username)
            for t, job in zip(types, [*done, *started], strict=True)
        ]
        if payloads:
            self._emit(types, payloads)
        return started

    async def run(
        self, count: int | None, rate: float | None, users: Sequence[str] | None = None
    ) -> None:
        """Run ``count`` jobs (None: until cancelled) at ``rate`` jobs/s (None: drain-paced)."""
        if rate is not None and rate <= 0:
            rate = None
        names = list(users or sorted(self.state.profiles) or [DEFAULT_USER])
        loop = asyncio.get_running_loop()
        t0 = loop.time()
        started = 0
        running: list[BackupJobDetail] = []
        while count is None or started < count or running:
            if rate is None:
                n = FAST_BATCH
            else:
                n = min(int((loop.time() - t0) * rate) + 1 - started, MAX_BATCH)
            if count is not None:
                n = min(n, count - started)
            n = max(n, 0)
            if n or running:
                running = self.step(names, n, running)
                started += n
            if rate is None:
                await self._wait_writable()
                await asyncio.sleep(0)
            elif count is not None and started >= count:
                await asyncio.sleep(TICK)
            else:
                due = t0 + (started + 1) / rate - loop.time()
                await asyncio.sleep(min(max(due, TICK), 1.0) if n < MAX_BATCH else 0)
