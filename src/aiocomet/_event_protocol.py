"""The live event stream protocol, without I/O.

The websocket handshake as data (five text frames, then one reply frame) and
frame -> typed event decoding. Decoding is one pass through a reused msgspec
decoder over a tagged union on ``Type``: one struct per ``SEVT_`` type whose
``Data`` field has the type events.json documents, so ``Data`` is typed in
the same pass (a second pass over ``Data`` would cost about a third more). A
frame whose ``Type`` is unknown or whose ``Data`` does not fit its struct is
decoded again into :class:`UntypedEvent`, which keeps ``Data`` as plain JSON.

Also here, as plain data and logic: :class:`Gap`, and :class:`JobResync`,
which dedupes job events and synthesizes the ones a gap lost from a job
history it is handed (the stream in :mod:`aiocomet.events` does the I/O).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Protocol, Union

import msgspec

from . import _codec
from ._generated import models as m
from ._generated.constants import EVENT_TYPE_NAMES, SEVT_JOB_COMPLETED, SEVT_JOB_NEW
from ._generated.events import EVENT_DATA_TYPES
from .auth import Credentials, redacted_preview
from .errors import AuthenticationError, ProtocolError

__all__ = [
    "AUTH_FAILED",
    "AUTH_OK",
    "EVENT_CLASSES",
    "STREAM_PATH",
    "Event",
    "EventDecodeError",
    "EventDecoder",
    "Gap",
    "HandshakeError",
    "JobResync",
    "JobSource",
    "UntypedEvent",
    "check_auth_reply",
    "handshake_frames",
    "make_event",
    "resync_jobs",
]

STREAM_PATH: Final = "/api/v1/events/stream"
AUTH_OK: Final = "200 OK"
AUTH_FAILED: Final = "403 Unauth"
FRAME_PREVIEW: Final = 200

log = logging.getLogger("aiocomet.events")


class EventDecodeError(ProtocolError):
    """An event frame that is not a ``StreamableEvent``; the stream goes on without it."""

    def __init__(self, message: str, *, server: str = "", frame_start: bytes = b"") -> None:
        super().__init__(message)
        self.server = server
        self.frame_start = frame_start


class HandshakeError(ProtocolError):
    """The server answered the five auth frames with neither ``200 OK`` nor ``403 Unauth``."""

    def __init__(self, message: str, *, server: str = "", frame: str = "") -> None:
        super().__init__(message)
        self.server = server
        self.frame = frame


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


# -- events --------------------------------------------------------------------------------


class Event(msgspec.Struct, kw_only=True, gc=False):
    """One live event: a ``StreamableEvent`` whose ``Data`` is typed by its ``Type``.

    The wire fields keep their API names (``Type``, ``Actor``, ``ResourceID``,
    ``Timestamp``, ``Data``...). ``server`` names the server it came from,
    ``replayed`` marks events synthesized by a remedial sync, and
    ``tracing_id`` carries a webhook's ``x-Comet-Tracing-Id``: these three are
    set by the SDK after decoding, never taken from a frame (see
    :meth:`EventDecoder.claim`). Untracked by the garbage collector
    (``gc=False``): an event holds no reference cycles.
    ``TypeString`` is the constant name of ``Type`` on typed events (a class
    attribute, so not stored per event); :meth:`wire` puts it back.
    """

    if TYPE_CHECKING:
        # Class attributes on typed events (``TypeString`` is the constant name of
        # ``Type``, so it is not stored per event); fields on UntypedEvent.
        Type: int
        TypeString: str

    Actor: str = ""
    OwnerOrganizationID: str = ""
    ResourceID: str = ""
    Timestamp: int = 0
    Data: Any = None
    server: str = msgspec.field(default="", name="aiocomet.server")
    replayed: bool = msgspec.field(default=False, name="aiocomet.replayed")
    tracing_id: str = msgspec.field(default="", name="aiocomet.tracing_id")

    def __repr__(self) -> str:
        extra = " replayed" if self.replayed else ""
        return (
            f"Event({self.type_name}{extra}, server={self.server!r}, "
            f"ResourceID={self.ResourceID!r}, Actor={self.Actor!r}, "
            f"Timestamp={self.Timestamp}, Data={self.Data!r})"
        )

    __str__ = __repr__

    @property
    def type(self) -> int:
        """The ``SEVT_`` event type number."""
        return self.Type

    @property
    def type_name(self) -> str:
        """``SEVT_JOB_NEW`` etc.; the server's ``TypeString`` for types this SDK does not know."""
        return EVENT_TYPE_NAMES.get(self.Type) or self.TypeString or f"SEVT_{self.Type}"

    @property
    def typed(self) -> bool:
        """True when ``Data`` was decoded with the struct documented for ``Type``."""
        return type(self) is not UntypedEvent

    @property
    def data(self) -> Any:
        """``Data``: a model for documented types, plain JSON otherwise."""
        return self.Data

    @property
    def job(self) -> m.BackupJobDetail | None:
        """The job of SEVT_JOB_NEW / SEVT_JOB_COMPLETED."""
        d = self.Data
        return d if isinstance(d, m.BackupJobDetail) else None

    @property
    def profile(self) -> m.UserProfileConfig | None:
        """The user profile of SEVT_ACCOUNT_NEW / SEVT_ACCOUNT_UPDATED."""
        d = self.Data
        return d if isinstance(d, m.UserProfileConfig) else None

    @property
    def hello(self) -> m.ServerMetaVersionInfo | None:
        """The server's version info carried by SEVT_META_HELLO."""
        d = self.Data
        return d if isinstance(d, m.ServerMetaVersionInfo) else None

    @property
    def admin(self) -> m.AllowedAdminUser | None:
        """The admin of SEVT_ACCOUNT_ADMIN_NEW."""
        d = self.Data
        return d if isinstance(d, m.AllowedAdminUser) else None

    @property
    def policy(self) -> m.GroupPolicy | None:
        """The policy of SEVT_POLICY_NEW / SEVT_POLICY_UPDATED."""
        d = self.Data
        return d if isinstance(d, m.GroupPolicy) else None

    @property
    def tenant(self) -> m.Organization | None:
        """The organization of SEVT_TENANT_NEW / SEVT_TENANT_UPDATED."""
        d = self.Data
        return d if isinstance(d, m.Organization) else None

    @property
    def device(self) -> m.DeviceConfig | None:
        """The device of SEVT_DEVICE_NEW."""
        d = self.Data
        return d if isinstance(d, m.DeviceConfig) else None

    @property
    def server_config(self) -> m.ServerConfigOptions | None:
        """The configuration of SEVT_SERVER_UPDATED."""
        d = self.Data
        return d if isinstance(d, m.ServerConfigOptions) else None

    def wire(self) -> dict[str, Any]:
        """The ``StreamableEvent`` as the server sent it (without the ``aiocomet.*`` keys)."""
        return {
            "Type": self.Type,
            "Actor": self.Actor,
            "OwnerOrganizationID": self.OwnerOrganizationID,
            "ResourceID": self.ResourceID,
            "Timestamp": self.Timestamp,
            "TypeString": self.TypeString,
            "Data": msgspec.to_builtins(self.Data),
        }


