"""Figure: events/s through ``aiocomet relay`` + Redis + ``consume()`` against ``client.events()``.

Both read the same firehose (a separate process) in the same rounds. The
baseline is ``async for event in client.events()``. The relay variant runs a
:class:`~aiocomet.relay.RelayWorker` and a consumer in this one process, with
a real ``redis-server`` (appendonly, fsync every second) on the other core:
each event is decoded, re-encoded, appended through the fenced script,
read back with ``XREADGROUP``, decoded again and acknowledged. Measured at the
consumer: events/s, the latency from the relay taking an event to the
consumer getting it (p50, p99), and Redis memory per entry.

Why the figure is where it is: each round also runs the relay alone (until
it has written as many entries) and then the consumer alone (reading them
back), measuring the CPU each part spends per event: this process
(``resource.getrusage``) and redis-server (``INFO cpu``). Their sum over the
machine's two cores is the best rate the design allows
(``relay_ceiling_ratio``). ``relay_redis_floor_events_per_s`` is Redis
itself with no SDK work: the same frames in pipelined ``XADD`` s, read back
with ``XREADGROUP`` and ``XACK``, nothing decoded.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
import shutil
import socket
import tempfile
import time
from collections.abc import AsyncIterator
from typing import Any

from aiocomet import CometClient
from aiocomet.relay import RelayConfig, RelayWorker, consume, parse_config, stream_name

from . import _process
from ._events import job_events
from ._firehose import Firehose
from ._harness import Figure, Stat, Target, ratios

READY = b"Ready to accept connections"
READY_LINE = "relay worker running"


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


def _cpu() -> float:
    """CPU seconds of this process so far."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


async def _redis_cpu(admin: Any) -> float:
    info = await admin.info("cpu")
    return float(info["used_cpu_sys"]) + float(info["used_cpu_user"])


async def _direct(fh: Firehose, events: int) -> tuple[float, float]:
    """client.events() events/s and CPU microseconds per event."""
    cpu = _cpu()
    async with CometClient(fh.url, "admin", "admin") as client, client.events() as stream:
        n = 0
        started = 0.0
        async for event in stream:
            _ = event.Data
            n += 1
            if n == 1:
                started = time.perf_counter()
            if n > events:
                rate = events / (time.perf_counter() - started)
                return rate, (_cpu() - cpu) * 1e6 / n
    raise RuntimeError("the firehose ended early")


def _config(url: str, redis_url: str, name: str) -> RelayConfig:
    return parse_config(
        {
            "redis": {"url": redis_url},
            "lease": {"ttl": 10.0},
            "resync": {"enabled": False},  # the firehose has no job history
            "servers": [{"name": name, "url": url, "username": "admin",
                         "password_env": "AIOCOMET_BENCH_PW"}],
        },
        source="benchmark",
    )  # fmt: skip


@contextlib.asynccontextmanager
async def _worker_here(fh: Firehose, redis_url: str, name: str) -> AsyncIterator[None]:
    """The relay worker in this process, next to the consumer."""
    worker = RelayWorker(_config(fh.url, redis_url, name), worker_id="bench")
    task = asyncio.ensure_future(worker.run())
    try:
        yield
    finally:
        worker.stop()
        await task


@contextlib.asynccontextmanager
async def _worker_child(fh: Firehose, redis_url: str, name: str) -> AsyncIterator[None]:
    """The relay worker in a process of its own (as deployed: relays and consumers apart)."""
    async with _process.server(
        ["-m", "benchmarks.relay", fh.url, redis_url, name], ready=READY_LINE
    ):
        yield


async def _relayed(
    fh: Firehose, redis_url: str, events: int, round_: int, *, apart: bool = False
) -> dict[str, float]:
    import redis.asyncio as aioredis

    admin = aioredis.Redis.from_url(redis_url)
    await admin.flushall()
    base_memory = int((await admin.info("memory"))["used_memory"])
    name = f"firehose{round_}"
    latencies: list[float] = []
    n = 0
    started = 0.0
    rate = 0.0
    worker = _worker_child if apart else _worker_here
    async with (
        worker(fh, redis_url, name),
        consume(redis_url, stream_name("comet", name), group="bench", count=1000, block=0.05) as c,
    ):
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


async def _parts(fh: Firehose, redis_url: str, events: int, round_: int) -> dict[str, float]:
    """The relay alone, then the consumer alone: events/s and CPU us/event of each side."""
    import redis.asyncio as aioredis

    admin = aioredis.Redis.from_url(redis_url)
    await admin.flushall()
    name = f"parts{round_}"
    stream = stream_name("comet", name)
    worker = RelayWorker(_config(fh.url, redis_url, name), worker_id="bench")
    cpu, rcpu, t0 = _cpu(), await _redis_cpu(admin), time.perf_counter()
    task = asyncio.ensure_future(worker.run())
    try:
        while (written := await admin.xlen(stream)) < events:
            await admin.xread({stream: "$"}, count=1, block=1000)  # until the next entry
    finally:
        worker.stop()
        await task
    out = {
        "relay_events_per_s": written / (time.perf_counter() - t0),
        "relay_cpu_us": (_cpu() - cpu) * 1e6 / written,
        "relay_redis_cpu_us": (await _redis_cpu(admin) - rcpu) * 1e6 / written,
    }
    total = await admin.xlen(stream)
    cpu, rcpu, t0 = _cpu(), await _redis_cpu(admin), time.perf_counter()
    n = 0
    async with consume(admin, stream, group="parts", count=1000, block=0.05) as c:
        async for batch in c.entries():
            n += len(batch)
            if n >= total:
                break
        await c.commit()
    out["consume_events_per_s"] = n / (time.perf_counter() - t0)
    out["consume_cpu_us"] = (_cpu() - cpu) * 1e6 / n
    out["consume_redis_cpu_us"] = (await _redis_cpu(admin) - rcpu) * 1e6 / n
    await admin.aclose()
    return out


