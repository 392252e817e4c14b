"""EventStream against the small scripted server in tests/_ws_server.py (127.0.0.1)."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import AsyncIterator
from typing import Any

import pyotp
import pytest

from aiocomet import (
    AuthenticationError,
    Backoff,
    CometClient,
    CometError,
    Credentials,
    ProtocolError,
    RetryPolicy,
    ServerError,
    TimeoutError,
    TransportError,
)
from aiocomet._compact import SHARE_AFTER
from aiocomet.constants import SEVT_JOB_COMPLETED, SEVT_JOB_NEW, SEVT_META_HELLO
from aiocomet.events import (
    EventDecodeError,
    EventStream,
    Gap,
    GapKind,
    HandshakeError,
    resync_jobs,
)

from ._ws_server import Collector, SleepLog, WsServer, event, job

PASSWORD = "pw-s3cret-for-tests"
FAST = Backoff(initial=0.001, cap=0.004, floor=0.0)


@pytest.fixture
async def server() -> AsyncIterator[WsServer]:
    async with WsServer(password=PASSWORD) as srv:
        yield srv


@pytest.fixture
async def client(server: WsServer) -> AsyncIterator[CometClient]:
    async with CometClient(server.url, "admin", PASSWORD) as c:
        yield c


def stream_of(client: CometClient, **kw: Any) -> EventStream:
    kw.setdefault("backoff", FAST)
    kw.setdefault("healthy_after", 0.0)
    return client.events(**kw)


# -- handshake ------------------------------------------------------------------------------


async def test_handshake_frames_hello_and_typed_events(
    server: WsServer, client: CometClient
) -> None:
    col = Collector(stream_of(client))
    await server.wait_connected()
    await server.send(event(SEVT_JOB_NEW, data=job("j1", 5, status=6001), resource_id="j1"))
    await col.count(2)
    assert server.handshakes == [["admin", "Password", PASSWORD, "", ""]]
    hello, new = col.events
    assert hello.Type == SEVT_META_HELLO and hello.hello is not None
    assert hello.hello.Version == "25.9.8"
    assert new.type_name == "SEVT_JOB_NEW" and new.typed and not new.replayed
    assert new.job is not None and new.job.GUID == "j1" and new.profile is None
    assert new.server == client.base_url == server.url
    stats = col.stream.stats
    assert (stats.events, stats.delivered, stats.connects, stats.reconnects) == (2, 2, 1, 0)
    assert stats.connected and stats.gaps == 0
    await col.close()


async def test_session_key_replaces_password_in_frames(server: WsServer) -> None:
    server.session_key = "sk-known"
    async with CometClient(server.url, "admin", PASSWORD, session_key="sk-known") as c:
        col = Collector(stream_of(c))
        await col.count(1)
        await col.close()
    assert server.handshakes == [["admin", "SessionKey", "", "sk-known", ""]]


async def test_fresh_totp_code_for_every_attempt(server: WsServer, client: CometClient) -> None:
    secret = pyotp.random_base32()
    now = [1_000_000.0]

    def clock() -> float:
        now[0] += 30.0
        return now[0]

    client.credentials = Credentials("admin", PASSWORD, totp_secret=secret, clock=clock)
    server.faults.extend(["accept_close", "accept_close"])
    col = Collector(stream_of(client))
    await server.wait_connected()
    await col.close()
    codes = [frames[4] for frames in server.handshakes]
    assert [frames[1] for frames in server.handshakes] == ["PasswordTOTP"] * 3
    assert codes == [pyotp.TOTP(secret).at(1_000_030 + 30 * i) for i in range(3)]
    assert len(set(codes)) == 3


async def test_403_unauth_is_final_after_one_attempt(server: WsServer) -> None:
    async with CometClient(server.url, "admin", "wrong-password") as c:
        stream = stream_of(c)
        with pytest.raises(AuthenticationError, match="403 Unauth"):
            async with stream:
                async for _ in stream:
                    pass
        assert stream.stats.connects == 1
    assert len(server.handshakes) == 1


async def test_rejected_session_key_logs_in_once_with_password(server: WsServer) -> None:
    async with CometClient(server.url, "admin", PASSWORD, session_key="stale") as c:
        col = Collector(stream_of(c))
        await col.count(1)
        await col.close()
    assert server.logins == 1
    assert [f[1] for f in server.handshakes] == ["SessionKey", "SessionKey"]
    assert server.handshakes[1][3] == "sk-1"


async def test_failed_relogin_falls_back_to_the_password_in_the_handshake(
    server: WsServer,
) -> None:
    server.login_failures = 1
    errors: list[CometError] = []
    async with CometClient(server.url, "admin", PASSWORD, session_key="stale") as c:
        col = Collector(stream_of(c, on_error=errors.append))
        await col.count(1)
        await col.close()
    assert [type(e) for e in errors] == [ServerError]
    assert [f[1] for f in server.handshakes] == ["SessionKey", "Password"]


async def test_refused_handshakes_are_retried_with_backoff(
    server: WsServer, client: CometClient
) -> None:
    server.faults.extend(["503"] * 5)
    sleeps = SleepLog()
    errors: list[CometError] = []
    backoff = Backoff(rng=random.Random(7))
    col = Collector(stream_of(client, backoff=backoff, sleep=sleeps, on_error=errors.append))
    await col.count(1)
    twin = Backoff(rng=random.Random(7))
    assert sleeps.delays == [twin.delay(i) for i in range(5)]
    assert all(backoff.floor <= d <= backoff.ceiling(i) for i, d in enumerate(sleeps.delays))
    assert [type(e) for e in errors] == [TransportError] * 5
    assert "HTTP 503" in str(errors[0])
    assert col.stream.stats.connects == 6 and col.stream.stats.gaps == 0
    await col.close()


async def test_accept_then_close_is_never_a_tight_loop(
    server: WsServer, client: CometClient
) -> None:
    """Connected-then-closed counts as a failure: 30 such drops take > 10 s of backoff."""
    server.faults.extend(["accept_close"] * 30)
    sleeps = SleepLog()
    col = Collector(
        client.events(backoff=Backoff(rng=random.Random(3)), sleep=sleeps, healthy_after=60.0)
    )
    await col.count(1, timeout=10)
    assert len(sleeps.delays) == 30
    assert 30 / sum(sleeps.delays) < 3.0  # connects per simulated second
    assert min(sleeps.delays) >= Backoff().floor
    assert max(sleeps.delays) > 10  # the backoff grew instead of resetting
    await col.close()


async def test_backoff_resets_only_after_a_healthy_connection(
    server: WsServer, client: CometClient
) -> None:
    mono = [0.0]
    sleeps = SleepLog()
    backoff = Backoff(initial=1.0, cap=64.0, floor=0.0, rng=random.Random(1))
    server.faults.extend(["503", "503", "503"])
    col = Collector(
        client.events(backoff=backoff, sleep=sleeps, healthy_after=60.0, monotonic=lambda: mono[0])
    )
    await col.count(1)
    mono[0] += 61.0  # this connection stays up a while: healthy
    await server.drop("close")
    await server.wait_connected(2)
    await col.close()
    twin = Backoff(initial=1.0, cap=64.0, floor=0.0, rng=random.Random(1))
    assert sleeps.delays == [twin.delay(0), twin.delay(1), twin.delay(2), twin.delay(0)]


async def test_max_attempts_gives_up(server: WsServer, client: CometClient) -> None:
    server.faults.extend(["503"] * 5)
    col = Collector(stream_of(client, max_attempts=3))
    await col.finished()
    assert isinstance(col.error, TransportError) and "3 failed attempts" in str(col.error)
    assert len(server.handshakes) == 0 and col.stream.stats.connects == 3


async def test_unexpected_handshake_reply_is_a_protocol_error(
    server: WsServer, client: CometClient
) -> None:
    server.faults.append(("reply", "500 Something else"))
    col = Collector(stream_of(client, reconnect=False))
    await col.finished()
    assert isinstance(col.error, HandshakeError) and isinstance(col.error, ProtocolError)
    assert col.error.frame == "500 Something else"


async def test_unexpected_reply_is_retried_when_reconnecting(
    server: WsServer, client: CometClient
) -> None:
    server.faults.append(("reply", "500 Something else"))
    errors: list[CometError] = []
    col = Collector(stream_of(client, on_error=errors.append))
    await col.count(1)
    assert [type(e) for e in errors] == [HandshakeError]
    await col.close()


async def test_missing_handshake_reply_times_out(server: WsServer, client: CometClient) -> None:
    server.faults.append("no_reply")
    col = Collector(stream_of(client, reconnect=False, connect_timeout=0.2))
    await col.finished()
    assert isinstance(col.error, TimeoutError)


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


async def test_bad_frames_leave_the_stream_running(
    server: WsServer, client: CometClient, caplog: pytest.LogCaptureFixture
) -> None:
    errors: list[CometError] = []
    col = Collector(stream_of(client, on_error=errors.append, max_frame_bytes=4096))
    await server.wait_connected()
    with caplog.at_level(logging.WARNING, logger="aiocomet"):
        await server.send("this is not json {")
        await server.send_binary(b"\x00\x01binary")
        await server.send('{"Type": "not a number"}')
        await server.send(event(4999, data={"new": "thing"}))  # unknown type: untyped
        await server.send(event(SEVT_JOB_NEW, data="not a job"))  # Data does not fit
        await server.send(event(SEVT_JOB_NEW, resource_id="ok-1"))
        await col.count(4)
        await server.send(event(SEVT_JOB_NEW, data={"GUID": "x" * 8000}))  # oversized
        await server.wait_connected(2)
        await server.send(event(SEVT_JOB_COMPLETED, resource_id="ok-2"))
        await col.count(6)
    assert [type(e) for e in errors] == [EventDecodeError] * 4
    assert "max_frame_bytes" in str(errors[-1])
    assert b"this is not json" in errors[0].frame_start  # type: ignore[attr-defined]
    unknown, misfit = col.events[1:3]
    assert not unknown.typed and unknown.Type == 4999 and unknown.Data == {"new": "thing"}
    assert not misfit.typed and misfit.job is None and misfit.Data == "not a job"
    assert col.events[3].ResourceID == "ok-1" and col.events[-1].ResourceID == "ok-2"
    stats = col.stream.stats
    assert stats.decode_errors == 4 and stats.untyped == 2 and stats.reconnects == 1
    assert PASSWORD not in caplog.text and "frame is not a StreamableEvent" in caplog.text
    await col.close()


async def test_types_filter(server: WsServer, client: CometClient) -> None:
    col = Collector(stream_of(client, types={SEVT_JOB_COMPLETED, 4999}))
    await server.wait_connected()
    await server.send(
        event(SEVT_JOB_NEW, resource_id="n"),
        event(4999, resource_id="u"),
        event(SEVT_JOB_COMPLETED, resource_id="c"),
    )
    await col.count(2)
    assert [e.ResourceID for e in col.events] == ["u", "c"]
    assert col.stream.stats.events == 4 and col.stream.stats.delivered == 2
    await col.close()


# -- closing ------------------------------------------------------------------------------------


async def test_cancelling_the_consumer_closes_the_websocket(
    server: WsServer, client: CometClient
) -> None:
    before = asyncio.all_tasks()
    col = Collector(stream_of(client, heartbeat=0.5))
    await col.count(1)
    await col.close()
    await server.wait(lambda: not server.live and not server._transports)
    assert not col.stream.connected
    left = asyncio.all_tasks() - before - {asyncio.current_task()}
    assert not [t for t in left if not t.done() and "web_protocol" not in repr(t)]


async def test_aclose_from_another_task_ends_iteration(
    server: WsServer, client: CometClient
) -> None:
    col = Collector(stream_of(client))
    await col.count(1)
    await col.stream.aclose()
    await col.finished()
    assert col.error is None
    await server.wait(lambda: not server.live)


async def test_aclose_interrupts_the_backoff_sleep(server: WsServer, client: CometClient) -> None:
    server.faults.extend(["503"] * 3)
    failed = asyncio.Event()
    slow = Backoff(initial=100.0, cap=100.0, floor=100.0)
    col = Collector(client.events(backoff=slow, on_error=lambda _: failed.set()))
    await failed.wait()  # the first attempt failed: the stream now sleeps 100 s
    await col.stream.aclose()
    await col.finished(timeout=2.0)
    assert col.error is None


class SlowToCancelSleep:
    """A sleep that never ends by itself and, when cancelled, ends only once let go."""

    def __init__(self) -> None:
        self.entered = asyncio.Event()
        self.cancelling = asyncio.Event()
        self.let_go = asyncio.Event()

    async def __call__(self, seconds: float) -> None:
        self.entered.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            self.cancelling.set()
            await self.let_go.wait()
            raise


async def test_a_consumer_cancelled_while_aclose_ends_the_backoff_sleep_is_cancelled(
    server: WsServer, client: CometClient
) -> None:
    server.faults.append("503")
    sleep = SlowToCancelSleep()
    stream = client.events(sleep=sleep)

    async def consume() -> None:
        async for _ in stream:
            pass

    consumer = asyncio.ensure_future(consume())
    await sleep.entered.wait()  # the first attempt failed: the stream sleeps
    closer = asyncio.ensure_future(stream.aclose())  # wakes the stream, which ends the sleep
    await sleep.cancelling.wait()
    consumer.cancel()  # arrives while the stream waits for its sleep to end
    sleep.let_go.set()
    done, _ = await asyncio.wait({consumer, closer}, timeout=10.0)
    assert consumer in done and consumer.cancelled()  # not swallowed as the sleep's own cancel
    assert closer in done and closer.exception() is None


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


def test_every_event_option_is_one_policy_field_and_reaches_it() -> None:
    """CometClient.events(**options) is typed by EventOptions; each key sets one field."""
    from dataclasses import fields

    from aiocomet._event_options import StreamConfig
    from aiocomet.events import Clock, ConnectionPolicy, EventOptions, ReconnectPolicy

    owned = {f.name for f in fields(StreamConfig)}
    owned |= {f.name for f in fields(ReconnectPolicy) if f.name != "enabled"}
    owned |= {f.name for f in fields(ConnectionPolicy)} | {"sleep", "monotonic"}
    assert set(EventOptions.__optional_keys__) == owned

    async def nap(_: float) -> None:
        return None

    backoff = Backoff(initial=2.0)
    config = StreamConfig.of(
        {
            "types": [1],
            "reconnect": False,
            "backoff": backoff,
            "max_attempts": 3,
            "healthy_after": 5.0,
            "heartbeat": None,
            "connect_timeout": 4.0,
            "close_timeout": 1.0,
            "max_frame_bytes": 99,
            "compress": False,
            "sleep": nap,
            "monotonic": lambda: 7.0,
            "clock": lambda: 8.0,
            "overflow": "drop_oldest",
            "queue_size": 3,
        }
    )
    assert config.types == frozenset({1}) and config.queue_size == 3
    assert config.reconnect == ReconnectPolicy(False, backoff, 3, 5.0)
    assert config.connection == ConnectionPolicy(None, 4.0, 1.0, 99, False)
    assert config.clock.sleep is nap and config.clock.monotonic() == 7.0
    assert config.clock.time() == 8.0
    # the policy objects themselves, with a flat option applied on top
    policy = ReconnectPolicy(max_attempts=2)
    clock = Clock(sleep=nap)
    config = StreamConfig.of({"reconnect": policy, "healthy_after": 1.0, "clock": clock})
    assert config.reconnect == ReconnectPolicy(max_attempts=2, healthy_after=1.0)
    assert config.clock is clock
    with pytest.raises(TypeError, match="unknown event stream options: colour"):
        StreamConfig.of({"colour": "red"})
