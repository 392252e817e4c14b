"""Webhooks: the receiver against the emulator's webhook delivery, and registration."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from aiocomet import CometClient, CometError
from aiocomet.constants import SEVT_JOB_COMPLETED, SEVT_JOB_NEW, SEVT_META_HELLO
from aiocomet.events import Event, EventDecodeError
from aiocomet.testing import CometEmulator
from aiocomet.webhooks import (
    DEFAULT_SECRET_HEADER,
    TRACING_HEADER,
    WebhookReceiver,
    register_webhook,
    unregister_webhook,
)

SECRET = "webhook-shared-s3cret"


@pytest.fixture
async def emu() -> AsyncIterator[CometEmulator]:
    async with CometEmulator(webhook_retry_delay=0.01) as e:
        yield e


@pytest.fixture
async def client(emu: CometEmulator) -> AsyncIterator[CometClient]:
    async with CometClient(emu.url, emu.admin_username, emu.admin_password) as c:
        yield c


async def take(receiver: WebhookReceiver, n: int, timeout: float = 5.0) -> list[Event]:
    got: list[Event] = []
    async with asyncio.timeout(timeout):
        async for event in receiver:
            got.append(event)
            if len(got) == n:
                break
    return got


async def raw_webhook_options(client: CometClient, emu: CometEmulator) -> dict[str, Any]:
    """The webhook options as JSON, unknown keys included (no SDK decoding)."""
    form = {"Username": emu.admin_username, "AuthType": "Password"}
    form["Password"] = emu.admin_password
    url = emu.url + "/api/v1/admin/meta/webhook-options/get"
    async with client.session.post(url, data=form) as resp:
        result: dict[str, Any] = json.loads(await resp.read())
        return result


async def test_webhooks_from_the_emulator_arrive_typed(
    emu: CometEmulator, client: CometClient
) -> None:
    types = {SEVT_META_HELLO, SEVT_JOB_NEW, SEVT_JOB_COMPLETED}
    async with WebhookReceiver(secret=SECRET, server="comet-a", types=types) as receiver:
        url = await receiver.serve()
        await receiver.register(client, "aiocomet-test")
        (hello,) = await take(receiver, 1)  # the server greets a new webhook
        assert hello.Type == SEVT_META_HELLO and hello.hello is not None
        emu.publish(SEVT_JOB_NEW, {"GUID": "w1", "Username": "bob"}, resource_id="w1")
        emu.publish(SEVT_JOB_COMPLETED, {"GUID": "w1", "EndTime": 9}, resource_id="w1")
        got = await take(receiver, 2)
        assert sorted(e.Type for e in got) == [SEVT_JOB_NEW, SEVT_JOB_COMPLETED]
        for event in got:
            assert event.typed and event.job is not None and event.job.GUID == "w1"
            assert event.server == "comet-a" and len(event.tracing_id) >= 32
        stats = receiver.stats
        assert stats.received == stats.queued == stats.delivered == 3 and stats.unauthorized == 0
    options = await client.admin_meta_webhook_options_get()
    option = options["aiocomet-test"]
    assert option.URL == url and option.CustomHeaders == {DEFAULT_SECRET_HEADER: SECRET}
    assert option.WhiteListedEventTypes == sorted(types)


async def test_register_and_unregister_keep_other_webhooks_and_unknown_fields(
    emu: CometEmulator, client: CometClient
) -> None:
    other = {"URL": "http://127.0.0.1:9/other", "WhiteListedEventTypes": [4200], "Future": 1}
    form = {"Username": emu.admin_username, "AuthType": "Password"}
    form["Password"] = emu.admin_password
    form["WebhookOptions"] = json.dumps({"other": other})
    async with client.session.post(
        emu.url + "/api/v1/admin/meta/webhook-options/set", data=form
    ) as resp:
        assert resp.status == 200
    await register_webhook(
        client, "mine", "http://127.0.0.1:9/mine", types=[SEVT_JOB_COMPLETED], secret="s"
    )
    raw = await raw_webhook_options(client, emu)
    assert raw["other"]["Future"] == 1 and raw["other"]["WhiteListedEventTypes"] == [4200]
    assert raw["mine"]["WhiteListedEventTypes"] == [SEVT_JOB_COMPLETED]
    # updating keeps the entry's other custom headers
    await register_webhook(
        client, "mine", "http://127.0.0.1:9/v2", headers={"Authorization": "Bearer x"}
    )
    raw = await raw_webhook_options(client, emu)
    assert raw["mine"]["URL"] == "http://127.0.0.1:9/v2"
    assert raw["mine"]["CustomHeaders"] == {DEFAULT_SECRET_HEADER: "s", "Authorization": "Bearer x"}
    assert await unregister_webhook(client, "mine") is True
    assert await unregister_webhook(client, "mine") is False
    raw = await raw_webhook_options(client, emu)
    assert set(raw) == {"other"} and raw["other"]["Future"] == 1


async def test_secret_filter_queue_bound_and_bad_bodies() -> None:
    errors: list[CometError] = []
    receiver = WebhookReceiver(
        secret=SECRET, types={SEVT_JOB_NEW}, queue_size=2, on_error=errors.append
    )
    url = await receiver.serve()
    job = json.dumps({"Type": SEVT_JOB_NEW, "Data": {"GUID": "q"}})
    ok_headers = {DEFAULT_SECRET_HEADER: SECRET, TRACING_HEADER: "trace-1"}
    async with aiohttp.ClientSession() as http:

        async def post(body: str, headers: dict[str, str]) -> int:
            async with http.post(url, data=body, headers=headers) as resp:
                return resp.status

        assert await post(job, {}) == 401
        assert await post(job, {DEFAULT_SECRET_HEADER: "wrong"}) == 401
        assert await post(json.dumps({"Type": SEVT_JOB_COMPLETED}), ok_headers) == 200
        assert await post("not json", ok_headers) == 200
        assert await post(job, ok_headers) == 200
        assert await post(job, ok_headers) == 200
        assert await post(job, ok_headers) == 503  # queue full: Comet retries later
        got = await take(receiver, 2)
        assert [e.tracing_id for e in got] == ["trace-1", "trace-1"]
        assert got[0].server == "127.0.0.1"
        await receiver.aclose()
        with pytest.raises(aiohttp.ClientConnectionError):
            await post(job, ok_headers)
    assert [type(e) for e in errors] == [EventDecodeError]
    stats = receiver.stats
    assert (stats.unauthorized, stats.filtered, stats.decode_errors, stats.rejected_full) == (
        2,
        1,
        1,
        1,
    )
    assert SECRET not in repr(receiver)


async def test_aclose_from_another_task_ends_iteration_after_the_queue() -> None:
    receiver = WebhookReceiver()
    app = receiver.app()
    request_body = json.dumps({"Type": SEVT_JOB_NEW}).encode()
    got: list[Event] = []

    async def consume() -> None:
        async for event in receiver:
            got.append(event)

    task = asyncio.create_task(consume())
    url = await receiver.serve()
    async with aiohttp.ClientSession() as http, http.post(url, data=request_body) as resp:
        assert resp.status == 200
    await receiver.aclose()
    async with asyncio.timeout(5):
        await task
    assert len(got) == 1 and app is not None
