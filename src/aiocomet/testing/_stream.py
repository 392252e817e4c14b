"""The live event endpoint ``/api/v1/events/stream``: the handshake, and the hub of subscribers.

The hub checks each websocket's five handshake frames (or plays an injected
handshake fault), attaches one :class:`Connection` (``_stream_connection``)
per subscriber and queues every broadcast on each; it owns their tasks and
closes them all when the server stops.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from aiohttp import WSMsgType, web

from ._auth import AuthError, Principal
from ._events import raw_frame, text_frame
from ._stream_connection import Action, Connection, Countdown

HANDSHAKE_FIELDS = ("Username", "AuthType", "Password", "SessionKey", "TOTP")
HANDSHAKE_TIMEOUT = 30.0
CLOSE_GRACE = 5.0
WRITABLE_TIMEOUT = 0.25
CLOSE_GOING_AWAY = 1001
OK_FRAME = text_frame(b"200 OK")


@dataclass(frozen=True, slots=True)
class HandshakeFault:
    """What to do instead of a normal handshake: refuse, accept_close, no_reply or reply."""

    kind: Literal["refuse", "accept_close", "no_reply", "reply"]
    status: int = 403
    frame: str | bytes = ""


class StreamHub:
    """All websocket connections, and the handler of ``/api/v1/events/stream``."""

    def __init__(
        self,
        *,
        send_queue: int,
        authenticate: Callable[[dict[str, str]], Principal],
        hello: Callable[[], bytes],
        on_auth_failed: Callable[[AuthError, str], None],
        next_fault: Callable[[], HandshakeFault | None],
    ) -> None:
        self.send_queue = send_queue
        self._authenticate = authenticate
        self._hello = hello
        self._on_auth_failed = on_auth_failed
        self._next_fault = next_fault
        self._live: dict[Connection, None] = {}
        self._conns: set[Connection] = set()
        self._transports: set[asyncio.Transport] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._pumps: set[asyncio.Task[None]] = set()
        self._timers: set[asyncio.TimerHandle] = set()
        self._waiters: list[tuple[int, asyncio.Future[None]]] = []
        self.repeat_drop: Action | None = None
        self.repeat_drop_after = 0
        self.slow_consumers_dropped = 0
        self.stopping: bool = False

    # -- subscribers -----------------------------------------------------------------------

    @property
    def subscribers(self) -> list[Connection]:
        return list(self._live)

    @property
    def subscriber_count(self) -> int:
        return len(self._live)

    def leave(self, conn: Connection) -> None:
        self._live.pop(conn, None)

    async def wait_for_subscribers(self, count: int, timeout: float) -> None:
        if len(self._live) >= count:
            return
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        entry = (count, fut)
        self._waiters.append(entry)
        try:
            async with asyncio.timeout(timeout):
                await fut
        except TimeoutError:
            raise TimeoutError(
                f"{len(self._live)} websocket subscriber(s) after {timeout:g} s, wanted {count}"
            ) from None
        finally:
            with contextlib.suppress(ValueError):
                self._waiters.remove(entry)

    def _notify(self) -> None:
        have = len(self._live)
        for count, fut in self._waiters:
            if have >= count and not fut.done():
                fut.set_result(None)

    # -- publishing ----------------------------------------------------------------------------

    def broadcast(self, frames: Sequence[bytes]) -> None:
        """Queue already framed events on every live connection, in order."""
        for conn in list(self._live):
            conn.enqueue(frames)

    def broadcast_raw(self, frame: str | bytes) -> None:
        data = raw_frame(frame)
        for conn in list(self._live):
            conn.enqueue_raw(data)

    async def drain(self) -> None:
        """Wait until every subscriber's socket took everything queued for it."""
        waits = [c.idle.wait() for c in self._live if not c.idle.is_set()]
        if waits:
            await asyncio.gather(*waits)

    async def wait_writable(self, timeout: float = WRITABLE_TIMEOUT) -> None:
        """Wait (at most ``timeout``) until no subscriber's socket is blocked.

        Paces the unthrottled simulator; a subscriber that reads nothing for
        longer does not stop it, it falls behind and is dropped instead.
        """
        waits = [c.writable.wait() for c in self._live if not c.writable.is_set() or c.blocked()]
        if waits:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await asyncio.gather(*waits)

    # -- faults ------------------------------------------------------------------------------------

    def act_all(self, action: Action) -> int:
        conns = list(self._live)
        for conn in conns:
            conn.act(action)
        return len(conns)

    def countdown_all(self, n: int, action: Action) -> None:
        for conn in self._live:
            conn.countdowns.append(Countdown(n, action))

    # -- tasks and shutdown ----------------------------------------------------------------------

    def spawn(self, coro: Coroutine[Any, Any, None], *, pump: bool = False) -> None:
        """Run a task owned by the hub (pumps are never cancelled, see Connection)."""
        tasks = self._pumps if pump else self._tasks
        task = asyncio.get_running_loop().create_task(coro)
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    def abort_later(self, transport: asyncio.Transport) -> None:
        loop = asyncio.get_running_loop()
        handle: asyncio.TimerHandle

        def fire() -> None:
            self._timers.discard(handle)
            transport.abort()

        handle = loop.call_later(CLOSE_GRACE, fire)
        self._timers.add(handle)

    async def close_all(self, code: int = CLOSE_GOING_AWAY) -> None:
        """Drop every connection (attached or still handshaking) and wait for the tasks."""
        self.stopping = True
        attached: set[asyncio.Transport] = set()
        for conn in list(self._conns):
            conn.shutdown(code)
            attached.add(conn.transport)
        for transport in self._transports - attached:
            transport.abort()
        for handle in self._timers:
            handle.cancel()
        self._timers.clear()
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        # every socket is closing, so each pump's drain ends soon
        pumps = list(self._pumps)
        if pumps:
            _, stuck = await asyncio.wait(pumps, timeout=CLOSE_GRACE)
            for task in stuck:
                task.cancel()
            await asyncio.gather(*stuck, return_exceptions=True)
        self.stopping = False

    # -- the endpoint ------------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.StreamResponse:
        fault = self._next_fault()
        if fault is not None and fault.kind == "refuse" and fault.status == 503:
            return web.json_response(
                {"Status": 503, "Message": "Service temporarily unavailable"}, status=503
            )
        ws = web.WebSocketResponse(autoping=True, compress=False, timeout=2.0, max_msg_size=1 << 16)
        await ws.prepare(request)
        transport = request.transport
        assert transport is not None
        self._transports.add(transport)
        try:
            await self._serve(request, ws, fault)
        finally:
            self._transports.discard(transport)
        return ws

    async def _serve(
        self, request: web.Request, ws: web.WebSocketResponse, fault: HandshakeFault | None
    ) -> None:
        fields = await self._read_handshake(ws)
        if fields is None:
            return
        if fault is not None and fault.kind == "no_reply":
            await _drain(ws)
            return
        if fault is not None and fault.kind == "reply":
            if isinstance(fault.frame, str):
                await ws.send_str(fault.frame)
            else:
                await ws.send_bytes(fault.frame)
            await _drain(ws)
            return
        if fault is not None and fault.kind == "refuse":
            await ws.send_str("403 Unauth")
            await ws.close(code=1008)
            return
        try:
            self._authenticate(fields)
        except AuthError as exc:
            self._on_auth_failed(exc, request.path)
            await ws.send_str("403 Unauth")
            await ws.close(code=1008)
            return
        if fault is not None and fault.kind == "accept_close":
            await ws.send_str("200 OK")
            await ws.close()
            return
        await self._subscribe(request, ws)

    async def _subscribe(self, request: web.Request, ws: web.WebSocketResponse) -> None:
        conn = Connection(self, request, ws)
        conn.pending.extend((OK_FRAME, text_frame(self._hello())))
        if self.repeat_drop is not None:
            conn.countdowns.append(Countdown(self.repeat_drop_after, self.repeat_drop))
        self._conns.add(conn)
        self._live[conn] = None
        conn.start()
        conn.kick()
        self._notify()
        try:
            await _drain(ws)
        finally:
            conn.finish()
            self._conns.discard(conn)

    async def _read_handshake(self, ws: web.WebSocketResponse) -> dict[str, str] | None:
        """The five auth frames, or None when the client left or sent something else."""
        values: list[str] = []
        try:
            async with asyncio.timeout(HANDSHAKE_TIMEOUT):
                while len(values) < len(HANDSHAKE_FIELDS):
                    msg = await ws.receive()
                    if msg.type is WSMsgType.TEXT:
                        values.append(msg.data)
                        continue
                    if msg.type is WSMsgType.BINARY:
                        await ws.close(code=1003, message=b"auth frames must be text")
                    return None
        except TimeoutError:
            await ws.close(code=1008, message=b"handshake timeout")
            return None
        return {k: v for k, v in zip(HANDSHAKE_FIELDS, values, strict=True) if v}


async def _drain(ws: web.WebSocketResponse) -> None:
    """Read (and ignore) client frames until the connection ends; pings are answered."""
    async for _msg in ws:
        pass
