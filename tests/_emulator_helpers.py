"""Raw-protocol helpers for the emulator tests (independent of the SDK client)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from typing import Any

import aiohttp

from aiocomet._generated.methods import METHODS
from aiocomet.testing import CometEmulator

STREAM = "/api/v1/events/stream"
ADMIN = {"Username": "admin", "AuthType": "Password", "Password": "admin"}
RECV_TIMEOUT = 5.0


class FakeClock:
    """A settable clock for session expiry and timestamps."""

    def __init__(self, t: float = 1_700_000_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


def auth(username: str, password: str, **extra: str) -> dict[str, str]:
    return {"Username": username, "AuthType": "Password", "Password": password, **extra}


def session_auth(username: str, key: str) -> dict[str, str]:
    return {"Username": username, "AuthType": "SessionKey", "SessionKey": key}


async def call(
    session: aiohttp.ClientSession,
    emu: CometEmulator,
    method: str,
    fields: Mapping[str, str] | None = None,
    **params: Any,
) -> tuple[int, Any, Mapping[str, str]]:
    """POST a spec method like the guide's curl: (status, decoded JSON or bytes, headers)."""
    spec = METHODS[method]
    data = dict(ADMIN if fields is None else fields)
    for key, value in params.items():
        data[key] = value if isinstance(value, str) else json.dumps(value)
    async with session.request(spec.http_method, emu.url + spec.path, data=data) as resp:
        body = await resp.read()
        if resp.content_type == "application/json":
            return resp.status, json.loads(body), resp.headers
        return resp.status, body, resp.headers


def in_body_error(body: Any) -> bool:
    """Whether a 200 answer is a ``CometAPIResponseMessage`` error (the Go SDK's test)."""
    return (
        isinstance(body, dict)
        and isinstance(body.get("Status"), int)
        and body["Status"] >= 400
        and bool(body.get("Message"))
    )


def unknown_user_status(emu: CometEmulator) -> int:
    """A real server (20.9.0+) says 403 Unauthorised in the body; HTTP mode says 404."""
    return 403 if emu.error_mode == "body" else 404


async def ok(
    session: aiohttp.ClientSession,
    emu: CometEmulator,
    method: str,
    fields: Mapping[str, str] | None = None,
    **params: Any,
) -> Any:
    status, body, _ = await call(session, emu, method, fields, **params)
    assert status == 200 and not in_body_error(body), (method, status, body)
    return body


async def refused(
    session: aiohttp.ClientSession,
    emu: CometEmulator,
    method: str,
    fields: Mapping[str, str] | None = None,
    **params: Any,
) -> tuple[int, str]:
    """(Status, Message) of an application error, checked to come in the emulator's mode."""
    status, body, _ = await call(session, emu, method, fields, **params)
    assert in_body_error(body), (method, status, body)
    assert status == (200 if emu.error_mode == "body" else body["Status"]), (status, body)
    return body["Status"], body["Message"]


async def policy_id_of(session: aiohttp.ClientSession, emu: CometEmulator, description: str) -> str:
    """The ID of the policy with ``description`` (``AdminPoliciesNew`` does not say it)."""
    listed = await ok(session, emu, "AdminPoliciesList") or {}
    (found,) = [pid for pid, text in listed.items() if text == description]
    return found


async def open_stream(
    session: aiohttp.ClientSession,
    emu: CometEmulator,
    frames: tuple[str, str, str, str, str] = ("admin", "Password", "admin", "", ""),
    **kwargs: Any,
) -> aiohttp.ClientWebSocketResponse:
    """Connect to the event stream and send the five auth frames."""
    ws = await session.ws_connect(emu.url + STREAM, **kwargs)
    for frame in frames:
        await ws.send_str(frame)
    return ws


async def subscribe(
    session: aiohttp.ClientSession, emu: CometEmulator, **kwargs: Any
) -> aiohttp.ClientWebSocketResponse:
    """An authenticated stream whose "200 OK" and HELLO have been read."""
    ws = await open_stream(session, emu, **kwargs)
    assert await recv_text(ws) == "200 OK"
    hello = await recv_event(ws)
    assert hello["TypeString"] == "SEVT_META_HELLO"
    return ws


async def recv(ws: aiohttp.ClientWebSocketResponse) -> aiohttp.WSMessage:
    return await asyncio.wait_for(ws.receive(), RECV_TIMEOUT)


async def recv_text(ws: aiohttp.ClientWebSocketResponse) -> str:
    msg = await recv(ws)
    assert msg.type is aiohttp.WSMsgType.TEXT, msg
    assert isinstance(msg.data, str)
    return msg.data


async def recv_event(ws: aiohttp.ClientWebSocketResponse) -> dict[str, Any]:
    event: dict[str, Any] = json.loads(await recv_text(ws))
    return event


async def recv_until(ws: aiohttp.ClientWebSocketResponse, type_string: str) -> dict[str, Any]:
    """The next event of a type (others, such as login events, are skipped)."""
    while True:
        event = await recv_event(ws)
        if event["TypeString"] == type_string:
            return event


async def recv_closed(ws: aiohttp.ClientWebSocketResponse) -> aiohttp.WSMessage:
    """Read (skipping events) until the connection ends; returns the final message."""
    while True:
        msg = await recv(ws)
        if msg.type not in (aiohttp.WSMsgType.TEXT, aiohttp.WSMsgType.BINARY):
            return msg
