"""Issue 9, the live stream: cancellation at every phase, and a failing
resync (docs/reliability.md).

Each test is one scenario of the issue; the pass marks are asserted. Time that
would make a test slow is fake (``VirtualTime``: injected sleep and monotonic
clock); real time is used only where the scenario is about real time.
"""

from __future__ import annotations

import asyncio
import socket
import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from aiocomet import (
    Backoff,
    CometClient,
    CometError,
    ServerError,
    merge_events,
)
from aiocomet.constants import (
    SEVT_JOB_NEW,
    SEVT_META_HELLO,
)
from aiocomet.events import (
    EventStream,
    Gap,
    resync_jobs,
)
from aiocomet.testing import CometEmulator

from . import _stream_scenarios as scenarios
from ._reliability import (
    assert_no_leak_reports,
    wait_until,
)
from ._stream_scenarios import JOBS, finished_job, running_job, seeded
from ._ws_server import Collector, SleepLog, WsServer
from .test_client_tls import make_cert
from .test_events_e2e import FAST, FIREHOSE, numbered

# -- 17. cancellation at every phase ---------------------------------------------------------------

emu = scenarios.emu  # the fixtures, as pytest finds them
client = scenarios.client


async def cancel_and_check(task: asyncio.Task[Any]) -> None:
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def consume(stream: EventStream, reached: asyncio.Event | None = None) -> None:
    async with stream:
        async for _ in stream:
            if reached is not None:
                reached.set()


async def test_cancel_during_tcp_connect(caplog: pytest.LogCaptureFixture) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    for _ in range(3):  # fill the accept backlog: later connects wait in SYN_SENT
        s = socket.socket()
        s.setblocking(False)
        try:
            s.connect(("127.0.0.1", port))
        except BlockingIOError:
            pass
        fillers.append(s)
    started = asyncio.Event()
    trace = aiohttp.TraceConfig()

    async def on_start(*_: object) -> None:
        started.set()

    trace.on_connection_create_start.append(on_start)
    try:
        async with aiohttp.ClientSession(trace_configs=[trace]) as session:
            c = CometClient(f"http://127.0.0.1:{port}", "admin", "pw", session=session)
            task = asyncio.create_task(consume(c.events()))
            await asyncio.wait_for(started.wait(), 5)
            await cancel_and_check(task)
            connector = session.connector
            assert connector is not None and not connector._acquired  # type: ignore[attr-defined]
    finally:
        for s in fillers:
            s.close()
        listener.close()
    assert_no_leak_reports(caplog)


