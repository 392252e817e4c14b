"""The options of an event stream, grouped into policy objects, and its counters.

Each option is written once, as a field with its default on one of
:class:`ReconnectPolicy`, :class:`ConnectionPolicy` or :class:`StreamConfig`;
the flat keyword arguments that ``client.events()`` has always accepted
(``backoff=``, ``heartbeat=``, ``sleep=`` ...) are typed by
:class:`EventOptions` and sorted into those groups by :meth:`StreamConfig.of`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any, Final, Literal, TypedDict, TypeVar

from ._backoff import Backoff, Sleep
from ._clock import SYSTEM_CLOCK, Clock
from .errors import CometError

if TYPE_CHECKING:
    from ._event_protocol import Gap, JobResync

__all__ = [
    "DEFAULT_BACKOFF",
    "DEFAULT_MAX_BATCH",
    "DEFAULT_MAX_FRAME_BYTES",
    "ConnectionPolicy",
    "EventOptions",
    "OnError",
    "OnGap",
    "Overflow",
    "ReconnectPolicy",
    "StreamConfig",
    "StreamOptions",
    "StreamStats",
]

Overflow = Literal["block", "drop_oldest"]
OnGap = Callable[["Gap"], Awaitable[None] | None]
OnError = Callable[[CometError], Awaitable[None] | None]

DEFAULT_MAX_FRAME_BYTES: Final = 16 * 1024 * 1024
DEFAULT_MAX_BATCH: Final = 64
"""Events per batch, and per decode: small enough for the cache, and for the garbage collector.

