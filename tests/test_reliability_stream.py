"""Issue 9, the live stream: soak, drops, backoff and server restarts (docs/reliability.md).

Each test is one scenario of the issue; the pass marks are asserted. Time that
would make a test slow is fake (``VirtualTime``: injected sleep and monotonic
clock); real time is used only where the scenario is about real time.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Callable

import pytest

from aiocomet import (
    CometClient,
)
from aiocomet.constants import (
    SEVT_JOB_COMPLETED,
    SEVT_JOB_NEW,
)
from aiocomet.events import (
    Gap,
    resync_jobs,
)
from aiocomet.testing import CometEmulator

from . import _stream_scenarios as scenarios
from ._reliability import (
    VirtualTime,
    env_number,
    rss_bytes,
)
from ._stream_scenarios import JOBS, finished_job, free_port, running_job, seeded
from ._ws_server import Collector
from .test_events_e2e import FAST, FIREHOSE, numbered

# -- 1. soak ----------------------------------------------------------------------------------

SOAK_EVENTS = int(env_number("AIOCOMET_SOAK_EVENTS", 100_000))
SOAK_RATE = env_number("AIOCOMET_SOAK_RATE", 5_000)
RSS_LIMIT = 20 << 20

emu = scenarios.emu  # the fixtures, as pytest finds them
client = scenarios.client


async def test_soak_events_in_order_without_gap_duplicate_or_memory_growth(
    emu: CometEmulator, client: CometClient
) -> None:
    """100,000 events at 5,000/s (AIOCOMET_SOAK_EVENTS / _RATE): in order, once, RSS < +20 MB."""
    gaps: list[Gap] = []
    stream = client.events(types={FIREHOSE}, on_gap=gaps.append)
    got = 0
    disorder = 0
    done = asyncio.Event()
    baseline = 0

    async def consume() -> None:
        nonlocal got, disorder, baseline
        async with stream:
            async for ev in stream:
                if int(ev.ResourceID) != got:
                    disorder += 1
                got += 1
                if got == SOAK_EVENTS // 10:
                    baseline = rss_bytes()  # after warm-up: buffers and decoders exist
                if got == SOAK_EVENTS:
                    done.set()

    consumer = asyncio.create_task(consume())
    await emu.wait_for_subscribers(1)
    loop = asyncio.get_running_loop()
    started = loop.time()
    sent = 0
    while sent < SOAK_EVENTS:
        due = min(SOAK_EVENTS, int((loop.time() - started) * SOAK_RATE) + 1)
        if due > sent:
            emu.publish_encoded([numbered(n) for n in range(sent, due)])
            sent = due
        await asyncio.sleep(0.005)  # the publisher's pace: the scenario is about real time
    await asyncio.wait_for(done.wait(), timeout=30)
    elapsed = loop.time() - started
    growth = rss_bytes() - baseline
    consumer.cancel()
    await asyncio.gather(consumer, return_exceptions=True)
    assert got == SOAK_EVENTS and disorder == 0 and gaps == []
    stats = stream.stats
    assert stats.reconnects == 0 and stats.decode_errors == 0 and stats.gaps == 0
    assert elapsed >= SOAK_EVENTS / SOAK_RATE * 0.9
    print(f"soak: {got} events in {elapsed:.1f} s, RSS growth {growth / 1e6:.1f} MB")
    assert growth < RSS_LIMIT, f"RSS grew {growth / 1e6:.1f} MB"


# -- 2. drops -----------------------------------------------------------------------------------

DROPS = [("close", 1000), ("abort", 1006), ("reset", 1006)]


async def test_50_drops_of_1000_events_all_delivered_and_each_gap_settled_first(
    emu: CometEmulator, client: CometClient
) -> None:
    got: list[int] = []
    gaps: list[Gap] = []
    settling = False
    early: list[int] = []  # events yielded while an on_gap was still running
    late: list[int] = []  # first events of a connection whose gap was not counted yet

    changed = asyncio.Event()

    async def on_gap(gap: Gap) -> None:
        nonlocal settling
        settling = True
        await asyncio.sleep(0)  # on_gap really awaits: the stream must wait for it
        gaps.append(gap)
        settling = False
        changed.set()

    async def consume() -> None:
        stream = client.events(types={FIREHOSE}, on_gap=on_gap, backoff=FAST, healthy_after=0)
        async with stream:
            async for ev in stream:
                seq = int(ev.ResourceID)
                if settling:
                    early.append(seq)
                if seq % 1000 == 0 and len(gaps) != seq // 1000:
                    late.append(seq)
                got.append(seq)
                changed.set()

    async def until(predicate: Callable[[], bool]) -> None:
        async with asyncio.timeout(10):
            while not predicate():
                changed.clear()
                await changed.wait()

    consumer = asyncio.create_task(consume())
    for n in range(50):
        await emu.wait_for_subscribers(1)
        emu.publish_encoded([numbered(s) for s in range(n * 1000, (n + 1) * 1000)])
        await until(lambda n=n: len(got) == (n + 1) * 1000)
        how, code = DROPS[n % 3]
        assert emu.faults.drop_websockets(how=how, code=code) == 1
    await emu.wait_for_subscribers(1)
    await until(lambda: len(gaps) == 50)
    consumer.cancel()
    await asyncio.gather(consumer, return_exceptions=True)
    assert got == list(range(50_000))
    assert len(gaps) == 50 and early == [] and late == []
    assert [g.close_code for g in gaps] == [DROPS[n % 3][1] for n in range(50)]


# -- 3./4. backoff under accept-then-close and refused connections --------------------------------


async def test_200_accept_then_close_back_off_to_the_cap_never_faster(
    emu: CometEmulator, client: CometClient, caplog: pytest.LogCaptureFixture
) -> None:
    vt = VirtualTime()
    emu.faults.accept_then_close(200)
    backoff, twin = seeded(2024)
    stream = client.events(sleep=vt.sleep, monotonic=vt.monotonic, backoff=backoff)
    with caplog.at_level(logging.DEBUG, logger="aiocomet.events"):
        col = Collector(stream)
        await col.count(1, timeout=30)  # the 201st connection stays: its HELLO
        await col.close()
    delays = vt.sleeps
    backoff = stream.backoff
    assert len(delays) == 200 and stream.stats.connects == 201
    assert delays == [twin.delay(n) for n in range(200)]  # the attempt count never reset
    capped = next(n for n in range(200) if backoff.ceiling(n) == backoff.cap)
    assert capped < 10 and max(delays) > backoff.cap / 2  # grew to the cap
    # attempts happen only after a sleep: no two are closer than the shortest delay
    assert min(delays) >= backoff.floor > 0
    assert min(delays[capped:]) >= backoff.cap / 2
    rate = len(delays[capped:]) / sum(delays[capped:])
    print(f"accept-then-close: min delay {min(delays):.2f} s, {rate:.3f} connects/s capped")
    assert rate < 0.1, f"{rate:.3f} connects/s once capped"
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) <= 3 * (vt.elapsed / 60 + 1)  # at most one a minute per kind


async def test_connection_refused_for_ten_minutes_is_at_most_30_attempts_and_few_log_lines(
    caplog: pytest.LogCaptureFixture,
) -> None:
    vt = VirtualTime()
    failures: list[float] = []
    async with CometClient(f"http://127.0.0.1:{free_port()}", "admin", "pw") as c:
        stream = c.events(
            sleep=vt.sleep,
            monotonic=vt.monotonic,
            on_error=lambda _: failures.append(vt.elapsed),
            backoff=seeded(10)[0],
        )
        with caplog.at_level(logging.DEBUG, logger="aiocomet"):
            col = Collector(stream)
            await asyncio.wait_for(vt.server_sleep(600), timeout=20)
            await col.close()
    attempts = [t for t in failures if t < 600]
    lines = [r for r in caplog.records if r.levelno >= logging.WARNING]
    print(f"refused for 600 s: {len(attempts)} attempts, {len(lines)} warnings")
    assert 10 <= len(attempts) <= 30, attempts
    assert 1 <= len(lines) <= 11, [r.getMessage() for r in lines]  # first, then once a minute
    assert "cannot connect" in lines[0].getMessage()
    assert any("more since" in r.getMessage() for r in lines[1:])


def test_backoff_bounds_hold_for_every_seed() -> None:
    """The reconnect policy's worst case, not just one random draw, meets scenarios 3 and 4."""
    policy = CometClient("http://h", "u", "p").events().backoff
    worst = [max(policy.floor, policy.ceiling(n) * (1 - policy.jitter)) for n in range(64)]
    elapsed, attempts = 0.0, 0
    while elapsed < 600:
        attempts += 1
        elapsed += worst[min(attempts - 1, 63)]
    assert attempts <= 30
    assert 1 / worst[-1] < 0.1  # capped: slower than one connect per 10 s, always
    assert policy.ceiling(0) <= 1.0  # the first retry still comes within a second


