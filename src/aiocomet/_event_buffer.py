"""One bounded buffer between event sources and one consumer.

Used by :func:`aiocomet.merge_events` (many servers) and by
``client.events(overflow="drop_oldest")`` (one). One producer task per
source reads its batches into the buffer; the consumer takes small batches
out. With ``overflow="block"`` a full buffer back-pressures the producers
(and so their sockets); with ``"drop_oldest"`` the oldest events are
dropped and reported as a gap of their source before that source's next
event. The buffer knows its sources only through :class:`EventSource`.
Job events that wait in a deep buffer share their repeated strings (see
:mod:`aiocomet._compact`).
"""

from __future__ import annotations

import asyncio
import inspect
from collections import deque
from collections.abc import AsyncGenerator, Awaitable, Callable, Sequence
from typing import Protocol

from ._clock import SYSTEM_CLOCK, Clock
from ._compact import SHARE_AFTER, StringSharer
from ._event_model import Event
from ._event_options import DEFAULT_MAX_BATCH, Overflow

__all__ = ["EventBuffer", "EventSource", "OnSourceError"]

OnSourceError = Callable[[str, BaseException], Awaitable[None] | None]


class EventSource(Protocol):
    """What the buffer needs from a source of events (``EventStream.source``)."""

    @property
    def server(self) -> str: ...

    def batches(self, *, admit: bool, max_batch: int) -> AsyncGenerator[list[Event], None]:
        """The live events, in batches; ``admit=False``: not yet filtered or deduped."""
        ...

    def admit(self, event: Event) -> bool:
        """Filter and dedupe an event taken out of the buffer (``admit=False`` batches)."""
        ...

    def note_dropped(self, count: int) -> None:
        """``count`` of its events were dropped from the buffer."""
        ...

    async def settle_drops(
        self, dropped: int, first: Event, at: float, last: Event | None
    ) -> list[Event]:
        """Report the drops as a gap (awaiting ``on_gap`` and the resync); the events replayed."""
        ...

    def attach(self, depth: Callable[[], int]) -> None:
        """The source's events wait in a buffer this deep (for its stats)."""
        ...


class _Drops:
    """Events of one source dropped since the consumer last took one of its events."""

    __slots__ = ("at", "count", "first")

    def __init__(self, first: Event, at: float) -> None:
        self.first = first
        self.at = at
        self.count = 0


class _Chunks:
    """Events in arrival order, kept in the batches they came in: no work per event."""

    __slots__ = ("chunks", "offset", "size")

    def __init__(self) -> None:
        self.chunks: deque[tuple[int, list[Event]]] = deque()  # (source index, events)
        self.offset = 0  # events of the first chunk already taken
        self.size = 0

    def __len__(self) -> int:
        return self.size

    def append(self, index: int, events: list[Event]) -> None:
        if events:
            self.chunks.append((index, events))
            self.size += len(events)

    def head(self) -> int:
        """The source of the oldest event (the buffer is not empty)."""
        return self.chunks[0][0]

    def take(self, count: int) -> tuple[int, list[Event]]:
        """Up to ``count`` of the oldest events, all from one source."""
        index, events = self.chunks[0]
        start = self.offset
        if start == 0 and len(events) <= count:
            taken = events
            self.chunks.popleft()
        else:
            taken = events[start : start + count]
            self.offset = start + len(taken)
            if self.offset == len(events):
                self.chunks.popleft()
                self.offset = 0
        self.size -= len(taken)
        return index, taken


