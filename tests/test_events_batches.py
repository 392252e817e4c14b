"""client.event_batches() and merge_event_batches(): the events() guarantees, in small lists."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from typing import Any

import pytest

from aiocomet import (
    Backoff,
    Clock,
    CometClient,
    ConnectionPolicy,
    EventBatches,
    Gap,
    GapKind,
    ReconnectPolicy,
    merge_event_batches,
    resync_jobs,
)
from aiocomet.constants import SEVT_JOB_COMPLETED, SEVT_JOB_NEW, SEVT_META_HELLO
from aiocomet.events import Event

from . import _events_helpers as helpers
from ._events_helpers import FAST, PASSWORD
from ._ws_server import WsServer, event, job

server = helpers.server  # the fixtures, as pytest finds them
client = helpers.client


class BatchCollector:
    """Iterates batches in its own task; tests wait on what it has seen."""

    def __init__(self, batches: Any) -> None:
        self.source = batches
        self.batches: list[list[Event]] = []
        self.error: BaseException | None = None
        self.changed = asyncio.Event()
        self.gate = asyncio.Event()
        self.gate.set()
        self.task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        try:
            async with self.source:
                async for batch in self.source:
                    assert isinstance(batch, list) and batch
                    self.batches.append(batch)
                    self.changed.set()
                    await self.gate.wait()
        except Exception as exc:
            self.error = exc
        finally:
            self.changed.set()

    @property
    def events(self) -> list[Event]:
        return [e for batch in self.batches for e in batch]

    async def wait(self, predicate: Callable[[], bool]) -> None:
        async with asyncio.timeout(10):
            while not predicate():
                self.changed.clear()
                if self.task.done():
                    raise AssertionError(f"consumer ended: {self.error!r}")
                await self.changed.wait()

    async def close(self) -> None:
        await self.source.aclose()
        await asyncio.wait_for(self.task, 10)


async def test_batches_hold_typed_events_in_order_never_over_max_batch(
    server: WsServer, client: CometClient
) -> None:
    batches = client.event_batches(max_batch=4, backoff=FAST)
    assert isinstance(batches, EventBatches) and batches.max_batch == 4
    col = BatchCollector(batches)
    col.gate.clear()  # after its first batch, frames pile up in the socket behind the consumer
    await col.wait(lambda: len(col.events) == 1)
    await server.send(*(event(SEVT_JOB_NEW, resource_id=str(n)) for n in range(30)))
    await server.send_binary(b"not an event")  # told to on_error, not in a batch
    col.gate.set()
    await col.wait(lambda: len(col.events) == 31)
    assert col.events[0].Type == SEVT_META_HELLO
    assert [e.ResourceID for e in col.events[1:]] == [str(n) for n in range(30)]
    assert all(e.typed and e.server == server.url for e in col.events)
    assert all(1 <= len(b) <= 4 for b in col.batches)
    stats = batches.stats
    assert (stats.events, stats.delivered, stats.decode_errors) == (31, 31, 1)
    assert batches.connected and batches.server == server.url
    await col.close()
    assert not batches.connected
    await server.wait(lambda: not server.live)


async def test_a_batch_handed_out_is_held_only_by_the_consumer(
    server: WsServer, client: CometClient
) -> None:
    """Batches are not kept once handed out: decoded events alive in their hundreds make
    Python's garbage collector run every few hundred events (see DEFAULT_MAX_BATCH)."""
    async with client.event_batches(max_batch=2, backoff=FAST) as batches:
        it = aiter(batches)
        first = await anext(it)  # the server's hello
        assert first[0].Type == SEVT_META_HELLO
        await server.send(*(event(SEVT_JOB_NEW, resource_id=str(n)) for n in range(3)))
        batch = await anext(it)
        assert sys.getrefcount(first) == 2  # this test's name for it, and the call's argument
        seen = [e.ResourceID for e in batch]
        while len(seen) < 3:  # one frame a batch where receive() is used
            batch = await anext(it)
            seen += [e.ResourceID for e in batch]
        assert seen == ["0", "1", "2"]
        waiting = asyncio.ensure_future(anext(it))
        # one pass of the scheduler (no time involved): the task's first step runs until
        # the stream awaits the socket, which has nothing for it
        await asyncio.sleep(0)
        assert not waiting.done()
        assert sys.getrefcount(batch) == 2  # not held while the next one is awaited
        await server.send(event(SEVT_JOB_NEW, resource_id="3"))
        assert [e.ResourceID for e in await waiting] == ["3"]


async def test_types_filter_and_dedupe_apply_to_batches(
    server: WsServer, client: CometClient
) -> None:
    col = BatchCollector(
        client.event_batches(types={SEVT_JOB_COMPLETED}, resync=resync_jobs(), backoff=FAST)
    )
    await server.wait_connected()
    done = event(SEVT_JOB_COMPLETED, data=job("j1", 5, 9), resource_id="j1")
    await server.send(event(SEVT_JOB_NEW, data=job("j1", 5)), done, done)
    await server.send(event(SEVT_JOB_COMPLETED, data=job("j2", 6, 9), resource_id="j2"))
    await col.wait(lambda: len(col.events) == 2)
    assert [e.ResourceID for e in col.events] == ["j1", "j2"]
    assert col.source.stats.duplicates == 1
    await col.close()


