"""EventStream reconnects and gaps: on_gap, heartbeats, remedial job sync, drop_oldest overflow."""

from __future__ import annotations

import asyncio
import time

from aiocomet import CometClient, CometError, RetryPolicy, ServerError, TransportError
from aiocomet._compact import SHARE_AFTER
from aiocomet.constants import SEVT_JOB_COMPLETED, SEVT_JOB_NEW, SEVT_META_HELLO
from aiocomet.events import Gap, GapKind, resync_jobs

from . import _events_helpers as helpers
from ._events_helpers import PASSWORD, stream_of
from ._ws_server import Collector, SleepLog, WsServer, event, job

server = helpers.server
client = helpers.client


# -- reconnects and gaps ----------------------------------------------------------------------


async def test_on_gap_is_awaited_before_the_first_event_of_the_new_connection(
    server: WsServer, client: CometClient
) -> None:
    gaps: list[tuple[Gap, int]] = []
    col: Collector

    async def on_gap(gap: Gap) -> None:
        await asyncio.sleep(0)
        gaps.append((gap, len(col.events)))

    col = Collector(stream_of(client, on_gap=on_gap))
    await server.wait_connected()
    await server.send(event(SEVT_JOB_NEW, resource_id="a", ts=1234))
    await col.count(2)
    for n, how in enumerate(["close", "abort", "reset"], start=2):
        await server.drop(how)
        await server.wait_connected(n)
    await col.count(5)
    assert [seen for _, seen in gaps] == [2, 3, 4]
    first = gaps[0][0]
    assert first.server == server.url and first.dropped == 0 and first.attempts == 1
    assert first.last_event is not None and first.last_event.ResourceID == "a"
    assert first.since == 1234.0
    assert first.reconnected_at >= first.last_alive
    assert "closed by the server (code 1000)" in first.reason and first.kind is GapKind.CLOSED
    assert all("lost" in g.reason and g.kind is GapKind.LOST for g, _ in gaps[1:])
    assert [e.Type for e in col.events[2:]] == [SEVT_META_HELLO] * 3
    assert col.stream.stats.gaps == 3 and col.stream.stats.reconnects == 3
    await col.close()


async def test_reconnect_false_ends_on_clean_close_and_raises_on_loss(server: WsServer) -> None:
    async with CometClient(server.url, "admin", PASSWORD) as c:
        col = Collector(stream_of(c, reconnect=False))
        await server.wait_connected()
        await server.drop("close")
        await col.finished()
        assert col.error is None and len(col.events) == 1

        col = Collector(stream_of(c, reconnect=False))
        await server.wait_connected(2)
        await server.drop("abort")
        await col.finished()
        assert isinstance(col.error, TransportError)


async def test_heartbeat_replaces_a_stalled_connection(
    server: WsServer, client: CometClient
) -> None:
    gaps: list[Gap] = []
    col = Collector(stream_of(client, heartbeat=0.2, on_gap=gaps.append))
    await server.wait_connected()
    server.stall()
    started = time.monotonic()
    await server.wait_connected(2)
    assert time.monotonic() - started < 3.0
    await col.count(2)
    assert len(gaps) == 1 and gaps[0].reason.startswith("heartbeat timeout")
    assert gaps[0].kind is GapKind.HEARTBEAT
    assert gaps[0].last_alive <= gaps[0].reconnected_at - 0.3
    await col.close()


async def test_inbound_data_is_not_a_false_dead_verdict() -> None:
    """Pings go unanswered, but events keep flowing: the connection is not replaced."""
    async with (
        WsServer(password=PASSWORD, autoping=False) as server,
        CometClient(server.url, "admin", PASSWORD) as c,
    ):
        # heartbeat 0.5: a false verdict would need no data for 0.75 s (ping, then pong due
        # within 0.25 s), so a loaded machine's pauses do not fake one
        col = Collector(stream_of(c, heartbeat=0.5))
        await server.wait_connected()
        for i in range(40):  # 40 x 50 ms: four heartbeat periods of inbound data only
            await server.send(event(SEVT_JOB_NEW, resource_id=str(i)))
            await asyncio.sleep(0.05)
        await col.count(41)
        assert col.stream.stats.reconnects == 0
        # silence now: the unanswered ping does end it (the pongs really are missing)
        await server.wait_connected(2, timeout=10.0)
        await col.close()


# -- remedial job sync -------------------------------------------------------------------------


