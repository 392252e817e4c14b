"""Figures 2-4: events/s a consumer of ``client.events()`` gets, against three baselines.

All variants read the same firehose (a separate process, see ``_firehose``)
in the same run, in interleaved rounds. Each one connects, consumes
``warmup`` events, then times the next ``events`` and touches ``Data`` of
every event:

- ``aiocomet``: ``async for event in client.events()`` with default settings.
- ``bare``: aiohttp ``ws_connect`` and a reused msgspec decoder of a
  hand-written job-event struct, in an async generator: the fastest typed
  loop one would write by hand on aiohttp. The same loop with aiocomet's own
  union decoder is measured alongside: against it, only the SDK's loop
  (reconnect, stats, gaps) differs.
- ``naive``: the ``websockets`` client and ``json.loads`` into dicts.
- ``limit``: a blocking socket reading the same events newline-delimited,
  decoded with the same typed decoder's ``decode_lines``; no websocket at
  all: what decoding alone allows on this machine.

Two websocket clients reading frames without decoding (aiohttp and
``websockets``) are measured alongside; they are why the stream runs on aiohttp.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, Literal

import aiohttp
import msgspec
import websockets

from aiocomet import CometClient
from aiocomet._event_protocol import EventDecoder

from ._events import BareJobEvent
from ._firehose import Firehose
from ._harness import Figure, Stat, Target, interleaved, ratios, stats

HANDSHAKE = ("admin", "Password", "admin", "", "")
# websockets waits this long for the server's close frame, which sits behind the data it
# no longer reads once a measurement is done; closing is not part of any measurement
CLOSE_TIMEOUT = 0.2
# the limit's read size: the fastest of 4-256 KiB here (larger batches of decode_lines keep
# more young objects alive at once and cost more in the garbage collector)
LIMIT_READ = 1 << 16
CLOSED = (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSING, aiohttp.WSMsgType.CLOSED)


class _Clock:
    """Marks the time when the warm-up ends and when the last timed event arrives."""

    def __init__(self, warmup: int, events: int) -> None:
        self.warmup = warmup
        self.events = events
        self.started = 0.0

    def rate(self, finished: float) -> float:
        return self.events / (finished - self.started)


async def aiocomet_rate(fh: Firehose, *, warmup: int, events: int) -> float:
    """``async for event in client.events()``, default settings; touches ``event.Data``."""
    clock = _Clock(warmup, events)
    end = warmup + events
    seen = 0
    async with CometClient(fh.url, "admin", "admin") as client, client.events() as stream:
        async for event in stream:
            event.Data.Status  # noqa: B018 - touch the typed payload
            seen += 1
            if seen == warmup:
                clock.started = time.perf_counter()
            elif seen == end:
                return clock.rate(time.perf_counter())
    raise RuntimeError("the firehose stream ended early")


async def _bare_events(
    session: aiohttp.ClientSession, url: str, decode: Callable[[bytes], Any]
) -> AsyncIterator[Any]:
    async with session.ws_connect(url, decode_text=False, max_msg_size=1 << 24) as ws:
        for field in HANDSHAKE:
            await ws.send_str(field)
        await ws.receive()
        receive = ws.receive
        text = aiohttp.WSMsgType.TEXT
        while True:  # receive() directly: async for over the websocket adds a coroutine
            msg = await receive()
            if msg.type is text:
                yield decode(msg.data)
            elif msg.type in CLOSED:
                return


async def bare_rate(
    fh: Firehose, decoder: Literal["struct", "union"] = "struct", *, warmup: int, events: int
) -> float:
    """aiohttp ws_connect + reused typed msgspec decoder in an async generator.

    ``struct``: a hand-written job-event struct (the fastest typed decode there is
    when every event is a job); ``union``: aiocomet's own tagged union on ``Type``,
    so the difference to ``aiocomet_rate`` is the SDK's loop alone.
    """
    decode: Callable[[bytes], Any]
    if decoder == "struct":
        decode = msgspec.json.Decoder(BareJobEvent).decode
    else:
        decode = EventDecoder().decode_typed
    clock = _Clock(warmup, events)
    end = warmup + events
    seen = 0
    async with aiohttp.ClientSession() as session:
        gen = _bare_events(session, fh.ws_url, decode)
        try:
            async for event in gen:
                event.Data.Status  # noqa: B018
                seen += 1
                if seen == warmup:
                    clock.started = time.perf_counter()
                elif seen == end:
                    return clock.rate(time.perf_counter())
        finally:
            await gen.aclose()  # type: ignore[attr-defined]
    raise RuntimeError("the firehose stream ended early")


async def naive_rate(fh: Firehose, *, warmup: int, events: int) -> float:
    """The ``websockets`` client and ``json.loads`` into dicts, as written by hand."""
    clock = _Clock(warmup, events)
    end = warmup + events
    seen = 0
    async with websockets.connect(fh.ws_url, close_timeout=CLOSE_TIMEOUT) as ws:
        for field in HANDSHAKE:
            await ws.send(field)
        await ws.recv()
        async for message in ws:
            json.loads(message)["Data"]["Status"]
            seen += 1
            if seen == warmup:
                clock.started = time.perf_counter()
            elif seen == end:
                return clock.rate(time.perf_counter())
    raise RuntimeError("the firehose stream ended early")


async def limit_rate(fh: Firehose, *, warmup: int, events: int) -> float:
    """Raw TCP, newline-delimited, ``decode_lines`` with the typed decoder (blocking socket)."""
    decode_lines = msgspec.json.Decoder(BareJobEvent).decode_lines
    end = warmup + events
    seen = counted_from = 0
    started = 0.0
    tail = b""
    with socket.create_connection(("127.0.0.1", fh.lines_port), timeout=30) as sock:
        while seen < end:
            chunk = sock.recv(LIMIT_READ)
            if not chunk:
                raise RuntimeError("the firehose lines connection ended early")
            buf = tail + chunk if tail else chunk
            cut = buf.rfind(b"\n") + 1
            tail = buf[cut:]
            for event in decode_lines(memoryview(buf)[:cut]):
                event.Data.Status  # type: ignore[union-attr]  # noqa: B018
            before, seen = seen, seen + buf.count(b"\n", 0, cut)
            if before < warmup <= seen:
                started, counted_from = time.perf_counter(), seen
        return (seen - counted_from) / (time.perf_counter() - started)


async def raw_frames_rate(
    fh: Firehose, client: Literal["aiohttp", "websockets"], *, warmup: int, events: int
) -> float:
    """Frames/s a websocket client receives without decoding them."""
    end = warmup + events
    seen = 0
    started = 0.0
    if client == "aiohttp":
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(fh.ws_url, decode_text=False, max_msg_size=1 << 24) as ws,
        ):
            for field in HANDSHAKE:
                await ws.send_str(field)
            await ws.receive()
            receive = ws.receive
            while seen < end:
                await receive()
                seen += 1
                if seen == warmup:
                    started = time.perf_counter()
            return events / (time.perf_counter() - started)
    async with websockets.connect(fh.ws_url, close_timeout=CLOSE_TIMEOUT) as wsc:
        for field in HANDSHAKE:
            await wsc.send(field)
        await wsc.recv()
        recv = wsc.recv
        while seen < end:
            await recv()
            seen += 1
            if seen == warmup:
                started = time.perf_counter()
        return events / (time.perf_counter() - started)


Rate = Callable[..., Awaitable[float]]


async def stream_figures(
    fh: Firehose, *, events: int = 400_000, warmup: int = 20_000, rounds: int = 5
) -> list[Figure]:
    """``stream_vs_bare_ratio``, ``stream_vs_naive_ratio`` and ``stream_vs_limit_ratio``."""
    size = {"warmup": warmup, "events": events}

    def variant(rate: Rate, *args: object) -> Callable[[], Awaitable[float]]:
        async def run() -> float:
            return await rate(fh, *args, **size)

        return run

    results = await interleaved(
        {
            "aiocomet": variant(aiocomet_rate),
            "bare_aiohttp_msgspec": variant(bare_rate),
            "bare_aiohttp_aiocomet_union": variant(bare_rate, "union"),
            "naive_websockets_json": variant(naive_rate),
            "limit_tcp_decode_lines": variant(limit_rate),
            "frames_aiohttp": variant(raw_frames_rate, "aiohttp"),
            "frames_websockets": variant(raw_frames_rate, "websockets"),
        },
        rounds=rounds,
    )
    details = stats(results, "stream_events_per_s.")
    details["aiohttp_vs_websockets_frames_ratio"] = Stat.of(
        ratios(results["frames_aiohttp"], results["frames_websockets"])
    )
    details["stream_vs_bare_union_ratio"] = Stat.of(
        ratios(results["aiocomet"], results["bare_aiohttp_aiocomet_union"])
    )
    ours = results["aiocomet"]

    def figure(name: str, baseline: str, target: float) -> Figure:
        return Figure(
            name, Stat.of(ratios(ours, results[baseline])), Target(">=", target), details=details
        )

    return [
        figure("stream_vs_bare_ratio", "bare_aiohttp_msgspec", 0.9),
        figure("stream_vs_naive_ratio", "naive_websockets_json", 3.5),
        figure("stream_vs_limit_ratio", "limit_tcp_decode_lines", 0.8),
    ]
