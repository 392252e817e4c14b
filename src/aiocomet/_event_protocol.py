"""The live event stream protocol, without I/O: the handshake, gaps and job resync.

The websocket handshake as data (five text frames, then one reply frame);
:class:`Gap`; and :class:`JobResync`, which dedupes job events and
synthesizes the ones a gap lost from a job history it is handed (the stream
in :mod:`aiocomet.events` does the I/O). Events and their decoding live in
:mod:`aiocomet._event_model`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Final, Protocol

from ._event_model import Event, make_event
from ._generated import models as m
from ._generated.constants import SEVT_JOB_COMPLETED, SEVT_JOB_NEW
from .auth import Credentials, redacted_preview
from .errors import AuthenticationError, HandshakeError

__all__ = [
    "AUTH_FAILED",
    "AUTH_OK",
    "STREAM_PATH",
    "Gap",
    "GapKind",
    "JobResync",
    "JobSource",
    "check_auth_reply",
    "handshake_frames",
    "resync_jobs",
]

STREAM_PATH: Final = "/api/v1/events/stream"
AUTH_OK: Final = "200 OK"
AUTH_FAILED: Final = "403 Unauth"
FRAME_PREVIEW: Final = 200

log = logging.getLogger("aiocomet.events")


# -- handshake ---------------------------------------------------------------------------


def handshake_frames(credentials: Credentials) -> list[str]:
    """Username, AuthType, Password, SessionKey, TOTP; a fresh TOTP code on every call."""
    return credentials.stream_frames()


def check_auth_reply(
    frame: str | bytes, *, server: str = "", redact: Callable[[str], str] = str
) -> None:
    """Accept ``200 OK``; raise AuthenticationError for ``403 Unauth``, HandshakeError else."""
    text = frame.decode("utf-8", "replace") if isinstance(frame, bytes) else frame
    text = text.strip()
    if text == AUTH_OK:
        return
    if text == AUTH_FAILED or text.startswith("403"):
        raise AuthenticationError(
            f"event stream {server}: the server refused the credentials ({AUTH_FAILED})",
            method="events/stream",
            http_status=403,
            status=403,
            server_message=AUTH_FAILED,
        )
    shown = redacted_preview(text, redact, FRAME_PREVIEW)
    raise HandshakeError(
        f"event stream {server}: unexpected handshake reply {shown!r} "
        f"(expected {AUTH_OK!r} or {AUTH_FAILED!r})",
        server=server,
        frame=shown,
    )


# -- gaps ----------------------------------------------------------------------------------------


class GapKind(Enum):
    """Why events may have been missed: :attr:`Gap.kind`, for code (``reason`` is for people)."""

    CLOSED = "closed"
    """The server closed the connection with a close frame."""
    LOST = "lost"
    """The connection broke (reset, end of file, an error while receiving)."""
    HEARTBEAT = "heartbeat"
    """The peer stopped answering pings, or stopped reading our pongs."""
    TOO_LARGE = "too_large"
    """A frame over ``max_frame_bytes`` made the connection close."""
    NEW_ITERATION = "new_iteration"
    """The stream is iterated again after an earlier iteration ended."""
    DROPPED = "dropped"
    """``overflow="drop_oldest"`` dropped events the consumer did not take in time."""


@dataclass(frozen=True, slots=True)
class Gap:
    """Events may have been missed between ``last_alive`` and ``reconnected_at``.

    ``kind`` says why as a :class:`GapKind`, and ``reason`` in words
    (connection closed, reset, heartbeat timeout, events dropped by
    ``overflow="drop_oldest"``); ``last_event`` is the last event received
    before the gap. Times are Unix seconds (wall clock).
    """

    server: str
    reason: str
    last_alive: float
    reconnected_at: float
    last_event: Event | None = None
    error: BaseException | None = None
    close_code: int | None = None
    dropped: int = 0
    attempts: int = 1
    kind: GapKind = GapKind.LOST

    def __repr__(self) -> str:
        last = self.last_event
        shown = "None" if last is None else f"{last.type_name}@{last.Timestamp}"
        return (
            f"Gap(server={self.server!r}, kind={self.kind.name}, reason={self.reason!r}, "
            f"last_alive={self.last_alive:.3f}, reconnected_at={self.reconnected_at:.3f}, "
            f"last_event={shown}, "
            f"dropped={self.dropped}, attempts={self.attempts})"
        )

    @property
    def since(self) -> float:
        """The start of the window to resync: before ``last_alive`` and the last event."""
        last = self.last_event
        if last is not None and last.Timestamp:
            return min(self.last_alive, float(last.Timestamp))
        return self.last_alive


class JobSource(Protocol):
    """What the job resync needs from a client: ``AdminGetJobsForDateRange``."""

    async def admin_get_jobs_for_date_range(
        self, start: int, end: int
    ) -> list[m.BackupJobDetail]: ...


# -- remedial sync of job events ----------------------------------------------------------------

_NEW: Final = 1
_COMPLETED: Final = 2


class JobResync:
    """Replays SEVT_JOB_NEW / SEVT_JOB_COMPLETED events missed during a gap.

    On a gap it asks ``AdminGetJobsForDateRange`` for the jobs of the window
    (from ``margin`` seconds before the gap, or from the start of the oldest
    job still open, at most ``max_lookback`` seconds back) and synthesizes
    the job events not delivered yet, marked ``replayed``. Every job event is
    deduplicated on (job GUID, event type) over the last ``memory`` jobs, so
    a consumer counting job events sees each job's NEW and COMPLETED once.
    ``Data`` of a replayed event is the job as the server reports it now.
    """

    def __init__(
        self,
        *,
        margin: float = 120.0,
        max_lookback: float = 86400.0,
        memory: int = 100_000,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if memory < 1 or margin < 0 or max_lookback <= 0:
            raise ValueError("memory and max_lookback must be positive, margin >= 0")
        self.margin = margin
        self.max_lookback = max_lookback
        self.memory = memory
        self._clock = clock
        self._seen: dict[str, int] = {}  # job GUID -> delivered events (_NEW | _COMPLETED)
        self._open: dict[str, int] = {}  # job GUID -> StartTime, NEW delivered, not COMPLETED
        self.duplicates: int = 0
        self.since: int | None = None
        """Server time of the first event admitted: nothing older is replayed."""

    def admit(self, event: Event) -> bool:
        """Record a job event as delivered; False if it was delivered before."""
        if self.since is None and event.Timestamp:
            self.since = event.Timestamp
        kind = event.Type
        if kind != SEVT_JOB_NEW and kind != SEVT_JOB_COMPLETED:
            return True
        job = event.Data
        guid = job.GUID if isinstance(job, m.BackupJobDetail) else event.ResourceID
        if not guid:
            return True
        bit = _NEW if kind == SEVT_JOB_NEW else _COMPLETED
        seen = self._seen.get(guid, 0)
        if seen & bit:
            self.duplicates += 1
            return False
        if not seen and len(self._seen) >= self.memory:
            oldest = next(iter(self._seen))
            del self._seen[oldest]
            self._open.pop(oldest, None)
        self._seen[guid] = seen | bit
        if bit == _NEW and not seen & _COMPLETED:
            start = job.StartTime if isinstance(job, m.BackupJobDetail) else event.Timestamp
            self._open[guid] = start
        elif bit == _COMPLETED:
            self._open.pop(guid, None)
        return True

    def window(self, gap: Gap) -> tuple[int, int]:
        """The (Start, End) Unix seconds to ask ``AdminGetJobsForDateRange`` for."""
        now = self._clock()
        start = gap.since - self.margin
        if self._open:
            start = min(start, float(min(self._open.values())))
        start = max(start, now - self.max_lookback)
        return int(start), int(now) + 1

    async def replay(self, client: JobSource, gap: Gap) -> list[Event]:
        """The job events of the gap window not delivered yet, in time order."""
        start, end = self.window(gap)
        jobs = await client.admin_get_jobs_for_date_range(start, end)
        found: list[tuple[int, int, Event]] = []
        since = self.since or 0  # what happened before the stream began was never missed
        for job in jobs:
            if not job.GUID:
                continue
            seen = self._seen.get(job.GUID, 0)
            if not seen & _NEW and job.StartTime >= since:
                found.append((job.StartTime, 0, self._event(SEVT_JOB_NEW, job, gap)))
            when = job.EndTime or job.StartTime
            if _finished(job) and not seen & _COMPLETED and when >= since:
                found.append((when, 1, self._event(SEVT_JOB_COMPLETED, job, gap)))
        found.sort(key=lambda item: (item[0], item[1]))
        if found:
            log.info("event stream %s: replaying %d job events", gap.server, len(found))
        return [event for _, _, event in found]

    @staticmethod
    def _event(kind: int, job: m.BackupJobDetail, gap: Gap) -> Event:
        return make_event(
            kind,
            job,
            resource_id=job.GUID,
            actor=job.Username,
            timestamp=job.StartTime if kind == SEVT_JOB_NEW else (job.EndTime or job.StartTime),
            server=gap.server,
            replayed=True,
        )


def _finished(job: m.BackupJobDetail) -> bool:
    return job.EndTime > 0 or not 6000 <= job.Status <= 6999


def resync_jobs(
    *, margin: float = 120.0, max_lookback: float = 86400.0, memory: int = 100_000
) -> JobResync:
    """A job-event remedial sync for ``client.events(resync=resync_jobs())``."""
    return JobResync(margin=margin, max_lookback=max_lookback, memory=memory)
