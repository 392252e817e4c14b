"""Figures 2-6: events/s a consumer of ``client.events()`` gets, against three baselines.

All variants read the same firehose (a separate process, see ``_firehose``)
in the same run. Every variant connects once and reads ``warmup`` events;
then, in each round, they take turns reading ``chunk`` events each until
every one has read ``events``, so the slow and fast phases of a shared
machine hit them all alike. Every event's ``Data`` is touched.

The variants (see ``readers`` and ``batches``): ``aiocomet`` (``client.events()``),
``bare`` (the fastest hand-written aiohttp + msgspec loop, and the same loop on
aiocomet's union decoder), ``naive`` (``websockets`` + ``json.loads``), ``limit``
(raw TCP + ``decode_lines``: what decoding alone allows here), ``aiocomet_batches``
(``client.event_batches()``) and the receive path alone, in batches.

Two websocket clients reading frames without decoding (aiohttp and
``websockets``) are measured alongside; they are why the stream runs on aiohttp.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import time
from collections.abc import Callable, Iterator

from . import batches
from ._firehose import Firehose
from ._harness import Figure, Stat, Target, ratios, stats
from .readers import (
    Read,
    aiocomet_reader,
    bare_reader,
    frames_reader,
    limit_reader,
    naive_reader,
)

CPU_RATIOS = (
    ("aiocomet", "bare_aiohttp_msgspec", "stream_vs_bare"),
    ("aiocomet", "limit_tcp_decode_lines", "stream_vs_limit"),
    ("aiocomet_batches", "bare_aiohttp_msgspec", "batch_vs_bare"),
    ("aiocomet_batches", "limit_tcp_decode_lines", "batch_vs_limit"),
    ("aiocomet_socket_batches", "bare_aiohttp_msgspec", "socket_batches_vs_bare"),
    ("aiocomet_batches", "aiocomet_socket_batches", "batch_vs_socket_batches"),
    ("aiocomet", "aiocomet_socket_batches", "stream_vs_socket_batches"),
)
"""Ratios also taken in client CPU time (ours, baseline, name)."""

Opener = Callable[[Firehose], contextlib.AbstractAsyncContextManager[Read]]


def ceiling_vs(cpu: dict[str, list[float]], baseline: str, *, union: bool = False) -> list[float]:
    """Per round: the most a stream on aiohttp can reach against ``baseline``, in CPU time.

    A stream pays at least its receive path without decoding
    (``frames_aiocomet_fast``: reading the socket, aiohttp's compiled frame
    parser, the fast path) plus a decode at least as costly as the limit's
    (the limit's time less its reads, ``limit_tcp_no_decode``). An engine, a
    union decoder and the SDK's fields that cost nothing would reach this
    ratio; a target above it is out of reach on this machine. ``union``: plus
    what the SDK's union on ``Type`` costs over the hand-written struct in the
    same bare loop (``bare_aiohttp_aiocomet_union`` against
    ``bare_aiohttp_msgspec``), the one part of decoding typed events of every
    type that a stream cannot skip.
    """
    out = []
    for base, limit, reads, frames, bare, typed in zip(
        cpu[baseline],
        cpu["limit_tcp_decode_lines"],
        cpu["limit_tcp_no_decode"],
        cpu["frames_aiocomet_fast"],
        cpu["bare_aiohttp_msgspec"],
        cpu["bare_aiohttp_aiocomet_union"],
        strict=True,
    ):
        decode = max(1 / limit - 1 / reads, 0.0)
        if union:
            decode += max(1 / typed - 1 / bare, 0.0)
        out.append((1 / base) / (decode + 1 / frames))
    return out


READERS: dict[str, Opener] = {
    "aiocomet_socket_batches": batches.socket_reader,
    "aiocomet_socket_receive": lambda fh: batches.socket_reader(fh, fast=False),
    "aiocomet": aiocomet_reader,
    "bare_aiohttp_msgspec": bare_reader,
    "bare_aiohttp_aiocomet_union": lambda fh: bare_reader(fh, "union"),
    "naive_websockets_json": naive_reader,
    "limit_tcp_decode_lines": limit_reader,
    "limit_tcp_no_decode": lambda fh: limit_reader(fh, decode=False),
    "frames_aiocomet_fast": lambda fh: batches.socket_reader(fh, decode=False),
    "frames_aiohttp": lambda fh: frames_reader(fh, "aiohttp"),
    "frames_websockets": lambda fh: frames_reader(fh, "websockets"),
}
if batches.batches_available():
    READERS["aiocomet_batches"] = batches.batches_reader


async def measure(
    fh: Firehose,
    *,
    events: int,
    warmup: int,
    rounds: int,
    chunk: int = 20_000,
    cpu_rates: dict[str, list[float]] | None = None,
    gc_rates: dict[str, float] | None = None,
) -> dict[str, list[float]]:
    """Events/s of every reader in every round; the readers take turns ``chunk`` at a time.

    ``cpu_rates``, if given, receives the same rates in this process's CPU time:
    events per CPU second of the client alone, whatever the firehose (another
    process on the same cores) manages to send. ``gc_rates`` receives each
    reader's garbage collections per 1,000 events.
    """
    chunk = max(1, min(chunk, events))
    rates: dict[str, list[float]] = {name: [] for name in READERS}
    collections = GcCount()
    async with contextlib.AsyncExitStack() as stack:
        reads = {name: await stack.enter_async_context(op(fh)) for name, op in READERS.items()}
        for read in reads.values():
            await read(warmup)
        names = list(reads)
        for r in range(rounds):
            done = dict.fromkeys(names, 0)
            spent = dict.fromkeys(names, 0.0)
            cpu = dict.fromkeys(names, 0.0)
            order = names[r % len(names) :] + names[: r % len(names)]
            while min(done.values()) < events:
                for name in order:
                    started = time.process_time()
                    with collections.counting(name):
                        n, seconds = await reads[name](chunk)
                    cpu[name] += time.process_time() - started
                    collections.events[name] += n
                    done[name] += n
                    spent[name] += seconds
            for name in names:
                rates[name].append(done[name] / spent[name])
                if cpu_rates is not None:
                    cpu_rates.setdefault(name, []).append(done[name] / max(cpu[name], 1e-9))
    if gc_rates is not None:
        gc_rates.update(collections.per_1000())
    return rates


class GcCount:
    """Garbage collections (any generation) run while each reader reads, per 1,000 events."""

    def __init__(self) -> None:
        self.runs: collections.Counter[str] = collections.Counter()
        self.events: collections.Counter[str] = collections.Counter()
        self._reader = ""

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self.runs[self._reader] += 1

    @contextlib.contextmanager
    def counting(self, reader: str) -> Iterator[None]:
        self._reader = reader
        gc.callbacks.append(self._callback)
        try:
            yield
        finally:
            gc.callbacks.remove(self._callback)

    def per_1000(self) -> dict[str, float]:
        return {name: self.runs[name] * 1000 / n for name, n in self.events.items() if n}


async def stream_figures(
    fh: Firehose, *, events: int = 200_000, warmup: int = 20_000, rounds: int = 9
) -> list[Figure]:
    """``stream_vs_{bare,naive,limit}_ratio`` and ``batch_vs_{limit,bare}_ratio``."""
    cpu: dict[str, list[float]] = {}
    collected: dict[str, float] = {}
    results = await measure(
        fh, events=events, warmup=warmup, rounds=rounds, cpu_rates=cpu, gc_rates=collected
    )
    details = stats(results, "stream_events_per_s.")
    # a batch of decoded events alive at once can trigger the garbage collector, which a
    # loop holding one event at a time never does (see aiocomet's DEFAULT_MAX_BATCH)
    for name, rate in collected.items():
        details[f"gc_collections_per_1000_events.{name}"] = Stat.of([rate])
    details["stream_ceiling_vs_limit_ratio"] = Stat.of(ceiling_vs(cpu, "limit_tcp_decode_lines"))
    details["stream_ceiling_vs_bare_ratio"] = Stat.of(ceiling_vs(cpu, "bare_aiohttp_msgspec"))
    details["stream_union_ceiling_vs_limit_ratio"] = Stat.of(
        ceiling_vs(cpu, "limit_tcp_decode_lines", union=True)
    )
    details["stream_union_ceiling_vs_bare_ratio"] = Stat.of(
        ceiling_vs(cpu, "bare_aiohttp_msgspec", union=True)
    )
    # the same rates per CPU second of the client: on a shared machine the firehose (its
    # own process) may not keep up with the fastest readers, which compresses the wall-time
    # ratios towards 1; these show what each reader costs the client per event
    details.update(stats(cpu, "stream_cpu_events_per_s."))
    for ours, base, label in CPU_RATIOS:
        if ours in cpu and base in cpu:
            details[f"cpu_{label}_ratio"] = Stat.of(ratios(cpu[ours], cpu[base]))
    details["aiohttp_vs_websockets_frames_ratio"] = Stat.of(
        ratios(results["frames_aiohttp"], results["frames_websockets"])
    )
    # the fastest hand-written aiohttp loop against the limit: what any aiohttp consumer can reach
    details["bare_vs_limit_ratio"] = Stat.of(
        ratios(results["bare_aiohttp_msgspec"], results["limit_tcp_decode_lines"])
    )
    details["stream_vs_bare_union_ratio"] = Stat.of(
        ratios(results["aiocomet"], results["bare_aiohttp_aiocomet_union"])
    )
    details["socket_batches_vs_limit_ratio"] = Stat.of(
        ratios(results["aiocomet_socket_batches"], results["limit_tcp_decode_lines"])
    )
    details["socket_batches_vs_bare_ratio"] = Stat.of(
        ratios(results["aiocomet_socket_batches"], results["bare_aiohttp_msgspec"])
    )
    details["socket_batches_vs_receive_ratio"] = Stat.of(
        ratios(results["aiocomet_socket_batches"], results["aiocomet_socket_receive"])
    )
    notes: dict[str, float | str] = {
        "fast_receive": str(batches.FAST_RECEIVE.get("fast", "?")),
        "max_batch": batches.MAX_BATCH,
    }

    def figure(name: str, ours: str, baseline: str, target: float) -> Figure:
        if ours not in results:
            why = "client.event_batches is not in this checkout"
            return Figure.not_measured(name, Target(">=", target), why)
        stat = Stat.of(ratios(results[ours], results[baseline]))
        return Figure(name, stat, Target(">=", target), details=details, notes=notes)

    return [
        figure("stream_vs_bare_ratio", "aiocomet", "bare_aiohttp_msgspec", 1.10),
        figure("stream_vs_naive_ratio", "aiocomet", "naive_websockets_json", 3.5),
        figure("stream_vs_limit_ratio", "aiocomet", "limit_tcp_decode_lines", 0.8),
        figure("batch_vs_limit_ratio", "aiocomet_batches", "limit_tcp_decode_lines", 0.88),
        figure("batch_vs_bare_ratio", "aiocomet_batches", "bare_aiohttp_msgspec", 1.20),
    ]
