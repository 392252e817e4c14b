"""Figure 7: memory held per buffered typed job event.

A fresh process (``python -m benchmarks.memory``) streams the firehose with
``client.events(overflow="drop_oldest", queue_size=events)``, takes one
event and then stops taking them, so the stream's buffer fills; the figure
is the RSS growth while it fills divided by the events it gained, compared
with the mean size of the frames they were decoded from. This is the
SDK's own buffer, tuples and deque included, with what it does to events
that wait there (they share repeated strings, see ``aiocomet._compact``).

Measured alongside in the same process: events decoded by
:class:`EventDecoder` and kept in a list by the caller, which is what a
consumer that buffers events itself holds. A fresh process makes the growth
real: memory freed earlier in a long run would hide it.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aiocomet import CometClient
from aiocomet._event_model import EventDecoder

from . import _process
from ._events import POOL, job_events, mean_size
from ._firehose import firehose
from ._harness import Figure, Stat, Target

WARM_DEPTH = 1000  # events buffered before the baseline: code paths, buffers and tables warm


def _rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("VmRSS not in /proc/self/status")


def decoded_growth(events: int) -> float:
    """RSS growth per event for ``events`` decoded events held in a list."""
    frames = job_events(min(events, POOL))
    decode = EventDecoder("http://127.0.0.1").decode
    for frame in frames:  # warm up code paths and caches before the baseline
        decode(frame)
    held: list[Any] = []
    gc.collect()
    before = _rss_bytes()
    n = len(frames)
    for i in range(events):
        held.append(decode(frames[i % n]))
    gc.collect()
    grown = _rss_bytes() - before
    assert len(held) == events
    return grown / events


async def buffered_growth(url: str, events: int) -> float:
    """RSS growth per event while a drop_oldest stream's buffer fills to ``events``."""
    async with (
        CometClient(url, "admin", "admin") as client,
        client.events(overflow="drop_oldest", queue_size=events) as stream,
    ):
        await anext(aiter(stream))  # the stream reads on; nothing more is taken

        async def depth_reaches(n: int) -> int:
            # the buffer has no "depth changed" signal to wait on; polling between the
            # reader's bursts (one per socket read) keeps the steps small
            while (depth := stream.stats.queue_depth) < n:  # noqa: ASYNC110
                await asyncio.sleep(0)
            return depth

        await depth_reaches(min(WARM_DEPTH, events // 10))
        gc.collect()  # no await between the collection, the reading and the depth
        before, depth = _rss_bytes(), stream.stats.queue_depth
        await depth_reaches(events)
        gc.collect()
        grown, filled = _rss_bytes() - before, stream.stats.queue_depth
        if filled <= depth:
            raise RuntimeError(f"the buffer did not grow past {depth} events; raise --events")
        return grown / (filled - depth)


async def measure(url: str, events: int) -> dict[str, float]:
    """Both growths (decoded first: the buffered one leaves a stream's pools behind)."""
    decoded = decoded_growth(events)
    return {
        "buffered_bytes_per_event": await buffered_growth(url, events),
        "decoded_bytes_per_event": decoded,
        "frame_bytes": mean_size(job_events(POOL)),
    }


async def memory_figure(*, events: int = 100_000, rounds: int = 3) -> Figure:
    """``memory_per_buffered_event_bytes``: each round in a fresh process."""
    buffered: list[float] = []
    decoded: list[float] = []
    frame_bytes = 0.0
    async with firehose() as fh:
        for _ in range(rounds):
            result = await _process.run_json(
                ["-m", "benchmarks.memory", "--url", fh.url, "--events", str(events)],
                timeout=300,
            )
            buffered.append(result["buffered_bytes_per_event"])
            decoded.append(result["decoded_bytes_per_event"])
            frame_bytes = result["frame_bytes"]
    return Figure(
        "memory_per_buffered_event_bytes",
        Stat.of(buffered),
        Target("<=", round(2.0 * frame_bytes)),
        unit="bytes",
        details={
            "memory_per_event_vs_frame_ratio": Stat.of([v / frame_bytes for v in buffered]),
            "memory_per_decoded_event_bytes": Stat.of(decoded),
            "memory_per_decoded_event_vs_frame_ratio": Stat.of([v / frame_bytes for v in decoded]),
        },
        notes={"frame_bytes": round(frame_bytes, 1), "events_held": events},
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.memory")
    parser.add_argument("--url", required=True, help="a firehose's base URL")
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args(argv)
    print(json.dumps(asyncio.run(measure(args.url, args.events))))


if __name__ == "__main__":
    main()
