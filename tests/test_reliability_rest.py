"""Issue 9, REST: retries, Retry-After, timeouts, pools, size caps, redirects, bad bodies.

Scenarios already proven elsewhere are listed in docs/reliability.md with their
tests; the tests here add the emulator end of them and what was missing.
Sleeps are injected (``Sleeps`` records them) so waiting costs no time.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pyotp
import pytest
from aiohttp import web

from aiocomet import (
    CometAccountClient,
    CometClient,
    MFARequiredError,
    ResponseDecodeError,
    ResponseTooLargeError,
    RetryPolicy,
    ServerError,
    TimeoutError,
    TransportError,
    models,
)
from aiocomet.testing import CometEmulator
from aiocomet.webhooks import WebhookReceiver

from ._fake_comet import FakeComet, Reply
from .test_client_transport import LIST, Sleeps
from .test_reliability_stream_input import HOSTILE, STOPPED_BY

DELETE = "/api/v1/admin/delete-user"


@pytest.fixture
async def emu() -> AsyncIterator[CometEmulator]:
    async with CometEmulator(users={"bob": "pw"}) as e:
        yield e


def client_of(emu: CometEmulator, sleeps: Sleeps, **kw: object) -> CometClient:
    return CometClient(emu.url, "admin", "admin", sleep=sleeps, **kw)  # type: ignore[arg-type]


# -- 18. HTTP 449 ----------------------------------------------------------------------------------


async def test_449_is_typed_and_with_totp_retried_once_with_a_fresh_code() -> None:
    secret = pyotp.random_base32()
    now = [1_800_000_029.5]

    def clock() -> float:
        now[0] += 1.0  # the retry's code comes from the next 30 s window
        return now[0]

    async with CometEmulator(
        admin_totp_secrets={"admin": secret}, users={"bob": "pw"}, clock=clock
    ) as emu:
        async with CometClient(emu.url, "admin", "admin") as plain:
            with pytest.raises(MFARequiredError) as info:
                await plain.admin_list_users()
            assert info.value.totp_requested and info.value.http_status == 449
        async with CometClient(emu.url, "admin", "admin", totp_secret=secret, clock=clock) as c:
            mfa = {"X-Comet-TOTP-Requested": "1"}
            emu.faults.fail_method("AdminListUsers", 449, count=2, headers=mfa)
            with pytest.raises(MFARequiredError):
                await c.admin_list_users()  # two attempts: the 449, one retry, the error
            assert await c.admin_list_users() == ["bob"]  # no injected failure was left over
            emu.faults.fail_method("AdminListUsers", 449, count=1, headers=mfa)
            assert await c.admin_list_users() == ["bob"]  # the retry with a fresh code passes


# -- 19./20. 5xx, Retry-After, mutations, outcome unknown, 429 ------------------------------------


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_read_only_calls_retry_5xx_up_to_the_attempt_limit(
    emu: CometEmulator, status: int
) -> None:
    sleeps = Sleeps()
    async with client_of(emu, sleeps) as c:
        emu.faults.fail_method("AdminListUsers", status, count=3)
        assert await c.admin_list_users() == ["bob"]  # retried up to 3 times
        assert len(sleeps) == 3 and sleeps[0] <= 0.5 and sleeps[1] <= 1.0 and sleeps[2] <= 2.0
        emu.faults.fail_method("AdminListUsers", status, count=4)
        with pytest.raises(ServerError):
            await c.admin_list_users()
        assert len(sleeps) == 6
        assert await c.admin_list_users() == ["bob"]  # exactly four attempts were used


async def test_retry_after_seconds_and_http_date_are_honoured_and_capped(
    emu: CometEmulator,
) -> None:
    sleeps = Sleeps()
    soon = email.utils.formatdate(time.time() + 5, usegmt=True)
    async with client_of(emu, sleeps, retry=RetryPolicy(attempts=4)) as c:
        for value in ("3", soon, "86400"):
            emu.faults.fail_method("AdminListUsers", 503, headers={"Retry-After": value})
        assert await c.admin_list_users() == ["bob"]
    assert sleeps[0] == 3.0
    assert 3.5 <= sleeps[1] <= 5.0  # an HTTP-date: until then (whole seconds)
    assert sleeps[2] == 60.0  # capped


async def test_mutations_are_not_retried_on_5xx(emu: CometEmulator) -> None:
    sleeps = Sleeps()
    async with client_of(emu, sleeps) as c:
        emu.faults.fail_method("AdminSetUserProfile", 503, count=2)
        profile = await c.admin_get_user_profile("bob")
        with pytest.raises(ServerError):
            await c.admin_set_user_profile("bob", profile)
        assert sleeps == []
        with pytest.raises(ServerError):  # the second injected failure was still queued
            await c.admin_set_user_profile("bob", profile)
        await c.admin_set_user_profile("bob", profile)


async def test_timeout_after_a_mutation_was_sent_says_the_outcome_is_unknown(
    emu: CometEmulator,
) -> None:
    async with client_of(emu, Sleeps(), timeout=0.2) as c:
        profile = await c.admin_get_user_profile("bob")
        emu.faults.fail_method("AdminSetUserProfile", 200, delay=0.6)
        with pytest.raises(TimeoutError) as info:
            await c.admin_set_user_profile("bob", profile)
    assert info.value.outcome_unknown and "may or may not" in str(info.value)


async def test_connection_lost_after_a_mutation_was_sent_says_the_outcome_is_unknown() -> None:
    async def hang_up(request: web.Request) -> web.StreamResponse:
        await request.read()
        assert request.transport is not None
        request.transport.close()  # the request arrived; no answer will
        return web.Response()

    app = web.Application()
    app.router.add_post(DELETE, hang_up)
    app.router.add_post(LIST, hang_up)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}"
    try:
        async with CometClient(url, "admin", "pw", sleep=Sleeps()) as c:
            with pytest.raises(TransportError) as mutation:
                await c.admin_delete_user("bob")
            with pytest.raises(TransportError) as read:
                await c.admin_list_users()
    finally:
        await runner.cleanup()
    assert mutation.value.outcome_unknown and "may or may not" in str(mutation.value)
    assert not read.value.outcome_unknown


async def test_429_waits_out_retry_after_7s_even_for_a_mutation(emu: CometEmulator) -> None:
    sleeps = Sleeps()
    async with client_of(emu, sleeps) as c:
        emu.faults.fail_method("AdminDeleteUser", 429, headers={"Retry-After": "7"})
        await c.admin_delete_user("bob")
    assert sleeps == [7.0]  # fake clock: at least 7 s


# -- 21. pool exhaustion ---------------------------------------------------------------------------


async def test_pool_of_10_and_50_read_only_calls_against_a_stalled_server_time_out() -> None:
    hold = asyncio.Event()
    sleeps = Sleeps()
    async with FakeComet() as server:
        server.always(LIST, Reply(body=[], hold=hold))
        async with CometClient(
            server.url, "admin", "pw", max_connections=10, timeout=0.3, sleep=sleeps
        ) as c:
            async with asyncio.timeout(60):  # a bound, not a pace: the server never answers
                results = await asyncio.gather(
                    *(c.admin_list_users() for _ in range(50)), return_exceptions=True
                )
            hold.set()
            assert all(isinstance(r, TimeoutError) for r in results), results
            assert not any(r.outcome_unknown for r in results)  # type: ignore[union-attr]
            assert len(sleeps) == 50 * 3  # four attempts each, then the error: no hang
            connector = c.session.connector
            assert connector is not None
            assert len(connector._acquired) == 0  # type: ignore[attr-defined]


async def test_a_mutation_timing_out_while_waiting_for_a_pooled_connection_was_not_sent() -> None:
    hold = asyncio.Event()
    async with FakeComet() as server:
        server.always(DELETE, Reply(body={"Status": 200}, hold=hold))
        async with CometClient(server.url, "admin", "pw", max_connections=1, timeout=60) as c:
            first = asyncio.ensure_future(c.admin_delete_user("alice"))  # takes the one connection
            await server.wait_seen(1)
            with pytest.raises(TimeoutError) as queued:  # the one connection is held till then
                await c.with_options(timeout=0.05).admin_delete_user("bob")
            hold.set()
            await first
            server.always(DELETE, Reply(body={"Status": 200}, hold=asyncio.Event()))
            with pytest.raises(TimeoutError) as holding:
                await c.with_options(timeout=0.3).admin_delete_user("carol")
    assert not queued.value.outcome_unknown and "may or may not" not in str(queued.value)
    assert holding.value.outcome_unknown  # it was sent: the server may have applied it
    assert [r.form.get("TargetUser") for r in server.seen] == ["alice", "carol"]


# -- 22. response size cap -------------------------------------------------------------------------


async def chunked(total: int, written: list[int]) -> web.AppRunner:
    """A server that streams ``total`` bytes of JSON without a Content-Length."""

    async def handler(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Type": "application/json"})
        resp.enable_chunked_encoding()
        await resp.prepare(request)
        block = b"x" * (1 << 16)
        try:
            await resp.write(b'["')
            while written[0] < total:
                await resp.write(block)
                written[0] += len(block)
            await resp.write(b'"]')
        except (ConnectionError, RuntimeError):
            pass  # the client stopped reading
        return resp

    app = web.Application()
    app.router.add_post(LIST, handler)
    app.router.add_post("/api/v1/admin/branding/generate-client/linuxgeneric", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return runner


async def test_chunked_50mb_body_without_content_length_is_aborted_at_a_10mb_cap() -> None:
    written = [0]
    runner = await chunked(50 << 20, written)
    url = f"http://127.0.0.1:{runner.addresses[0][1]}"
    try:
        async with CometClient(url, "admin", "pw", max_response_bytes=10 << 20) as c:
            with pytest.raises(ResponseTooLargeError, match="max_response_bytes"):
                await c.admin_list_users()
            connector = c.session.connector
            assert connector is not None and not connector._acquired  # type: ignore[attr-defined]
    finally:
        await runner.cleanup()
    assert written[0] < 50 << 20  # the connection was dropped, not read to the end


async def test_streamed_download_is_exempt_from_the_cap(tmp_path: Path) -> None:
    written = [0]
    runner = await chunked(12 << 20, written)
    url = f"http://127.0.0.1:{runner.addresses[0][1]}"
    try:
        async with CometClient(url, "admin", "pw", max_response_bytes=10 << 20) as c:
            target = tmp_path / "client.run"
            size = await c.admin_branding_generate_client_linuxgeneric_stream().save(target)
    finally:
        await runner.cleanup()
    assert size == (12 << 20) + 4 == target.stat().st_size


# -- 23. redirects (CometAccountClient; CometClient in test_client_transport) ----------------------


@pytest.mark.parametrize("status", [302, 307])
async def test_account_client_does_not_follow_redirects_with_its_token(status: int) -> None:
    path = "/api/v1/license/list_all"
    async with FakeComet() as other, FakeComet() as server:
        server.always(path, Reply(status=status, raw=b"", headers={"Location": other.url + path}))
        async with CometAccountClient(
            api_token="TOKEN-SENTINEL", base_url=server.url, sleep=Sleeps()
        ) as account:
            with pytest.raises(TransportError, match="redirect"):
                await account.license_list_all()
    assert other.seen == []


# -- 16. (REST side) hostile JSON, and invalid UTF-8 -----------------------------------------------


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_json_body_is_refused_by_a_decoder_bound(name: str) -> None:
    """How long refusing takes is a benchmark figure (``hostile_reject_ms``), not a test."""
    with pytest.raises(ResponseDecodeError) as caught:
        models.decode(HOSTILE[name], models.BackupJobDetail)
    assert STOPPED_BY[name] in str(caught.value)
    assert len(str(caught.value)) < 400


BAD_UTF8 = b'[{"GUID": "j\xff\xfe", "StartTime": 1}]'


async def test_invalid_utf8_in_a_response_is_a_decode_error() -> None:
    jobs = "/api/v1/admin/get-jobs-for-date-range"
    async with FakeComet() as server:
        server.always(jobs, Reply(raw=BAD_UTF8))
        server.always("/api/v1/license/list_all", Reply(raw=b'["\xc3\x28"]'))
        async with CometClient(server.url, "admin", "pw") as c:
            with pytest.raises(ResponseDecodeError):
                await c.admin_get_jobs_for_date_range(0, 1)
        async with CometAccountClient(api_token="token", base_url=server.url) as account:
            with pytest.raises(ResponseDecodeError):
                await account.license_list_all()
    with pytest.raises(ResponseDecodeError):
        models.decode(BAD_UTF8, list[models.BackupJobDetail])


async def test_invalid_utf8_webhook_is_answered_and_reported() -> None:
    errors: list[Exception] = []
    async with WebhookReceiver(on_error=errors.append) as receiver:
        url = await receiver.serve()
        async with (
            aiohttp.ClientSession() as http,
            http.post(url, data=b'{"Type": 4200, "Actor": "\xff"}') as resp,
        ):
            assert resp.status == 200
    assert len(errors) == 1 and receiver.stats.decode_errors == 1
