"""End to end against aiocomet.testing.CometEmulator over loopback."""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections import Counter
from contextlib import AsyncExitStack

from aiocomet import AuthenticationError, Backoff, CometClient, CometError, merge_events
from aiocomet.constants import (
    SEVT_ACCOUNT_SESSION_START,
    SEVT_JOB_COMPLETED,
    SEVT_JOB_NEW,
    SEVT_META_HELLO,
)
from aiocomet.events import EventDecodeError, Gap, JobResync
from aiocomet.testing import CometEmulator

from . import _stream_scenarios as scenarios
from ._ws_server import Collector, SleepLog

FAST = Backoff(initial=0.001, cap=0.004, floor=0.0)
JOBS_PER_RUN = 500
FIREHOSE = SEVT_ACCOUNT_SESSION_START  # a type with untyped Data: cheap to make and decode


def numbered(seq: int) -> bytes:
    return json.dumps({"Type": FIREHOSE, "ResourceID": str(seq), "Timestamp": 1}).encode()


emu = scenarios.emu  # the fixtures, as pytest finds them (shared with the reliability tests)
client = scenarios.client


async def test_50_drops_every_event_published_while_connected_exactly_once_in_order(
    emu: CometEmulator, client: CometClient
) -> None:
    rng = random.Random(20240601)
    gaps: list[Gap] = []
    stream = client.events(types={FIREHOSE}, on_gap=gaps.append, backoff=FAST, healthy_after=0)
    col = Collector(stream)
    await emu.wait_for_subscribers(1)
    expected: list[int] = []
    drops = 0
    armed = False
    seq = 0
    while seq < 50_000:
        if emu.subscriber_count == 0:  # published while disconnected: lost by design
            for _ in range(rng.randint(0, 3)):
                emu.publish_encoded([numbered(seq)])
                seq += 1
            await emu.wait_for_subscribers(1)
            armed = False
            continue
        if not armed and drops < 50:
            emu.faults.drop_after(rng.randint(1, 900), how=rng.choice(["close", "abort"]))
            armed = True
        emu.publish_encoded([numbered(seq)])
        expected.append(seq)
        seq += 1
        if emu.subscriber_count == 0:
            drops += 1
        if seq % 256 == 0:
            await asyncio.sleep(0)  # let the sockets move (cooperative yield, not a wait)
    last = str(expected[-1])
    await col.wait(lambda: bool(col.events) and col.events[-1].ResourceID == last, timeout=60)
    got = [int(e.ResourceID) for e in col.events]
    assert drops == 50 and len(gaps) == 50
    assert got == expected  # exactly once, in order
    assert 0 < len(expected) < 50_000
    stats = stream.stats
    assert stats.reconnects == 50 and stats.gaps == 50 and stats.decode_errors == 0
    await col.close()


async def test_50_drops_with_job_resync_every_job_new_and_completed_exactly_once() -> None:
    t0, m0 = 1_800_000_000.0, time.monotonic()

    def fast_clock() -> float:
        """Server time at 100x: each resync window holds a few jobs, not thousands."""
        return t0 + (time.monotonic() - m0) * 100

    rng = random.Random(77)
    gap_seen = asyncio.Event()
    gaps: list[Gap] = []

    def on_gap(gap: Gap) -> None:
        gaps.append(gap)
        gap_seen.set()

    async with (
        CometEmulator(ws_send_queue=200_000, clock=fast_clock, max_jobs=50_000) as emu,
        CometClient(emu.url, emu.admin_username, emu.admin_password) as client,
    ):
        resync = JobResync(margin=0, clock=fast_clock)
        stream = client.events(
            types={SEVT_JOB_NEW, SEVT_JOB_COMPLETED},
            resync=resync,
            on_gap=on_gap,
            backoff=FAST,
            healthy_after=0,
            clock=fast_clock,
        )
        col = Collector(stream)
        await emu.wait_for_subscribers(1)
        # One run of jobs per drop, started while connected: the drop comes after 20-600 of
        # its 1,000 events, the rest of the run goes on while the stream reconnects and
        # resyncs. Each cycle waits for its gap and its run, so nothing races the clock.
        for _ in range(50):
            gap_seen.clear()
            await emu.wait_for_subscribers(1)
            emu.faults.drop_after(rng.randint(20, 600), how=rng.choice(["close", "abort", "reset"]))
            sim = emu.simulate_jobs(JOBS_PER_RUN, rate=10_000)  # paced, so it spans the reconnect
            await asyncio.gather(sim, gap_seen.wait())
        total = 50 * JOBS_PER_RUN
        await col.wait(lambda: len(col.events) >= 2 * total, timeout=60)
        history = await client.admin_get_jobs_for_date_range(0, 2**40)
        counts = Counter((e.job.GUID if e.job else "?", e.Type) for e in col.events)
        assert len(gaps) == 50
        assert len(history) == total
        assert set(counts.values()) == {1}
        assert {guid for guid, _ in counts} == {j.GUID for j in history}
        assert len(col.events) == 2 * total
        stats = stream.stats
        assert stats.replayed > 0 and stats.gaps == 50
        await col.close()


