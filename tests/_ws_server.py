"""A tiny Comet event-stream server for the event tests (127.0.0.1, port 0).

It speaks the five-frame handshake, sends ``200 OK`` and a HELLO, then
whatever a test sends; faults are scripted per handshake (``403``, ``503``,
``accept_close``, ``no_reply``, ``("reply", frame)``) or applied to live
connections (drop, stall, stop answering pings). It also answers the few REST
methods the stream uses: session start (for re-login) and
AdminGetJobsForDateRange (for the job resync).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import struct
from collections import deque
from collections.abc import Callable
from typing import Any

from aiohttp import WSMsgType, web

from aiocomet.events import Event

STREAM_PATH = "/api/v1/events/stream"
HELLO = {"Type": 4000, "TypeString": "SEVT_META_HELLO", "Data": {"Version": "25.9.8"}}


def event(type_: int, *, data: Any = None, resource_id: str = "", ts: int = 0) -> bytes:
    """One StreamableEvent frame."""
    body: dict[str, Any] = {"Type": type_, "ResourceID": resource_id, "Timestamp": ts}
    if data is not None:
        body["Data"] = data
    return json.dumps(body).encode()


def job(guid: str, start: int, end: int = 0, status: int = 5000) -> dict[str, Any]:
    return {"GUID": guid, "Username": "bob", "StartTime": start, "EndTime": end, "Status": status}


class WsServer:
    """Scriptable stand-in for the Comet Server's live event endpoint."""

    def __init__(
        self,
        *,
        username: str = "admin",
        password: str = "admin",
        session_key: str = "",
        autoping: bool = True,
    ) -> None:
        self.username = username
        self.password = password
        self.session_key = session_key
        self.autoping = autoping
        self.handshakes: list[list[str]] = []
        self.faults: deque[Any] = deque()
        self.live: list[web.WebSocketResponse] = []
        self.connected = 0
        self.logins = 0
        self.login_failures = 0
        self.jobs: list[dict[str, Any]] = []
        self.job_queries: list[tuple[int, int]] = []
        self.job_failures = 0
        self._changed = asyncio.Event()
        self._transports: set[asyncio.Transport] = set()
        self._runner: web.AppRunner | None = None
        self.port = 0
        app = web.Application()
        app.router.add_get(STREAM_PATH, self._stream)
        app.router.add_post("/api/v1/admin/account/session-start", self._login)
        app.router.add_post("/api/v1/admin/get-jobs-for-date-range", self._jobs)
        self.app = app

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def __aenter__(self) -> WsServer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def start(self, port: int = 0) -> None:
        self._runner = web.AppRunner(self.app, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port or self.port, reuse_address=True)
        await site.start()
        sock = site._server.sockets[0]  # type: ignore[union-attr]
        self.port = sock.getsockname()[1]

    async def stop(self) -> None:
        for transport in list(self._transports):
            transport.abort()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # -- waiting ----------------------------------------------------------------------------

    async def wait(self, predicate: Any, timeout: float = 5.0) -> None:
        """Wait until ``predicate()`` holds (checked whenever the server's state changes)."""
        async with asyncio.timeout(timeout):
            while not predicate():
                self._changed.clear()
                await self._changed.wait()

    async def wait_connected(self, count: int = 1, timeout: float = 5.0) -> None:
        await self.wait(lambda: self.connected >= count and self.live, timeout)

    def _notify(self) -> None:
        self._changed.set()

    # -- sending and faults ---------------------------------------------------------------------

    async def send(self, *frames: bytes | str) -> None:
        """Send frames to every live connection: bytes as text, str as text, or binary via raw."""
        for ws in list(self.live):
            for frame in frames:
                await ws.send_str(frame.decode() if isinstance(frame, bytes) else frame)

    async def send_binary(self, data: bytes) -> None:
        for ws in list(self.live):
            await ws.send_bytes(data)

    async def drop(self, how: str = "close", code: int = 1000) -> int:
        conns = list(self.live)
        self.live.clear()
        for ws in conns:
            if how == "close":
                await ws.close(code=code)
            else:
                transport = _transport(ws)
                if transport is None:
                    continue
                if how == "reset":
                    sock = transport.get_extra_info("socket")
                    with contextlib.suppress(OSError):
                        sock.setsockopt(
                            socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                        )
                transport.abort()
        self._notify()
        return len(conns)

    def stall(self) -> None:
        """Half-open: stop reading (so no pongs) and sending on every live connection."""
        for ws in list(self.live):
            transport = _transport(ws)
            if transport is not None:
                transport.pause_reading()
        self.live.clear()

    # -- handlers ----------------------------------------------------------------------------------

    async def _stream(self, request: web.Request) -> web.StreamResponse:
        fault = self.faults.popleft() if self.faults else None
        if fault == "503":
            return web.Response(status=503, text="busy")
        ws = web.WebSocketResponse(autoping=self.autoping, max_msg_size=1 << 20)
        await ws.prepare(request)
        transport = request.transport
        assert transport is not None
        self._transports.add(transport)
        try:
            frames: list[str] = []
            while len(frames) < 5:
                msg = await ws.receive()
                if msg.type is not WSMsgType.TEXT:
                    return ws
                frames.append(msg.data)
            self.handshakes.append(frames)
            self._notify()
            if fault == "no_reply":
                await _drain(ws)
                return ws
            if isinstance(fault, tuple) and fault[0] == "reply":
                await ws.send_str(fault[1])
                await ws.close()
                return ws
            if fault == "403" or not self._authorized(frames):
                await ws.send_str("403 Unauth")
                await ws.close(code=1008)
                return ws
            await ws.send_str("200 OK")
            if fault == "accept_close":
                await ws.close()
                return ws
            await ws.send_str(json.dumps(HELLO))
            self.connected += 1
            self.live.append(ws)
            self._notify()
            await _drain(ws)
        finally:
            self._transports.discard(transport)
            if ws in self.live:
                self.live.remove(ws)
            self._notify()
        return ws

    def _authorized(self, frames: list[str]) -> bool:
        username, auth_type, password, session_key, _totp = frames
        if username != self.username:
            return False
        if auth_type == "SessionKey":
            return bool(self.session_key) and session_key == self.session_key
        return password == self.password

    async def _login(self, request: web.Request) -> web.Response:
        form = await request.post()
        if self.login_failures > 0:
            self.login_failures -= 1
            return web.json_response({"Status": 503, "Message": "busy"}, status=503)
        if form.get("Password") != self.password:
            return web.json_response({"Status": 403, "Message": "bad"}, status=403)
        self.logins += 1
        self.session_key = f"sk-{self.logins}"
        body = {"Status": 200, "Message": "OK", "SessionKey": self.session_key}
        return web.json_response(body)

    async def _jobs(self, request: web.Request) -> web.Response:
        form = await request.post()
        start, end = int(str(form["Start"])), int(str(form["End"]))
        self.job_queries.append((start, end))
        self._notify()
        if self.job_failures > 0:
            self.job_failures -= 1
            return web.json_response({"Status": 503, "Message": "busy"}, status=503)
        found = [j for j in self.jobs if start <= j["StartTime"] <= end]
        return web.json_response(found)