class _TaggedEvent(Event, tag_field="Type"):
    """Base of the per-type event structs: ``Type`` is the tag of the union."""


class UntypedEvent(Event):
    """An event whose ``Type`` this SDK does not know, or whose ``Data`` does not fit.

    ``Data`` holds the payload as plain JSON (dicts, lists, strings...).
    """

    Type: int = 0
    TypeString: str = ""


def _event_class(code: int, name: str) -> type[Event]:
    data_type = EVENT_DATA_TYPES.get(code)
    annotation: Any = Any if data_type is None else Union[data_type, None]  # noqa: UP007
    cls: Any = msgspec.defstruct(
        f"Event_{name}",
        [("Data", annotation, None)],
        bases=(_TaggedEvent,),
        tag=code,
        kw_only=True,
        namespace={
            "Type": code,
            "TypeString": name,
            "__doc__": f"A {name} event.",
            "__module__": __name__,
        },
    )
    result: type[Event] = cls
    return result


EVENT_CLASSES: Final[dict[int, type[Event]]] = {
    code: _event_class(code, name) for code, name in sorted(EVENT_TYPE_NAMES.items())
}
"""Event type number -> the struct its frames decode into."""

_EventUnion: Any = Union[tuple(EVENT_CLASSES.values())]  # noqa: UP007


