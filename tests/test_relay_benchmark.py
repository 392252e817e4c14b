"""The relay figure of the benchmark suite still runs (tiny sizes; no speed asserted)."""

from __future__ import annotations

import math

from benchmarks import relay
from benchmarks._firehose import firehose


async def test_the_relay_figure_runs_with_tiny_sizes() -> None:
    async with firehose() as fh:
        figure = await relay.relay_figure(fh, events=2000, rounds=1)
    assert figure.name == "relay_vs_events_ratio"
    for stat in (figure.stat, *figure.details.values()):
        assert all(math.isfinite(v) and v > 0 for v in stat.samples), stat
    assert figure.details["relay_redis_bytes_per_entry"].median > 500  # frames are ~800 bytes
