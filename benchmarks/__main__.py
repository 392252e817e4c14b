"""``python -m benchmarks``: run the suite, print the table, optionally write JSON.

``--quick`` runs every figure with small sizes (under a minute; a smoke test
that says nothing about speed); the default full run takes a few minutes.
``--only GROUP`` runs some groups (decode, hostile, stream, merge, api, memory,
download, reconnect, relay). Figures are ratios against baselines run in the same process
and the same rounds; the targets are judged on the median.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import logging
import os
import platform
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from . import api, decode, download_memory, hostile, memory, merge, reconnect, relay, stream
from ._firehose import firehose
from ._harness import Figure, Stat

GROUPS = ("decode", "hostile", "stream", "merge", "api", "memory", "download", "reconnect", "relay")


@dataclass(frozen=True, slots=True)
class Sizes:
    decode_repeat: int
    decode_rounds: int
    stream_events: int
    stream_warmup: int
    stream_rounds: int
    merge_events: int
    merge_rounds: int
    api_calls: int
    api_cpu_calls: int
    api_rounds: int
    memory_events: int
    memory_rounds: int
    download_mb: int
    download_rounds: int
    reconnect_rounds: int
    hostile_repeat: int


FULL = Sizes(5, 31, 200_000, 20_000, 9, 160_000, 7, 3000, 2000, 7, 100_000, 3, 200, 3, 12, 21)
QUICK = Sizes(3, 2, 40_000, 5_000, 2, 16_000, 1, 400, 300, 2, 100_000, 1, 50, 1, 3, 3)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def environment(quick: bool) -> dict[str, Any]:
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "mode": "quick" if quick else "full",
        "nproc": os.cpu_count(),
        "cpu": _cpu_model(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "aiocomet": _version("aiocomet"),
        "aiohttp": _version("aiohttp"),
        "msgspec": _version("msgspec"),
        "websockets": _version("websockets"),
        "load_average_at_start": round(os.getloadavg()[0], 2),
    }


async def run(groups: Sequence[str], sizes: Sizes, progress: Callable[[str], None]) -> list[Figure]:
    figures: list[Figure] = []

    async def step(name: str, work: Callable[[], Awaitable[list[Figure]]]) -> None:
        if name not in groups:
            return
        progress(f"{name} ...")
        started = time.perf_counter()
        figures.extend(await work())
        progress(f"{name} done in {time.perf_counter() - started:.1f} s")

    async def decode_group() -> list[Figure]:
        return [await decode.decode_ratio(repeat=sizes.decode_repeat, rounds=sizes.decode_rounds)]

    async def stream_group() -> list[Figure]:
        async with firehose() as fh:
            return await stream.stream_figures(
                fh,
                events=sizes.stream_events,
                warmup=sizes.stream_warmup,
                rounds=sizes.stream_rounds,
            )

    async def merge_group() -> list[Figure]:
        async with firehose() as fh:
            return [
                await merge.merge_figure(
                    fh,
                    events=sizes.merge_events,
                    warmup=sizes.merge_events // 10,
                    rounds=sizes.merge_rounds,
                )
            ]

    async def api_group() -> list[Figure]:
        async with api.emulator() as emu:
            return await api.api_figures(
                emu, calls=sizes.api_calls, cpu_calls=sizes.api_cpu_calls, rounds=sizes.api_rounds
            )

    async def memory_group() -> list[Figure]:
        return [await memory.memory_figure(events=sizes.memory_events, rounds=sizes.memory_rounds)]

    async def download_group() -> list[Figure]:
        return [
            await download_memory.download_figure(
                size_mb=sizes.download_mb, rounds=sizes.download_rounds
            )
        ]

    async def reconnect_group() -> list[Figure]:
        return [await reconnect.reconnect_figure(rounds=sizes.reconnect_rounds)]

    async def hostile_group() -> list[Figure]:
        return [await hostile.hostile_figure(repeat=sizes.hostile_repeat)]

    await step("decode", decode_group)
    await step("hostile", hostile_group)
    await step("stream", stream_group)
    await step("merge", merge_group)
    await step("api", api_group)
    await step("memory", memory_group)
    await step("download", download_group)
    await step("reconnect", reconnect_group)

    async def relay_group() -> list[Figure]:
        async with firehose() as fh:
            return [await relay.relay_figure(fh, events=sizes.stream_events // 4, rounds=3)]

    await step("relay", relay_group)
    return figures


def _num(value: float) -> str:
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def table(figures: Sequence[Figure], env: dict[str, Any]) -> str:
    lines = [
        f"aiocomet benchmarks ({env['mode']} run), {env['date']}",
        f"{env['nproc']} x {env['cpu']}; Python {env['python']}, aiohttp {env['aiohttp']}, "
        f"msgspec {env['msgspec']}, websockets {env['websockets']}; "
        f"load average {env['load_average_at_start']} at start, "
        f"{env.get('load_average_at_end', '?')} at end",
        "",
        f"| {'figure':<34} | {'median':>9} | {'min':>9} | {'max':>9} | {'target':>14} | met |",
        f"|{'-' * 36}|{'-' * 11}|{'-' * 11}|{'-' * 11}|{'-' * 16}|-----|",
    ]
    for fig in figures:
        s = fig.stat
        unit = "" if fig.unit == "x" else f" {fig.unit}"
        if not fig.measured:
            lines.append(
                f"| {fig.name:<34} | {'-':>9} | {'-':>9} | {'-':>9} "
                f"| {str(fig.target) + unit:>14} | n/m |  ({fig.notes.get('not_measured', '')})"
            )
            continue
        lines.append(
            f"| {fig.name:<34} | {_num(s.median):>9} | {_num(s.min):>9} | {_num(s.max):>9} "
            f"| {str(fig.target) + unit:>14} | {'yes' if fig.met else 'NO':>3} |"
        )
    details: dict[str, Stat] = {}
    for fig in figures:
        details.update(fig.details)
    if details:
        lines += ["", f"| {'measurement (median, min-max)':<52} | {'median':>11} | range |"]
        lines.append(f"|{'-' * 54}|{'-' * 13}|-------|")
        for name, s in details.items():
            lines.append(f"| {name:<52} | {_num(s.median):>11} | {_num(s.min)}-{_num(s.max)} |")
    return "\n".join(lines)


def as_json(figures: Sequence[Figure], env: dict[str, Any]) -> dict[str, Any]:
    details: dict[str, Any] = {}
    notes: dict[str, Any] = {}
    for fig in figures:
        details.update({k: v.as_dict() for k, v in fig.details.items()})
        notes.update({f"{fig.name}.{k}": v for k, v in fig.notes.items()})
    return {
        "environment": env,
        "figures": {fig.name: fig.as_dict() for fig in figures},
        "measurements": details,
        "notes": notes,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, under a minute")
    parser.add_argument("--json", metavar="FILE", help="write every figure and measurement")
    parser.add_argument("--only", action="append", choices=GROUPS, help="run only these groups")
    args = parser.parse_args(argv)
    env = environment(args.quick)
    groups = args.only or list(GROUPS)

    def progress(text: str) -> None:
        print(f"[benchmarks] {text}", file=sys.stderr, flush=True)

    logger = logging.getLogger("aiocomet")
    level = logger.level
    logger.setLevel(logging.ERROR)  # the reconnect figure drops connections on purpose
    try:
        figures = asyncio.run(run(groups, QUICK if args.quick else FULL, progress))
    finally:
        logger.setLevel(level)
    env["load_average_at_end"] = round(os.getloadavg()[0], 2)
    print(table(figures, env))
    if args.json:
        Path(args.json).write_text(json.dumps(as_json(figures, env), indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
