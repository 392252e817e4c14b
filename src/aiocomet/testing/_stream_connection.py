"""One subscriber's websocket connection: its send queue, its pump's batched writes, its drops.

Every event is framed once by the hub and the same bytes are queued on every
connection. A connection's pump task writes everything queued since it last
ran in one ``transport.write`` and then waits for the socket to drain, so
publishing never awaits and costs one list append per connection. A
connection whose queue grows beyond its bound while the socket is blocked
is dropped with close code 1008, as a real server drops slow consumers.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from aiohttp import web

from ._events import close_frame

if TYPE_CHECKING:
    from ._stream import StreamHub

DropHow = Literal["close", "abort", "reset"]
WRITE_HIGH_WATER = 1 << 18
CLOSE_SLOW_CONSUMER = 1008


@dataclass(frozen=True, slots=True)
class Action:
    """What happens to a connection: a kind of drop, or a stall."""

    kind: Literal["close", "abort", "reset", "stall"]
    code: int = 1000
    reason: str = ""


@dataclass(slots=True)
class Countdown:
    """``action`` befalls the connection once ``remaining`` more events were queued on it."""

    remaining: int
    action: Action


class Connection:
    """One authenticated websocket subscriber.

    Its pump task is the only waiter on aiohttp's drain future and is never
    cancelled while waiting there (cancelling would cancel that shared
    future); it is told to stop and ends when the socket drains or closes.
    Others wait on :attr:`writable` (the socket takes data) and :attr:`idle`
    (everything queued was handed to the kernel), events of its own.
    """

    def __init__(self, hub: StreamHub, request: web.Request, ws: web.WebSocketResponse) -> None:
        transport = request.transport
        assert transport is not None
        self.hub = hub
        self.request = request
        self.ws = ws
        self.transport = transport
        self.pending: list[bytes] = []
        self.pending_events: int = 0
        self.countdowns: list[Countdown] = []
        self.stalled: bool = False
        self.writable: asyncio.Event = asyncio.Event()
        self.writable.set()
        self.idle: asyncio.Event = asyncio.Event()
        self._done = False
        self._plan: Action | None = None
        self._wake = asyncio.Event()
        transport.set_write_buffer_limits(high=WRITE_HIGH_WATER, low=0)

    # -- queueing (synchronous, on the publish path) -------------------------------------

    def enqueue(self, frames: Sequence[bytes]) -> None:
        """Queue event frames; count them against the bound and the countdowns."""
        if self.countdowns:
            first = min(self.countdowns, key=lambda c: c.remaining)
            if len(frames) >= first.remaining:
                self.pending.extend(frames[: first.remaining])
                self.hub.leave(self)
                self._plan = first.action
                self._wake.set()
                return
            for countdown in self.countdowns:
                countdown.remaining -= len(frames)
        self.pending.extend(frames)
        self.pending_events += len(frames)
        self.idle.clear()
        if self.pending_events > self.hub.send_queue and self.blocked():
            self.hub.slow_consumers_dropped += 1
            self.pending.clear()
            self.act(Action("close", CLOSE_SLOW_CONSUMER, "send queue overflow"))
            return
        self._wake.set()

    def enqueue_raw(self, frame: bytes) -> None:
        self.pending.append(frame)
        self.idle.clear()
        self._wake.set()

    def kick(self) -> None:
        self._wake.set()

    def blocked(self) -> bool:
        """True while the socket does not take more data (the consumer is behind)."""
        return self.request.protocol.writing_paused

    # -- writing ---------------------------------------------------------------------------

    def start(self) -> None:
        self.hub.spawn(self._pump(), pump=True)

    def flush(self) -> None:
        if self.pending and not self.transport.is_closing():
            data = b"".join(self.pending)
            self.pending.clear()
            self.pending_events = 0
            self.transport.write(data)

    def _stop_pump(self) -> None:
        self._done = True
        self._wake.set()
        self.writable.set()
        self.idle.set()

    async def _pump(self) -> None:
        writer = self.request.writer
        try:
            while not self._done:
                await self._wake.wait()
                self._wake.clear()
                if self._done or self.transport.is_closing():
                    return
                self.flush()
                plan, self._plan = self._plan, None
                if plan is not None:
                    self.act(plan)
                    return
                if self.blocked():
                    self.writable.clear()
                    await writer.drain()
                self.writable.set()
                if not self.pending:
                    self.idle.set()
        except ConnectionError:
            self.hub.leave(self)
        finally:
            self.writable.set()
            self.idle.set()

    # -- drops and stalls --------------------------------------------------------------------

    def act(self, action: Action) -> None:
        """Drop or stall this connection now (queued frames are written first)."""
        self.hub.leave(self)
        self._stop_pump()
        self.flush()
        transport = self.transport
        if action.kind == "stall":
            self.stalled = True
            transport.pause_reading()
        elif action.kind == "close":
            self.hub.spawn(self._close(action.code, action.reason))
        elif action.kind == "abort":
            if transport.can_write_eof() and not transport.is_closing():
                transport.write_eof()
            else:
                transport.abort()
        else:
            sock = transport.get_extra_info("socket")
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            transport.abort()

    async def _close(self, code: int, reason: str) -> None:
        with contextlib.suppress(ConnectionError, RuntimeError):
            await self.ws.close(code=code, message=reason.encode(), drain=False)
        if self.transport.get_write_buffer_size() and not self.hub.stopping:
            self.hub.abort_later(self.transport)

    def finish(self) -> None:
        """The client side ended: stop pumping (a close in progress runs to its end)."""
        self.hub.leave(self)
        self._stop_pump()

    def shutdown(self, code: int) -> None:
        """Server stop: a close frame after what is queued, then close the socket."""
        self.hub.leave(self)
        self._stop_pump()
        if self.stalled:
            self.transport.abort()
            return
        self.pending.append(close_frame(code, "server stopping"))
        self.flush()
        if self.transport.get_write_buffer_size():
            self.transport.abort()
        else:
            self.transport.close()
