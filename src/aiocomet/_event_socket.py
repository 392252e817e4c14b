"""One live event websocket: pongs beside the reader, dead peers aborted, closes bounded.

aiohttp's autoping writes the pong inside ``receive()``, so a peer that drops
the connection with pings queued makes ``receive()`` raise (and the events
still buffered behind the ping are lost), and a peer that pings but never
reads makes it wait for ever for the write to drain. Its heartbeat and its
close only ``close()`` the transport, which waits for the unsent data to
drain, and its close handshake reads on for as long as the peer keeps
sending. Here, instead:

- pongs are written beside the reader, one at a time (a peer that does not
  read them gets no more); one that cannot be written within the pong
  deadline (half the heartbeat) aborts the connection: the peer is not
  reading, whatever it sends;
- closing gets ``close_timeout`` for the close handshake, then the
  transport is aborted, always: nothing can keep a dead connection open;
- :func:`ended` says how a connection ended, as a :class:`Lost`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import aiohttp
from aiohttp import WSMsgType
from aiohttp.http import WSMessageNoDecodeText

from .errors import EventDecodeError

WebSocket = aiohttp.ClientWebSocketResponse[Literal[False]]

log = logging.getLogger("aiocomet.events")


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


class BinaryFrame(bytes):
    """A binary data frame's payload; events come as text frames, so the stream reports it."""

    __slots__ = ()


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


class EventSocket:
    """One authenticated websocket of a stream and the rules that keep it honest."""

    __slots__ = (
        "_close_started",
        "_closed",
        "_pong",
        "close_timeout",
        "pong_deadline",
        "transport",
        "verdict",
        "ws",
    )

    def __init__(self, ws: WebSocket, *, heartbeat: float | None, close_timeout: float) -> None:
        self.ws = ws
        self.transport = transport_of(ws)
        self.pong_deadline = heartbeat / 2 if heartbeat else None
        self.close_timeout = close_timeout
        self.verdict: str | None = None  # set when this side declared the peer dead
        self._pong: asyncio.Task[None] | None = None
        self._close_started = False
        self._closed = asyncio.Event()

    @property
    def closed(self) -> bool:
        return self.ws.closed

    async def receive_batch(self) -> list[bytes | BinaryFrame]:
        """The next data frames, in order, at least one: text payloads as ``bytes``.

        Pings are answered and pongs skipped inside; a binary frame comes as
        a :class:`BinaryFrame`. When the connection ends, raises
        :class:`SocketEnded` (whatever failed while receiving included).
        """
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
        """Pong in the background; skipped while the previous pong is still being written."""
        if self._pong is None or self._pong.done():
            self._pong = asyncio.ensure_future(self._write_pong(payload))

    async def _write_pong(self, payload: bytes) -> None:
        try:
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
