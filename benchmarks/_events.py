"""The benchmark's events: realistic backup-job StreamableEvents, and the baselines' types.

Every figure decodes the same frames: SEVT_JOB_NEW and SEVT_JOB_COMPLETED
events alternating, built from random but plausible jobs (a fixed seed, so
every process builds the same bytes) and encoded without the fields a job
leaves at zero, which puts the mean frame at about 830 bytes.
"""

from __future__ import annotations

import random
from typing import Any

import msgspec

from aiocomet import models
from aiocomet.constants import (
    JOB_CLASSIFICATION_BACKUP,
    JOB_STATUS_RUNNING_ACTIVE,
    JOB_STATUS_STOP_SUCCESS,
    SEVT_JOB_COMPLETED,
    SEVT_JOB_NEW,
)

SEED = 7
POOL = 4096  # distinct frames; a stream cycles through them


class BareJobEvent(msgspec.Struct, gc=False):
    """What a hand-written typed client decodes a job event into (``Data`` typed)."""

    Type: int = 0
    Actor: str = ""
    OwnerOrganizationID: str = ""
    ResourceID: str = ""
    Timestamp: int = 0
    TypeString: str = ""
    Data: models.BackupJobDetail | None = None


def _lean(model: type[msgspec.Struct], name: str, **replace: Any) -> Any:
    """A copy of ``model``'s fields as a struct with every cost msgspec lets one drop."""
    fields = [
        (f.name, replace.get(f.name, f.type), None if f.name in replace else f.default)
        for f in msgspec.structs.fields(model)
    ]
    return msgspec.defstruct(name, fields, gc=False)


_LeanProgress = _lean(models.BackupJobProgress, "LeanProgress")
_LeanSize = _lean(models.SizeMeasurement, "LeanSize")
_LeanJob = _lean(
    models.BackupJobDetail,
    "LeanJob",
    Progress=_LeanProgress | None,
    DestinationSizeStart=_LeanSize | None,
    DestinationSizeEnd=_LeanSize | None,
)


CeilingJobEvent = _lean(BareJobEvent, "CeilingJobEvent", Data=_LeanJob | None)
"""The fastest typed decode msgspec allows for a job event: one struct, no union on
``Type``, and no per-instance ``__dict__`` (which keeps unknown keys) or garbage-collector
header anywhere. It keeps nothing the SDK must keep; it only marks the ceiling."""


def _guid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def _nonzero(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _nonzero(v) for k, v in value.items() if v not in (0, "", None, False)}
    return value


def _event(kind: int, job: models.BackupJobDetail, when: int) -> bytes:
    return msgspec.json.encode(
        {
            "Actor": job.Username,
            "OwnerOrganizationID": "",
            "ResourceID": job.GUID,
            "Type": kind,
            "Timestamp": when,
            "TypeString": "SEVT_JOB_NEW" if kind == SEVT_JOB_NEW else "SEVT_JOB_COMPLETED",
            "Data": _nonzero(msgspec.to_builtins(job)),
        }
    )


def job_events(count: int = POOL, *, seed: int = SEED) -> list[bytes]:
    """``count`` StreamableEvent JSON texts: NEW and COMPLETED of ``count // 2`` jobs."""
    rng = random.Random(seed)
    users = [f"user{i:04d}@example.com" for i in range(200)]
    places = {u: (_guid(rng), _guid(rng), _guid(rng)) for u in users}
    now = 1_764_000_000
    out: list[bytes] = []
    while len(out) < count:
        user = users[rng.randrange(len(users))]
        source, dest, device = places[user]
        start = now + len(out)
        vault = rng.randrange(10**9, 5 * 10**11)
        job = models.BackupJobDetail(
            GUID=_guid(rng),
            Username=user,
            Classification=JOB_CLASSIFICATION_BACKUP,
            Status=JOB_STATUS_RUNNING_ACTIVE,
            StartTime=start,
            SourceGUID=source,
            DestinationGUID=dest,
            DeviceID=device,
            ClientVersion="25.9.8",
            Progress=models.BackupJobProgress(Counter=1, SentTime=start, RecievedTime=start),
            DestinationSizeStart=models.SizeMeasurement(
                Size=vault, MeasureStarted=start, MeasureCompleted=start
            ),
        )
        out.append(_event(SEVT_JOB_NEW, job, start))
        end = start + rng.randrange(60, 7200)
        files = rng.randrange(10, 200_000)
        size = files * rng.randrange(4096, 2_000_000)
        upload = int(size * rng.random() * 0.2)
        done = msgspec.structs.replace(
            job,
            Status=JOB_STATUS_STOP_SUCCESS,
            EndTime=end,
            TotalDirectories=1 + files // 20,
            TotalFiles=files,
            TotalSize=size,
            TotalChunks=1 + size // 4_000_000,
            UploadSize=upload,
            DownloadSize=upload // 100,
            Progress=models.BackupJobProgress(
                Counter=2,
                SentTime=end,
                RecievedTime=end,
                BytesDone=size,
                ItemsDone=files,
                ItemsTotal=files,
            ),
            DestinationSizeEnd=models.SizeMeasurement(
                Size=vault + upload, MeasureStarted=end, MeasureCompleted=end
            ),
        )
        out.append(_event(SEVT_JOB_COMPLETED, done, end))
    return out[:count]


def mean_size(frames: list[bytes]) -> float:
    return sum(map(len, frames)) / len(frames)