async def test_403_unauth_ends_after_one_attempt(emu: CometEmulator, client: CometClient) -> None:
    emu.faults.refuse_handshakes(1, status=403)
    col = Collector(client.events(backoff=FAST))
    await col.finished()
    assert isinstance(col.error, AuthenticationError)
    assert col.stream.stats.connects == 1


async def test_wrong_password_is_final(emu: CometEmulator) -> None:
    async with CometClient(emu.url, emu.admin_username, "not-the-password") as c:
        col = Collector(c.events(backoff=FAST))
        await col.finished()
    assert isinstance(col.error, AuthenticationError) and col.stream.stats.connects == 1


async def test_five_refused_handshakes_then_reached_with_backoff(
    emu: CometEmulator, client: CometClient
) -> None:
    emu.faults.refuse_handshakes(5, status=503)
    sleeps = SleepLog()
    backoff = Backoff(rng=random.Random(5))
    col = Collector(client.events(backoff=backoff, sleep=sleeps))
    await col.count(1)
    assert col.events[0].Type == SEVT_META_HELLO
    twin = Backoff(rng=random.Random(5))
    assert sleeps.delays == [twin.delay(i) for i in range(5)]
    assert col.stream.stats.connects == 6
    await col.close()


async def test_accept_then_close_backs_off(emu: CometEmulator, client: CometClient) -> None:
    emu.faults.accept_then_close(6)
    sleeps = SleepLog()
    col = Collector(client.events(backoff=Backoff(rng=random.Random(9)), sleep=sleeps))
    await col.count(1)
    twin = Backoff(rng=random.Random(9))
    assert sleeps.delays == [twin.delay(i) for i in range(6)]
    await col.close()


async def test_no_auth_reply_times_out_and_retries(emu: CometEmulator, client: CometClient) -> None:
    emu.faults.no_auth_reply(1)
    errors: list[CometError] = []
    col = Collector(client.events(backoff=FAST, connect_timeout=0.3, on_error=errors.append))
    await col.count(1)
    assert [type(e).__name__ for e in errors] == ["TimeoutError"]
    await col.close()


async def test_stalled_connection_is_detected_by_the_heartbeat_and_replaced(
    emu: CometEmulator, client: CometClient
) -> None:
    gaps: list[Gap] = []
    col = Collector(client.events(heartbeat=0.2, backoff=FAST, on_gap=gaps.append))
    await emu.wait_for_subscribers(1)
    await col.count(1)
    emu.faults.stall_websockets()
    await col.count(2, timeout=5)  # the HELLO of the replacement connection
    assert len(gaps) == 1 and gaps[0].reason.startswith("heartbeat timeout")
    emu.publish(SEVT_JOB_NEW, {"GUID": "after-stall"})
    await col.wait(lambda: col.events[-1].job is not None)
    await col.close()


async def test_malformed_binary_oversized_and_unknown_frames_leave_the_stream_running(
    emu: CometEmulator, client: CometClient
) -> None:
    errors: list[CometError] = []
    col = Collector(client.events(backoff=FAST, on_error=errors.append, max_frame_bytes=32 * 1024))
    await emu.wait_for_subscribers(1)
    emu.faults.send_raw("{not json")
    emu.faults.send_raw(b"\x00\x01 binary")
    emu.faults.send_raw(json.dumps({"Type": 4990, "Data": {"x": 1}}))
    emu.publish(SEVT_JOB_NEW, {"GUID": "one"})
    await col.count(3)
    emu.faults.send_raw(json.dumps({"Type": SEVT_JOB_NEW, "Data": {"GUID": "y" * 40_000}}))
    await emu.wait_for_subscribers(1)
    await col.count(4)  # reconnected after the oversized frame: a new HELLO
    emu.publish(SEVT_JOB_COMPLETED, {"GUID": "two"})
    await col.count(5)
    assert [e.type_name for e in col.events] == [
        "SEVT_META_HELLO",
        "SEVT_4990",
        "SEVT_JOB_NEW",
        "SEVT_META_HELLO",
        "SEVT_JOB_COMPLETED",
    ]
    assert not col.events[1].typed and col.events[1].Data == {"x": 1}
    assert [type(e) for e in errors] == [EventDecodeError] * 3
    assert col.stream.stats.decode_errors == 3
    await col.close()


