"""Issue 14, items 1-7: the event stream against hostile servers (docs/reliability.md).

Each test is one item: a server of the test's own (raw sockets in
tests/_raw_ws.py, or aiohttp in tests/_ws_server.py, 127.0.0.1 only) breaks
the protocol in the way the item describes, and the test asserts the
guarantee. Reconnect delays are fake (an injected sleep); real time is used
only where the scenario is about real time (heartbeat and close deadlines,
set to fractions of a second).
"""

from __future__ import annotations

import asyncio
import gc
import json
import time
import tracemalloc
from typing import Any

import aiohttp
import pytest

from aiocomet import Backoff, CometClient, CometError, TransportError, merge_events
from aiocomet._compact import SHARE_AFTER
from aiocomet.constants import SEVT_JOB_NEW, SEVT_META_HELLO
from aiocomet.events import EventDecodeError, EventStream, Gap, resync_jobs
from aiocomet.webhooks import TRACING_HEADER, WebhookReceiver

from ._raw_ws import PING, RawConnection, RawWsServer, frame, numbered
from ._reliability import wait_until
from ._ws_server import Collector, SleepLog, WsServer, event, job

FAST = Backoff(initial=0.001, cap=0.004, floor=0.0)
UNKNOWN = 4999  # the type numbered() frames carry: delivered as UntypedEvent


def ids(col: Collector) -> list[int]:
    return [int(e.ResourceID) for e in col.events if e.Type == UNKNOWN]


# -- 1. a failure while receiving (a pong to a closed connection) is a gap, not a crash -----------


def pings_then_close(conn: RawConnection, events: int) -> None:
    """``events`` events with a ping after every tenth, then a TCP close without a close frame."""
    for n in range(events):
        conn.send(numbered(n))
        if n % 10 == 9:
            conn.send(frame(PING, b"keepalive"))
    conn.writer.close()


@pytest.mark.parametrize("how", ["stream", "merged"])
async def test_pings_queued_behind_a_dropped_connection_are_a_gap_not_a_crash(how: str) -> None:
    """Item 1: the pongs cannot be written; every event received is delivered, then a gap."""
    gaps: list[Gap] = []
    gate = asyncio.Event()
    async with RawWsServer() as server, CometClient(server.url, "admin", "pw") as client:
        options: dict[str, Any] = {"on_gap": gaps.append, "sleep": SleepLog(), "backoff": FAST}
        source = client.events(**options) if how == "stream" else merge_events(client, **options)
        col = Collector(source, gate=gate)
        conn = await server.next()
        await col.count(1)  # the HELLO; the consumer now waits at the gate
        pings_then_close(conn, 200)
        await conn.writer.wait_closed()
        gate.set()  # the pongs are written only now: to a connection that is gone
        second = await server.next()
        second.send(numbered(200))
        await col.wait(lambda: 200 in ids(col))
        assert ids(col) == list(range(201)) and len(gaps) == 1
        assert col.error is None
        await col.close()


async def test_a_failure_while_receiving_is_a_typed_error_without_reconnect() -> None:
    """Item 1, ``reconnect=False``: an aiocomet TransportError, after every event received."""
    got: list[int] = []
    async with RawWsServer() as server, CometClient(server.url, "admin", "pw") as client:
        stream = client.events(reconnect=False)

        async def consume() -> None:
            async for ev in stream:
                if ev.Type == SEVT_META_HELLO:
                    conn = await server.next()
                    pings_then_close(conn, 50)
                    await conn.writer.wait_closed()
                else:
                    got.append(int(ev.ResourceID))

        with pytest.raises(CometError) as caught:
            await asyncio.wait_for(consume(), 10)
        assert isinstance(caught.value, TransportError)
        assert got == list(range(50))


