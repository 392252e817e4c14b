"""Every frame aiohttp has already parsed, taken in one step: the event socket's fast path.

aiohttp's ``receive()`` costs a coroutine, a wait and a queue pop per frame.
Its compiled reader, though, parses every frame of one socket read into a
deque on the websocket's queue before the reader task even wakes. Here the
reader awaits the first frame exactly as ``receive()`` does (same waiter,
same ``_waiting`` handshake with ``close()`` and the heartbeat), then takes
the whole deque at once: no Python code runs per frame on the receive side.

The queue's byte count (its flow control) is settled in one step too, and a
parser stalled on it is resumed the way the queue itself would. Anything
that ends the connection (an error, the end of the stream, a close frame) is
left to — or put back for — aiohttp's own ``receive()``, so a connection ends
exactly as on the public path.

This touches aiohttp internals, so it is used only where it was tested:
:func:`supported` pins the aiohttp versions, runs a self-test once, and can
be switched off (``AIOCOMET_FAST_RECEIVE=0``); :func:`attach` checks each
websocket at connect. Otherwise the event socket uses ``receive()``.
"""

from __future__ import annotations

import asyncio
import functools
import importlib
import logging
import os
from collections import deque
from operator import itemgetter
from typing import Any, Final

import aiohttp
from aiohttp import WSMsgType
from aiohttp.http import WSMessageNoDecodeText

log = logging.getLogger("aiocomet.events")

TESTED: Final = ((3, 14, 5), (3, 15, 0))
"""aiohttp versions this module was tested with: from the first, up to (not including) the last."""

SWITCH: Final = "AIOCOMET_FAST_RECEIVE"
"""Set to ``0`` to use aiohttp's public ``receive()`` only."""

_WRAP: Final = 1 << 32  # the compiled queue counts bytes in a C unsigned int
_OVERHEAD: Final = 128  # what the queue adds to the count of every message
_MARK: Final = (WSMsgType.CLOSING, None, None)
_FIRST = itemgetter(0)


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for part in text.split(".")[:3]:
        digits = "".join(c for c in part if c.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


@functools.cache
def compiled_queue_type() -> Any:
    """aiohttp's compiled WebSocketDataQueue, or None (pure-Python aiohttp: no gain here)."""
    try:
        reader_c = importlib.import_module("aiohttp._websocket.reader_c")
    except ImportError:
        return None
    return getattr(reader_c, "WebSocketDataQueue", None)


class SelfTestProtocol:
    """A stand-in transport protocol for the self-test."""

    _reading_paused = False

    def pause_reading(self) -> None:
        self._reading_paused = True

    def resume_reading(self) -> None:
        self._reading_paused = False


def settle(queue: Any, buf: deque[Any]) -> None:
    """Set the queue's byte count to zero, its deque being empty.

    The count is a C ``unsigned int`` with no setter; feeding a marker of
    the complement size wraps it to exactly zero, and the marker is removed.
    """
    size = queue._size
    if size:
        queue.feed_data(_MARK, (-size - _OVERHEAD) % _WRAP)
        buf.pop()


def _self_test(queue_type: Any) -> bool:
    """Does taking the deque and settling the count work on this build?"""
    loop = asyncio.new_event_loop()
    try:
        protocol = SelfTestProtocol()
        queue = queue_type(protocol, 1 << 16, loop=loop)
        buf = queue._buffer
        message = (WSMsgType.TEXT, b"x" * 100, "")
        for _ in range(3):
            queue.feed_data(message, 100)
        taken = list(map(_FIRST, buf))
        buf.clear()
        settle(queue, buf)
        return (
            taken == [message] * 3
            and queue._size == 0
            and not buf
            and queue._stalled_reader is None
            and not protocol._reading_paused
            and isinstance(queue._limit, int)
        )
    except Exception as exc:  # any surprise means: not this build
        log.debug("fast receive self-test failed: %s: %s", type(exc).__name__, exc)
        return False
    finally:
        loop.close()


@functools.cache
def supported() -> bool:
    """Whether this aiohttp build is one the fast path was tested with (checked once)."""
    if os.environ.get(SWITCH, "1").strip() in ("0", "false", "no", "off"):
        return False
    low, high = TESTED
    if not low <= _version(aiohttp.__version__) < high:
        return False
    queue_type = compiled_queue_type()
    return queue_type is not None and _self_test(queue_type)


class FrameQueue:
    """The compiled queue of one websocket, emptied one socket read at a time."""

    __slots__ = ("buf", "protocol", "queue", "ws")

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.queue = ws._reader
        self.buf: deque[Any] = self.queue._buffer
        self.protocol = self.queue._protocol

    async def take(self) -> list[WSMessageNoDecodeText] | None:
        """Every message parsed so far, at least one, in order.

        None when the connection is closing or its queue ended or failed:
        ``receive()`` then says how (an error stays on the queue).
        """
        buf = self.buf
        if buf:
            messages = list(map(_FIRST, buf))
        else:
            ws = self.ws
            if ws._closed or ws._closing or ws._waiting:
                return None
            ws._waiting = True  # as receive(): close() and the heartbeat talk to the reader
            try:
                first = await self.queue.read()
            except Exception:  # the end or the error is still on the queue for receive()
                return None
            except BaseException:  # cancelled: as receive()
                ws._close_code = aiohttp.WSCloseCode.ABNORMAL_CLOSURE
                raise
            finally:
                ws._waiting = False
                close_wait = ws._close_wait
                if close_wait is not None and not close_wait.done():
                    close_wait.set_result(None)
            messages = [first]
            if buf:
                messages += map(_FIRST, buf)
        buf.clear()
        self._release()
        return messages

    def _release(self) -> None:
        """Settle the byte count; resume a parser or transport the count had stopped."""
        queue = self.queue
        settle(queue, self.buf)
        stalled = queue._stalled_reader
        if stalled is not None and (parser := stalled()) is not None:
            parser.feed_data(b"")  # parse what the stall kept; the next take() gets it
        protocol = self.protocol
        if (
            queue._stalled_reader is None
            and queue._size < queue._limit
            and protocol._reading_paused
        ):
            protocol.resume_reading()

    def put_back(self, message: WSMessageNoDecodeText) -> None:
        """Put ``message`` first in the queue, for ``receive()`` to read next."""
        self.queue.feed_data(message, 0)  # counted as the queue counts it
        self.buf.appendleft(self.buf.pop())


def attach(ws: aiohttp.ClientWebSocketResponse[Any]) -> FrameQueue | None:
    """A FrameQueue for ``ws`` if this build and this websocket pass the checks, else None."""
    if not supported():
        return None
    queue = getattr(ws, "_reader", None)
    protocol = getattr(queue, "_protocol", None)
    checks = (
        type(queue) is compiled_queue_type(),
        isinstance(getattr(queue, "_buffer", None), deque),
        isinstance(getattr(ws, "_waiting", None), bool),
        isinstance(getattr(ws, "_closing", None), bool),
        isinstance(getattr(ws, "_closed", None), bool),
        hasattr(ws, "_close_wait") and hasattr(ws, "_close_code"),
        isinstance(getattr(protocol, "_reading_paused", None), bool),
        callable(getattr(protocol, "resume_reading", None)),
    )
    if not all(checks):
        log.debug("fast receive: websocket internals differ (%s); using receive()", checks)
        return None
    return FrameQueue(ws)
