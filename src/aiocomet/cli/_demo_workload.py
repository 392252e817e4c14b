"""The demo's backup fleet: a few users and devices whose jobs run for seconds, not instants.

The emulator's own simulator finishes every job in the next batch (it is
built for load tests). The demo wants jobs a person can watch: each one
runs for 4-45 s, moves its progress forward in the server's job table
(what ``AdminGetJobProperties`` answers), then completes or fails. Sizes are
those of incremental backups: tens of MiB to a few GiB sent per job.
Everything goes through the emulator's public surface: ``state`` and
``publish``.
"""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import msgspec

from .._generated import constants as c
from .._generated.models import BackupJobDetail, BackupJobProgress

MIB = 1024 * 1024
GIB = 1024 * MIB

FLEET: dict[str, tuple[str, ...]] = {
    "alice": ("laptop", "nas"),
    "bob": ("desktop",),
    "carol": ("macbook", "file-server"),
    "dave": ("sql-01",),
    "erin": ("laptop",),
    "frank": ("exchange", "web-01"),
}
"""Users of the demo and the friendly names of their devices."""

# (classification, weight, shortest and longest run in seconds)
_KINDS = (
    (c.JOB_CLASSIFICATION_BACKUP, 85, 5.0, 45.0),
    (c.JOB_CLASSIFICATION_RETENTION, 7, 3.0, 10.0),
    (c.JOB_CLASSIFICATION_RESTORE, 5, 6.0, 30.0),
    (c.JOB_CLASSIFICATION_DEEPVERIFY, 3, 8.0, 25.0),
)
# (status, weight) of finished jobs; a failed job stops part of the way through
_ENDINGS = (
    (c.JOB_STATUS_STOP_SUCCESS, 86),
    (c.JOB_STATUS_FAILED_WARNING, 6),
    (c.JOB_STATUS_FAILED_ERROR, 4),
    (c.JOB_STATUS_FAILED_QUOTA, 2),
    (c.JOB_STATUS_FAILED_CANCELLED, 2),
)


class Server(Protocol):
    """What the workload needs of a :class:`~aiocomet.testing.CometEmulator`."""

    @property
    def state(self) -> Any: ...

    def publish(
        self, event_type: int, data: Any = None, *, resource_id: str = "", actor: str = ""
    ) -> None: ...


@dataclass(slots=True)
class _Run:
    """A job in flight and what it will have done when it ends."""

    job: BackupJobDetail
    started: float
    seconds: float
    ending: int
    sent: int  # bytes uploaded (backup) or downloaded (restore) by the end


def _pick(rng: random.Random, table: Sequence[tuple[int, int]]) -> int:
    return rng.choices([v for v, _ in table], weights=[w for _, w in table])[0]


def add_fleet(state: Any, fleet: dict[str, tuple[str, ...]] = FLEET) -> dict[str, list[str]]:
    """Give each user a profile with named devices; returns user -> device IDs."""
    devices: dict[str, list[str]] = {}
    for user, names in fleet.items():
        if user not in state.profiles:
            state.add_user(user)
        profile = state.profile(user)
        ids = [str(uuid.uuid4()) for _ in names]
        profile["Devices"] = {i: {"FriendlyName": n} for i, n in zip(ids, names, strict=True)}
        profile["Sources"] = {str(uuid.uuid4()): {"Engine": "engine1/file"}}
        profile["Destinations"] = {str(uuid.uuid4()): {"Description": "Comet Storage"}}
        state.set_profile(user, profile)
        devices[user] = ids
    return devices