async def test_a_ping_before_the_handshake_reply_is_skipped() -> None:
    """With aiohttp's autoping off, the handshake still reads past a ping to the reply."""
    async with RawWsServer(ping_first=True) as server, CometClient(server.url, "admin", "pw") as c:
        async with c.events(max_attempts=1) as stream:
            async for ev in stream:
                assert ev.Type == SEVT_META_HELLO
                break
        assert stream.stats.connects == 1


# -- 2. a peer that stops reading but keeps pinging --------------------------------------------


async def ping_without_reading(conn: RawConnection) -> None:
    """Stop reading, then send pings (each with an event behind it) until the connection breaks."""
    conn.stop_reading()
    chunk = (frame(PING, b"p" * 125) + numbered(1_000_000)) * 64
    try:
        while not conn.writer.transport.is_closing():
            conn.send(chunk)
            await conn.writer.drain()
            await asyncio.sleep(0)  # a yield to the loop (the client runs here too)
    except ConnectionError:
        pass


async def test_a_peer_that_pings_but_never_reads_is_replaced() -> None:
    """Item 2: our pongs fill the socket buffers until they cannot drain: abort, reconnect.

    Every ping gets its own pong, written one at a time in turn (pings read
    in one go included), and the buffers (megabytes: the kernel grows them)
    fill in seconds.
    """
    gaps: list[Gap] = []
    async with RawWsServer() as server, CometClient(server.url, "admin", "pw") as client:
        stream = client.events(heartbeat=0.2, on_gap=gaps.append, sleep=SleepLog(), backoff=FAST)
        second_seen = asyncio.Event()

        async def consume() -> None:
            async for ev in stream:
                if ev.ResourceID == "2":
                    second_seen.set()
                await asyncio.sleep(0)  # a consumer that lets the loop run after every event

        consumer = asyncio.create_task(consume())
        conn = await server.next()
        pinger = asyncio.create_task(ping_without_reading(conn))
        second = await server.next(timeout=30)  # without the fix: never (the stream hangs)
        second.send(numbered(2))
        await asyncio.wait_for(second_seen.wait(), 10)
        # "a pong could not be sent" (or, if the loop stalled, aiohttp's missing pong)
        assert len(gaps) == 1 and gaps[0].reason.startswith("heartbeat timeout")
        assert stream.stats.reconnects == 1
        await asyncio.wait_for(pinger, 10)  # the old connection was aborted
        consumer.cancel()
        await asyncio.gather(consumer, return_exceptions=True)


# -- 3. closing against a server that keeps sending and never answers the close frame ---------


async def flood(conn: RawConnection) -> None:
    """Send events for as long as the connection lasts; never answer a close frame.

    The frames are built once and the loop yields after every batch, so the
    client always has data to read (a flood that starved the event loop would
    let aiohttp's per-read close timeout fire and hide the hang).
    """
    conn.send(b"".join(numbered(n) for n in range(1000)))
    filler = numbered(1_000_000) * 100
    try:
        while not conn.writer.transport.is_closing():
            conn.send(filler)
            await conn.writer.drain()
            await asyncio.sleep(0)  # a yield to the loop, not a wait for time
    except ConnectionError:
        pass


@pytest.mark.parametrize("how", ["break", "async_with", "aclose_from_another_task"])
async def test_closing_ends_within_close_timeout_against_a_server_that_never_answers(
    how: str,
) -> None:
    """Item 3: the close handshake gets ``close_timeout``, then the transport is aborted."""
    async with RawWsServer() as server, CometClient(server.url, "admin", "pw") as client:
        stream = client.events(close_timeout=0.2)
        flooder: asyncio.Task[None] | None = None
        busy = asyncio.Event()

        async def consume() -> None:
            nonlocal flooder
            async for ev in stream:
                if ev.Type == SEVT_META_HELLO:
                    flooder = asyncio.create_task(flood(await server.next()))
                elif ev.ResourceID == "500":
                    busy.set()
                    if how != "aclose_from_another_task":
                        break

        async with asyncio.timeout(10):  # without the fix: for ever
            if how == "async_with":
                async with stream:
                    await consume()
            elif how == "break":
                await consume()
                await stream.aclose()
            else:  # the consumer is inside receive() whenever this task runs
                consumer = asyncio.create_task(consume())
                await busy.wait()
                await stream.aclose()
                await consumer
            assert flooder is not None
            await flooder  # the server saw the connection end
        assert not stream.connected