async def test_cancelling_the_consumer_leaves_nothing_behind(
    emu: CometEmulator, client: CometClient
) -> None:
    before = asyncio.all_tasks()
    col = Collector(client.events(heartbeat=1.0))
    await emu.wait_for_subscribers(1)
    emu.publish(SEVT_JOB_NEW, {"GUID": "x"})
    await col.count(2)
    await col.close()
    assert not col.stream.connected and col.task.cancelled()
    left = asyncio.all_tasks() - before - {asyncio.current_task()}
    server_side = ("aiocomet/testing", "web_protocol")
    assert not [
        t
        for t in left
        if not t.done() and not any(s in t.get_coro().cr_code.co_filename for s in server_side)
    ]


async def test_revoked_session_key_logs_in_again(emu: CometEmulator) -> None:
    async with CometClient(emu.url, emu.admin_username, emu.admin_password) as c:
        await c.login()
        col = Collector(c.events(backoff=FAST))
        await emu.wait_for_subscribers(1)
        emu.faults.revoke_sessions()
        emu.faults.drop_websockets()
        await col.count(2)  # HELLO again, after a fresh login
        assert col.stream.stats.reconnects == 1
        await col.close()


async def test_slow_consumer_dropped_by_the_server_is_a_gap_and_resynced() -> None:
    async with (
        CometEmulator(ws_send_queue=200) as emu,
        CometClient(emu.url, emu.admin_username, emu.admin_password) as client,
    ):
        gate = asyncio.Event()
        gaps: list[Gap] = []
        stream = client.events(
            types={SEVT_JOB_NEW, SEVT_JOB_COMPLETED},
            resync=JobResync(),
            on_gap=gaps.append,
            backoff=FAST,
        )
        col = Collector(stream, gate=gate)
        await emu.wait_for_subscribers(1)
        emu.publish(SEVT_JOB_NEW, {"GUID": "first", "StartTime": int(time.time())})
        await col.count(1)  # the consumer now sleeps on the gate: the socket fills up
        sim = emu.simulate_jobs(20_000, rate=1_000_000)
        await sim
        assert emu.slow_consumers_dropped >= 1
        gate.set()
        await col.wait(lambda: len(col.events) >= 40_001, timeout=30)
        counts = Counter((e.job.GUID, e.Type) for e in col.events if e.job is not None)
        assert set(counts.values()) == {1} and len(counts) == 40_001
        assert gaps and "1008" in gaps[0].reason
        await col.close()


async def test_merged_stream_of_three_emulators_survives_a_restart() -> None:
    async with AsyncExitStack() as stack:
        emus = [await stack.enter_async_context(CometEmulator()) for _ in range(3)]
        clients = [
            await stack.enter_async_context(CometClient(e.url, e.admin_username, e.admin_password))
            for e in emus
        ]
        gaps: list[Gap] = []
        merged = merge_events(*clients, backoff=FAST, healthy_after=0, on_gap=gaps.append)
        col = Collector(merged)
        for e in emus:
            await e.wait_for_subscribers(1)
        restart = asyncio.create_task(emus[1].faults.restart(down_for=0.3))
        for n in range(5):
            emus[0].publish(SEVT_JOB_NEW, {"GUID": f"a{n}"})
            emus[2].publish(SEVT_JOB_NEW, {"GUID": f"c{n}"})
            await col.wait(lambda n=n: any(ev.job and ev.job.GUID == f"c{n}" for ev in col.events))
        await restart
        await emus[1].wait_for_subscribers(1)
        emus[1].publish(SEVT_JOB_NEW, {"GUID": "b-back"})
        await col.wait(lambda: any(ev.job and ev.job.GUID == "b-back" for ev in col.events))
        assert [g.server for g in gaps] == [emus[1].url]
        jobs = [ev.job.GUID for ev in col.events if ev.job is not None]
        assert [g for g in jobs if g.startswith("a")] == [f"a{n}" for n in range(5)]
        servers = {ev.server for ev in col.events}
        assert servers == {e.url for e in emus}
        await col.close()
