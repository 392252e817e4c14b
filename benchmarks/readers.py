"""The per-event readers of the ``stream`` and ``merge`` figures, one per variant.

Each opens a connection to the firehose (see ``_firehose``) and gives back a
:data:`Read`: read about ``n`` events, touching every event's ``Data``, and
say how many and how long it took.

- ``aiocomet_reader``: ``async for event in client.events()`` with default settings.
- ``bare_reader``: aiohttp ``ws_connect`` and a reused msgspec decoder of a
  hand-written job-event struct, in an async generator: the fastest typed
  loop one would write by hand on aiohttp. With ``"union"``, the same loop
  with aiocomet's own union decoder: against it, only the SDK's loop
  (reconnect, stats, gaps) differs.
- ``naive_reader``: the ``websockets`` client and ``json.loads`` into dicts.
- ``limit_reader``: a blocking socket reading the same events newline-delimited,
  decoded with the same typed decoder's ``decode_lines``; no websocket at
  all: what decoding alone allows on this machine.
- ``frames_reader``: frames a websocket client (aiohttp or ``websockets``)
  receives, not decoded.
"""

from __future__ import annotations

import contextlib
import json
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import aiohttp
import msgspec
import websockets

from aiocomet import CometClient, Event
from aiocomet._event_model import EventDecoder

from ._events import BareJobEvent
from ._firehose import Firehose

HANDSHAKE = ("admin", "Password", "admin", "", "")
# websockets waits this long for the server's close frame, which sits behind the data it
# no longer reads once a measurement is done; closing is not part of any measurement
CLOSE_TIMEOUT = 0.2
# the limit's read size: the fastest of 4-256 KiB here (larger batches of decode_lines keep
# more young objects alive at once and cost more in the garbage collector)
LIMIT_READ = 1 << 16
CLOSED = (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSING, aiohttp.WSMsgType.CLOSED)

Read = Callable[[int], Awaitable[tuple[int, float]]]
"""Read about n events; return how many were read and the seconds it took."""


def ended_early() -> RuntimeError:
    return RuntimeError("the firehose stream ended early")


def event_reader(events: AsyncIterator[Event], ended: Callable[[], Exception]) -> Read:
    """A :data:`Read` over aiocomet events that touches each typed ``Data``."""

    async def read(n: int) -> tuple[int, float]:
        seen = 0
        started = time.perf_counter()
        async for event in events:
            event.Data.Status  # noqa: B018 - touch the typed payload
            seen += 1
            if seen == n:
                return n, time.perf_counter() - started
        raise ended()

    return read


@contextlib.asynccontextmanager
async def aiocomet_reader(fh: Firehose) -> AsyncIterator[Read]:
    """``async for event in client.events()``, default settings; touches ``event.Data``."""
    async with CometClient(fh.url, "admin", "admin") as client, client.events() as stream:
        yield event_reader(aiter(stream), ended_early)


async def bare_events(
    session: aiohttp.ClientSession, url: str, decode: Callable[[bytes], Any]
) -> AsyncIterator[Any]:
    """The bare hand-written loop: the firehose's frames through ``decode``, one by one."""
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


@contextlib.asynccontextmanager
async def bare_reader(fh: Firehose, decoder: str = "struct") -> AsyncIterator[Read]:
    """aiohttp ws_connect + reused typed msgspec decoder in an async generator.

    ``struct``: a hand-written job-event struct (the fastest typed decode there is
    when every event is a job); ``union``: aiocomet's own tagged union on ``Type``,
    so the difference to ``aiocomet_reader`` is the SDK's loop alone.
    """
    decode: Callable[[bytes], Any]
    if decoder == "struct":
        decode = msgspec.json.Decoder(BareJobEvent).decode
    else:
        decode = EventDecoder().decode_typed
    async with aiohttp.ClientSession() as session:
        events = bare_events(session, fh.ws_url, decode)

        async def read(n: int) -> tuple[int, float]:
            seen = 0
            started = time.perf_counter()
            async for event in events:
                event.Data.Status  # noqa: B018
                seen += 1
                if seen == n:
                    return n, time.perf_counter() - started
            raise ended_early()

        try:
            yield read
        finally:
            await events.aclose()  # type: ignore[attr-defined]


@contextlib.asynccontextmanager
async def naive_reader(fh: Firehose) -> AsyncIterator[Read]:
    """The ``websockets`` client and ``json.loads`` into dicts, as written by hand."""
    async with websockets.connect(fh.ws_url, close_timeout=CLOSE_TIMEOUT) as ws:
        for field in HANDSHAKE:
            await ws.send(field)
        await ws.recv()
        messages = aiter(ws)

        async def read(n: int) -> tuple[int, float]:
            seen = 0
            started = time.perf_counter()
            async for message in messages:
                json.loads(message)["Data"]["Status"]
                seen += 1
                if seen == n:
                    return n, time.perf_counter() - started
            raise ended_early()

        yield read


@contextlib.asynccontextmanager
async def limit_reader(fh: Firehose, decode: bool = True) -> AsyncIterator[Read]:
    """Raw TCP, newline-delimited, ``decode_lines`` with the typed decoder (blocking socket).

    ``decode=False``: the same reads and line counting without decoding, which
    leaves what decoding costs the limit.
    """
    typed = msgspec.json.Decoder(BareJobEvent).decode_lines

    def decode_lines(buf: memoryview) -> list[Any]:
        return typed(buf) if decode else []

    with socket.create_connection(("127.0.0.1", fh.lines_port), timeout=30) as sock:
        tail = b""

        async def read(n: int) -> tuple[int, float]:
            nonlocal tail
            seen = 0
            started = time.perf_counter()
            while seen < n:
                chunk = sock.recv(LIMIT_READ)
                if not chunk:
                    raise ended_early()
                buf = tail + chunk if tail else chunk
                cut = buf.rfind(b"\n") + 1
                tail = buf[cut:]
                for event in decode_lines(memoryview(buf)[:cut]):
                    event.Data.Status  # noqa: B018
                seen += buf.count(b"\n", 0, cut)
            return seen, time.perf_counter() - started

        yield read


@contextlib.asynccontextmanager
async def frames_reader(fh: Firehose, client: str) -> AsyncIterator[Read]:
    """Frames a websocket client (``aiohttp`` or ``websockets``) receives, not decoded."""
    if client == "aiohttp":
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(fh.ws_url, decode_text=False, max_msg_size=1 << 24) as ws,
        ):
            for field in HANDSHAKE:
                await ws.send_str(field)
            await ws.receive()
            receive = ws.receive

            async def read(n: int) -> tuple[int, float]:
                started = time.perf_counter()
                for _ in range(n):
                    await receive()
                return n, time.perf_counter() - started

            yield read
        return
    async with websockets.connect(fh.ws_url, close_timeout=CLOSE_TIMEOUT) as wsc:
        for field in HANDSHAKE:
            await wsc.send(field)
        await wsc.recv()
        recv = wsc.recv

        async def read_ws(n: int) -> tuple[int, float]:
            started = time.perf_counter()
            for _ in range(n):
                await recv()
            return n, time.perf_counter() - started

        yield read_ws
