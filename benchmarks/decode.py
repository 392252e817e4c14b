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
``aiocomet_decode_many`` is the batch decoder (``EventDecoder.decode_many``,
64 frames a call, as a stream's batches come). Each variant decodes the same
frames and touches ``Data``. Rates are in CPU time of this process (on a
machine shared with other work, wall time would count the time the decoder
did not run).

Compression (``compression_*``): every frame deflated as permessage-deflate
sends it (raw deflate, the window kept across frames), then the time to
inflate a frame against the time to decode it, and the size saved.

Frame parsing (``frame_parse_us.*``, ``python_scan_vs_aiohttp_parse_*``): aiohttp's
compiled parser against a Python scan of our own, see :mod:`.frame_parse`.
"""

from __future__ import annotations

import json
import time
import zlib
from collections.abc import Callable
from typing import Any

import msgspec

from aiocomet._event_model import EventDecoder

from . import frame_parse
from ._events import BareJobEvent, CeilingJobEvent, job_events, mean_size
from ._harness import Figure, Stat, Target, interleaved, ratios, stats

BATCH = 64
_TAIL = b"\x00\x00\xff\xff"  # what permessage-deflate strips from every frame


def _rate(decode: Callable[[bytes], Any], frames: list[bytes], repeat: int) -> float:
    """Events per second decoding ``frames`` ``repeat`` times (CPU time of this process)."""
    started = time.process_time()
    for _ in range(repeat):
        for frame in frames:
            decode(frame)
    return repeat * len(frames) / (time.process_time() - started)


def _deflated(frames: list[bytes]) -> list[bytes]:
    """The frames as a permessage-deflate sender puts them on the wire (context kept)."""
    deflate = zlib.compressobj(wbits=-15)
    out = []
    for frame in frames:
        data = deflate.compress(frame) + deflate.flush(zlib.Z_SYNC_FLUSH)
        out.append(data[: -len(_TAIL)] if data.endswith(_TAIL) else data)
    return out


def _inflate_rate(wire: list[bytes], repeat: int) -> float:
    """Frames per second inflated as a permessage-deflate receiver does."""
    started = time.process_time()
    for _ in range(repeat):
        inflate = zlib.decompressobj(wbits=-15)
        for data in wire:
            inflate.decompress(data + _TAIL)
    return repeat * len(wire) / (time.process_time() - started)


async def decode_ratio(*, events: int = 4096, repeat: int = 25, rounds: int = 7) -> Figure:
    """``decode_ratio``: events/s of EventDecoder.decode over events/s of json.loads."""
    frames = job_events(events)
    decoder = EventDecoder("http://127.0.0.1")
    bare = msgspec.json.Decoder(BareJobEvent).decode
    ceiling = msgspec.json.Decoder(CeilingJobEvent).decode
    loads = json.loads

    decode_typed = decoder.decode_typed
    decode_many = decoder.decode_many
    batches = [frames[i : i + BATCH] for i in range(0, len(frames), BATCH)]
    wire = _deflated(frames)

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

    async def run_many() -> float:
        started = time.process_time()
        for _ in range(repeat):
            for batch in batches:
                for event in decode_many(batch):
                    event.Data.Status  # type: ignore[union-attr]  # noqa: B018
        return repeat * len(frames) / (time.process_time() - started)

    async def run_inflate() -> float:
        return _inflate_rate(wire, repeat)

    results = await interleaved(
        {
            "aiocomet": run_aiocomet,
            "aiocomet_decode_typed": run_union,
            "aiocomet_decode_many": run_many,
            "inflate": run_inflate,
            "msgspec_typed": run_bare,
            "msgspec_ceiling": run_ceiling,
            "json_loads": run_json,
        },
        rounds=rounds,
    )
    parsing = await frame_parse.parse_details(frames, repeat=repeat, rounds=rounds)
    inflate_us = [1e6 / r for r in results["inflate"]]
    decode_us = [1e6 / r for r in results["aiocomet"]]
    return Figure(
        "decode_ratio",
        Stat.of(ratios(results["aiocomet"], results["json_loads"])),
        Target(">=", 5.0),
        details={
            **stats(results, "decode_events_per_s."),
            "decode_bare_vs_json_ratio": Stat.of(
                ratios(results["msgspec_typed"], results["json_loads"])
            ),
            "decode_union_vs_json_ratio": Stat.of(
                ratios(results["aiocomet_decode_typed"], results["json_loads"])
            ),
            "decode_ceiling_vs_json_ratio": Stat.of(
                ratios(results["msgspec_ceiling"], results["json_loads"])
            ),
            "decode_many_vs_json_ratio": Stat.of(
                ratios(results["aiocomet_decode_many"], results["json_loads"])
            ),
            "compression_inflate_us_per_event": Stat.of(inflate_us),
            "compression_decode_us_per_event": Stat.of(decode_us),
            "compression_inflate_vs_decode_ratio": Stat.of(ratios(inflate_us, decode_us)),
            **parsing,
        },
        notes={
            "frame_bytes": round(mean_size(frames), 1),
            "deflated_frame_bytes": round(mean_size(wire), 1),
            "compression_ratio": round(mean_size(frames) / mean_size(wire), 2),
        },
    )
