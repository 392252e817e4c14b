"""merge_events: several servers, one iterator, no task left behind."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack

import pytest

from aiocomet import AuthenticationError, Backoff, CometClient, merge_events
from aiocomet._compact import SHARE_AFTER
from aiocomet.constants import SEVT_JOB_NEW, SEVT_META_HELLO
from aiocomet.events import Gap
from aiocomet.merge import MergedEvents

from ._ws_server import Collector, WsServer, event

PASSWORD = "merge-pw"
FAST = Backoff(initial=0.001, cap=0.004, floor=0.0)


@pytest.fixture
async def servers() -> AsyncIterator[list[WsServer]]:
    async with AsyncExitStack() as stack:
        yield [await stack.enter_async_context(WsServer(password=PASSWORD)) for _ in range(3)]


@pytest.fixture
async def clients(servers: list[WsServer]) -> AsyncIterator[list[CometClient]]:
    async with AsyncExitStack() as stack:
        yield [
            await stack.enter_async_context(CometClient(s.url, "admin", PASSWORD)) for s in servers
        ]


def by_server(col: Collector, server: WsServer) -> list[str]:
    return [e.ResourceID for e in col.events if e.server == server.url and e.Type != 4000]


async def test_events_of_three_servers_tagged_with_their_server(
    servers: list[WsServer], clients: list[CometClient]
) -> None:
    merged = merge_events(*clients, backoff=FAST)
    col = Collector(merged)
    for srv in servers:
        await srv.wait_connected()
    for i, srv in enumerate(servers):
        await srv.send(*(event(SEVT_JOB_NEW, resource_id=f"{i}-{n}") for n in range(50)))
    await col.count(3 + 150)
    for i, srv in enumerate(servers):
        assert by_server(col, srv) == [f"{i}-{n}" for n in range(50)]  # in order per server
    assert sum(e.Type == SEVT_META_HELLO for e in col.events) == 3
    assert [s.server for s in merged.stats] == [s.url for s in servers]
    assert all(s.connected and s.events == 51 for s in merged.stats)
    await col.close()


async def test_one_server_restarting_does_not_stall_the_others(
    servers: list[WsServer], clients: list[CometClient]
) -> None:
    gaps: list[Gap] = []
    merged = merge_events(*clients, backoff=FAST, healthy_after=0.0, on_gap=gaps.append)
    col = Collector(merged)
    for srv in servers:
        await srv.wait_connected()
    down = servers[1]
    port = down.port
    await down.stop()
    for round_ in range(3):
        await servers[0].send(event(SEVT_JOB_NEW, resource_id=f"a{round_}"))
        await servers[2].send(event(SEVT_JOB_NEW, resource_id=f"c{round_}"))
        await col.wait(lambda r=round_: f"c{r}" in by_server(col, servers[2]))
    assert by_server(col, servers[0]) == ["a0", "a1", "a2"]
    await down.start(port)
    await down.wait_connected()
    await down.send(event(SEVT_JOB_NEW, resource_id="b-back"))
    await col.wait(lambda: by_server(col, down) == ["b-back"])
    assert [g.server for g in gaps] == [down.url]
    await col.close()


async def test_closing_the_merged_iterator_closes_every_stream(
    servers: list[WsServer], clients: list[CometClient]
) -> None:
    before = asyncio.all_tasks()
    merged = merge_events(*clients, backoff=FAST)
    col = Collector(merged)
    await col.count(3)
    assert all(len(s.live) == 1 for s in servers)
    await col.close()
    for srv in servers:
        await srv.wait(lambda s=srv: not s.live and not s._transports)
    assert not any(s.connected for s in merged.streams)
    left = asyncio.all_tasks() - before - {asyncio.current_task()}
    assert not [t for t in left if not t.done() and "web_protocol" not in repr(t)]


async def test_aclose_from_another_task(
    servers: list[WsServer], clients: list[CometClient]
) -> None:
    merged = merge_events(*clients, backoff=FAST)
    col = Collector(merged)
    await col.count(3)
    await merged.aclose()
    await col.finished()
    assert col.error is None
    for srv in servers:
        await srv.wait(lambda s=srv: not s.live)


async def test_a_source_failing_for_good(servers: list[WsServer]) -> None:
    async with (
        CometClient(servers[0].url, "admin", PASSWORD) as good,
        CometClient(servers[1].url, "admin", "wrong") as bad,
    ):
        failed: list[tuple[str, BaseException]] = []
        merged = merge_events(
            good, bad, backoff=FAST, on_source_error=lambda s, e: failed.append((s, e))
        )
        col = Collector(merged)
        await col.count(1)
        await col.wait(lambda: bool(failed))
        await servers[0].send(event(SEVT_JOB_NEW, resource_id="still-here"))
        await col.wait(lambda: col.events[-1].ResourceID == "still-here")
        assert failed[0][0] == servers[1].url and isinstance(failed[0][1], AuthenticationError)
        await col.close()

        # without a handler the error ends the merged iterator, closing the other streams
        col = Collector(merge_events(good, bad, backoff=FAST))
        await col.finished()
        assert isinstance(col.error, AuthenticationError)
        await servers[0].wait(lambda: not servers[0].live)


async def test_block_policy_bounds_the_queue(
    servers: list[WsServer], clients: list[CometClient]
) -> None:
    gate = asyncio.Event()
    merged = MergedEvents([c.events(backoff=FAST) for c in clients[:2]], queue_size=3)
    col = Collector(merged, gate=gate)
    await col.count(1)
    for srv in servers[:2]:
        await srv.wait_connected()
        await srv.send(*(event(SEVT_JOB_NEW, resource_id=str(n)) for n in range(100)))
    assert merged.queue_depth <= 3
    gate.set()
    await col.count(202)
    for srv in servers[:2]:
        assert by_server(col, srv) == [str(n) for n in range(100)]
    assert all(s.dropped == 0 and s.gaps == 0 for s in merged.stats)
    await col.close()


async def test_job_events_waiting_in_a_deep_merge_buffer_share_strings(
    servers: list[WsServer], clients: list[CometClient]
) -> None:
    gate = asyncio.Event()
    read_all = asyncio.Event()
    stream = clients[0].events(backoff=FAST, on_error=lambda _: read_all.set())
    total = SHARE_AFTER + 10
    merged = MergedEvents([stream], queue_size=total + 100)  # deeper than the threshold
    col = Collector(merged, gate=gate)
    await col.count(1)  # HELLO taken; the consumer now waits on the gate
    data = [{"GUID": f"g{n}", "Username": "bob", "DeviceID": "d"} for n in range(total)]
    await servers[0].send(
        *(event(SEVT_JOB_NEW, resource_id=f"g{n}", data=d) for n, d in enumerate(data))
    )
    await servers[0].send_binary(b"end")  # reported through on_error once all are buffered
    await read_all.wait()
    assert merged.queue_depth == total
    gate.set()
    await col.count(1 + total)
    waited = col.events[1 + SHARE_AFTER :]
    assert [e.ResourceID for e in waited] == [f"g{n}" for n in range(SHARE_AFTER, total)]
    assert all(e.ResourceID is e.Data.GUID for e in waited)
    assert len({id(e.Data.DeviceID) for e in waited}) == 1
    await col.close()


async def test_drop_oldest_in_a_merge_reports_a_gap_per_server(
    servers: list[WsServer], clients: list[CometClient]
) -> None:
    gate = asyncio.Event()
    gaps: list[Gap] = []
    read_all = asyncio.Event()
    ends = 0

    def on_error(_: object) -> None:
        nonlocal ends
        ends += 1
        if ends == 2:
            read_all.set()

    streams = [c.events(backoff=FAST, on_gap=gaps.append, on_error=on_error) for c in clients[:2]]
    merged = merge_events(*streams, queue_size=4, overflow="drop_oldest")
    col = Collector(merged, gate=gate)
    await col.count(1)
    for srv in servers[:2]:
        await srv.wait_connected()
    for srv in servers[:2]:
        await srv.send(*(event(SEVT_JOB_NEW, resource_id=str(n), ts=100 + n) for n in range(30)))
        await srv.send_binary(b"marker")  # reported through on_error once its 30 are read
    await read_all.wait()
    gate.set()
    await col.wait(lambda: len(gaps) == 2 and merged.queue_depth == 0)
    assert {g.server for g in gaps} == {servers[0].url, servers[1].url}
    assert sum(g.dropped for g in gaps) == sum(s.dropped for s in merged.stats) > 0
    assert sum(s.events for s in merged.stats) == 62
    await col.close()
