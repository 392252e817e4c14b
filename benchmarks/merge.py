"""Figure 7: eight servers through ``merge_events``, against eight bare aiohttp loops.

Eight connections to the firehose stand for eight Comet Servers. ``merged``
is ``async for event in merge_events(*clients)`` over eight clients with
default settings; ``bare`` is eight of the bare aiohttp + msgspec loops of
figure 2, one task each, in the same process and event loop: what one would
write by hand to follow eight servers. Both are open at once and take turns
reading ``chunk`` events (the bare loops ``chunk / 8`` each), so a shared
machine's slow phases hit both alike. Every event's ``Data`` is touched.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import msgspec

from aiocomet import CometClient, merge_events

from ._events import BareJobEvent
from ._firehose import Firehose
from ._harness import Figure, Stat, Target, ratios, stats
from .readers import Read, bare_events, event_reader

SOURCES = 8


@contextlib.asynccontextmanager
async def merged_reader(fh: Firehose) -> AsyncIterator[Read]:
    async with contextlib.AsyncExitStack() as stack:
        clients = [
            await stack.enter_async_context(CometClient(fh.url, "admin", "admin"))
            for _ in range(SOURCES)
        ]
        merged = await stack.enter_async_context(merge_events(*clients))
        yield event_reader(aiter(merged), lambda: RuntimeError("the merged firehose ended early"))


@contextlib.asynccontextmanager
async def bare_readers(fh: Firehose) -> AsyncIterator[Read]:
    decode = msgspec.json.Decoder(BareJobEvent).decode
    async with aiohttp.ClientSession() as session:
        gens = [bare_events(session, fh.ws_url, decode) for _ in range(SOURCES)]

        async def one(gen: Any, n: int) -> None:
            seen = 0
            async for event in gen:
                event.Data.Status  # noqa: B018
                seen += 1
                if seen == n:
                    return
            raise RuntimeError("a bare firehose loop ended early")

        async def read(n: int) -> tuple[int, float]:
            share = max(1, n // SOURCES)
            started = time.perf_counter()
            await asyncio.gather(*(one(gen, share) for gen in gens))
            return share * SOURCES, time.perf_counter() - started

        try:
            yield read
        finally:
            for gen in gens:
                await gen.aclose()  # type: ignore[attr-defined]


async def merge_figure(
    fh: Firehose, *, events: int = 160_000, warmup: int = 16_000, rounds: int = 7
) -> Figure:
    """``merge_vs_bare_ratio``: events/s of merge_events over 8 sources / of 8 bare loops."""
    chunk = max(SOURCES, min(16_000, events))
    rates: dict[str, list[float]] = {"merged": [], "bare_loops": []}
    async with contextlib.AsyncExitStack() as stack:
        reads = {
            "merged": await stack.enter_async_context(merged_reader(fh)),
            "bare_loops": await stack.enter_async_context(bare_readers(fh)),
        }
        for read in reads.values():
            await read(warmup)
        names = list(reads)
        for r in range(rounds):
            done = dict.fromkeys(names, 0)
            spent = dict.fromkeys(names, 0.0)
            order = names if r % 2 == 0 else names[::-1]
            while min(done.values()) < events:
                for name in order:
                    n, seconds = await reads[name](chunk)
                    done[name] += n
                    spent[name] += seconds
            for name in names:
                rates[name].append(done[name] / spent[name])
    return Figure(
        "merge_vs_bare_ratio",
        Stat.of(ratios(rates["merged"], rates["bare_loops"])),
        Target(">=", 0.9),
        details=stats(rates, f"merge_{SOURCES}_events_per_s."),
        notes={"sources": SOURCES},
    )
