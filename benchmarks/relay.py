"""Figure: events/s through ``aiocomet relay`` + Redis + ``consume()`` against ``client.events()``.

Both read the same firehose (a separate process) in the same rounds. The
baseline is ``async for event in client.events()``. The relay variant runs a
:class:`~aiocomet.relay.RelayWorker` and a consumer in this one process, with
a real ``redis-server`` (appendonly, fsync every second) on the other core:
each event is decoded, re-encoded, appended through the fenced script,
read back with ``XREADGROUP``, decoded again and acknowledged. Measured at the
consumer: events/s, the latency from the relay taking an event to the
consumer getting it (p50, p99), and Redis memory per entry.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import socket
import tempfile
import time
from collections.abc import AsyncIterator

from aiocomet import CometClient
from aiocomet.relay import RelayWorker, consume, parse_config, stream_name

from ._firehose import Firehose
from ._harness import Figure, Stat, Target, ratios

READY = b"Ready to accept connections"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextlib.asynccontextmanager
async def redis_server() -> AsyncIterator[str]:
    """A redis-server on 127.0.0.1 (Debian's package); yields its URL."""
    exe = shutil.which("redis-server")
    if exe is None:
        raise RuntimeError("the relay figure needs redis-server (apt-get install redis-server)")
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="aiocomet-bench-redis-") as tmp:
        args = ["--bind", "127.0.0.1", "--port", str(port), "--dir", tmp, "--save", ""]
        args += ["--appendonly", "yes", "--appendfsync", "everysec", "--logfile", ""]
        proc = await asyncio.create_subprocess_exec(
            exe, *args, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
        )
        try:
            assert proc.stdout is not None
            async with asyncio.timeout(30):
                while READY not in (line := await proc.stdout.readline()):
                    if not line:
                        raise RuntimeError("redis-server exited before it was ready")
            drain = asyncio.ensure_future(proc.stdout.read())
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            if proc.returncode is None:
                proc.terminate()
            await proc.wait()
            with contextlib.suppress(NameError, asyncio.CancelledError):
                drain.cancel()


async def _direct(fh: Firehose, events: int) -> float:
    async with CometClient(fh.url, "admin", "admin") as client, client.events() as stream:
        n = 0
        started = 0.0
        async for event in stream:
            _ = event.Data
            n += 1
            if n == 1:
                started = time.perf_counter()
            if n > events:
                return events / (time.perf_counter() - started)
    raise RuntimeError("the firehose ended early")


async def _relayed(fh: Firehose, redis_url: str, events: int, round_: int) -> dict[str, float]:
    import redis.asyncio as aioredis

    admin = aioredis.Redis.from_url(redis_url)
    await admin.flushall()
    base_memory = int((await admin.info("memory"))["used_memory"])
    name = f"firehose{round_}"
    config = parse_config(
        {
            "redis": {"url": redis_url},
            "lease": {"ttl": 10.0},
            "resync": {"enabled": False},  # the firehose has no job history
            "servers": [{"name": name, "url": fh.url, "username": "admin",
                         "password_env": "AIOCOMET_BENCH_PW"}],
        },
        source="benchmark",
    )  # fmt: skip
    worker = RelayWorker(config, worker_id="bench")
    task = asyncio.ensure_future(worker.run())
    latencies: list[float] = []
    n = 0
    started = 0.0
    rate = 0.0
    try:
        async with consume(
            redis_url, stream_name("comet", name), group="bench", count=1000, block=0.05
        ) as c:
            async for batch in c.entries():
                now_ms = time.time() * 1000
                for entry in batch:
                    _ = getattr(entry.item, "Data", None)
                    latencies.append(now_ms - entry.wall_ms)
                n += len(batch)
                if not started:
                    started = time.perf_counter()
                    first = n
                elif n - first >= events:
                    rate = (n - first) / (time.perf_counter() - started)
                    break
    finally:
        worker.stop()
        await task
    length = await admin.xlen(stream_name("comet", name))
    memory = int((await admin.info("memory"))["used_memory"]) - base_memory
    await admin.aclose()
    latencies.sort()
    return {
        "events_per_s": rate,
        "p50_ms": latencies[len(latencies) // 2],
        "p99_ms": latencies[int(len(latencies) * 0.99)],
        "bytes_per_entry": memory / max(1, length),
    }


async def relay_figure(fh: Firehose, *, events: int = 100_000, rounds: int = 3) -> Figure:
    """``relay_vs_events_ratio``: relay + consumer events/s over ``client.events()`` events/s."""
    import os

    os.environ.setdefault("AIOCOMET_BENCH_PW", "admin")
    direct: list[float] = []
    relayed: list[dict[str, float]] = []
    async with redis_server() as url:
        for round_ in range(rounds):
            direct.append(await _direct(fh, events))
            relayed.append(await _relayed(fh, url, events, round_))
    ours = [r["events_per_s"] for r in relayed]
    details = {
        "relay_events_per_s.client_events": Stat.of(direct),
        "relay_events_per_s.relay_and_consume": Stat.of(ours),
        "relay_latency_ms.p50": Stat.of([r["p50_ms"] for r in relayed]),
        "relay_latency_ms.p99": Stat.of([r["p99_ms"] for r in relayed]),
        "relay_redis_bytes_per_entry": Stat.of([r["bytes_per_entry"] for r in relayed]),
    }
    return Figure(
        "relay_vs_events_ratio", Stat.of(ratios(ours, direct)), Target(">=", 0.5), details=details
    )