def make_event(
    type_: int,
    data: Any = None,
    *,
    resource_id: str = "",
    actor: str = "",
    timestamp: int = 0,
    server: str = "",
    replayed: bool = False,
    owner_organization_id: str = "",
) -> Event:
    """Build an event in memory (remedial syncs and tests); unknown types become UntypedEvent."""
    fields: dict[str, Any] = {
        "Actor": actor,
        "OwnerOrganizationID": owner_organization_id,
        "ResourceID": resource_id,
        "Timestamp": timestamp,
        "Data": data,
        "server": server,
        "replayed": replayed,
    }
    cls: Any = EVENT_CLASSES.get(type_)
    data_type = EVENT_DATA_TYPES.get(type_)
    if cls is None or (
        data is not None and data_type is not None and not isinstance(data, data_type)
    ):
        return UntypedEvent(Type=type_, TypeString=EVENT_TYPE_NAMES.get(type_, ""), **fields)
    event: Event = cls(**fields)
    return event


class EventDecoder:
    """Frame -> :class:`Event`, with reused decoders; ``server`` tags every event.

    :meth:`decode` raises :class:`EventDecodeError` (a ``CometError``) for a
    frame that is not JSON or not a ``StreamableEvent`` envelope, whatever the
    input.
    """

    __slots__ = ("decode_typed", "redact", "server", "untyped")

    def __init__(self, server: str = "", *, redact: Callable[[str], str] = str) -> None:
        self.server = server
        self.redact = redact
        self.decode_typed: Callable[[bytes | str], Event] = _codec.typed_decoder(_EventUnion).decode
        self.untyped = 0  # events that fell back to UntypedEvent

    def decode(self, frame: bytes | str) -> Event:
        """Decode one frame; the fast path is a single typed decode."""
        try:
            event = self.decode_typed(frame)
        except msgspec.ValidationError:
            event = self.fallback(frame)
        except (msgspec.DecodeError, RecursionError, UnicodeDecodeError) as exc:
            raise self.error(frame, exc) from None
        return self.claim(event)

    def fallback(self, frame: bytes | str) -> Event:
        """Decode what the tagged union refused: an unknown ``Type`` or ``Data`` that won't fit."""
        try:
            event: Event = _codec.typed_decoder(UntypedEvent).decode(frame)
        except _codec.DECODE_ERRORS as exc:
            raise self.error(frame, exc) from None
        self.untyped += 1
        return self.claim(event)

    def claim(self, event: Event) -> Event:
        """Set the fields the SDK owns: a frame's ``aiocomet.*`` keys are never believed.

        ``replayed`` is the SDK's own mark and ``tracing_id`` comes from a
        webhook's header; a server (or anyone who can POST to a webhook)
        must not forge them. The stream's hot path does the same inline.
        """
        event.server = self.server
        event.replayed = False
        event.tracing_id = ""
        return event

    def error(self, frame: bytes | str, exc: BaseException) -> EventDecodeError:
        """An EventDecodeError for ``frame`` that shows its start with secrets redacted."""
        raw = frame.encode("utf-8", "replace") if isinstance(frame, str) else bytes(frame)
        shown = redacted_preview(raw, self.redact, FRAME_PREVIEW)
        reason = self.redact(str(exc))
        message = (
            f"event stream {self.server}: frame is not a StreamableEvent ({reason}); "
            f"{len(raw)} bytes starting {shown!r}"
        )
        return EventDecodeError(
            message, server=self.server, frame_start=shown.encode("utf-8")[:FRAME_PREVIEW]
        )


def redact_nothing(text: str) -> str:
    """The identity; the default when no credentials are involved (webhooks)."""
    return text


def redactor(credentials: Credentials | None) -> Callable[[str], str]:
    """``credentials.redact`` or the identity."""
    return credentials.redact if credentials is not None else redact_nothing


# -- gaps ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Gap:
    """Events may have been missed between ``last_alive`` and ``reconnected_at``.

    ``reason`` says why (connection closed, reset, heartbeat timeout, events
    dropped by ``overflow="drop_oldest"``); ``last_event`` is the last event
    received before the gap. Times are Unix seconds (wall clock).
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

    def __repr__(self) -> str:
        last = self.last_event
        shown = "None" if last is None else f"{last.type_name}@{last.Timestamp}"
        return (
            f"Gap(server={self.server!r}, reason={self.reason!r}, "
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