# -- 5. server restart ---------------------------------------------------------------------------


async def test_restart_down_5s_one_reconnect_one_gap_and_resync_without_duplicates() -> None:
    vt = VirtualTime()
    async with (
        CometEmulator(clock=lambda: time.time() - 100) as emu,  # events from 100 s ago
        CometClient(emu.url, "admin", "admin") as client,
    ):
        await restart_scenario(emu, client, vt)


async def restart_scenario(emu: CometEmulator, client: CometClient, vt: VirtualTime) -> None:
    now = int(time.time()) - 90  # after the stream began: its first event is from now - 100
    gaps: list[Gap] = []
    stream = client.events(
        types=JOBS,
        resync=resync_jobs(),
        on_gap=gaps.append,
        sleep=vt.sleep,
        monotonic=vt.monotonic,
    )
    col = Collector(stream)
    await emu.wait_for_subscribers(1)
    a, b = running_job("a", now), running_job("b", now + 10)
    emu.state.add_jobs([a, b])
    emu.publish(SEVT_JOB_NEW, a, resource_id="a")
    emu.publish(SEVT_JOB_NEW, b, resource_id="b")
    await col.count(2)
    # while the server is down (5 s on the fake clock), a finishes and c runs start to end
    restart = asyncio.create_task(emu.faults.restart(5.0, sleep=vt.server_sleep))
    c = finished_job(running_job("c", now + 20), now + 25)
    emu.state.finish_jobs([finished_job(a, now + 30)])
    emu.state.add_jobs([c])
    await asyncio.wait_for(restart, timeout=10)
    await emu.wait_for_subscribers(1)
    assert vt.elapsed >= 5.0
    emu.publish(SEVT_JOB_COMPLETED, c, resource_id="c")  # queued before the restart: late
    emu.publish(SEVT_JOB_COMPLETED, finished_job(b, now + 40), resource_id="b")
    await col.wait(lambda: any(e.ResourceID == "b" and e.Type == SEVT_JOB_COMPLETED
                               for e in col.events))  # fmt: skip
    got = [(e.ResourceID, e.type_name[5:], e.replayed) for e in col.events]
    assert got == [
        ("a", "JOB_NEW", False),
        ("b", "JOB_NEW", False),
        ("c", "JOB_NEW", True),
        ("c", "JOB_COMPLETED", True),
        ("a", "JOB_COMPLETED", True),
        ("b", "JOB_COMPLETED", False),
    ]
    assert set(Counter((e.ResourceID, e.Type) for e in col.events).values()) == {1}
    stats = stream.stats
    assert stats.reconnects == 1 and stats.gaps == 1 and len(gaps) == 1
    assert stats.duplicates == 1 and stats.replayed == 3
    assert gaps[0].attempts >= 2  # refused while down, retried with backoff
    await col.close()