def _transport(ws: web.WebSocketResponse) -> asyncio.Transport | None:
    req = ws._req
    return None if req is None else req.transport  # type: ignore[return-value]


async def _drain(ws: web.WebSocketResponse) -> None:
    async for _msg in ws:
        pass


class Collector:
    """Iterates a stream in its own task; tests wait on what it has seen."""

    def __init__(self, stream: Any, *, gate: asyncio.Event | None = None) -> None:
        self.stream = stream
        self.events: list[Event] = []
        self.error: BaseException | None = None
        self.gate = gate
        self._changed = asyncio.Event()
        self.task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        try:
            async with self.stream:
                async for ev in self.stream:
                    self.events.append(ev)
                    self._changed.set()
                    if self.gate is not None:
                        await self.gate.wait()
        except Exception as exc:
            self.error = exc
        finally:
            self._changed.set()

    async def wait(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        async with asyncio.timeout(timeout):
            while not predicate():
                self._changed.clear()
                if self.task.done() and not predicate():
                    raise AssertionError(f"consumer ended: {self.error!r}")
                await self._changed.wait()

    async def count(self, n: int, timeout: float = 5.0) -> None:
        await self.wait(lambda: len(self.events) >= n, timeout)

    async def finished(self, timeout: float = 5.0) -> None:
        async with asyncio.timeout(timeout):
            await asyncio.shield(self.task)

    async def close(self) -> None:
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)

    def types(self) -> list[int]:
        return [e.Type for e in self.events]


class SleepLog:
    """An injected sleep that records delays and returns at once."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        await asyncio.sleep(0)
