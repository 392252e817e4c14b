"""The benchmark suite still runs: every figure with tiny sizes, sane numbers, no speed asserted."""

from __future__ import annotations

import json
import math
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from benchmarks import __main__ as cli
from benchmarks import (
    api,
    batches,
    decode,
    download_memory,
    frame_parse,
    hostile,
    memory,
    merge,
    reconnect,
    stream,
)
from benchmarks._events import job_events, mean_size
from benchmarks._firehose import firehose
from benchmarks._harness import Figure, Stat, Target, interleaved

COUNTS = ("gc_collections_per_1000_events.",)


def _sane(value: float) -> bool:
    return math.isfinite(value) and value > 0


def check(figure: Figure, *, allow_zero: bool = False) -> None:
    if not figure.measured:  # recorded as not measured, never as a number
        assert figure.notes["not_measured"] and not figure.met
        assert figure.as_dict()["median"] is None and not figure.as_dict()["measured"]
        json.dumps(figure.as_dict())
        return
    for value in (figure.stat.median, figure.stat.min, figure.stat.max):
        assert math.isfinite(value)
        assert value >= 0 if allow_zero else value > 0, (figure.name, value)
    assert figure.stat.min <= figure.stat.median <= figure.stat.max
    for name, detail in figure.details.items():
        if name.startswith(COUNTS):  # counts of what may not happen at all
            assert all(math.isfinite(v) and v >= 0 for v in detail.samples), (name, detail)
            continue
        assert all(_sane(v) for v in detail.samples), (name, detail)
    json.dumps(figure.as_dict())


def test_events_are_job_events_of_realistic_size() -> None:
    frames = job_events(16)
    assert len(frames) == 16
    assert 600 < mean_size(frames) < 1100
    assert frames == job_events(16)  # deterministic: every process builds the same bytes


async def test_interleaved_rotates_and_rejects_nonsense() -> None:
    order: list[str] = []

    def variant(name: str, value: float) -> Callable[[], Awaitable[float]]:
        async def run() -> float:
            order.append(name)
            return value

        return run

    results = await interleaved({"a": variant("a", 1.0), "b": variant("b", 2.0)}, rounds=2)
    assert results == {"a": [1.0, 1.0], "b": [2.0, 2.0]}
    assert order == ["a", "b", "a", "b", "b", "a"]
    with pytest.raises(RuntimeError):
        await interleaved({"z": variant("z", 0.0)}, rounds=1)
    assert Target(">=", 1.0).met(1.0) and not Target("<", 1.0).met(1.0)
    assert Stat.of([3.0, 1.0, 2.0]).median == 2.0


async def test_decode_figure() -> None:
    figure = await decode.decode_ratio(events=64, repeat=1, rounds=1)
    check(figure)
    assert "python_scan_vs_aiohttp_parse_ratio" in figure.details


def test_the_python_scan_finds_every_frame_across_reads() -> None:
    payloads = [b"x" * size for size in (0, 1, 125, 126, 127, 300, 65_535)] + job_events(8)
    stream = b"".join(frame_parse.wire(payloads))
    for cut in (1, 2, 3, 127, 1000):  # reads that end inside headers and payloads
        reads = [stream[i : i + cut] for i in range(0, len(stream), cut)]
        found = [p for read in frame_parse.scan_reads(reads) for p in read]
        assert found == payloads
    with pytest.raises(ValueError, match="inside a frame"):
        frame_parse.scan_reads([stream[:-1]])
    with pytest.raises(ValueError, match="final text frames"):
        frame_parse.scan(b"\x01\x00", [])


async def test_hostile_figure() -> None:
    figure = await hostile.hostile_figure(repeat=1)
    check(figure)
    assert set(figure.details) >= {"hostile_reject_ms.frame_nested_data"}
    assert figure.stat.median == max(d.median for d in figure.details.values())


async def test_stream_figures() -> None:
    async with firehose(pool=64) as fh:
        figures = await stream.stream_figures(fh, events=300, warmup=50, rounds=1)
    assert [f.name for f in figures] == [
        "stream_vs_bare_ratio",
        "stream_vs_naive_ratio",
        "stream_vs_limit_ratio",
        "batch_vs_limit_ratio",
        "batch_vs_bare_ratio",
    ]
    for figure in figures:
        check(figure)
    details = figures[0].details
    ceilings = {
        f"stream_{kind}_vs_{base}_ratio"
        for kind in ("ceiling", "union_ceiling")
        for base in ("limit", "bare")
    }
    assert ceilings <= details.keys()
    assert "gc_collections_per_1000_events.aiocomet" in details
    batch_figures = figures[3:]
    assert all(f.measured for f in batch_figures) is batches.batches_available()
    assert "socket_batches_vs_limit_ratio" in figures[0].details


async def test_merge_figure() -> None:
    async with firehose(pool=64) as fh:
        figure = await merge.merge_figure(fh, events=800, warmup=80, rounds=1)
    assert figure.name == "merge_vs_bare_ratio"
    check(figure)


async def test_api_figures() -> None:
    async with api.emulator() as emu:
        figures = await api.api_figures(emu, calls=40, cpu_calls=10, rounds=1)
    assert [f.name for f in figures] == ["api_concurrency_ratio", "call_overhead_ratio"]
    for figure in figures:
        check(figure)


async def test_memory_figure() -> None:
    async with firehose(pool=64) as fh:  # in a used process, freed memory can absorb growth
        measured = await memory.measure(fh.url, 2000)
    assert math.isfinite(measured["buffered_bytes_per_event"])
    assert math.isfinite(measured["decoded_bytes_per_event"]) and _sane(measured["frame_bytes"])
    check(await memory.memory_figure(events=2000, rounds=1))


async def test_download_figure() -> None:
    measured = await download_memory.measure_download_rss_mb(2)
    # the kernel syncs its per-thread RSS counters lazily, so the peak (VmHWM) can trail the
    # RSS read before the download by a few KiB on a busy machine: growth about 0, not below
    assert measured["download_rss_growth_mb"] > -1
    check(await download_memory.download_figure(size_mb=2, rounds=1), allow_zero=True)


async def test_reconnect_figure() -> None:
    check(await reconnect.reconnect_figure(rounds=1))


def test_cli_writes_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bench.json"
    assert cli.main(["--quick", "--only", "decode", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "decode_ratio" in printed and "Python" in printed
    written = json.loads(out.read_text())
    assert _sane(written["figures"]["decode_ratio"]["median"])
    assert written["environment"]["mode"] == "quick"
    assert "decode_events_per_s.json_loads" in written["measurements"]


# -- the hot-path optimisation the API figures led to: client decoding skips the unknown-key
# walk when a strict twin of the result type finds no unknown key; it must find every one
