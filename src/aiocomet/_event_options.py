"""The option and counter types of an event stream, and its defaults.

Kept apart from :mod:`aiocomet.events` (which re-exports them) so that the
stream's module holds the stream's behaviour only.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal, TypedDict

from ._backoff import Backoff, Sleep
from .errors import CometError

if TYPE_CHECKING:
    from ._event_protocol import Gap, JobResync

__all__ = [
    "DEFAULT_BACKOFF",
    "DEFAULT_MAX_FRAME_BYTES",
    "EventOptions",
    "OnError",
    "OnGap",
    "Overflow",
    "StreamOptions",
    "StreamStats",
]

Overflow = Literal["block", "drop_oldest"]
OnGap = Callable[["Gap"], Awaitable[None] | None]
OnError = Callable[[CometError], Awaitable[None] | None]

DEFAULT_MAX_FRAME_BYTES: Final = 16 * 1024 * 1024
DEFAULT_BACKOFF: Final = Backoff(initial=1.0, cap=60.0, jitter=0.5)
"""Reconnect delays in [0.5, 1], [1, 2], ... [30, 60] s (the rng is shared, which is fine)."""


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
    """Options of each stream merged by :func:`aiocomet.merge_events` (see :class:`EventStream`)."""

    types: Iterable[int] | None
    on_gap: OnGap | None
    on_error: OnError | None
    reconnect: bool
    backoff: Backoff | None
    max_attempts: int | None
    healthy_after: float
    heartbeat: float | None
    connect_timeout: float
    close_timeout: float
    max_frame_bytes: int
    resync: JobResync | None
    compress: bool
    sleep: Sleep
    clock: Callable[[], float]
    monotonic: Callable[[], float]


class EventOptions(StreamOptions, total=False):
    """Keyword options of :meth:`CometClient.events` (see :class:`EventStream`)."""

    overflow: Overflow
    queue_size: int
