"""Figure 1: typed event decoding against ``json.loads`` into dicts.

aiocomet's :class:`EventDecoder` turns each frame into a typed event whose
``Data`` is a ``BackupJobDetail``; the baseline is what the Comet API guide's
Python example does with a response, ``json.loads`` into dicts. A reused
msgspec decoder of a hand-written job-event struct is measured alongside as
a reference, and so is ``decode_typed``, the bare union decoder the stream's
hot path calls (``decode`` adds error handling and the ``server`` tag). The
``msgspec_ceiling`` variant decodes into :class:`CeilingJobEvent`, the
fastest typed decode msgspec offers for these frames: its ratio to
``json.loads`` bounds what any msgspec-based typed decoder can reach here.
Each variant decodes the same frames and touches ``Data``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import msgspec

from aiocomet._event_model import EventDecoder

from ._events import BareJobEvent, CeilingJobEvent, job_events, mean_size
from ._harness import Figure, Stat, Target, interleaved, ratios, stats


def _rate(decode: Callable[[bytes], Any], frames: list[bytes], repeat: int) -> float:
    """Events per second decoding ``frames`` ``repeat`` times (timed with perf_counter)."""
    started = time.perf_counter()
    for _ in range(repeat):
        for frame in frames:
            decode(frame)
    return repeat * len(frames) / (time.perf_counter() - started)


async def decode_ratio(*, events: int = 4096, repeat: int = 25, rounds: int = 7) -> Figure:
    """``decode_ratio``: events/s of EventDecoder.decode over events/s of json.loads."""
    frames = job_events(events)
    decoder = EventDecoder("http://127.0.0.1")
    bare = msgspec.json.Decoder(BareJobEvent).decode
    ceiling = msgspec.json.Decoder(CeilingJobEvent).decode
    loads = json.loads

    decode_typed = decoder.decode_typed

    def aiocomet(frame: bytes) -> object:
        return decoder.decode(frame).Data.Status

    def aiocomet_union(frame: bytes) -> object:
        return decode_typed(frame).Data.Status

    def msgspec_typed(frame: bytes) -> object:
        data = bare(frame).Data
        return data.Status if data is not None else None

    def msgspec_ceiling(frame: bytes) -> object:
        data = ceiling(frame).Data
        return data.Status if data is not None else None

    def json_loads(frame: bytes) -> object:
        return loads(frame)["Data"]["Status"]

    async def run_aiocomet() -> float:
        return _rate(aiocomet, frames, repeat)

    async def run_union() -> float:
        return _rate(aiocomet_union, frames, repeat)

    async def run_bare() -> float:
        return _rate(msgspec_typed, frames, repeat)

    async def run_ceiling() -> float:
        return _rate(msgspec_ceiling, frames, repeat)

    async def run_json() -> float:
        return _rate(json_loads, frames, repeat)

    results = await interleaved(
        {
            "aiocomet": run_aiocomet,
            "aiocomet_decode_typed": run_union,
            "msgspec_typed": run_bare,
            "msgspec_ceiling": run_ceiling,
            "json_loads": run_json,
        },
        rounds=rounds,
    )
    return Figure(
        "decode_ratio",
        Stat.of(ratios(results["aiocomet"], results["json_loads"])),
        Target(">=", 5.0),
        details={
            **stats(results, "decode_events_per_s."),
            "decode_bare_vs_json_ratio": Stat.of(
                ratios(results["msgspec_typed"], results["json_loads"])
            ),
            "decode_ceiling_vs_json_ratio": Stat.of(
                ratios(results["msgspec_ceiling"], results["json_loads"])
            ),
        },
        notes={"frame_bytes": round(mean_size(frames), 1)},
    )
