"""A tiny scriptable HTTP server on 127.0.0.1 for client-core tests.

Each path answers with a queue of scripted replies (status, JSON/bytes body,
headers, optional hold-until event); every request is recorded with its form,
headers and the client's socket, so tests can check what really went over the
wire. The full Comet Server emulator lives in ``aiocomet.testing``.
"""

from __future__ import annotations

import asyncio
import json
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    hold: asyncio.Event | None = None
    raw: bytes | None = None


@dataclass
class Seen:
    path: str
    method: str
    form: dict[str, str]
    headers: dict[str, str]
    peer: tuple[str, int]
    content_type: str
    body: bytes


class FakeComet:
    def __init__(self) -> None:
        self.replies: dict[str, deque[Reply]] = defaultdict(deque)
        self.default: dict[str, Reply] = {}
        self.seen: list[Seen] = []
        self.app = web.Application()
        self.app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(self.app)
        self._arrived = asyncio.Event()
        self.url = ""

    async def wait_seen(self, n: int, timeout: float = 5.0) -> None:
        """Until ``n`` requests have arrived."""
        async with asyncio.timeout(timeout):
            while len(self.seen) < n:
                self._arrived.clear()
                await self._arrived.wait()

    def reply(self, path: str, *replies: Reply) -> None:
        self.replies[path].extend(replies)

    def always(self, path: str, reply: Reply) -> None:
        self.default[path] = reply

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        form: dict[str, str] = {}
        if request.content_type == "application/x-www-form-urlencoded":
            form = {k: str(v) for k, v in (await request.post()).items()}
        peer = request.transport.get_extra_info("peername") if request.transport else ("", 0)
        self.seen.append(
            Seen(
                request.path,
                request.method,
                form,
                dict(request.headers),
                tuple(peer[:2]),
                request.content_type,
                body,
            )
        )
        self._arrived.set()
        queue = self.replies.get(request.path)
        reply = queue.popleft() if queue else self.default.get(request.path)
        if reply is None:
            return web.json_response({"Status": 404, "Message": "not scripted"}, status=404)
        if reply.hold is not None:
            await reply.hold.wait()
        if reply.raw is not None:
            return web.Response(status=reply.status, body=reply.raw, headers=reply.headers)
        return web.Response(
            status=reply.status,
            body=json.dumps(reply.body).encode(),
            headers={"Content-Type": "application/json", **reply.headers},
        )

    async def __aenter__(self) -> FakeComet:
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._runner.cleanup()
