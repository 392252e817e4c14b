"""Secrets never leak: sentinel credentials through every error path, at DEBUG logging."""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Awaitable, Callable

import pytest

from aiocomet import CometClient, CometError, RetryPolicy

from ._fake_comet import FakeComet, Reply

PASSWORD = "PW-SENTINEL-9f3a"
SESSION_KEY = "SK-SENTINEL-77c1"
TOTP_SECRET = "SENTINELSENTINELSENTINELSENTINEL"
LIST = "/api/v1/admin/list-users"
SECRETS = (PASSWORD, SESSION_KEY, TOTP_SECRET)


def assert_clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"secret leaked: {text[:300]}"


async def no_sleep(_: float) -> None:
    return None


def make(url: str, **kw: object) -> CometClient:
    return CometClient(
        url,
        "admin",
        PASSWORD,
        session_key=SESSION_KEY,
        totp_secret=TOTP_SECRET,
        sleep=no_sleep,
        retry=RetryPolicy(attempts=1),
        **kw,  # type: ignore[arg-type]
    )


def echo(status: int) -> Reply:
    """A server that (badly) echoes credentials back in its error message."""
    msg = f"bad login for password {PASSWORD} key {SESSION_KEY} secret {TOTP_SECRET}"
    return Reply(status=status, body={"Status": status, "Message": msg})


Scenario = Callable[[FakeComet, CometClient], Awaitable[object]]


async def bad_status(server: FakeComet, c: CometClient) -> object:
    server.reply(LIST, echo(500))
    return await c.admin_list_users()


async def forbidden(server: FakeComet, c: CometClient) -> object:
    server.reply(LIST, echo(403))
    return await c.admin_list_users()


async def bad_json(server: FakeComet, c: CometClient) -> object:
    server.reply(LIST, Reply(raw=f"not json {PASSWORD} {SESSION_KEY}".encode()))
    return await c.admin_list_users()


async def error_body(server: FakeComet, c: CometClient) -> object:
    server.reply(LIST, Reply(body={"Status": 401, "Message": f"pw {PASSWORD}"}))
    return await c.admin_list_users()


async def mfa(server: FakeComet, c: CometClient) -> object:
    server.always(LIST, Reply(status=449, body={}, headers={"X-Comet-TOTP-Requested": "1"}))
    return await c.admin_list_users()


async def timeout(server: FakeComet, c: CometClient) -> object:
    hold = asyncio.Event()
    server.reply("/api/v1/admin/delete-user", Reply(body={}, hold=hold))
    try:
        return await c.with_options(timeout=0.1).admin_delete_user("bob")
    finally:
        hold.set()


async def transport(server: FakeComet, c: CometClient) -> object:
    dead = CometClient(
        "http://127.0.0.1:9", "admin", PASSWORD, session_key=SESSION_KEY, sleep=no_sleep
    )
    async with dead:
        return await dead.admin_list_users()


async def redirect(server: FakeComet, c: CometClient) -> object:
    location = f"http://127.0.0.1:9/?p={PASSWORD}"
    server.reply(LIST, Reply(status=307, raw=b"", headers={"Location": location}))
    return await c.admin_list_users()


async def wrong_account(server: FakeComet, c: CometClient) -> object:
    return await c.user_web_get_jobs()


async def relogin_fails(server: FakeComet, c: CometClient) -> object:
    c.credentials.session_key = SESSION_KEY
    server.reply(LIST, echo(403))
    server.reply("/api/v1/admin/account/session-start", echo(403))
    return await c.admin_list_users()


@pytest.mark.parametrize(
    "scenario",
    [
        bad_status,
        forbidden,
        bad_json,
        error_body,
        mfa,
        timeout,
        transport,
        redirect,
        wrong_account,
        relogin_fails,
    ],
)
async def test_no_secret_in_errors_or_logs(
    scenario: Scenario, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with FakeComet() as server:
        async with make(server.url) as c:
            assert_clean(repr(c))
            assert_clean(repr(c.credentials))
            with pytest.raises(CometError) as info:
                await scenario(server, c)
    exc = info.value
    assert_clean(str(exc))
    assert_clean(repr(exc))
    assert_clean("".join(traceback.format_exception(exc)))
    for value in vars(exc).values():
        assert_clean(repr(value))
    for record in caplog.records:
        assert_clean(record.getMessage())
        assert_clean(repr(record.args))
