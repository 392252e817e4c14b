"""Figure 7: memory held per buffered typed job event.

A fresh process (``python -m benchmarks.memory``) decodes ``events`` job
events with aiocomet's :class:`EventDecoder` and keeps them all in a list;
the figure is its RSS growth divided by the number of events, compared with
the mean size of the frames they were decoded from. A fresh process makes
the growth real: memory freed earlier in a long run would hide it.
"""

from __future__ import annotations

import argparse
import gc
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aiocomet._event_protocol import EventDecoder

from . import _process
from ._events import POOL, job_events, mean_size
from ._harness import Figure, Stat, Target


def _rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("VmRSS not in /proc/self/status")


def measure(events: int = 100_000) -> dict[str, float]:
    """RSS growth per held event (in this process) and the mean frame size."""
    frames = job_events(min(events, POOL))
    decoder = EventDecoder("http://127.0.0.1")
    decode = decoder.decode
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
    return {"bytes_per_event": grown / events, "frame_bytes": mean_size(frames)}


async def memory_figure(*, events: int = 100_000, rounds: int = 3) -> Figure:
    """``memory_per_buffered_event_bytes``: each round in a fresh process."""
    per_event: list[float] = []
    frame_bytes = 0.0
    for _ in range(rounds):
        result = await _process.run_json(
            ["-m", "benchmarks.memory", "--events", str(events)], timeout=300
        )
        per_event.append(result["bytes_per_event"])
        frame_bytes = result["frame_bytes"]
    stat = Stat.of(per_event)
    return Figure(
        "memory_per_buffered_event_bytes",
        stat,
        Target("<=", round(2.0 * frame_bytes)),
        unit="bytes",
        details={"memory_per_event_vs_frame_ratio": Stat.of([v / frame_bytes for v in per_event])},
        notes={"frame_bytes": round(frame_bytes, 1), "events_held": events},
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.memory")
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.events)))


if __name__ == "__main__":
    main()
