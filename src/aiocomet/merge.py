"""Many servers, one iterator: ``merge_events(client_a, client_b, ...)``.

Each server's :class:`~aiocomet.events.EventStream` feeds one bounded
:class:`~aiocomet._event_buffer.EventBuffer` from its own producer task, and
the consumer drains it. A server that is down or reconnecting only stops its
own task. With ``overflow="block"`` (default) a full buffer back-pressures
the producers (and so their sockets); with ``"drop_oldest"`` the oldest
events are dropped and reported as a gap of their server before that
server's next event.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Sequence
from contextlib import aclosing
from typing import TYPE_CHECKING, TypeVar, Unpack

from ._event_buffer import EventBuffer, OnSourceError
from ._event_model import Event
from ._event_options import DEFAULT_MAX_BATCH, Overflow, StreamOptions, StreamStats
from ._iteration import Iterated
from .events import EventStream

if TYPE_CHECKING:
    from .client import CometClient

__all__ = ["MergedEventBatches", "MergedEvents", "merge_event_batches", "merge_events"]

T = TypeVar("T")


class _Merged(Iterated[T]):
    """The streams and their buffer, shared by both iterator shapes."""

    def __init__(
        self,
        streams: Sequence[EventStream],
        *,
        queue_size: int = 1000,
        overflow: Overflow = "block",
        on_source_error: OnSourceError | None = None,
    ) -> None:
        super().__init__(self._iterate)
        self.streams: list[EventStream] = list(streams)
        self.overflow: Overflow = overflow
        self.buffer: EventBuffer = EventBuffer(
            [s.source for s in self.streams],
            queue_size=queue_size,
            overflow=overflow,
            on_source_error=on_source_error,
        )

    def _iterate(self) -> AsyncGenerator[T, None]:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}({[s.server for s in self.streams]!r})"

    @property
    def stats(self) -> list[StreamStats]:
        """One entry per stream."""
        return [stream.stats for stream in self.streams]

    @property
    def queue_depth(self) -> int:
        return self.buffer.depth()

    async def aclose(self) -> None:
        """Close every stream and stop every task; safe from any task, idempotent."""
        await super().aclose()
        await self.buffer.aclose()


class MergedEvents(_Merged[Event]):
    """The events of several servers as one async iterator and context manager.

    Each event's ``server`` says where it came from. Closing it (``async
    with`` exit, :meth:`aclose`, or cancelling the consumer) closes every
    stream and leaves no task behind. ``stats`` has one entry per stream.
    """

    async def _iterate(self) -> AsyncGenerator[Event, None]:
        # one event at a time when dropping, so that queue_size bounds what waits
        size = DEFAULT_MAX_BATCH if self.overflow == "block" else 1
        async with aclosing(self.buffer.batches(size)) as batches:
            async for batch in batches:
                for event in batch:
                    yield event
                del batch  # freed before the next is taken (see DEFAULT_MAX_BATCH)


class MergedEventBatches(_Merged[list[Event]]):
    """The events of several servers in lists of at most ``max_batch`` (see MergedEvents)."""

    def __init__(
        self,
        streams: Sequence[EventStream],
        *,
        max_batch: int = DEFAULT_MAX_BATCH,
        queue_size: int = 1000,
        overflow: Overflow = "block",
        on_source_error: OnSourceError | None = None,
    ) -> None:
        if max_batch < 1:
            raise ValueError("max_batch must be at least 1")
        super().__init__(
            streams, queue_size=queue_size, overflow=overflow, on_source_error=on_source_error
        )
        self.max_batch = max_batch

    def _iterate(self) -> AsyncGenerator[list[Event], None]:
        return self.buffer.batches(self.max_batch)


def _streams(
    sources: Sequence[CometClient | EventStream], options: StreamOptions
) -> list[EventStream]:
    if not sources:
        raise ValueError("merge_events() needs at least one client or stream")
    return [s if isinstance(s, EventStream) else s.events(**options) for s in sources]


def merge_events(
    *sources: CometClient | EventStream,
    queue_size: int = 1000,
    overflow: Overflow = "block",
    on_source_error: OnSourceError | None = None,
    **options: Unpack[StreamOptions],
) -> MergedEvents:
    """Merge the live events of several servers into one async iterator.

    ``sources`` are clients (``options`` go to each ``client.events()``) or
    ready :class:`EventStream` objects. A source that fails for good (bad
    credentials, attempt limit) ends the merged iterator with its error,
    unless ``on_source_error(server, error)`` is given: then the others go on.
    """
    return MergedEvents(
        _streams(sources, options),
        queue_size=queue_size,
        overflow=overflow,
        on_source_error=on_source_error,
    )


def merge_event_batches(
    *sources: CometClient | EventStream,
    max_batch: int = DEFAULT_MAX_BATCH,
    queue_size: int = 1000,
    overflow: Overflow = "block",
    on_source_error: OnSourceError | None = None,
    **options: Unpack[StreamOptions],
) -> MergedEventBatches:
    """:func:`merge_events`, yielding lists of at most ``max_batch`` events."""
    return MergedEventBatches(
        _streams(sources, options),
        max_batch=max_batch,
        queue_size=queue_size,
        overflow=overflow,
        on_source_error=on_source_error,
    )
