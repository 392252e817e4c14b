"""The dashboard's state: what the page shows, built from events without any I/O.

:class:`Board` takes each :class:`aiocomet.Event` (live or replayed by the
remedial sync) and each :class:`aiocomet.Gap`, and :meth:`Board.snapshot`
turns it into the JSON the browser renders: jobs running now with their
progress, completions and failures per minute, recent jobs (replayed ones
marked), gaps and the stream's connection state. The clock is injectable.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiocomet import Event, Gap, StreamStats, models
from aiocomet.constants import (
    JOB_STATUS_FAILED__MAX,
    JOB_STATUS_FAILED__MIN,
    SEVT_JOB_COMPLETED,
    SEVT_JOB_NEW,
    JobClassification,
    JobStatus,
)

MINUTES = 10  # per-minute counters shown
RECENT = 15  # finished jobs listed
GAPS = 5  # gaps listed
RUNNING = 50  # running jobs listed (all are counted)


def _name(enum: type[JobStatus] | type[JobClassification], value: int, prefix: str) -> str:
    try:
        return enum(value).name.removeprefix(prefix).lower().replace("_", " ")
    except ValueError:
        return str(value)


def failed(status: int) -> bool:
    return JOB_STATUS_FAILED__MIN <= status <= JOB_STATUS_FAILED__MAX


def _running(job: models.BackupJobDetail) -> dict[str, Any]:
    progress = job.Progress or models.BackupJobProgress()
    return {
        "guid": job.GUID,
        "user": job.Username,
        "kind": _name(JobClassification, job.Classification, "JOB_CLASSIFICATION_"),
        "started": job.StartTime,
        "bytes": progress.BytesDone,
        "items": progress.ItemsDone,
        "items_total": progress.ItemsTotal,
    }


@dataclass
class Board:
    """Running totals for one or more servers' event streams."""

    clock: Callable[[], float] = time.time
    events: int = 0
    replayed: int = 0
    running: dict[str, models.BackupJobDetail] = field(default_factory=dict)
    completed: Counter[int] = field(default_factory=Counter)  # per minute (Unix time // 60)
    failures: Counter[int] = field(default_factory=Counter)
    recent: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=RECENT))
    gaps: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=GAPS))
    gap_count: int = 0
    streams: dict[str, StreamStats] = field(default_factory=dict)

    def add(self, event: Event) -> bool:
        """Count one event; True when it changed what the page shows."""
        self.events += 1
        self.replayed += event.replayed
        job = event.job
        if job is None:
            return False
        if event.type == SEVT_JOB_NEW:
            self.running[job.GUID] = job
        elif event.type == SEVT_JOB_COMPLETED:
            self.running.pop(job.GUID, None)
            minute = int(job.EndTime or event.Timestamp or self.clock()) // 60
            (self.failures if failed(job.Status) else self.completed)[minute] += 1
            self.recent.appendleft(
                {
                    "guid": job.GUID,
                    "user": job.Username,
                    "status": _name(JobStatus, job.Status, "JOB_STATUS_"),
                    "failed": failed(job.Status),
                    "ended": job.EndTime,
                    "uploaded": job.UploadSize,
                    "replayed": event.replayed,
                    "server": event.server,
                }
            )
        else:
            return False
        return True

    def gap(self, gap: Gap) -> None:
        self.gap_count += 1
        self.gaps.appendleft(
            {
                "server": gap.server,
                "reason": gap.reason,
                "since": gap.last_alive,
                "reconnected": gap.reconnected_at,
                "seconds": round(gap.reconnected_at - gap.last_alive, 1),
            }
        )

    def stream(self, stats: StreamStats) -> None:
        self.streams[stats.server] = stats

    def snapshot(self) -> dict[str, Any]:
        """What the page shows, as JSON-ready data."""
        now_minute = int(self.clock()) // 60
        minutes = range(now_minute - MINUTES + 1, now_minute + 1)
        running = sorted(self.running.values(), key=lambda j: (j.StartTime, j.GUID))
        return {
            "events": self.events,
            "replayed": self.replayed,
            "running_count": len(running),
            "running": [_running(job) for job in running[-RUNNING:]],
            "per_minute": [
                {"minute": m * 60, "completed": self.completed[m], "failed": self.failures[m]}
                for m in minutes
            ],
            "recent": list(self.recent),
            "gap_count": self.gap_count,
            "gaps": list(self.gaps),
            "streams": [
                {
                    "server": s.server,
                    "connected": s.connected,
                    "reconnects": s.reconnects,
                    "gaps": s.gaps,
                    "replayed": s.replayed,
                }
                for s in self.streams.values()
            ],
        }
