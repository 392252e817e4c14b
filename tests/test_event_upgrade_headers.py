"""The event stream's websocket upgrade carries the client's User-Agent and Accept-Language.

On a session the client creates they are the session's default headers; on
a caller's session (``session=``) nothing puts them there, so the dial must
send them itself, as API calls and downloads do. Over loopback, the server
records the upgrade request's headers.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import aiohttp
from aiohttp import web

from aiocomet import CometClient

from ._ws_server import STREAM_PATH, Collector, WsServer

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


async def upgrade_headers(session: aiohttp.ClientSession | None) -> dict[str, str]:
    """The headers of the first upgrade request of a stream opened with these options."""
    seen: list[dict[str, str]] = []

    @web.middleware
    async def record(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path == STREAM_PATH:
            seen.append(dict(request.headers))
        return await handler(request)

    server = WsServer()
    server.app.middlewares.append(record)
    async with server:
        async with CometClient(
            server.url,
            "admin",
            "admin",
            session=session,
            user_agent="probe/2.5",
            accept_language="de-CH",
        ) as client:
            collector = Collector(client.events())
            try:
                await server.wait_connected()
            finally:
                await collector.close()
    return seen[0]


async def test_the_upgrade_on_a_callers_session_carries_the_clients_headers() -> None:
    async with aiohttp.ClientSession(headers={"X-Caller": "kept"}) as session:
        headers = await upgrade_headers(session)
        assert not session.closed
    assert headers["User-Agent"] == "probe/2.5"
    assert headers["Accept-Language"] == "de-CH"
    assert headers["X-Caller"] == "kept"  # the session's own headers stay
    assert headers["Upgrade"].lower() == "websocket"


async def test_the_upgrade_on_an_owned_session_carries_them_too() -> None:
    headers = await upgrade_headers(None)
    assert headers["User-Agent"] == "probe/2.5"
    assert headers["Accept-Language"] == "de-CH"
