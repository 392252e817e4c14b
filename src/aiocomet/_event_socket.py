"""One live event websocket: pongs beside the reader, dead peers aborted, closes bounded.

aiohttp's autoping writes the pong inside ``receive()``, so a peer that drops
the connection with pings queued makes ``receive()`` raise (and the events
still buffered behind the ping are lost), and a peer that pings but never
reads makes it wait for ever for the write to drain. Its heartbeat and its
close only ``close()`` the transport, which waits for the unsent data to
drain, and its close handshake reads on for as long as the peer keeps
sending. Here, instead:

- pongs are written beside the reader, one at a time, in turn (a peer that
  does not read them gets no more); one that cannot be written within the pong
  deadline (half the heartbeat) aborts the connection: the peer is not
  reading, whatever it sends;
- closing gets ``close_timeout`` for the close handshake, then the
  transport is aborted, always: nothing can keep a dead connection open;
- :func:`ended` says how a connection ended, as a :class:`Lost`.

Frames are received in batches: every frame aiohttp parsed from a socket
read at once (:mod:`aiocomet._frame_queue`), or one per ``receive()`` where
that fast path is not available; both end a connection the same way.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter
from typing import Literal

import aiohttp
from aiohttp import WSMsgType
from aiohttp.http import WSMessageNoDecodeText

from ._frame_queue import FrameQueue, attach
from .errors import EventDecodeError

WebSocket = aiohttp.ClientWebSocketResponse[Literal[False]]

log = logging.getLogger("aiocomet.events")

PINGS_KEPT = 64
"""Pings waiting for their pong at most; older ones are answered by newer pongs."""


@dataclass(frozen=True, slots=True)
class Lost:
    """How a connection ended; ``too_large`` when a frame over ``max_frame_bytes`` ended it."""

    reason: str
    error: BaseException | None
    code: int | None
    last_alive: float
    clean: bool = False
    too_large: bool = False


def transport_of(ws: WebSocket) -> asyncio.BaseTransport | None:
    """The socket's transport, taken while aiohttp still holds it (it forgets it on close).

    aiohttp has no public way to reach it; a version that moves it makes
    this None (closing then relies on aiohttp alone), which the close tests
    of tests/test_reliability_stream_hostile.py catch.
    """
    response = getattr(ws, "_response", None)
    connection = getattr(response, "connection", None)
    transport = getattr(connection, "transport", None)
    return transport if isinstance(transport, asyncio.BaseTransport) else None


def abort(transport: asyncio.BaseTransport | None) -> None:
    """Drop the connection now, unsent data included (a graceful close waits for it)."""
    if transport is not None and isinstance(transport, asyncio.WriteTransport):
        transport.abort()


async def close_within(
    ws: WebSocket, timeout: float, transport: asyncio.BaseTransport | None
) -> None:
    """The close handshake within ``timeout`` seconds, then abort; never raises but cancellation."""
    try:
        if not ws.closed:
            async with asyncio.timeout(timeout):
                await ws.close()
    except Exception as exc:  # a broken socket failing to close must not mask the real error
        log.debug("websocket close: %s: %s", type(exc).__name__, exc)
    finally:
        abort(transport)


class BinaryFrame:
    """A binary data frame's payload; events come as text frames, so the stream reports it.

    Not ``bytes`` on purpose: a JSON decoder refuses it (``TypeError``), so a
    batch of frames needs no check for binary frames until its decode fails.
    """

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __len__(self) -> int:
        return len(self.data)

    def __repr__(self) -> str:
        return f"BinaryFrame({len(self.data)} bytes)"


class SocketEnded(Exception):
    """The connection ended; ``msg`` is its last message or ``error`` what was raised.

    :func:`ended` turns the two into a :class:`Lost`.
    """

    def __init__(self, msg: WSMessageNoDecodeText | None, error: BaseException | None) -> None:
        super().__init__("websocket ended")
        self.msg = msg
        self.error = error


_TEXT = WSMsgType.TEXT
_BINARY = WSMsgType.BINARY
_PING = WSMsgType.PING
_PONG = WSMsgType.PONG
_ENDING = (WSMsgType.CLOSING, WSMsgType.ERROR)  # ended as receive() returns them
_ALL_TEXT = {WSMsgType.TEXT}
_KIND = itemgetter(0)
_DATA = itemgetter(1)


class EventSocket:
    """One authenticated websocket of a stream and the rules that keep it honest."""

    __slots__ = (
        "_close_started",
        "_closed",
        "_end",
        "_frames",
        "_pings",
        "_pong",
        "_put_back",
        "close_timeout",
        "pong_deadline",
        "transport",
        "verdict",
        "ws",
    )

    def __init__(
        self, ws: WebSocket, *, heartbeat: float | None, close_timeout: float, fast: bool = True
    ) -> None:
        self.ws = ws
        self.transport = transport_of(ws)
        self.pong_deadline = heartbeat / 2 if heartbeat else None
        self.close_timeout = close_timeout
        self.verdict: str | None = None  # set when this side declared the peer dead
        self._pong: asyncio.Task[None] | None = None
        self._pings: deque[bytes] = deque(maxlen=PINGS_KEPT)
        self._close_started = False
        self._closed = asyncio.Event()
        # the fast path (None: receive() only), and what it left for receive() to end
        self._frames: FrameQueue | None = attach(ws) if fast else None
        self._end: SocketEnded | None = None
        self._put_back: WSMessageNoDecodeText | None = None

    @property
    def closed(self) -> bool:
        return self.ws.closed

    @property
    def fast(self) -> bool:
        """True while frames are taken a socket read at a time (see _frame_queue)."""
        return self._frames is not None

    async def receive_batch(self) -> list[bytes | BinaryFrame]:
        """The next data frames, in order, at least one: text payloads as ``bytes``.

        Pings are answered and pongs skipped inside; a binary frame comes as
        a :class:`BinaryFrame`. When the connection ends, raises
        :class:`SocketEnded` (whatever failed while receiving included).
        """
        frames = self._frames
        if frames is None:
            return await self._receive_one()
        while True:
            if self._end is not None or self._put_back is not None:
                return await self._finish(frames)
            messages = await frames.take()
            if messages is None:  # the queue ended or failed: receive() says how
                self._frames = None
                return await self._receive_one()
            if set(map(_KIND, messages)) == _ALL_TEXT:  # two passes in C, none in Python
                return list(map(_DATA, messages))
            payloads = self._sort(messages)
            if payloads:
                return payloads

    def _sort(self, messages: list[WSMessageNoDecodeText]) -> list[bytes | BinaryFrame]:
        """The data frames before the first message that ends the connection."""
        out: list[bytes | BinaryFrame] = []
        for msg in messages:
            kind = msg[0]
            if kind is _TEXT:
                out.append(msg[1])
            elif kind is _BINARY:
                out.append(BinaryFrame(msg[1]))
            elif kind is _PING:
                self.answer_ping(msg[1])
            elif kind in _ENDING:
                self._end = SocketEnded(msg, None)
                break
            elif kind is not _PONG:  # a close frame: receive() answers it, as without batches
                self._put_back = msg
                break
        return out

    async def _finish(self, frames: FrameQueue) -> list[bytes | BinaryFrame]:
        """End as receive() would: raise what ended the batch, or let receive() read it."""
        self._frames = None
        end, self._end = self._end, None
        if end is not None:
            raise end
        msg, self._put_back = self._put_back, None
        assert msg is not None
        frames.put_back(msg)
        return await self._receive_one()

    async def _receive_one(self) -> list[bytes | BinaryFrame]:
        """One frame per ``receive()``: the public path."""
        receive = self.ws.receive
        while True:
            try:
                msg = await receive()
            except Exception as exc:  # whatever fails while receiving ends the connection
                raise SocketEnded(None, exc) from exc
            kind = msg.type
            if kind is _TEXT:
                return [msg.data]
            if kind is _PING:
                self.answer_ping(msg.data)
            elif kind is _BINARY:
                return [BinaryFrame(msg.data)]
            elif kind is not _PONG:
                raise SocketEnded(msg, None)

    def answer_ping(self, payload: bytes) -> None:
        """Pong in the background, one write at a time, every ping in turn.

        Pings received while a pong is being written wait their turn (the
        last ``PINGS_KEPT``; older ones are answered by the newer pongs, as
        RFC 6455 allows). A batch of frames can hold many pings: each still
        gets its pong, so a peer that pings without reading fills its own
        buffers and meets the pong deadline.
        """
        self._pings.append(payload)
        if self._pong is None or self._pong.done():
            self._pong = asyncio.ensure_future(self._write_pongs())

    async def _write_pongs(self) -> None:
        pings = self._pings
        try:
            while pings:
                payload = pings.popleft()
                async with asyncio.timeout(self.pong_deadline):
                    await self.ws.pong(payload)
        except TimeoutError:
            self.verdict = (
                f"heartbeat timeout: a pong could not be sent within {self.pong_deadline:g} s"
            )
            abort(self.transport)  # the reader then sees the connection end
        except Exception as exc:  # the connection is ending: the reader sees it end
            log.debug("websocket pong: %s: %s", type(exc).__name__, exc)

    async def close(self) -> None:
        """Close within ``close_timeout``, then abort; from any task, any number of times.

        A second caller (the reader, while ``aclose()`` closes from another
        task) waits for the first close instead of cutting its handshake short.
        """
        if self._close_started:
            await self._closed.wait()
            return
        self._close_started = True
        pong, self._pong = self._pong, None
        if pong is not None and not pong.done():
            pong.cancel()
        try:
            await close_within(self.ws, self.close_timeout, self.transport)
        finally:
            self._closed.set()


def ended(
    sock: EventSocket,
    msg: WSMessageNoDecodeText | None,
    error: BaseException | None,
    *,
    server: str,
    heartbeat: float | None,
    max_frame_bytes: int,
    redact: Callable[[str], str],
    now: float,
) -> Lost:
    """Why the connection of ``sock`` ended: ``msg`` its last message, or ``error`` raised."""
    ws = sock.ws
    code = ws.close_code
    if error is None:
        error = msg.data if msg is not None and msg.type is WSMsgType.ERROR else ws.exception()
    beat = heartbeat or 0.0
    if sock.verdict is not None:
        return Lost(sock.verdict, error, code, now - beat * 1.5)
    if isinstance(error, aiohttp.ServerTimeoutError):
        return Lost(
            f"heartbeat timeout: no pong within {beat / 2:g} s", error, code, now - beat * 1.5
        )
    if isinstance(error, aiohttp.WebSocketError) and error.code == 1009:
        too_large = EventDecodeError(
            f"event stream {server}: frame larger than max_frame_bytes "
            f"({max_frame_bytes}); the connection was closed",
            server=server,
        )
        return Lost("frame too large", too_large, code, now, too_large=True)
    if msg is not None and msg.type is WSMsgType.CLOSE:
        clean = msg.data in (1000, 1001)
        return Lost(f"closed by the server (code {msg.data})", None, msg.data, now, clean)
    if msg is not None and msg.type is WSMsgType.CLOSING:
        return Lost("closed locally", None, code, now, True)
    if error is not None:
        return Lost(
            f"connection lost: {type(error).__name__}: {redact(str(error))}", error, code, now
        )
    return Lost("connection lost", None, code, now)