A decoded job event holds one object the collector tracks; a collection of
the youngest generation runs once 700 more are alive than freed. Batches of
64, with the consumer's previous one still alive, stay well under that, so
streaming runs no collection at all; batches of 256 ran one about every
300 events (the benchmark's ``gc_collections_per_1000_events``).
"""
DEFAULT_BACKOFF: Final = Backoff(initial=1.0, cap=60.0, jitter=0.5)
"""Reconnect delays in [0.5, 1], [1, 2], ... [30, 60] s (the rng is shared, which is fine)."""


@dataclass(frozen=True, slots=True)
class ReconnectPolicy:
    """When a lost stream connects again, the stream's counterpart of :class:`RetryPolicy`.

    ``backoff`` spaces the attempts (first retry within 1 s, then doubling up
    to 60 s, every delay at least half its ceiling: a server that keeps
    refusing sees at most 25 attempts in 10 minutes); it resets only after a
    connection stayed up ``healthy_after`` seconds. ``max_attempts`` bounds
    consecutive failures (None: no bound). ``enabled=False`` ends the stream
    at the first loss instead.
    """

    enabled: bool = True
    backoff: Backoff = DEFAULT_BACKOFF
    max_attempts: int | None = None
    healthy_after: float = 60.0

    def __post_init__(self) -> None:
        if self.max_attempts is not None and self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1 (or None for no limit)")


@dataclass(frozen=True, slots=True)
class ConnectionPolicy:
    """One websocket's limits: heartbeat, timeouts, frame size, compression.

    ``heartbeat`` pings after that many silent seconds and replaces a
    connection with no pong within half of it (None: no pings). Closing waits
    ``close_timeout`` for the close handshake, then aborts. ``compress``
    offers permessage-deflate: events compress about 6x, but inflating costs
    more CPU than decoding, so it pays only on slow links.
    """

    heartbeat: float | None = 30.0
    connect_timeout: float = 30.0
    close_timeout: float = 2.0
    max_frame_bytes: int = DEFAULT_MAX_FRAME_BYTES
    compress: bool = True

    def __post_init__(self) -> None:
        if self.max_frame_bytes < 1 or min(self.connect_timeout, self.close_timeout) <= 0:
            raise ValueError("max_frame_bytes, connect_timeout and close_timeout must be positive")
        if self.heartbeat is not None and self.heartbeat <= 0:
            raise ValueError("heartbeat must be positive (or None to disable pings)")


P = TypeVar("P", ReconnectPolicy, ConnectionPolicy)


@dataclass(frozen=True, slots=True)
class StreamConfig:
    """Everything one stream was asked for; built once by :meth:`of`."""

    types: frozenset[int] | None = None
    on_gap: OnGap | None = None
    on_error: OnError | None = None
    resync: JobResync | None = None
    reconnect: ReconnectPolicy = field(default_factory=ReconnectPolicy)
    connection: ConnectionPolicy = field(default_factory=ConnectionPolicy)
    clock: Clock = SYSTEM_CLOCK
    overflow: Overflow = "block"
    queue_size: int = 1000
    keep_frames: bool = False

    def __post_init__(self) -> None:
        if self.overflow not in ("block", "drop_oldest"):
            raise ValueError(f"overflow must be 'block' or 'drop_oldest', not {self.overflow!r}")
        if self.queue_size < 1:
            raise ValueError("queue_size must be positive")

    @classmethod
    def of(cls, options: Mapping[str, Any]) -> StreamConfig:
        """Sort the keyword options of ``client.events()`` into their groups."""
        unknown = set(options) - set(EventOptions.__optional_keys__)
        if unknown:
            raise TypeError(f"unknown event stream options: {', '.join(sorted(unknown))}")
        flat = {k: v for k, v in options.items() if not (k == "backoff" and v is None)}
        reconnect = flat.pop("reconnect", None)
        if isinstance(reconnect, bool):
            flat["enabled"] = reconnect
            reconnect = None
        types = flat.pop("types", None)
        top = {f.name: flat.pop(f.name) for f in fields(cls) if f.name in flat}
        top["types"] = None if types is None else frozenset(types)
        top["reconnect"] = _grouped(ReconnectPolicy, reconnect, flat)
        top["connection"] = _grouped(ConnectionPolicy, top.get("connection"), flat)
        top["clock"] = _clock(top.get("clock"), flat)
        return cls(**top)


def _grouped(kind: type[P], given: P | None, flat: dict[str, Any]) -> P:
    """``given`` (or the defaults) with the flat options that belong to ``kind`` applied."""
    mine = {f.name: flat.pop(f.name) for f in fields(kind) if f.name in flat}
    base = given if given is not None else kind()
    return replace(base, **mine) if mine else base


def _clock(given: Clock | Callable[[], float] | None, flat: dict[str, Any]) -> Clock:
    """A :class:`Clock`; a bare callable as ``clock=`` is the wall clock, as it always was."""
    base = given if isinstance(given, Clock) else SYSTEM_CLOCK
    if given is not None and not isinstance(given, Clock):
        base = replace(base, time=given)
    mine = {k: flat.pop(k) for k in ("sleep", "monotonic") if k in flat}
    return replace(base, **mine) if mine else base


@dataclass(frozen=True, slots=True)
class StreamStats:
    """A snapshot of one stream's counters."""

    server: str
    connected: bool
    events: int  # frames decoded into events
    delivered: int  # events yielded to the consumer (after filter and dedupe)
    decode_errors: int  # bad JSON, binary frames, oversized frames, bad envelopes
    untyped: int  # events whose Type is unknown or whose Data did not fit
    connects: int  # connection attempts
    reconnects: int  # successful connections after the first
    gaps: int
    dropped: int  # events dropped by overflow="drop_oldest"
    replayed: int  # events synthesized by a remedial sync
    duplicates: int  # events removed as already delivered
    resync_failures: int
    queue_depth: int


class StreamOptions(TypedDict, total=False):
    """Options of each stream merged by :func:`aiocomet.merge_events` (see :class:`EventStream`).

    ``reconnect``, ``connection`` and ``clock`` take the policy objects; the
    flat options after them set one field of a policy each, as before.
    """

    types: Iterable[int] | None
    keep_frames: bool
    on_gap: OnGap | None
    on_error: OnError | None
    resync: JobResync | None
    reconnect: bool | ReconnectPolicy
    connection: ConnectionPolicy
    clock: Clock | Callable[[], float]
    backoff: Backoff | None
    max_attempts: int | None
    healthy_after: float
    heartbeat: float | None
    connect_timeout: float
    close_timeout: float
    max_frame_bytes: int
    compress: bool
    sleep: Sleep
    monotonic: Callable[[], float]


class EventOptions(StreamOptions, total=False):
    """Keyword options of :meth:`CometClient.events` (see :class:`EventStream`)."""

    overflow: Overflow
    queue_size: int
