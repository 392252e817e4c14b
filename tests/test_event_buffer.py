"""The one buffer, fed by fake sources through the EventSource protocol (no network)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Callable
from contextlib import aclosing

import pytest

from aiocomet import Clock
from aiocomet._compact import SHARE_AFTER
from aiocomet._event_buffer import EventBuffer
from aiocomet._event_model import Event, make_event
from aiocomet.constants import SEVT_JOB_NEW
from aiocomet.models import BackupJobDetail


def ev(server: str, n: int) -> Event:
    return make_event(SEVT_JOB_NEW, server=server, resource_id=f"{server}{n}", timestamp=100 + n)


class Source:
    """Hands out the batches a test puts, then ends (or fails) when told."""

    def __init__(self, server: str, *, skip: set[str] | None = None) -> None:
        self.server = server
        self.skip = skip or set()
        self.queue: asyncio.Queue[list[Event] | BaseException | None] = asyncio.Queue()
        self.dropped = 0
        self.gaps: list[tuple[int, str, float, Event | None]] = []
        self.depth: Callable[[], int] = lambda: -1
        self.admit_flags: list[bool] = []
        self.closed = asyncio.Event()
        self.pulls = 0  # items asked for: the previous one was put into the buffer
        self.changed = asyncio.Event()

    async def until_pulled(self, count: int) -> None:
        """Wait until the producer asked for item ``count`` (all before it are in the buffer)."""
        async with asyncio.timeout(5):
            while self.pulls < count:
                self.changed.clear()
                await self.changed.wait()

    async def _next(self) -> list[Event] | BaseException | None:
        self.pulls += 1
        self.changed.set()
        return await self.queue.get()

    async def batches(self, *, admit: bool, max_batch: int) -> AsyncGenerator[list[Event], None]:
        self.admit_flags.append(admit)
        try:
            while (item := await self._next()) is not None:
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            self.closed.set()

    def admit(self, event: Event) -> bool:
        return event.ResourceID not in self.skip

    def note_dropped(self, count: int) -> None:
        self.dropped += count

    async def settle_drops(
        self, dropped: int, first: Event, at: float, last: Event | None
    ) -> list[Event]:
        self.gaps.append((dropped, first.ResourceID, at, last))
        return [make_event(SEVT_JOB_NEW, server=self.server, resource_id="replayed", replayed=True)]

    def attach(self, depth: Callable[[], int]) -> None:
        self.depth = depth


class Consumer:
    def __init__(self, buffer: EventBuffer, max_batch: int = 256) -> None:
        self.batches: list[list[str]] = []
        self.depths: list[int] = []
        self.error: BaseException | None = None
        self.changed = asyncio.Event()
        self.go = asyncio.Event()
        self.go.set()
        self.task = asyncio.create_task(self._run(buffer, max_batch))

    async def _run(self, buffer: EventBuffer, max_batch: int) -> None:
        try:
            async with aclosing(buffer.batches(max_batch)) as batches:
                async for batch in batches:
                    self.depths.append(buffer.depth())
                    self.batches.append([e.ResourceID for e in batch])
                    self.changed.set()
                    await self.go.wait()
        except Exception as exc:
            self.error = exc
        finally:
            self.changed.set()

    @property
    def seen(self) -> list[str]:
        return [rid for batch in self.batches for rid in batch]

    async def wait(self, predicate: Callable[[], bool]) -> None:
        async with asyncio.timeout(5):
            while not predicate():
                self.changed.clear()
                await self.changed.wait()


async def test_blocking_buffer_keeps_order_bounds_batches_and_back_pressures() -> None:
    a = Source("a")
    buffer = EventBuffer([a], queue_size=3)
    assert a.depth() == 0
    consumer = Consumer(buffer, max_batch=2)
    a.queue.put_nowait([ev("a", n) for n in range(8)])
    await consumer.wait(lambda: len(consumer.seen) == 8)
    assert consumer.seen == [f"a{n}" for n in range(8)]
    assert all(len(b) <= 2 for b in consumer.batches) and max(consumer.depths) <= 3
    assert a.admit_flags == [True]
    a.queue.put_nowait(None)
    await asyncio.wait_for(consumer.task, 5)
    assert consumer.error is None and a.closed.is_set()


async def test_drop_oldest_drops_counts_and_settles_the_gap_before_the_next_event() -> None:
    a, b = Source("a", skip={"a9"}), Source("b")
    times = Clock(time=lambda: 5000.0)
    buffer = EventBuffer([a, b], queue_size=4, overflow="drop_oldest", clock=times)
    consumer = Consumer(buffer, max_batch=10)
    consumer.go.clear()
    a.queue.put_nowait([ev("a", 0)])
    await consumer.wait(lambda: consumer.seen == ["a0"])
    a.queue.put_nowait([ev("a", n) for n in range(1, 5)])
    b.queue.put_nowait([ev("b", 1), ev("b", 2)])
    a.queue.put_nowait([ev("a", 9)])  # the source's own filter says no
    await a.until_pulled(4)
    await b.until_pulled(2)
    assert a.admit_flags == [False] and buffer.depth() == 4
    consumer.go.set()
    await consumer.wait(lambda: "replayed" in consumer.seen and "b2" in consumer.seen)
    # a1..a3 were dropped: the gap (and its replay) comes before a's next event
    assert a.dropped == 3 and b.dropped == 0
    assert a.gaps == [(3, "a1", 5000.0, consumer_last(a0=True))]
    assert consumer.seen == ["a0", "replayed", "a4", "b1", "b2"]
    await buffer.aclose()
    await asyncio.wait_for(consumer.task, 5)
    assert a.closed.is_set() and b.closed.is_set()


def consumer_last(*, a0: bool) -> object:
    class LastWas:
        def __eq__(self, other: object) -> bool:
            return isinstance(other, Event) and other.ResourceID == ("a0" if a0 else "")

    return LastWas()


async def test_a_batch_larger_than_the_buffer_keeps_its_newest() -> None:
    a = Source("a")
    buffer = EventBuffer([a], queue_size=2, overflow="drop_oldest")
    consumer = Consumer(buffer)
    a.queue.put_nowait([ev("a", n) for n in range(5)])
    await consumer.wait(lambda: "a4" in consumer.seen)
    assert consumer.seen == ["replayed", "a3", "a4"] and a.dropped == 3
    await buffer.aclose()


async def test_a_failed_source_ends_the_consumer_unless_told_and_others_go_on() -> None:
    a, b = Source("a"), Source("b")
    buffer = EventBuffer([a, b])
    consumer = Consumer(buffer)
    a.queue.put_nowait(RuntimeError("a broke"))
    await consumer.wait(lambda: consumer.task.done())
    assert isinstance(consumer.error, RuntimeError) and b.closed.is_set()

    a, b = Source("a"), Source("b")
    failures: list[tuple[str, BaseException]] = []
    buffer = EventBuffer([a, b], on_source_error=lambda s, e: failures.append((s, e)))
    consumer = Consumer(buffer)
    a.queue.put_nowait(RuntimeError("a broke"))
    b.queue.put_nowait([ev("b", 1)])
    await consumer.wait(lambda: consumer.seen == ["b1"] and len(failures) == 1)
    assert failures[0][0] == "a"
    b.queue.put_nowait(None)  # the last source ends: so does the consumer
    await asyncio.wait_for(consumer.task, 5)
    assert consumer.error is None


async def test_deep_waiting_job_events_share_strings() -> None:
    a = Source("a")
    buffer = EventBuffer([a], queue_size=10_000)
    consumer = Consumer(buffer, max_batch=10_000)
    consumer.go.clear()
    a.queue.put_nowait([ev("a", 0)])
    await consumer.wait(lambda: len(consumer.seen) == 1)
    jobs = [
        make_event(
            SEVT_JOB_NEW,
            BackupJobDetail(GUID=f"g{n}", Username="".join(["b", "ob"])),
            resource_id=f"g{n}",
        )
        for n in range(SHARE_AFTER + 5)
    ]
    a.queue.put_nowait(jobs)
    await a.until_pulled(3)
    waited = jobs[SHARE_AFTER:]
    assert all(e.ResourceID is e.Data.GUID for e in waited)
    assert len({id(e.Data.Username) for e in waited}) == 1
    assert not any(e.ResourceID is e.Data.GUID for e in jobs[:SHARE_AFTER])
    await buffer.aclose()


def test_bad_buffer_options_are_refused() -> None:
    with pytest.raises(ValueError, match="queue_size"):
        EventBuffer([], queue_size=0)
    with pytest.raises(ValueError, match="overflow"):
        EventBuffer([], overflow="newest")  # type: ignore[arg-type]