async def test_a_gap_is_settled_before_the_next_batch(
    server: WsServer, client: CometClient
) -> None:
    gaps: list[tuple[Gap, int]] = []
    col: BatchCollector

    def on_gap(gap: Gap) -> None:
        gaps.append((gap, len(col.events)))

    col = BatchCollector(
        client.event_batches(on_gap=on_gap, backoff=FAST, healthy_after=0.0, sleep=_no_sleep)
    )
    await server.wait_connected()
    await server.send(event(SEVT_JOB_NEW, resource_id="a", ts=77))
    await col.wait(lambda: len(col.events) == 2)
    await server.drop("abort")
    await server.wait_connected(2)
    await col.wait(lambda: len(col.events) == 3)
    ((gap, seen),) = gaps
    assert seen == 2 and gap.kind is GapKind.LOST and gap.since == 77.0
    assert gap.last_event is not None and gap.last_event.ResourceID == "a"
    assert col.events[2].Type == SEVT_META_HELLO and col.source.stats.reconnects == 1
    await col.close()


async def _no_sleep(_: float) -> None:
    await asyncio.sleep(0)


async def test_drop_oldest_batches_report_dropped_events_as_a_gap(
    server: WsServer, client: CometClient
) -> None:
    read_all = asyncio.Event()
    gaps: list[Gap] = []
    batches = client.event_batches(
        max_batch=3,
        overflow="drop_oldest",
        queue_size=5,
        on_gap=gaps.append,
        on_error=lambda _: read_all.set(),
    )
    col = BatchCollector(batches)
    col.gate.clear()  # the consumer stops after its first batch (the HELLO)
    await col.wait(lambda: len(col.events) == 1)
    await server.send(*(event(SEVT_JOB_NEW, resource_id=str(n), ts=500 + n) for n in range(20)))
    await server.send_binary(b"end")
    await read_all.wait()
    assert batches.stats.dropped == 15 and batches.stats.queue_depth == 5
    col.gate.set()
    await col.wait(lambda: len(col.events) == 6)
    assert [e.ResourceID for e in col.events[1:]] == ["15", "16", "17", "18", "19"]
    assert all(len(b) <= 3 for b in col.batches)
    ((gap,),) = [gaps]
    assert gap.kind is GapKind.DROPPED and gap.dropped == 15 and gap.last_alive == 500.0
    await col.close()


async def test_merge_event_batches_merges_servers_in_lists() -> None:
    async with (
        WsServer(password=PASSWORD) as one,
        WsServer(password=PASSWORD) as two,
        CometClient(one.url, "admin", PASSWORD) as c1,
        CometClient(two.url, "admin", PASSWORD) as c2,
    ):
        merged = merge_event_batches(c1, c2, max_batch=2, backoff=FAST)
        col = BatchCollector(merged)
        await one.wait_connected()
        await two.wait_connected()
        await one.send(*(event(SEVT_JOB_NEW, resource_id=f"one{n}") for n in range(5)))
        await two.send(*(event(SEVT_JOB_NEW, resource_id=f"two{n}") for n in range(5)))
        await col.wait(lambda: len(col.events) == 12)
        by_server = {
            s: [e.ResourceID for e in col.events if e.server == s] for s in (one.url, two.url)
        }
        assert by_server[one.url][1:] == [f"one{n}" for n in range(5)]
        assert by_server[two.url][1:] == [f"two{n}" for n in range(5)]
        assert all(len(b) <= 2 for b in col.batches)
        assert [s.delivered for s in merged.stats] == [6, 6]
        await col.close()
        await one.wait(lambda: not one.live)
        await two.wait(lambda: not two.live)


def test_max_batch_must_be_positive(client: CometClient) -> None:
    with pytest.raises(ValueError, match="max_batch"):
        client.event_batches(max_batch=0)
    with pytest.raises(ValueError, match="max_batch"):
        merge_event_batches(client, max_batch=0)


async def test_policy_objects_and_one_clock_drive_reconnects(
    server: WsServer, client: CometClient
) -> None:
    delays: list[float] = []

    async def sleep(seconds: float) -> None:
        delays.append(seconds)
        await asyncio.sleep(0)

    policy = ReconnectPolicy(backoff=Backoff(initial=0.5, cap=4.0, jitter=0.0), healthy_after=60)
    col = BatchCollector(
        client.event_batches(
            reconnect=policy,
            connection=ConnectionPolicy(heartbeat=None, compress=False),
            clock=Clock(sleep=sleep),
        )
    )
    await server.wait_connected()
    for n in (2, 3, 4):
        await server.drop("close")
        await server.wait_connected(n)
    await col.wait(lambda: len(col.events) == 4)
    assert delays == [0.5, 1.0, 2.0]  # never healthy for 60 s: the backoff grows
    await col.close()