async def test_cancel_during_tls_handshake(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    accepted = asyncio.Event()
    closed = asyncio.Event()

    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        accepted.set()
        await reader.read()  # the ClientHello, then nothing until the client goes
        while await reader.read(1 << 16):
            pass
        closed.set()
        writer.close()

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    _, cert = make_cert(tmp_path, "loopback", "IP:127.0.0.1")
    try:
        async with CometClient(f"https://127.0.0.1:{port}", "admin", "pw", ca_file=str(cert)) as c:
            task = asyncio.create_task(consume(c.events()))
            await asyncio.wait_for(accepted.wait(), 5)
            await cancel_and_check(task)
            await asyncio.wait_for(closed.wait(), 10)  # the client let the socket go
    finally:
        server.close()
        await server.wait_closed()
    assert_no_leak_reports(caplog)


async def test_cancel_during_the_five_frame_auth(caplog: pytest.LogCaptureFixture) -> None:
    async with WsServer(password="pw") as server, CometClient(server.url, "admin", "pw") as c:
        server.faults.append("no_reply")
        task = asyncio.create_task(consume(c.events()))
        await server.wait(lambda: len(server.handshakes) == 1)
        await cancel_and_check(task)
        await server.wait(lambda: not server._transports, timeout=10)
    assert_no_leak_reports(caplog)


async def test_cancel_during_the_backoff_sleep(
    emu: CometEmulator, client: CometClient, caplog: pytest.LogCaptureFixture
) -> None:
    emu.faults.refuse_handshakes(5, status=503)
    failed = asyncio.Event()
    slow = Backoff(initial=100, cap=100, floor=100)
    task = asyncio.create_task(
        consume(client.events(backoff=slow, on_error=lambda _: failed.set()))
    )
    await asyncio.wait_for(failed.wait(), 5)
    await cancel_and_check(task)
    await client.close()
    await wait_until(lambda: emu.open_connections == 0, timeout=10)
    assert_no_leak_reports(caplog)


async def test_cancel_during_the_remedial_sync(
    emu: CometEmulator, client: CometClient, caplog: pytest.LogCaptureFixture
) -> None:
    gap = asyncio.Event()
    stream = client.events(
        resync=resync_jobs(), backoff=FAST, healthy_after=0, on_gap=lambda _: gap.set()
    )
    task = asyncio.create_task(consume(stream))
    await emu.wait_for_subscribers(1)
    emu.faults.fail_method("AdminGetJobsForDateRange", 503, delay=1.0)  # a resync that hangs
    emu.faults.drop_websockets()
    await asyncio.wait_for(gap.wait(), 5)
    await wait_until(lambda: emu.open_connections == 2, timeout=5)  # websocket + the resync
    assert stream.pending_gap is not None
    await cancel_and_check(task)
    await wait_until(lambda: emu.open_connections == 0, timeout=10)
    assert_no_leak_reports(caplog)


async def test_cancel_mid_stream(
    emu: CometEmulator, client: CometClient, caplog: pytest.LogCaptureFixture
) -> None:
    reached = asyncio.Event()
    task = asyncio.create_task(consume(client.events(types={FIREHOSE}), reached))
    await emu.wait_for_subscribers(1)
    emu.publish_encoded([numbered(n) for n in range(1000)])
    await asyncio.wait_for(reached.wait(), 5)
    await cancel_and_check(task)
    await wait_until(lambda: emu.open_connections == 0, timeout=10)
    assert emu.subscriber_count == 0
    assert_no_leak_reports(caplog)


@pytest.mark.parametrize("how", ["bare", "async_with", "held", "merged"])
async def test_break_out_of_async_for_closes_the_websocket(
    how: str, emu: CometEmulator, client: CometClient, caplog: pytest.LogCaptureFixture
) -> None:
    if how == "bare":
        async for _ in client.events():
            break
    elif how == "async_with":
        async with client.events() as stream:
            async for _ in stream:
                break
    elif how == "held":
        held = client.events()
        async for _ in held:
            break
    else:
        async for _ in merge_events(client):
            break
    took = await wait_until(lambda: emu.open_connections == 0, timeout=10)
    assert took < 10 and emu.subscriber_count == 0
    assert_no_leak_reports(caplog)


async def test_iterating_again_after_a_break_reports_a_gap(
    emu: CometEmulator, client: CometClient
) -> None:
    gaps: list[Gap] = []
    stream = client.events(on_gap=gaps.append)
    async for _ in stream:
        break
    await wait_until(lambda: emu.open_connections == 0, timeout=10)
    async for ev in stream:
        assert ev.Type == SEVT_META_HELLO
        break
    assert len(gaps) == 1 and "iteration" in gaps[0].reason
    await stream.aclose()


async def test_under_async_with_a_second_loop_continues_the_same_connection(
    emu: CometEmulator, client: CometClient
) -> None:
    async with client.events() as stream:
        async for ev in stream:
            if ev.Type == SEVT_META_HELLO:
                emu.publish_encoded([numbered(n) for n in range(4)])
            if ev.ResourceID == "1":
                break
        got = []
        async for ev in stream:
            got.append(ev.ResourceID)
            if len(got) == 2:
                break
        assert got == ["2", "3"] and stream.stats.connects == 1


# -- 26. remedial sync failing with 5xx ------------------------------------------------------------


async def test_failing_resync_retried_with_backoff_gap_stays_visible_no_live_event_first() -> None:
    rest_sleeps, stream_sleeps = SleepLog(), SleepLog()
    async with (
        CometEmulator(clock=lambda: time.time() - 100) as emu,  # events from 100 s ago
        CometClient(emu.url, "admin", "admin", sleep=rest_sleeps) as c,
    ):
        now = int(time.time()) - 90  # after the stream began
        pending: list[Gap | None] = []
        errors: list[CometError] = []

        def on_error(error: CometError) -> None:
            errors.append(error)
            pending.append(stream.pending_gap)

        backoff, twin = seeded(26)

        stream = c.events(
            types=JOBS,
            resync=resync_jobs(),
            on_error=on_error,
            sleep=stream_sleeps,
            healthy_after=0,
            backoff=backoff,
        )
        col = Collector(stream)
        await emu.wait_for_subscribers(1)
        emu.state.add_jobs([finished_job(running_job("lost", now - 5), now - 2)])
        emu.faults.fail_method("AdminGetJobsForDateRange", 503, count=9)
        emu.faults.drop_websockets()
        await emu.wait_for_subscribers(1)
        emu.publish(SEVT_JOB_NEW, running_job("live", now), resource_id="live")
        await col.wait(lambda: any(e.ResourceID == "live" for e in col.events))
        got = [(e.ResourceID, e.type_name[5:], e.replayed) for e in col.events]
        assert got == [
            ("lost", "JOB_NEW", True),
            ("lost", "JOB_COMPLETED", True),
            ("live", "JOB_NEW", False),
        ]
        # each resync call is retried by the client (4 attempts), then by the stream
        assert [type(e) for e in errors] == [ServerError, ServerError]
        assert all(p is not None for p in pending) and stream.pending_gap is None
        # the reconnect's delay, then the resync's: growing, one random source
        assert stream_sleeps.delays == [twin.delay(0), twin.delay(0), twin.delay(1)]
        assert len(rest_sleeps.delays) == 7 and stream.stats.resync_failures == 2
        await col.close()


# -- emulator knobs used above ---------------------------------------------------------------------


async def test_emulator_restart_waits_with_an_injected_sleep_and_counts_connections(
    emu: CometEmulator,
) -> None:
    waited: list[float] = []

    async def sleep(seconds: float) -> None:
        waited.append(seconds)

    assert emu.open_connections == 0
    async with aiohttp.ClientSession() as http:
        ws = await http.ws_connect(emu.url + "/api/v1/events/stream")
        await wait_until(lambda: emu.open_connections == 1, timeout=5)
        await emu.faults.restart(42.0, sleep=sleep)
        assert waited == [42.0]
        await ws.close()
    await wait_until(lambda: emu.open_connections == 0, timeout=5)
