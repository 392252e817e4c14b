"""Many servers, one iterator: ``merge_events(client_a, client_b, ...)``.

One producer task per server reads its :class:`~aiocomet.events.EventStream`
into one bounded buffer that the consumer drains. A server that is down or
reconnecting only stops its own task. With ``overflow="block"`` (default) a
full buffer back-pressures the producers (and so their sockets); with
``"drop_oldest"`` the oldest events are dropped and reported as a gap of
their server before that server's next event. The same :class:`Pump` backs
``client.events(overflow="drop_oldest")``. Job events that wait in a
deep buffer share their repeated strings (see :mod:`aiocomet._compact`).
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections import deque
from collections.abc import AsyncGenerator, Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Unpack

from ._closing import AsyncClosing
from ._compact import SHARE_AFTER, StringSharer
from ._event_model import Event
from ._event_options import Overflow, StreamOptions, StreamStats
from .events import EventStream, Gap

if TYPE_CHECKING:
    from .client import CometClient

__all__ = ["MergedEvents", "Pump", "merge_events"]

OnSourceError = Callable[[str, BaseException], Awaitable[None] | None]


class _Drops:
    """Events of one stream dropped since the consumer last took one of its events."""

    __slots__ = ("at", "count", "first")

    def __init__(self, first: Event, at: float) -> None:
        self.first = first
        self.at = at
        self.count = 0


class Pump:
    """Producer tasks -> one bounded buffer -> one consumer (an async generator)."""

    def __init__(
        self,
        streams: Sequence[EventStream],
        *,
        queue_size: int = 1000,
        overflow: Overflow = "block",
        on_source_error: OnSourceError | None = None,
    ) -> None:
        if queue_size < 1:
            raise ValueError("queue_size must be positive")
        if overflow not in ("block", "drop_oldest"):
            raise ValueError(f"overflow must be 'block' or 'drop_oldest', not {overflow!r}")
        self.streams: list[EventStream] = list(streams)
        self.queue_size = queue_size
        self.overflow: Overflow = overflow
        self.on_source_error = on_source_error
        self._items: deque[tuple[EventStream, Event]] = deque()
        self._ends: deque[tuple[EventStream, BaseException | None]] = deque()
        self._drops: dict[EventStream, _Drops] = {}
        self._last: dict[EventStream, Event] = {}
        self._getter: asyncio.Future[None] | None = None
        self._putters: deque[asyncio.Future[None]] = deque()
        self._tasks: list[asyncio.Task[None]] = []
        self._closed = False
        self._sharer = StringSharer()
        for stream in self.streams:
            stream.queue_depth = self.depth

    def depth(self) -> int:
        return len(self._items)

    async def run(self) -> AsyncGenerator[Event, None]:
        """Start the producers and yield their events until all end or this closes."""
        drop = self.overflow == "drop_oldest"
        self._tasks = [
            asyncio.create_task(self._produce(s, drop), name=f"aiocomet events {s.server}")
            for s in self.streams
        ]
        running = len(self._tasks)
        items = self._items
        try:
            while not self._closed:
                if items:
                    stream, event = items.popleft()
                    if self._putters:
                        self._wake_putter()
                    if drop:
                        if stream in self._drops:
                            for replayed in await self._settle_drops(stream):
                                yield replayed
                        if not stream._deliverable(event):
                            continue
                        self._last[stream] = event
                    yield event
                elif self._drops:
                    for stream in list(self._drops):
                        for replayed in await self._settle_drops(stream):
                            yield replayed
                elif self._ends:
                    stream, error = self._ends.popleft()
                    running -= 1
                    if error is not None:
                        await self._source_failed(stream, error)
                    if running == 0:
                        return
                else:
                    self._getter = asyncio.get_running_loop().create_future()
                    try:
                        await self._getter
                    finally:
                        self._getter = None
        finally:
            await self.aclose()

    async def aclose(self) -> None:
        """Stop every producer (closing its websocket) and wait for them; idempotent."""
        self._closed = True
        self._wake_getter()
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    # -- producers --------------------------------------------------------------------

    async def _produce(self, stream: EventStream, drop: bool) -> None:
        error: BaseException | None = None
        try:
            agen = stream._live(admit=not drop)
            try:
                async for event in agen:
                    if drop:
                        self._put_dropping(stream, event)
                    else:
                        await self._put(stream, event)
            finally:
                await agen.aclose()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            error = exc
        self._ends.append((stream, error))
        self._wake_getter()

    async def _put(self, stream: EventStream, event: Event) -> None:
        items = self._items
        while len(items) >= self.queue_size:
            waiter = asyncio.get_running_loop().create_future()
            self._putters.append(waiter)
            try:
                await waiter
            finally:
                if not waiter.done():
                    waiter.cancel()
        self._enqueue(stream, event)

    def _put_dropping(self, stream: EventStream, event: Event) -> None:
        items = self._items
        if len(items) >= self.queue_size:
            old_stream, old = items.popleft()
            drops = self._drops.get(old_stream)
            if drops is None:
                drops = self._drops[old_stream] = _Drops(old, time.time())
            drops.count += 1
            old_stream._dropped += 1
        self._enqueue(stream, event)

    def _wake_putter(self) -> None:
        while self._putters:
            waiter = self._putters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return

    def _enqueue(self, stream: EventStream, event: Event) -> None:
        """Append to the buffer (sharing strings once it is deep) and wake the consumer."""
        items = self._items
        if len(items) >= SHARE_AFTER:
            self._sharer.share(event)
        items.append((stream, event))
        self._wake_getter()

    def _wake_getter(self) -> None:
        getter = self._getter
        if getter is not None and not getter.done():
            getter.set_result(None)

    # -- consumer side --------------------------------------------------------------------

    async def _settle_drops(self, stream: EventStream) -> list[Event]:
        drops = self._drops.pop(stream)
        first = drops.first
        since = min(float(first.Timestamp), drops.at) if first.Timestamp else drops.at
        gap = Gap(
            server=stream.server,
            reason=(
                f"dropped {drops.count} events: the consumer is slower than the stream "
                "(overflow='drop_oldest')"
            ),
            last_alive=since,
            reconnected_at=time.time(),
            last_event=self._last.get(stream),
            dropped=drops.count,
            attempts=0,
        )
        replay = await stream._settle_gap(gap)
        return [event for event in replay if stream._deliverable(event)]

    async def _source_failed(self, stream: EventStream, error: BaseException) -> None:
        if self.on_source_error is None:
            raise error
        result = self.on_source_error(stream.server, error)
        if inspect.isawaitable(result):
            await result


class MergedEvents(AsyncClosing):
    """The events of several servers as one async iterator and context manager.

    Each event's ``server`` says where it came from. Closing it (``async
    with`` exit, :meth:`aclose`, or cancelling the consumer) closes every
    stream and leaves no task behind. ``stats`` has one entry per stream.
    """

    def __init__(
        self,
        streams: Sequence[EventStream],
        *,
        queue_size: int = 1000,
        overflow: Overflow = "block",
        on_source_error: OnSourceError | None = None,
    ) -> None:
        self.streams: list[EventStream] = list(streams)
        self._pump = Pump(
            self.streams, queue_size=queue_size, overflow=overflow, on_source_error=on_source_error
        )
        self._agen: AsyncGenerator[Event, None] | None = None

    def __repr__(self) -> str:
        return f"MergedEvents({[s.server for s in self.streams]!r})"

    @property
    def stats(self) -> list[StreamStats]:
        return [stream.stats for stream in self.streams]

    @property
    def queue_depth(self) -> int:
        return self._pump.depth()

    def __aiter__(self) -> AsyncGenerator[Event, None]:
        if self._agen is None:
            self._agen = self._pump.run()
        return self._agen

    def __anext__(self) -> Awaitable[Event]:
        return self.__aiter__().__anext__()

    async def aclose(self) -> None:
        """Close every stream and stop every task; safe from any task, idempotent."""
        agen = self._agen
        if agen is not None and not agen.ag_running:  # type: ignore[attr-defined]
            await agen.aclose()
        await self._pump.aclose()


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
    if not sources:
        raise ValueError("merge_events() needs at least one client or stream")
    streams = [s if isinstance(s, EventStream) else s.events(**options) for s in sources]
    return MergedEvents(
        streams, queue_size=queue_size, overflow=overflow, on_source_error=on_source_error
    )
