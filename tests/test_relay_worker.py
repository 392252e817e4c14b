"""Relay workers in this process, end to end: emulator -> worker -> real Redis -> consume()."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import redis.asyncio as aioredis

from aiocomet import Backoff
from aiocomet.constants import SEVT_ACCOUNT_SESSION_START as FILLER
from aiocomet.events import Event, Gap
from aiocomet.relay import RelayWorker, ServerKeys, consume, stream_name
from aiocomet.testing import CometEmulator

from ._redis import RedisServer, own_redis, redis_server, redis_url  # noqa: F401
from ._relay_helpers import PASSWORD_ENV, Collected, expected_job_events, relay_config

FAST = Backoff(initial=0.01, cap=0.05, floor=0.0)


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "admin")


@pytest.fixture
async def emu() -> AsyncIterator[CometEmulator]:
    async with CometEmulator() as e:
        yield e


@contextlib.asynccontextmanager
async def running(worker: RelayWorker) -> AsyncIterator[asyncio.Task[None]]:
    task = asyncio.ensure_future(worker.run())
    try:
        yield task
    finally:
        worker.stop()
        async with asyncio.timeout(30):
            await task


async def test_events_arrive_typed_after_the_first_holders_gap_marker(
    emu: CometEmulator,
    redis_url: str,  # noqa: F811
) -> None:
    config = relay_config(redis_url, [("one", emu.url)])
    worker = RelayWorker(config, worker_id="w1", stream_backoff=FAST)
    col = Collected(consume(redis_url, stream_name("comet", "one"), group="g", block=0.05))
    async with running(worker):
        await emu.wait_for_subscribers(1, timeout=30)
        await emu.simulate_jobs(30)
        expected = await expected_job_events(emu.url)
        assert len(expected) == 60
        await col.wait(lambda: expected <= col.job_events())
        first = col.items[0]
        assert isinstance(first, Gap) and "first holder" in first.reason and "w1" in first.reason
        assert first.server == emu.url
        events = col.events()
        assert all(e.server == emu.url for e in events)
        live = [e for e in events if not e.replayed]  # jobs already in history are replayed
        assert live[0].type_name == "SEVT_META_HELLO"
        assert all(e.typed for e in events)
        tail = worker.tail("one")
        assert tail is not None and tail.connected and tail.events + tail.replayed >= 61
        metrics = worker.metrics()
        assert 'aiocomet_relay_servers_held{worker="w1"} 1' in metrics
        assert 'aiocomet_relay_connected{server="one"} 1' in metrics
    await col.close()
    r = aioredis.Redis.from_url(redis_url)
    assert await r.get(ServerKeys.of("comet", "one").lease) is None  # released on stop
    await r.aclose()


async def test_a_keep_frames_consumer_gets_the_servers_own_bytes(
    emu: CometEmulator,
    redis_url: str,  # noqa: F811
) -> None:
    config = relay_config(redis_url, [("one", emu.url)])
    worker = RelayWorker(config, worker_id="w1", stream_backoff=FAST)
    stream = stream_name("comet", "one")
    framed = Collected(consume(redis_url, stream, group="f", block=0.05, keep_frames=True))
    plain = Collected(consume(redis_url, stream, group="p", block=0.05))
    # spacing and a key this SDK does not know: only the server's own bytes keep them
    sent = b'{"Type": 4200, "ResourceID": "raw-1", "FromTheFuture": [1, 2], "Data": null}'
    async with running(worker):
        await emu.wait_for_subscribers(1, timeout=30)
        emu.publish_encoded([sent])
        for col in (framed, plain):
            await col.wait(lambda c=col: any(e.ResourceID == "raw-1" for e in c.events()))
    [got] = [e for e in framed.events() if e.ResourceID == "raw-1"]
    assert got.frame == sent and got.server == emu.url and not got.replayed
    assert all(e.frame for e in framed.events() if not e.replayed)
    assert all(e.frame == b"" for e in plain.events())
    await framed.close()
    await plain.close()


async def test_a_handover_is_a_gap_then_replayed_jobs_then_live_events(
    redis_url: str,  # noqa: F811
) -> None:
    async with CometEmulator() as emu:
        config = relay_config(redis_url, [("one", emu.url)], margin=5.0)
        a = RelayWorker(config, worker_id="a", stream_backoff=FAST)
        b = RelayWorker(config, worker_id="b", stream_backoff=FAST)
        col = Collected(consume(redis_url, stream_name("comet", "one"), group="g", block=0.05))
        async with running(a) as a_task:
            await emu.wait_for_subscribers(1, timeout=30)
            await emu.simulate_jobs(10)
            async with running(b):
                await b.wait_until(lambda: a.held == ["one"] and b.alive == 2, 30)
                a.stop()
                async with asyncio.timeout(30):
                    await a_task
                # while nobody holds the lease: jobs that only the resync can bring
                await emu.simulate_jobs(10)
                await b.wait_until(lambda: b.held == ["one"], 30)
                await emu.wait_for_subscribers(1, timeout=30)
                before = await expected_job_events(emu.url)
                await col.wait(lambda: before <= col.job_events())  # replayed by b
                await emu.simulate_jobs(10)  # live, with b subscribed
                expected = await expected_job_events(emu.url)
                assert len(expected) == 60
                await col.wait(lambda: expected <= col.job_events())
        await col.close()
    gaps = col.gaps()
    assert (
        len(gaps) == 2 and "takeover by b" in gaps[1].reason and "a released it" in gaps[1].reason
    )
    at = col.items.index(gaps[1])
    after = col.items[at + 1 :]
    replayed = [i for i, e in enumerate(after) if isinstance(e, Event) and e.replayed]
    live = [i for i, e in enumerate(after) if isinstance(e, Event) and not e.replayed]
    assert replayed and live
    # the replay comes before the first live job event of the new holder
    first_live_job = next(
        i for i, e in enumerate(after) if isinstance(e, Event) and not e.replayed and e.job
    )
    assert max(replayed) < first_live_job
    assert all(isinstance(e, Event) for e in col.items[:at] if e is not col.items[0])


async def test_a_stalled_redis_stops_the_reading_and_loses_nothing(
    own_redis: RedisServer,  # noqa: F811
) -> None:
    async with CometEmulator(ws_send_queue=40) as emu:
        config = relay_config(own_redis.url, [("one", emu.url)], ttl=60.0, batch_size=8)
        worker = RelayWorker(config, worker_id="w", stream_backoff=FAST)
        admin = own_redis.client()
        col = Collected(consume(own_redis.url, stream_name("comet", "one"), group="g", block=0.05))
        async with running(worker):
            await emu.wait_for_subscribers(1, timeout=30)
            await col.wait(lambda: len(col.items) >= 2)  # the marker and the hello: Redis works
            await admin.execute_command("CLIENT", "PAUSE", 120_000, "WRITE")
            jobs = emu.simulate_jobs(None, rate=100)
            filler = [json.dumps({"Type": FILLER, "Data": "x" * 65536}).encode()] * 8
            for _ in range(300):  # fill the socket buffers until the server drops the relay
                if emu.slow_consumers_dropped:
                    break
                emu.publish_encoded(filler)
                await asyncio.sleep(0)  # let the sockets move (a cooperative yield, not a wait)
            assert emu.slow_consumers_dropped
            tail = worker.tail("one")
            assert tail is not None and len(tail.outbox) <= tail.outbox.limit == 32
            assert tail.outbox.blocked >= 1
            jobs.cancel()
            await admin.execute_command("CLIENT", "UNPAUSE")
            await emu.simulate_jobs(5)
            expected = await expected_job_events(emu.url)
            await col.wait(lambda: expected <= col.job_events(), timeout=60)
        await col.close()
        await admin.aclose()
    reasons = [g.reason for g in col.gaps()]
    assert len(reasons) >= 2  # the first holder's, then the dropped connection's
    assert any(e.replayed for e in col.events())


async def test_the_guides_consumer_example_runs(
    emu: CometEmulator,
    redis_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    guide = (Path(__file__).resolve().parent.parent / "docs" / "guides" / "relay.md").read_text()
    (code,) = re.findall(r"^```py\n(.*?)^```", guide, flags=re.S | re.M)
    assert "redis://127.0.0.1:6379/0" in code
    script = tmp_path / "consumer.py"
    script.write_text(code.replace("redis://127.0.0.1:6379/0", redis_url))
    worker = RelayWorker(relay_config(redis_url, [("one", emu.url)]), worker_id="w")
    async with running(worker):
        await emu.wait_for_subscribers(1, timeout=30)
        await emu.simulate_jobs(3)
        proc = await asyncio.create_subprocess_exec(
            sys.executable, str(script), stdout=asyncio.subprocess.PIPE
        )
        async with asyncio.timeout(60):
            out, _ = await proc.communicate()
    assert proc.returncode == 0
    lines = out.decode().splitlines()
    assert lines[0].startswith(f"gap: {emu.url} relay started")
    assert lines[-1].startswith(f"{emu.url} SEVT_JOB_")