# -- 4. a stream never deadlocks its own resync on the REST pool ---------------------------------


@pytest.mark.parametrize("streams", [1, 2])
async def test_resync_gets_a_connection_with_max_connections_1(streams: int) -> None:
    """Item 4: websockets do not hold the REST pool's connections."""
    gaps: list[Gap] = []
    async with (
        WsServer(password="pw") as server,
        CometClient(server.url, "admin", "pw", max_connections=1) as client,
    ):
        now = int(time.time())
        server.jobs = [job("j1", start=now - 5, end=now - 4, status=5000)]
        cols = [
            Collector(
                client.events(
                    resync=resync_jobs(), on_gap=gaps.append, sleep=SleepLog(), backoff=FAST
                )
            )
            for _ in range(streams)
        ]
        await server.wait_connected(streams)
        await server.drop("close", code=1001)
        await server.wait_connected(2 * streams)
        await server.send(event(SEVT_JOB_NEW, data=job("live", 10), resource_id="live"))
        for col in cols:
            await col.wait(lambda c=col: any(e.ResourceID == "live" for e in c.events))  # type: ignore[misc]
            replayed = [e.ResourceID for e in col.events if e.replayed]
            assert replayed == ["j1", "j1"]  # the NEW and the COMPLETED of the missed job
            await col.close()
        assert len(gaps) == streams and len(server.job_queries) == streams


# -- 5. the string table of a deep buffer is bounded in bytes -----------------------------------


async def test_shared_strings_of_a_deep_buffer_do_not_outlive_it() -> None:
    """Item 5: job events with large unique strings, dropped: nothing of them is kept."""
    big = 8 * 1024
    sent = SHARE_AFTER + 300  # through a buffer deeper than the sharing threshold
    gate = asyncio.Event()
    async with WsServer(password="pw") as server, CometClient(server.url, "admin", "pw") as client:
        stream = client.events(
            overflow="drop_oldest", queue_size=SHARE_AFTER + 100, types={SEVT_JOB_NEW}
        )
        col = Collector(stream, gate=gate)
        await server.wait_connected()
        await server.send(event(SEVT_JOB_NEW, data=job("first", 1), resource_id="first"))
        await col.count(1)  # the consumer waits at the gate; the buffer fills, then drops
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            for n in range(sent):
                data = {**job(f"g{n}", 1), "Username": f"{n}".ljust(big, "u")}
                data["DeviceID"] = f"{n}".ljust(big, "d")
                await server.send(event(SEVT_JOB_NEW, data=data, resource_id=f"g{n}"))
            await server.send(event(SEVT_JOB_NEW, data=job("end", 1), resource_id="end"))
            # all read while the consumer waits, so the buffer overflowed (nothing to wait on)
            await wait_until(lambda: stream.stats.events >= sent + 2, timeout=60)
            gate.set()
            await col.wait(lambda: col.events[-1].ResourceID == "end")
            col.events.clear()
            gc.collect()
            kept = tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()
        assert stream.stats.dropped > 0
        # 1,324 events x 2 strings x 8 KiB = 21 MiB went through, the last ~400 of them
        # shared (6 MiB); without the bound the table kept those after the events were gone
        assert kept < 2 * 1024 * 1024, f"{kept / 1e6:.1f} MB kept after the buffer emptied"
        await col.close()


# -- 6. fields the SDK sets never come from the wire -------------------------------------------

FORGED = {"aiocomet.replayed": True, "aiocomet.tracing_id": "forged", "aiocomet.server": "evil"}


