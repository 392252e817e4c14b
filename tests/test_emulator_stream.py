"""The event websocket with a raw aiohttp client: handshake, ordering, payloads, back-pressure.

The fault knobs (dropped, stalled and refused connections, restarts) are tested in
test_emulator_stream_faults.py.
"""

from __future__ import annotations

import asyncio

import aiohttp
import pyotp
import pytest

from aiocomet import models
from aiocomet._codec import decode
from aiocomet._generated import constants as c
from aiocomet.testing import CometEmulator

from ._emulator_helpers import (
    STREAM,
    ok,
    open_stream,
    recv,
    recv_closed,
    recv_event,
    recv_text,
    subscribe,
)

# -- handshake -----------------------------------------------------------------------------


async def test_handshake_ok_then_hello_first(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    ws = await open_stream(http, emu)
    assert await recv_text(ws) == "200 OK"
    hello = await recv_event(ws)
    assert hello["Type"] == c.SEVT_META_HELLO
    assert hello["Data"]["Version"] == c.APPLICATION_VERSION
    # ResourceID is omitempty in Go's StreamableEvent: the hello has none, so it is left out
    assert set(hello) == {
        "Actor",
        "OwnerOrganizationID",
        "Type",
        "Timestamp",
        "TypeString",
        "Data",
    }
    await emu.wait_for_subscribers(1)
    assert emu.subscriber_count == 1
    await ws.close()


async def test_wrong_credentials_get_403_unauth_and_close(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    watcher = await subscribe(http, emu)
    ws = await open_stream(http, emu, frames=("admin", "Password", "wrong", "", ""))
    assert await recv_text(ws) == "403 Unauth"
    assert (await recv(ws)).type is aiohttp.WSMsgType.CLOSE
    failed = await recv_event(watcher)
    assert failed["Type"] == c.SEVT_ACCOUNT_ADMIN_LOGIN_FAILED
    assert failed["ResourceID"] == STREAM and failed["Actor"] == "admin"
    assert emu.subscriber_count == 1
    await ws.close()
    await watcher.close()


async def test_end_users_cannot_subscribe(emu: CometEmulator, http: aiohttp.ClientSession) -> None:
    ws = await open_stream(http, emu, frames=("alice", "Password", "alice-pw", "", ""))
    assert await recv_text(ws) == "403 Unauth"
    await ws.close()


async def test_handshake_with_session_key(emu: CometEmulator, http: aiohttp.ClientSession) -> None:
    key = (await ok(http, emu, "AdminAccountSessionStart"))["SessionKey"]
    ws = await open_stream(http, emu, frames=("admin", "SessionKey", "", key, ""))
    assert await recv_text(ws) == "200 OK"
    await ws.close()


async def test_handshake_with_totp(http: aiohttp.ClientSession) -> None:
    secret = pyotp.random_base32()
    async with CometEmulator(admin_totp_secrets={"admin": secret}) as emu:
        ws = await open_stream(http, emu)
        assert await recv_text(ws) == "403 Unauth"
        await ws.close()
        code = pyotp.TOTP(secret).now()
        ws = await open_stream(http, emu, frames=("admin", "PasswordTOTP", "admin", "", code))
        assert await recv_text(ws) == "200 OK"
        await ws.close()


async def test_binary_auth_frame_is_refused(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    ws = await http.ws_connect(emu.url + STREAM)
    await ws.send_bytes(b"admin")
    msg = await recv(ws)
    assert msg.type is aiohttp.WSMsgType.CLOSE and msg.data == 1003
    await ws.close()


async def test_wait_for_subscribers_times_out(emu: CometEmulator) -> None:
    with pytest.raises(TimeoutError, match="wanted 2"):
        await emu.wait_for_subscribers(2, timeout=0.05)


# -- ordering ----------------------------------------------------------------------------------


async def test_events_reach_every_subscriber_in_publish_order(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    a = await subscribe(http, emu)
    b = await subscribe(http, emu)
    await emu.wait_for_subscribers(2)
    before = emu.events_published
    for i in range(2000):
        emu.publish(c.SEVT_DEVICE_NEW, {"n": i}, resource_id=f"dev-{i}", actor="admin")
    for ws in (a, b):
        for i in range(2000):
            event = await recv_event(ws)
            assert event["Data"] == {"n": i}
            assert event["ResourceID"] == f"dev-{i}"
            assert event["TypeString"] == "SEVT_DEVICE_NEW"
    assert emu.events_published - before == 2000
    await a.close()
    await b.close()


async def test_raw_frames_and_encoded_events_keep_their_place(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    ws = await subscribe(http, emu)
    emu.publish(c.SEVT_DEVICE_NEW, {"n": 1})
    emu.faults.send_raw("not json")
    emu.faults.send_raw(b"\x00\x01")
    emu.publish_encoded([b'{"Type":4700,"Data":{"n":2}}', b'{"Type":4700,"Data":{"n":3}}'])
    assert (await recv_event(ws))["Data"] == {"n": 1}
    assert await recv_text(ws) == "not json"
    msg = await recv(ws)
    assert (msg.type, msg.data) == (aiohttp.WSMsgType.BINARY, b"\x00\x01")
    assert (await recv_event(ws))["Data"] == {"n": 2}
    assert (await recv_event(ws))["Data"] == {"n": 3}
    await ws.close()


async def test_slow_consumer_is_dropped(http: aiohttp.ClientSession) -> None:
    async with CometEmulator(ws_send_queue=20) as emu:
        ws = await subscribe(http, emu)
        big = "x" * 60_000
        # the client reads nothing, so socket buffers fill and the queue overflows
        for i in range(5000):
            emu.publish(c.SEVT_DEVICE_NEW, {"n": i, "pad": big})
            await asyncio.sleep(0)  # let the connection's pump write
            if emu.subscriber_count == 0:
                break
        assert emu.slow_consumers_dropped == 1
        received = 0
        while True:
            msg = await recv(ws)
            if msg.type is not aiohttp.WSMsgType.TEXT:
                break
            assert msg.data.startswith('{"Actor"')
            received += 1
        assert msg.type is aiohttp.WSMsgType.CLOSE and msg.data == 1008
        assert 0 < received < i + 1
        await ws.close()


# -- payloads ----------------------------------------------------------------------------------


async def test_publish_keeps_unknown_fields_of_models(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    ws = await subscribe(http, emu)
    profile = decode(b'{"Username": "x", "FromTheFuture": 1}', models.UserProfileConfig)
    emu.publish(c.SEVT_ACCOUNT_UPDATED, profile, resource_id="x")
    event = await recv_event(ws)
    assert event["Data"]["FromTheFuture"] == 1 and event["Data"]["Username"] == "x"
    await ws.close()


async def test_event_payloads_are_shaped_as_go_writes_them(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    ws = await subscribe(http, emu)
    # Go writes a nil slice or map as null and the envelope's empty omitempty fields not at all
    emu.publish(c.SEVT_ACCOUNT_NEW, models.UserProfileConfig(Username="x"), actor="admin")
    emu.publish(c.SEVT_ACCOUNT_REMOVED, resource_id="x")
    new, removed = await recv_event(ws), await recv_event(ws)
    assert "ResourceID" not in new and new["Actor"] == "admin"
    assert new["Data"]["Username"] == "x"
    assert new["Data"]["Emails"] is None and new["Data"]["Destinations"] is None
    assert "OrganizationID" not in new["Data"] and "PasswordRecovery" not in new["Data"]
    assert removed["ResourceID"] == "x" and "Data" not in removed
    assert list(new) == ["Actor", "OwnerOrganizationID", "Type", "Timestamp", "TypeString", "Data"]
    await ws.close()


# -- back-pressure and shutdown -------------------------------------------------------------------


async def test_unthrottled_simulator_drops_a_consumer_that_reads_nothing(
    http: aiohttp.ClientSession,
) -> None:
    async with CometEmulator(ws_send_queue=50) as emu:
        stuck = await subscribe(http, emu)
        await emu.simulate_jobs(20_000)
        assert emu.slow_consumers_dropped == 1
        assert emu.events_published == 40_000
        await stuck.close()


async def test_stop_with_stalled_and_busy_connections(http: aiohttp.ClientSession) -> None:
    emu = CometEmulator()
    await emu.start()
    stalled = await subscribe(http, emu)
    emu.faults.stall_after(1)
    busy = await subscribe(http, emu)
    emu.simulate_jobs(None)
    assert (await recv_event(busy))["Type"] == c.SEVT_JOB_NEW
    await emu.stop()
    assert emu.subscriber_count == 0
    for ws in (stalled, busy):
        await recv_closed(ws)
        await ws.close()


async def test_firehose_paced_by_drain_never_drops(http: aiohttp.ClientSession) -> None:
    async with CometEmulator(ws_send_queue=100) as emu:
        ws = await subscribe(http, emu)
        frames = [b'{"Type":4700,"Data":{"n":%d}}' % i for i in range(1000)]

        async def consume() -> int:
            count = 0
            while count < 20 * len(frames):
                await recv_event(ws)
                count += 1
            return count

        reader = asyncio.create_task(consume())
        for _ in range(20):
            emu.publish_encoded(frames)
            await emu.drain(timeout=5)
        assert await reader == 20_000
        assert emu.slow_consumers_dropped == 0 and emu.subscriber_count == 1
        await ws.close()
