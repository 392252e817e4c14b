"""Webhook delivery to a receiving aiohttp server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from aiocomet._generated import constants as c
from aiocomet.testing import CometEmulator

from ._emulator_helpers import RECV_TIMEOUT, ok


@dataclass
class Receiver:
    """Collects webhook POSTs; answers the statuses in ``script`` first, then 200.

    While ``hold`` is set to an unset event, answers wait for it: the emulator's
    counters for a POST move only once its answer is read, so a test reads them
    while the next POST is held (the worker sends one POST at a time).
    """

    url: str = ""
    script: list[int] = field(default_factory=list)
    got: asyncio.Queue[tuple[dict[str, str], dict[str, Any], int]] = field(
        default_factory=asyncio.Queue
    )
    hold: asyncio.Event | None = None

    async def handle(self, request: web.Request) -> web.Response:
        status = self.script.pop(0) if self.script else 200
        body = json.loads(await request.read())
        self.got.put_nowait((dict(request.headers), body, status))
        if self.hold is not None:
            await self.hold.wait()
        return web.Response(status=status, text="ok")

    async def next(self) -> tuple[dict[str, str], dict[str, Any], int]:
        return await asyncio.wait_for(self.got.get(), RECV_TIMEOUT)


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    recv = Receiver()
    app = web.Application()
    app.router.add_post("/hook", recv.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    recv.url = f"http://127.0.0.1:{port}/hook"
    yield recv
    await runner.cleanup()


async def test_webhook_gets_hello_then_events_with_headers(
    receiver: Receiver, http: aiohttp.ClientSession
) -> None:
    async with CometEmulator() as emu:
        option = {
            "URL": receiver.url,
            "CustomHeaders": {"Authorization": "Bearer t0k", "X-Custom": "v"},
            "WhiteListedEventTypes": [],
        }
        await ok(http, emu, "AdminMetaWebhookOptionsSet", WebhookOptions={"org": option})
        assert (await ok(http, emu, "AdminMetaWebhookOptionsGet"))["org"]["URL"] == receiver.url
        headers, hello, _ = await receiver.next()
        assert hello["Type"] == c.SEVT_META_HELLO
        assert headers["Authorization"] == "Bearer t0k" and headers["X-Custom"] == "v"
        assert headers["x-Comet-Tracing-Id"]
        _, updated, _ = await receiver.next()
        assert updated["Type"] == c.SEVT_SERVER_UPDATED
        await ok(http, emu, "AdminAddUser", TargetUser="bob", TargetPassword="pw")
        headers2, new, _ = await receiver.next()
        assert (new["Type"], new["ResourceID"]) == (c.SEVT_ACCOUNT_NEW, "bob")
        assert headers2["x-Comet-Tracing-Id"] != headers["x-Comet-Tracing-Id"]
        # The count moves after the answer is read: look while a fourth POST is held.
        receiver.hold = asyncio.Event()
        emu.publish(c.SEVT_DEVICE_NEW, {"n": 4})
        assert (await receiver.next())[1]["Type"] == c.SEVT_DEVICE_NEW
        assert emu.webhooks.delivered == 3
        receiver.hold.set()
        receiver.hold = None
        emu.publish(c.SEVT_DEVICE_NEW, {"n": 5})  # its arrival: the fourth was answered
        assert (await receiver.next())[1]["Data"] == {"n": 5}


async def test_webhook_whitelist(receiver: Receiver, http: aiohttp.ClientSession) -> None:
    async with CometEmulator() as emu:
        option = {"URL": receiver.url, "WhiteListedEventTypes": [c.SEVT_ACCOUNT_REMOVED]}
        await ok(http, emu, "AdminMetaWebhookOptionsSet", WebhookOptions={"org": option})
        await ok(http, emu, "AdminAddUser", TargetUser="bob", TargetPassword="pw")
        await ok(http, emu, "AdminDeleteUser", TargetUser="bob")
        types = [(await receiver.next())[1]["Type"] for _ in range(2)]
        assert types == [c.SEVT_META_HELLO, c.SEVT_ACCOUNT_REMOVED]


async def test_webhook_retries_non_200_with_the_same_tracing_id(
    receiver: Receiver, http: aiohttp.ClientSession
) -> None:
    async with CometEmulator(webhook_retries=2, webhook_retry_delay=0.01) as emu:
        option = {"URL": receiver.url, "WhiteListedEventTypes": [c.SEVT_DEVICE_NEW]}
        await ok(http, emu, "AdminMetaWebhookOptionsSet", WebhookOptions={"org": option})
        await receiver.next()  # HELLO
        receiver.script = [500, 503]
        emu.publish(c.SEVT_DEVICE_NEW, {"n": 1})
        attempts = [await receiver.next() for _ in range(3)]
        assert [status for _, _, status in attempts] == [500, 503, 200]
        assert len({h["x-Comet-Tracing-Id"] for h, _, _ in attempts}) == 1
        assert all(body["Data"] == {"n": 1} for _, body, _ in attempts)

        receiver.script = [500, 500, 500]
        emu.publish(c.SEVT_DEVICE_NEW, {"n": 2})
        emu.publish(c.SEVT_DEVICE_NEW, {"n": 3})
        bodies = [(await receiver.next())[1]["Data"]["n"] for _ in range(4)]
        assert bodies == [2, 2, 2, 3]  # gave up after 1 + 2 retries, then went on
        assert emu.webhooks.failed == 1


async def test_webhook_removed_and_hello_after_restart(
    receiver: Receiver, http: aiohttp.ClientSession
) -> None:
    async with CometEmulator() as emu:
        option = {"URL": receiver.url, "WhiteListedEventTypes": [c.SEVT_DEVICE_NEW]}
        await ok(http, emu, "AdminMetaWebhookOptionsSet", WebhookOptions={"org": option})
        assert (await receiver.next())[1]["Type"] == c.SEVT_META_HELLO
        await emu.faults.restart(0.0)
        assert (await receiver.next())[1]["Type"] == c.SEVT_META_HELLO
        await ok(http, emu, "AdminMetaWebhookOptionsSet", WebhookOptions={})
        assert not emu.webhooks.active
        assert await ok(http, emu, "AdminMetaWebhookOptionsGet") == {}