class Workload:
    """Starts jobs at ``rate`` per second, advances their progress, finishes them."""

    def __init__(
        self,
        server: Server,
        devices: dict[str, list[str]],
        *,
        rate: float,
        clock: Callable[[], float],
        rng: random.Random | None = None,
    ) -> None:
        if rate <= 0:
            raise ValueError(f"rate must be positive, not {rate}")
        self.server = server
        self.devices = devices
        self.rate = rate
        self._clock = clock
        self._rng = rng or random.Random()
        self._next_start = clock()
        self.running: dict[str, _Run] = {}
        self.starting = True
        """False: no new jobs; the running ones still finish."""

    def _start(self, now: float) -> None:
        rng = self._rng
        user = rng.choice(sorted(self.devices))
        device = rng.choice(self.devices[user])
        profile = self.server.state.profile(user)
        kind, _, low, high = rng.choices(_KINDS, weights=[k[1] for k in _KINDS])[0]
        seconds = math.exp(rng.uniform(math.log(low), math.log(high)))
        total = int(math.exp(rng.uniform(math.log(2 * GIB), math.log(800 * GIB))))
        files = max(10, total // rng.randint(200_000, 4 * MIB))
        sent = 0
        if kind in (c.JOB_CLASSIFICATION_BACKUP, c.JOB_CLASSIFICATION_RESTORE):
            sent = int(seconds * rng.uniform(3, 60) * MIB)  # 3-60 MiB/s over the run
        server_now = self.server.state.now()
        job = BackupJobDetail(
            GUID=str(uuid.uuid4()),
            Username=user,
            Classification=kind,
            Status=c.JOB_STATUS_RUNNING_ACTIVE,
            StartTime=server_now,
            SourceGUID=next(iter(profile.get("Sources") or {}), ""),
            DestinationGUID=next(iter(profile.get("Destinations") or {}), ""),
            DeviceID=device,
            ClientVersion=c.APPLICATION_VERSION,
            TotalFiles=files,
            TotalSize=total,
            Progress=BackupJobProgress(Counter=1, SentTime=server_now, ItemsTotal=files),
        )
        ending = _pick(rng, _ENDINGS)
        if ending != c.JOB_STATUS_STOP_SUCCESS:
            seconds *= rng.uniform(0.2, 0.9)
        self.running[job.GUID] = _Run(job, now, seconds, ending, sent)
        self.server.state.add_jobs([job])
        self.server.publish(c.SEVT_JOB_NEW, job, resource_id=job.GUID, actor=user)

    def _progress(self, run: _Run, fraction: float) -> BackupJobDetail:
        job = run.job
        progress = job.Progress or BackupJobProgress()
        done = int(job.TotalSize * fraction)
        sent = int(run.sent * fraction)
        is_restore = job.Classification == c.JOB_CLASSIFICATION_RESTORE
        return msgspec.structs.replace(
            job,
            UploadSize=0 if is_restore else sent,
            DownloadSize=sent if is_restore else 0,
            Progress=msgspec.structs.replace(
                progress,
                Counter=progress.Counter + 1,
                SentTime=self.server.state.now(),
                BytesDone=done,
                ItemsDone=int(job.TotalFiles * fraction),
            ),
        )

    def _finish(self, run: _Run) -> None:
        job = msgspec.structs.replace(
            self._progress(run, 1.0 if run.ending == c.JOB_STATUS_STOP_SUCCESS else 0.6),
            Status=run.ending,
            EndTime=self.server.state.now(),
        )
        for done in self.server.state.finish_jobs([job]):
            self.server.publish(
                c.SEVT_JOB_COMPLETED, done, resource_id=done.GUID, actor=done.Username
            )

    def step(self) -> None:
        """Start the jobs that are due, move the others forward, finish those whose time is up."""
        now = self._clock()
        while self.starting and self._next_start <= now:
            self._start(self._next_start)
            self._next_start += self._rng.expovariate(self.rate)
        for guid, run in list(self.running.items()):
            fraction = (now - run.started) / run.seconds
            if fraction >= 1.0:
                del self.running[guid]
                self._finish(run)
            else:
                run.job = self._progress(run, max(fraction, 0.0))
                self.server.state.add_jobs([run.job])