async def _redis_floor(redis_url: str, events: int) -> float:
    """Events/s of Redis alone: pipelined XADDs of the frames, XREADGROUP + XACK, no decoding."""
    import redis.asyncio as aioredis

    admin = aioredis.Redis.from_url(redis_url)
    await admin.flushall()
    frames = job_events()
    fields: list[dict[Any, Any]] = [
        {"s": "http://x", "q": str(i), "t": "1", "w": "0", "f": f} for i, f in enumerate(frames)
    ]
    await admin.xgroup_create("floor", "g", id="0", mkstream=True)
    t0 = time.perf_counter()
    written = read = 0
    while read < events:
        pipe = admin.pipeline(transaction=False)
        for i in range(written, written + 1024):
            pipe.xadd("floor", fields[i % len(fields)])
        await pipe.execute()
        written += 1024
        while read < written:
            reply: Any = await admin.xreadgroup("g", "c", {"floor": ">"}, count=1000)
            ids = [entry_id for entry_id, _ in reply[0][1]]
            await admin.xack("floor", "g", *ids)
            read += len(ids)
    rate = read / (time.perf_counter() - t0)
    await admin.aclose()
    return rate


async def relay_figure(fh: Firehose, *, events: int = 100_000, rounds: int = 3) -> Figure:
    """``relay_vs_events_ratio``: relay + consumer events/s over ``client.events()`` events/s."""
    os.environ.setdefault("AIOCOMET_BENCH_PW", "admin")
    direct: list[tuple[float, float]] = []
    relayed: list[dict[str, float]] = []
    parts: list[dict[str, float]] = []
    apart: list[dict[str, float]] = []
    floor: list[float] = []
    async with redis_server() as url:
        for round_ in range(rounds):
            direct.append(await _direct(fh, events))
            relayed.append(await _relayed(fh, url, events, round_))
            apart.append(await _relayed(fh, url, events, round_, apart=True))
            parts.append(await _parts(fh, url, events, round_))
            floor.append(await _redis_floor(url, events))
    rates = [rate for rate, _ in direct]
    ours = [r["events_per_s"] for r in relayed]
    # the best rate this design allows: every CPU microsecond an event costs, spread over 2 cores
    spent = [
        p["relay_cpu_us"]
        + p["relay_redis_cpu_us"]
        + p["consume_cpu_us"]
        + p["consume_redis_cpu_us"]
        for p in parts
    ]
    ceiling = [2e6 / us for us in spent]
    details = {
        "relay_events_per_s.client_events": Stat.of(rates),
        "relay_events_per_s.relay_and_consume": Stat.of(ours),
        "relay_events_per_s.relay_process_apart": Stat.of([r["events_per_s"] for r in apart]),
        "relay_latency_ms.p50_apart": Stat.of([r["p50_ms"] for r in apart]),
        "relay_vs_events_ratio.relay_process_apart": Stat.of(
            ratios([r["events_per_s"] for r in apart], rates)
        ),
        "relay_events_per_s.relay_alone": Stat.of([p["relay_events_per_s"] for p in parts]),
        "relay_events_per_s.consume_alone": Stat.of([p["consume_events_per_s"] for p in parts]),
        "relay_events_per_s.redis_floor": Stat.of(floor),
        "relay_latency_ms.p50": Stat.of([r["p50_ms"] for r in relayed]),
        "relay_latency_ms.p99": Stat.of([r["p99_ms"] for r in relayed]),
        "relay_redis_bytes_per_entry": Stat.of([r["bytes_per_entry"] for r in relayed]),
        "relay_cpu_us_per_event.client_events": Stat.of([us for _, us in direct]),
        "relay_cpu_us_per_event.relay_python": Stat.of([p["relay_cpu_us"] for p in parts]),
        "relay_cpu_us_per_event.relay_redis": Stat.of([p["relay_redis_cpu_us"] for p in parts]),
        "relay_cpu_us_per_event.consume_python": Stat.of([p["consume_cpu_us"] for p in parts]),
        "relay_cpu_us_per_event.consume_redis": Stat.of([p["consume_redis_cpu_us"] for p in parts]),
        "relay_ceiling_ratio": Stat.of(ratios(ceiling, rates)),
        "relay_vs_redis_floor_ratio": Stat.of(ratios(ours, floor)),
    }
    return Figure(
        "relay_vs_events_ratio", Stat.of(ratios(ours, rates)), Target(">=", 0.5), details=details
    )


async def _child(fh_url: str, redis_url: str, name: str) -> None:
    worker = RelayWorker(_config(fh_url, redis_url, name), worker_id="bench-child")
    print(READY_LINE, flush=True)
    await worker.run()


if __name__ == "__main__":  # the relay worker process of the "apart" rounds
    import sys

    os.environ.setdefault("AIOCOMET_BENCH_PW", "admin")
    asyncio.run(_child(*sys.argv[1:4]))