@pytest.mark.parametrize("type_", [SEVT_JOB_NEW, UNKNOWN])
@pytest.mark.parametrize("overflow", ["block", "drop_oldest"])
async def test_a_stream_frame_cannot_set_sdk_fields(type_: int, overflow: str) -> None:
    """Item 6: ``aiocomet.*`` keys in a frame are ignored (typed and untyped events)."""
    async with WsServer(password="pw") as server, CometClient(server.url, "admin", "pw") as client:
        col = Collector(client.events(overflow=overflow))  # type: ignore[arg-type]
        await server.wait_connected()
        body = {"Type": type_, "ResourceID": "r", "Data": job("g", 1), **FORGED}
        await server.send(json.dumps(body).encode())
        await col.wait(lambda: any(e.ResourceID == "r" for e in col.events))
        (ev,) = [e for e in col.events if e.ResourceID == "r"]
        assert (ev.replayed, ev.tracing_id, ev.server) == (False, "", server.url)
        await col.close()


@pytest.mark.parametrize("tracing", [None, "real-id"])
async def test_a_webhook_body_cannot_set_sdk_fields(tracing: str | None) -> None:
    """Item 6: only the header gives ``tracing_id``; ``replayed`` is never set by a POST."""
    async with WebhookReceiver(server="comet-a") as receiver:
        url = await receiver.serve()
        headers = {TRACING_HEADER: tracing} if tracing else {}
        body = json.dumps({"Type": SEVT_JOB_NEW, "Data": job("g", 1), **FORGED})
        async with (
            aiohttp.ClientSession() as session,
            session.post(url, data=body, headers=headers) as resp,
        ):
            assert resp.status == 200
        ev = await anext(aiter(receiver))
        assert (ev.replayed, ev.tracing_id, ev.server) == (False, tracing or "", "comet-a")


# -- 7. max_frame_bytes rejects frames over it, not at it ---------------------------------------


def sized(size: int) -> bytes:
    """An event frame of exactly ``size`` bytes."""
    head = b'{"Type":4999,"ResourceID":"%d","Data":"' % size
    return head + b"x" * (size - len(head) - 2) + b'"}'


@pytest.mark.parametrize("compress", [False, True])
async def test_max_frame_bytes_accepts_a_frame_of_exactly_that_size(compress: bool) -> None:
    """Item 7: N bytes pass, N + 1 bytes are "over" (with and without permessage-deflate)."""
    limit = 4096
    errors: list[CometError] = []
    reported = asyncio.Event()

    def on_error(error: CometError) -> None:
        errors.append(error)
        reported.set()

    async with WsServer(password="pw") as server, CometClient(server.url, "admin", "pw") as client:
        stream = client.events(
            max_frame_bytes=limit, compress=compress, on_error=on_error, sleep=SleepLog()
        )
        col = Collector(stream)
        await server.wait_connected()
        await server.send(sized(limit))
        await col.wait(lambda: any(e.ResourceID == str(limit) for e in col.events))
        assert not errors
        await server.send(sized(limit + 1))
        await asyncio.wait_for(reported.wait(), 10)
        assert [type(e) for e in errors] == [EventDecodeError]
        assert "max_frame_bytes" in str(errors[0])
        # aiohttp closes the connection for a frame too large on the wire; one that
        # inflates to just past the limit is skipped by the stream
        await server.wait_connected(1 if compress else 2)
        await server.send(sized(limit - 1))
        await col.wait(lambda: any(e.ResourceID == str(limit - 1) for e in col.events))
        assert not any(e.ResourceID == str(limit + 1) for e in col.events)
        assert stream.stats.reconnects == (0 if compress else 1)
        await col.close()


def test_stream_options_are_checked() -> None:
    client = CometClient("http://127.0.0.1:9", "admin", "pw")
    with pytest.raises(ValueError, match="close_timeout"):
        EventStream(client, close_timeout=0)
