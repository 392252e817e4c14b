"""What the demo knows, built only from what the SDK delivered: events, gaps, job polls.

No I/O and no drawing here: the screen (rich) and the plain lines both read
a :class:`Board`, and tests feed it events directly.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from .._event_model import Event
from .._event_protocol import Gap
from .._generated import constants as c
from .._generated import models as m
from ._format import human_size, job_outcome, status_name

SPARK = "▁▂▃▄▅▆▇█"
HISTORY = 60  # seconds of event rate kept for the sparkline
SMOOTH = 5  # seconds averaged for the rate shown as a number
_KIND_NAMES = {
    c.JOB_CLASSIFICATION_BACKUP: "backup",
    c.JOB_CLASSIFICATION_RESTORE: "restore",
    c.JOB_CLASSIFICATION_RETENTION: "retention",
    c.JOB_CLASSIFICATION_DEEPVERIFY: "verify",
}


def kind_name(classification: int) -> str:
    return _KIND_NAMES.get(classification, str(classification))


def clock_time(seconds: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(seconds))


def duration(seconds: float) -> str:
    """``0:07``, ``12:30``, ``1:02:03``."""
    s = max(int(seconds), 0)
    if s >= 3600:
        return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
    return f"{s // 60}:{s % 60:02d}"


def sparkline(values: list[float], width: int) -> str:
    """The last ``width`` values as block characters, scaled to the largest shown."""
    shown = values[-width:]
    top = max(shown, default=0.0)
    if top <= 0:
        return SPARK[0] * len(shown)
    return "".join(SPARK[min(int(v / top * (len(SPARK) - 1) + 0.5), len(SPARK) - 1)] for v in shown)


@dataclass(slots=True)
class JobRow:
    """A job as the demo shows it (running or finished)."""

    guid: str
    user: str
    device: str
    kind: str
    started: int
    total: int = 0
    done: int = 0
    ended: int = 0
    status: int = c.JOB_STATUS_RUNNING_ACTIVE
    sent: int = 0
    replayed: bool = False

    @property
    def fraction(self) -> float:
        return min(self.done / self.total, 1.0) if self.total else 0.0

    @property
    def warned(self) -> bool:
        return self.status == c.JOB_STATUS_FAILED_WARNING

    @property
    def outcome(self) -> str:
        return job_outcome(self.status)

    def status_text(self) -> str:
        if self.outcome == "success":
            return f"{human_size(self.sent)} sent" if self.sent else "done"
        return status_name(self.status).removeprefix("FAILED_").lower()


@dataclass
class Board:
    """Running totals and recent history of one demo run."""

    device_names: dict[str, str] = field(default_factory=dict)
    clock: Callable[[], float] = time.time
    started: float = 0.0
    events: int = 0
    completed: int = 0
    failed: int = 0
    warnings: int = 0
    sent: int = 0
    gaps: int = 0
    reconnects: int = 0
    replayed: int = 0
    connected: bool = False
    running: dict[str, JobRow] = field(default_factory=dict)
    finished: deque[JobRow] = field(default_factory=lambda: deque(maxlen=20))
    notes: deque[str] = field(default_factory=lambda: deque(maxlen=20))
    rates: deque[float] = field(default_factory=lambda: deque(maxlen=HISTORY))
    _counted: int = 0
    _elapsed: float = 0.0

    def __post_init__(self) -> None:
        self.started = self.started or self.clock()

    def note(self, text: str) -> None:
        """A line for the stream log (gaps, reconnects, faults)."""
        self.notes.append(f"{clock_time(self.clock())} {text}")

    def _row(self, job: m.BackupJobDetail) -> JobRow:
        device = self.device_names.get(job.DeviceID, job.DeviceID[:8])
        return JobRow(job.GUID, job.Username, device, kind_name(job.Classification), job.StartTime)

    def add(self, event: Event) -> None:
        self.events += 1
        self.connected = True
        if event.replayed:
            self.replayed += 1
        job = event.Data if isinstance(event.Data, m.BackupJobDetail) else None
        if job is None:
            return
        if event.type == c.SEVT_JOB_NEW:
            row = self._row(job)
            row.replayed = event.replayed
            self.running[job.GUID] = row
            self.progress(job)
        elif event.type == c.SEVT_JOB_COMPLETED:
            self._finish(job, event.replayed)

    def _finish(self, job: m.BackupJobDetail, replayed: bool) -> None:
        row = self.running.pop(job.GUID, None) or self._row(job)
        row.status, row.ended, row.replayed = job.Status, job.EndTime, replayed
        row.total = job.TotalSize
        row.done = job.Progress.BytesDone if job.Progress else 0
        row.sent = job.UploadSize + job.DownloadSize
        self.sent += row.sent
        if row.outcome == "success":
            self.completed += 1
        else:
            self.failed += 1
            if job.Status == c.JOB_STATUS_FAILED_WARNING:
                self.warnings += 1
        self.finished.appendleft(row)

    def progress(self, job: m.BackupJobDetail) -> None:
        """A poll of a running job (``AdminGetJobProperties``) moves its bar."""
        row = self.running.get(job.GUID)
        if row is not None and job.Progress is not None:
            row.total = job.TotalSize
            row.done = max(row.done, job.Progress.BytesDone)

    def gap(self, gap: Gap) -> None:
        self.gaps += 1
        lost = max(gap.reconnected_at - gap.last_alive, 0.0)
        why = gap.reason.split(":")[0]
        self.note(f"reconnected after a {lost:.1f} s gap ({why}); resyncing jobs")

    def tick(self, elapsed: float) -> None:
        """``elapsed`` seconds passed: every full second adds a sample to :attr:`rates`."""
        self._elapsed += elapsed
        if self._elapsed >= 1.0 - 1e-9:
            self.rates.append((self.events - self._counted) / self._elapsed)
            self._counted, self._elapsed = self.events, 0.0

    @property
    def rate(self) -> float:
        """Events per second over the last few seconds."""
        recent = list(self.rates)[-SMOOTH:]
        return sum(recent) / len(recent) if recent else 0.0

    def uptime(self) -> float:
        return self.clock() - self.started

    def status_line(self) -> str:
        """The plain-mode line (CI greps ``events=``)."""
        return (
            f"{clock_time(self.clock())} events={self.events} rate={self.rate:.1f}/s "
            f"running={len(self.running)} completed={self.completed} failed={self.failed} "
            f"sent={human_size(self.sent).replace(' ', '')} gaps={self.gaps} "
            f"reconnects={self.reconnects}"
        )

    def job_line(self, row: JobRow) -> str:
        """A finished job as one plain line."""
        mark = "ok  " if row.outcome == "success" else "WARN" if row.warned else "FAIL"
        took = duration(row.ended - row.started)
        again = " (replayed)" if row.replayed else ""
        return (
            f"{clock_time(row.ended)} {mark} {row.user:<6} {row.device:<11} {row.kind:<9} "
            f"{took:>5}  {row.status_text()}{again}"
        )

    def summary(self) -> str:
        """What the run saw, in lines that fit 80 columns (printed on Ctrl-C)."""
        return "\n".join(
            [
                f"demo summary: ran {duration(self.uptime())}",
                f"  events       {self.events} ({self.replayed} replayed after gaps)",
                f"  jobs         {self.completed} completed, {self.failed} failed "
                f"({self.warnings} with warnings), {len(self.running)} still running",
                f"  transferred  {human_size(self.sent)}",
                f"  stream       {self.gaps} gaps, {self.reconnects} reconnects",
            ]
        )