async def test_resync_jobs_replays_the_gap_without_duplicates(
    server: WsServer, client: CometClient
) -> None:
    now = int(time.time())
    server.jobs = [
        job("j1", now - 50, status=6001),  # NEW seen live, still running
        job("j2", now - 40, now - 30),  # started and finished inside the gap
        job("j3", now - 45, now - 20),  # NEW seen live, finished inside the gap
    ]
    col = Collector(stream_of(client, resync=resync_jobs()))
    await server.wait_connected()
    await server.send(
        event(SEVT_JOB_NEW, data=server.jobs[0], ts=now - 50),
        event(SEVT_JOB_NEW, data=server.jobs[2], ts=now - 45),
    )
    await col.count(3)
    await server.drop("abort")
    await server.wait_connected(2)
    # the server's queue still held j2's NEW: it arrives live after the replay
    await server.send(
        event(SEVT_JOB_NEW, data=server.jobs[1]),
        event(SEVT_JOB_COMPLETED, data=job("j1", now - 50, now)),
    )
    await col.count(8)
    got = [(e.type_name[5:], e.job.GUID, e.replayed) for e in col.events if e.job is not None]
    assert got == [
        ("JOB_NEW", "j1", False),
        ("JOB_NEW", "j3", False),
        ("JOB_NEW", "j2", True),
        ("JOB_COMPLETED", "j2", True),
        ("JOB_COMPLETED", "j3", True),
        ("JOB_COMPLETED", "j1", False),
    ]
    assert col.events[6].Type == SEVT_META_HELLO  # the replay comes before the new connection
    stats = col.stream.stats
    assert stats.replayed == 3 and stats.duplicates == 1
    ((start, end),) = server.job_queries
    assert start <= now - 50 - 100 and end >= now
    await col.close()


async def test_failing_resync_is_retried_and_holds_live_events(server: WsServer) -> None:
    client = CometClient(server.url, "admin", PASSWORD, retry=RetryPolicy(attempts=1))
    now = int(time.time())
    server.jobs = [job("g1", now - 5, now - 1)]
    server.job_failures = 2
    pending: list[Gap | None] = []
    errors: list[CometError] = []

    def on_error(error: CometError) -> None:
        errors.append(error)
        pending.append(col.stream.pending_gap)

    col = Collector(stream_of(client, resync=resync_jobs(), on_error=on_error, sleep=SleepLog()))
    await server.wait_connected()
    await server.drop("close")
    await server.wait_connected(2)
    await server.send(event(SEVT_JOB_NEW, resource_id="live"))
    await col.count(5)
    assert [type(e) for e in errors] == [ServerError, ServerError]
    assert all(p is not None for p in pending) and col.stream.pending_gap is None
    assert [(e.ResourceID, e.replayed) for e in col.events[1:4]] == [
        ("g1", True),
        ("g1", True),
        ("", False),
    ]
    assert col.events[4].ResourceID == "live"
    assert col.stream.stats.resync_failures == 2 and len(server.job_queries) == 3
    await col.close()
    await client.close()


# -- overflow="drop_oldest" ------------------------------------------------------------------------


async def test_drop_oldest_reports_dropped_events_as_a_gap(
    server: WsServer, client: CometClient
) -> None:
    gate = asyncio.Event()
    read_all = asyncio.Event()
    gaps: list[Gap] = []
    stream = stream_of(
        client,
        overflow="drop_oldest",
        queue_size=5,
        on_gap=gaps.append,
        on_error=lambda _: read_all.set(),
    )
    col = Collector(stream, gate=gate)
    await col.count(1)  # HELLO taken; the consumer now waits on the gate
    await server.send(*(event(SEVT_JOB_NEW, resource_id=str(i), ts=1000 + i) for i in range(20)))
    await server.send_binary(b"end")  # reported through on_error once the 20 are read
    await read_all.wait()
    assert stream.stats.events == 21
    assert stream.stats.queue_depth == 5 and stream.stats.dropped == 15
    gate.set()
    await col.count(6)
    assert [e.ResourceID for e in col.events[1:]] == ["15", "16", "17", "18", "19"]
    (gap,) = gaps
    assert gap.dropped == 15 and "drop_oldest" in gap.reason and gap.last_alive == 1000.0
    assert gap.kind is GapKind.DROPPED
    assert gap.last_event is not None and gap.last_event.Type == SEVT_META_HELLO
    assert stream.stats.gaps == 1 and stream.stats.delivered == 6
    await col.close()


async def test_events_waiting_in_a_deep_buffer_share_repeated_strings(
    server: WsServer, client: CometClient
) -> None:
    gate = asyncio.Event()
    read_all = asyncio.Event()
    total = SHARE_AFTER + 20
    stream = stream_of(  # a buffer deeper than the sharing threshold
        client, overflow="drop_oldest", queue_size=total + 100, on_error=lambda _: read_all.set()
    )
    col = Collector(stream, gate=gate)
    await col.count(1)  # HELLO taken; the consumer now waits on the gate
    data = [{"GUID": f"g{i}", "Username": "bob", "SourceGUID": "src"} for i in range(total)]
    await server.send(
        *(event(SEVT_JOB_NEW, resource_id=f"g{i}", data=d) for i, d in enumerate(data))
    )
    await server.send_binary(b"end")  # reported through on_error once all are read
    await read_all.wait()
    gate.set()
    await col.count(1 + total)
    jobs = col.events[1:]
    assert [e.ResourceID for e in jobs] == [f"g{i}" for i in range(total)]
    waited = jobs[SHARE_AFTER:]  # buffered behind SHARE_AFTER others: shared
    assert all(e.ResourceID is e.Data.GUID for e in waited)
    assert len({id(e.Data.Username) for e in waited}) == 1
    assert len({id(e.Data.SourceGUID) for e in waited}) == 1
    taken = jobs[: SHARE_AFTER // 2]  # a shallow buffer: left as decoded
    assert not any(e.ResourceID is e.Data.GUID for e in taken)
    await col.close()