class EventBuffer:
    """Producer tasks -> one bounded buffer -> one consumer of batches."""

    def __init__(
        self,
        sources: Sequence[EventSource],
        *,
        queue_size: int = 1000,
        overflow: Overflow = "block",
        on_source_error: OnSourceError | None = None,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        if queue_size < 1:
            raise ValueError("queue_size must be positive")
        if overflow not in ("block", "drop_oldest"):
            raise ValueError(f"overflow must be 'block' or 'drop_oldest', not {overflow!r}")
        self.sources: list[EventSource] = list(sources)
        self.queue_size = queue_size
        self.drop: bool = overflow == "drop_oldest"
        self.on_source_error = on_source_error
        self.clock = clock
        self._items = _Chunks()
        self._ends: deque[tuple[int, BaseException | None]] = deque()
        self._drops: dict[int, _Drops] = {}
        self._last: dict[int, Event] = {}
        self._getter: asyncio.Future[None] | None = None
        self._putters: list[asyncio.Future[None]] = []
        self._tasks: list[asyncio.Task[None]] = []
        self._closed = False
        self._sharer = StringSharer()
        for source in self.sources:
            source.attach(self.depth)

    def depth(self) -> int:
        return len(self._items)

    async def batches(
        self, max_batch: int = DEFAULT_MAX_BATCH
    ) -> AsyncGenerator[list[Event], None]:
        """Start the producers and yield batches of their events until all end or this closes."""
        self._tasks = [
            asyncio.create_task(self._produce(i, s), name=f"aiocomet events {s.server}")
            for i, s in enumerate(self.sources)
        ]
        running = len(self._tasks)
        items = self._items
        try:
            while not self._closed:
                if items:
                    out = self._take(max_batch) if self.drop else self._take_all(max_batch)
                    if self._putters:
                        self._wake_putters()
                    if out:
                        yield out
                    index = items.head() if items else -1
                    if index in self._drops:
                        replay = await self._settle_drops(index)
                        if replay:
                            yield replay
                elif self._drops:
                    for index in list(self._drops):
                        replay = await self._settle_drops(index)
                        if replay:
                            yield replay
                elif self._ends:
                    index, error = self._ends.popleft()
                    running -= 1
                    if error is not None:
                        await self._source_failed(self.sources[index], error)
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

    def _take_all(self, max_batch: int) -> list[Event]:
        items = self._items
        out = items.take(max_batch)[1]
        if items and len(out) < max_batch:
            out = list(out)  # the producer's list is not ours to extend
            while items and len(out) < max_batch:
                out += items.take(max_batch - len(out))[1]
        return out

    def _take(self, max_batch: int) -> list[Event]:
        """Up to ``max_batch`` admitted events, stopping before one whose source dropped some."""
        items = self._items
        drops = self._drops
        out: list[Event] = []
        while items and len(out) < max_batch:
            if items.head() in drops:
                break  # its gap first
            index, events = items.take(max_batch - len(out))
            admit = self.sources[index].admit
            kept = [event for event in events if admit(event)]
            if kept:
                self._last[index] = kept[-1]
                out += kept
        return out

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

    async def _produce(self, index: int, source: EventSource) -> None:
        error: BaseException | None = None
        try:
            agen = source.batches(admit=not self.drop, max_batch=DEFAULT_MAX_BATCH)
            try:
                async for batch in agen:
                    if self.drop:
                        self._put_dropping(index, batch)
                    else:
                        await self._put(index, batch)
            finally:
                await agen.aclose()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            error = exc
        self._ends.append((index, error))
        self._wake_getter()

    async def _put(self, index: int, batch: list[Event]) -> None:
        items = self._items
        size = self.queue_size
        start = 0
        while start < len(batch):
            while len(items) >= size:
                waiter = asyncio.get_running_loop().create_future()
                self._putters.append(waiter)
                try:
                    await waiter
                finally:
                    if not waiter.done():
                        waiter.cancel()
            room = size - len(items)
            chunk = batch if start == 0 and len(batch) <= room else batch[start : start + room]
            self._enqueue(index, chunk)
            start += len(chunk)

    def _put_dropping(self, index: int, batch: list[Event]) -> None:
        items = self._items
        size = self.queue_size
        now = self.clock.time()
        if len(batch) > size:  # the batch alone overflows: its own oldest go
            self._dropped(index, batch[: len(batch) - size], now)
            batch = batch[len(batch) - size :]
        excess = len(items) + len(batch) - size
        while excess > 0:
            old, events = items.take(excess)
            self._dropped(old, events, now)
            excess -= len(events)
        self._enqueue(index, batch)

    def _dropped(self, index: int, events: list[Event], now: float) -> None:
        drops = self._drops.get(index)
        if drops is None:
            drops = self._drops[index] = _Drops(events[0], now)
        drops.count += len(events)
        self.sources[index].note_dropped(len(events))

    def _wake_putters(self) -> None:
        putters, self._putters = self._putters, []
        for waiter in putters:
            if not waiter.done():
                waiter.set_result(None)

    def _enqueue(self, index: int, events: list[Event]) -> None:
        """Append to the buffer (sharing strings once it is deep) and wake the consumer."""
        items = self._items
        depth = len(items)
        if depth + len(events) > SHARE_AFTER:
            share = self._sharer.share
            for event in events[max(0, SHARE_AFTER - depth) :]:
                share(event)
        items.append(index, events)
        self._wake_getter()

    def _wake_getter(self) -> None:
        getter = self._getter
        if getter is not None and not getter.done():
            getter.set_result(None)

    # -- consumer side --------------------------------------------------------------------

    async def _settle_drops(self, index: int) -> list[Event]:
        drops = self._drops.pop(index)
        source = self.sources[index]
        return await source.settle_drops(drops.count, drops.first, drops.at, self._last.get(index))

    async def _source_failed(self, source: EventSource, error: BaseException) -> None:
        if self.on_source_error is None:
            raise error
        result = self.on_source_error(source.server, error)
        if inspect.isawaitable(result):
            await result
