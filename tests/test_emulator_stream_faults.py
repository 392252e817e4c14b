"""The event websocket's fault knobs, with a raw aiohttp client: drops, stalls, handshakes."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from aiocomet._generated import constants as c
from aiocomet.testing import CometEmulator

from ._emulator_helpers import (
    STREAM,
    call,
    ok,
    open_stream,
    recv,
    recv_closed,
    recv_event,
    recv_text,
    recv_until,
    subscribe,
)

ABSENCE_WAIT = 0.2  # how long "nothing arrives" is watched for


async def nothing_arrives(ws: aiohttp.ClientWebSocketResponse) -> bool:
    try:
        await asyncio.wait_for(ws.receive(), ABSENCE_WAIT)
    except TimeoutError:
        return True
    return False


# -- fault knobs: connections -----------------------------------------------------------------


@pytest.mark.parametrize("how", ["close", "abort", "reset"])
async def test_drop_websockets(emu: CometEmulator, http: aiohttp.ClientSession, how: str) -> None:
    ws = await subscribe(http, emu)
    emu.publish(c.SEVT_DEVICE_NEW, {"n": 1})
    assert emu.faults.drop_websockets(how=how, code=4001) == 1  # type: ignore[arg-type]
    assert emu.subscriber_count == 0
    msg = await recv(ws)
    if how != "reset":  # a reset may discard what was in flight
        assert (msg.type, msg.data and msg.json()["Data"]) == (aiohttp.WSMsgType.TEXT, {"n": 1})
        msg = await recv_closed(ws)
    else:
        msg = await recv_closed(ws) if msg.type is aiohttp.WSMsgType.TEXT else msg
    if how == "close":
        assert (msg.type, msg.data) == (aiohttp.WSMsgType.CLOSE, 4001)
    else:
        assert msg.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR)
    await ws.close()


@pytest.mark.parametrize("repeat", [False, True])
async def test_drop_after_n_events(
    emu: CometEmulator, http: aiohttp.ClientSession, repeat: bool
) -> None:
    ws = await subscribe(http, emu)
    emu.faults.drop_after(3, code=4002, repeat=repeat)
    for i in range(5):
        emu.publish(c.SEVT_DEVICE_NEW, {"n": i})
    assert [(await recv_event(ws))["Data"]["n"] for _ in range(3)] == [0, 1, 2]
    msg = await recv(ws)
    assert (msg.type, msg.data) == (aiohttp.WSMsgType.CLOSE, 4002)
    await ws.close()
    again = await subscribe(http, emu)
    for i in range(5):
        emu.publish(c.SEVT_DEVICE_NEW, {"n": i})
    assert [(await recv_event(again))["Data"]["n"] for _ in range(3)] == [0, 1, 2]
    if repeat:
        assert (await recv(again)).type is aiohttp.WSMsgType.CLOSE
    else:
        assert [(await recv_event(again))["Data"]["n"] for _ in range(2)] == [3, 4]
    await again.close()


async def test_stall_websockets_is_half_open(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    ws = await subscribe(http, emu, autoping=False)
    await ws.ping(b"before")
    msg = await recv(ws)
    assert (msg.type, msg.data) == (aiohttp.WSMsgType.PONG, b"before")
    emu.faults.stall_websockets()
    assert emu.subscriber_count == 0
    emu.publish(c.SEVT_DEVICE_NEW, {"n": 1})
    await ws.ping(b"after")
    assert await nothing_arrives(ws)
    assert not ws.closed
    await ws.close(code=1000)


async def test_stall_after_n_events(emu: CometEmulator, http: aiohttp.ClientSession) -> None:
    ws = await subscribe(http, emu, autoping=False)
    emu.faults.stall_after(2)
    for i in range(4):
        emu.publish(c.SEVT_DEVICE_NEW, {"n": i})
    assert [(await recv_event(ws))["Data"]["n"] for _ in range(2)] == [0, 1]
    await ws.ping()
    assert await nothing_arrives(ws)
    await ws.close()


# -- fault knobs: handshakes -------------------------------------------------------------------


async def test_refuse_handshakes_403_then_normal(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    emu.faults.refuse_handshakes(2)
    for _ in range(2):
        ws = await open_stream(http, emu)
        assert await recv_text(ws) == "403 Unauth"
        assert (await recv(ws)).type is aiohttp.WSMsgType.CLOSE
        await ws.close()
    ws = await subscribe(http, emu)
    await ws.close()


async def test_refuse_handshakes_503_at_upgrade(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    emu.faults.refuse_handshakes(1, status=503)
    with pytest.raises(aiohttp.WSServerHandshakeError) as info:
        await http.ws_connect(emu.url + STREAM)
    assert info.value.status == 503
    ws = await subscribe(http, emu)
    await ws.close()


async def test_accept_then_close(emu: CometEmulator, http: aiohttp.ClientSession) -> None:
    emu.faults.accept_then_close(1)
    ws = await open_stream(http, emu)
    assert await recv_text(ws) == "200 OK"
    assert (await recv(ws)).type is aiohttp.WSMsgType.CLOSE
    await ws.close()


async def test_no_auth_reply(emu: CometEmulator, http: aiohttp.ClientSession) -> None:
    emu.faults.no_auth_reply(1)
    ws = await open_stream(http, emu)
    assert await nothing_arrives(ws)
    assert emu.subscriber_count == 0
    await ws.close()


@pytest.mark.parametrize("frame", ["HTTP/1.1 500 Oops", b"\x00\xff"], ids=["text", "binary"])
async def test_auth_reply_garbage(
    emu: CometEmulator, http: aiohttp.ClientSession, frame: str | bytes
) -> None:
    emu.faults.auth_reply(frame)
    ws = await open_stream(http, emu)
    msg = await recv(ws)
    assert msg.data == frame
    await ws.close()


async def test_clear_forgets_pending_handshake_faults(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    emu.faults.refuse_handshakes(3)
    emu.faults.no_auth_reply(1)
    emu.faults.clear()
    ws = await subscribe(http, emu)
    await ws.close()


async def test_restart_drops_connections_and_comes_back_on_same_port(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    await ok(http, emu, "AdminAddUser", TargetUser="bob", TargetPassword="pw")
    start_hash = (await ok(http, emu, "AdminMetaVersion"))["ServerStartHash"]
    port = emu.port
    ws = await subscribe(http, emu)
    restart = asyncio.create_task(emu.faults.restart(0.3))
    msg = await recv_closed(ws)
    assert (msg.type, msg.data) == (aiohttp.WSMsgType.CLOSE, 1012)
    await ws.close()
    with pytest.raises(aiohttp.ClientConnectionError):
        await call(http, emu, "AdminListUsers")
    await restart
    assert emu.port == port
    assert await ok(http, emu, "AdminListUsers") == ["alice", "bob"]
    assert (await ok(http, emu, "AdminMetaVersion"))["ServerStartHash"] != start_hash
    again = await subscribe(http, emu)
    emu.publish(c.SEVT_DEVICE_NEW, {"n": 1})
    assert (await recv_until(again, "SEVT_DEVICE_NEW"))["Data"] == {"n": 1}
    await again.close()


@pytest.mark.parametrize("how", ["abort", "reset"])
async def test_drop_after_without_close_frame(
    emu: CometEmulator, http: aiohttp.ClientSession, how: str
) -> None:
    ws = await subscribe(http, emu)
    emu.faults.drop_after(2, how=how)  # type: ignore[arg-type]
    for i in range(4):
        emu.publish(c.SEVT_DEVICE_NEW, {"n": i})
    msg = await recv_closed(ws)
    assert msg.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR)
    assert emu.subscriber_count == 0
    await ws.close()
