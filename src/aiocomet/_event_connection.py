"""Opening one authenticated event-stream websocket, and the stream's throttled log.

``connect_and_authenticate`` dials ``/api/v1/events/stream`` on the client's
session, refuses a redirected upgrade before any credential is sent, sends
the five handshake frames and checks the reply; every failure becomes an
aiocomet error saying what to do, without secrets.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from typing import Final, Literal

import aiohttp
from aiohttp import WSMsgType

from ._event_protocol import check_auth_reply, handshake_frames
from ._event_socket import close_within, transport_of
from ._failures import FAILURES, comet_error
from .auth import Credentials
from .errors import CometError, HandshakeError, RedirectRefusedError, TransportError

WebSocket = aiohttp.ClientWebSocketResponse[Literal[False]]

_TEXT: Final = WSMsgType.TEXT
_BINARY: Final = WSMsgType.BINARY
_PING_PONG: Final = (WSMsgType.PING, WSMsgType.PONG)


def refuse_redirect(ws: WebSocket, server: str, redact: Callable[[str], str]) -> None:
    """Stop before the five frames if aiohttp followed a redirect to reach ``ws``.

    ``ws_connect`` follows redirects and has no option not to; the five
    frames carry the password or session key, so they must not go to a host
    the client was sent to.
    """
    response = getattr(ws, "_response", None)
    if response is not None and response.history:
        raise RedirectRefusedError(
            f"event stream {server}: the websocket upgrade was redirected to "
            f"{redact(str(response.url))!r}; redirects are not followed because the "
            "handshake carries credentials. Point the client at the final URL."
        )


async def connect_and_authenticate(
    session: aiohttp.ClientSession,
    url: str,
    credentials: Credentials,
    *,
    server: str,
    heartbeat: float | None,
    max_frame_bytes: int,
    compress: bool,
    connect_timeout: float,
    close_timeout: float,
    opened: Callable[[WebSocket | None], bool],
    headers: Mapping[str, str] | None = None,
) -> WebSocket:
    """An authenticated websocket, or a CometError.

    ``opened(ws)`` is told about the socket as soon as it exists (and
    ``opened(None)`` when it is given up) and answers whether the stream is
    closing meanwhile. aiohttp's autoping is off: the stream answers pings
    itself, beside its reader (see :mod:`aiocomet._event_socket`); pings
    before the reply are not answered (the handshake is bounded anyway).
    ``max_frame_bytes`` is passed on plus one: aiohttp refuses a message of
    ``max_msg_size`` bytes, the stream only those over ``max_frame_bytes``.
    ``headers`` go on the upgrade request, over the
    session's own: a session the caller passed does not carry the client's
    ``User-Agent`` and ``Accept-Language``.
    """
    redact = credentials.redact
    ws: WebSocket | None = None
    try:
        async with asyncio.timeout(connect_timeout):
            ws = await session.ws_connect(
                url,
                headers=headers,
                heartbeat=heartbeat,
                autoping=False,
                max_msg_size=max_frame_bytes + 1,
                decode_text=False,
                compress=15 if compress else 0,
                timeout=aiohttp.ClientWSTimeout(ws_receive=None, ws_close=close_timeout),
            )
            if opened(ws):
                raise TransportError(f"event stream {server}: closed")
            refuse_redirect(ws, server, redact)
            for frame in handshake_frames(credentials):
                await ws.send_str(frame)
            reply = await ws.receive()
            while reply.type in _PING_PONG:
                reply = await ws.receive()
            if reply.type is _TEXT:
                check_auth_reply(reply.data, server=server, redact=redact)
            elif reply.type is _BINARY:
                raise HandshakeError(
                    f"event stream {server}: binary handshake reply", server=server
                )
            else:
                raise TransportError(
                    f"event stream {server}: connection closed during the handshake "
                    f"({reply.type.name}, code {ws.close_code})"
                )
        return ws
    except BaseException as exc:
        opened(None)
        if ws is not None:
            await close_within(ws, close_timeout, transport_of(ws))
        if isinstance(exc, CometError) or not isinstance(exc, FAILURES):
            raise
        error = comet_error(
            exc, "event stream", server=server, redact=redact, timeout=connect_timeout
        )
    raise error  # outside the except block: the aiohttp error is not its context


class ThrottledLog:
    """Warnings of one stream, at most one a minute of each kind; the others go to DEBUG.

    A server that keeps refusing or dropping the stream would otherwise log
    every retry for as long as it lasts. The next warning of a kind says how
    many were held back; ``on_error`` still receives every error.
    """

    __slots__ = ("_held", "_last", "interval", "log", "monotonic")

    def __init__(
        self, log: logging.Logger, monotonic: Callable[[], float], interval: float = 60.0
    ) -> None:
        self.log = log
        self.monotonic = monotonic
        self.interval = interval
        self._last: dict[str, float] = {}
        self._held: dict[str, int] = {}

    def warning(self, kind: str, message: str, *args: object) -> None:
        now = self.monotonic()
        last = self._last.get(kind)
        if last is not None and now - last < self.interval:
            self._held[kind] = self._held.get(kind, 0) + 1
            self.log.debug(message, *args)
            return
        self._last[kind] = now
        held = self._held.pop(kind, 0)
        if held:
            self.log.warning(message + " (%d more since the last report)", *args, held)
        else:
            self.log.warning(message, *args)
