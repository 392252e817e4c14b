"""aiocomet.webui: the SSO message shapes, the origin rules, and real keys from the emulator."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest

from aiocomet import CometClient
from aiocomet.constants import SEVT_ACCOUNT_ADMIN_SESSION_START, SEVT_ACCOUNT_SESSION_START
from aiocomet.errors import AccessDeniedError, AuthenticationError, InvalidParameterError
from aiocomet.testing import CometEmulator
from aiocomet.webui import (
    APP_LOADED,
    WebLoginMessage,
    admin_web_login,
    hybrid_web_login,
    user_web_login,
    web_origin,
)

ADMIN_PW = "admin-pw-7c1d"
ALICE_PW = "alice-pw-33e0"
WAIT = 10.0


# -- pure: the message and the origin ---------------------------------------------------------


def test_message_has_exactly_the_documented_shape_and_hides_the_key() -> None:
    login = WebLoginMessage("session_login", "admin", "sk-secret-123", "https://c.example")
    assert login.to_json() == {
        "msg": "session_login",
        "username": "admin",
        "sessionkey": "sk-secret-123",
    }
    assert json.loads(json.dumps(login.to_json())) == login.to_json()
    for text in (repr(login), str(login), f"{login}", f"{login!r}"):
        assert "sk-secret-123" not in text
        assert "session_login" in text and "https://c.example" in text
    assert APP_LOADED == "app_loaded"


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://Comet.Example.com/", "https://comet.example.com"),
        ("https://comet.example.com:443/admin/#/login", "https://comet.example.com"),
        ("http://127.0.0.1:8060", "http://127.0.0.1:8060"),
        ("http://comet.example.com:80/x", "http://comet.example.com"),
        ("HTTPS://comet.example.com:8443", "https://comet.example.com:8443"),
        ("http://[::1]:8060/", "http://[::1]:8060"),
    ],
)
def test_web_origin_is_spelled_as_the_browser_spells_event_origin(url: str, origin: str) -> None:
    assert web_origin(url) == origin


@pytest.mark.parametrize(
    "url",
    ["comet.example.com", "ftp://comet.example.com", "https://", "https://u:p@c.example", "x:99"],
)
def test_web_origin_refuses_what_is_not_a_web_interface_url(url: str) -> None:
    with pytest.raises(InvalidParameterError, match="web_url"):
        web_origin(url)


# -- against the emulator ------------------------------------------------------------------------


@pytest.fixture
async def emu() -> AsyncIterator[CometEmulator]:
    async with CometEmulator(admins={"admin": ADMIN_PW}, users={"alice": ALICE_PW}) as emulator:
        yield emulator


async def test_admin_login_is_a_working_admin_session_key(
    emu: CometEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with (
        CometClient(emu.url, "admin", ADMIN_PW) as admin,
        admin.events(types={SEVT_ACCOUNT_ADMIN_SESSION_START}) as stream,
    ):
        first = asyncio.ensure_future(anext(aiter(stream)))  # the stream connects when read
        await emu.wait_for_subscribers(1, timeout=WAIT)
        login = await admin_web_login(admin)
        assert (login.msg, login.username, login.target_origin) == (
            "session_login",
            "admin",
            emu.url,
        )
        assert login.session_type == "admin"
        async with asyncio.timeout(WAIT):
            event = await first
        assert event.Actor == "admin"
        # the key is a live admin session on its own: the web interface can use it
        async with CometClient(emu.url, "admin", session_key=login.session_key) as web:
            assert await web.admin_list_users() == ["alice"]
    assert login.session_key not in caplog.text


async def test_admin_login_with_the_web_interface_elsewhere(emu: CometEmulator) -> None:
    async with CometClient(emu.url, "admin", ADMIN_PW) as admin:
        login = await admin_web_login(admin, web_url="https://backup.example.com/")
    assert login.target_origin == "https://backup.example.com"


async def test_user_login_as_admin_is_a_working_session_of_that_user(emu: CometEmulator) -> None:
    async with (
        CometClient(emu.url, "admin", ADMIN_PW) as admin,
        admin.events(types={SEVT_ACCOUNT_SESSION_START}) as stream,
    ):
        first = asyncio.ensure_future(anext(aiter(stream)))
        await emu.wait_for_subscribers(1, timeout=WAIT)
        login = await user_web_login(admin, "alice")
        assert (login.msg, login.username, login.session_type) == (
            "user_session_login",
            "alice",
            "user",
        )
        assert login.to_json()["username"] == "alice"
        async with asyncio.timeout(WAIT):
            event = await first
        assert event.Actor == "alice"
    async with CometClient(
        emu.url, "alice", session_key=login.session_key, account_type="user"
    ) as web:
        profile = await web.user_web_get_user_profile_and_hash()
        assert profile.Profile is not None and profile.Profile.Username == "alice"


async def test_user_login_for_an_unknown_user_is_refused(emu: CometEmulator) -> None:
    async with CometClient(emu.url, "admin", ADMIN_PW) as admin:
        with pytest.raises(AccessDeniedError):
            await user_web_login(admin, "mallory")
        with pytest.raises(InvalidParameterError, match="target_user"):
            await user_web_login(admin, "")
    assert emu.accounts.session_count == 0


async def test_hybrid_login_follows_the_account_kind(emu: CometEmulator) -> None:
    async with CometClient(emu.url, "admin", ADMIN_PW) as admin:
        login = await hybrid_web_login(admin)
    assert (login.msg, login.username) == ("session_login", "admin")
    async with CometClient(emu.url, "alice", ALICE_PW, account_type="user") as alice:
        login = await hybrid_web_login(alice, web_url="https://backup.example.com:8443/")
    assert (login.msg, login.username) == ("user_session_login", "alice")
    assert login.target_origin == "https://backup.example.com:8443"
    async with CometClient(
        emu.url, "alice", session_key=login.session_key, account_type="user"
    ) as web:
        await web.user_web_get_user_profile_and_hash()


async def test_an_answer_without_a_session_key_is_an_error(http_mock: Any) -> None:
    http_mock.post(
        "https://comet.test/api/v1/hybrid/session/start",
        payload={"Status": 200, "Message": "OK", "SessionKey": ""},
    )
    async with CometClient("https://comet.test", "admin", ADMIN_PW) as admin:
        with pytest.raises(AuthenticationError, match="HybridSessionStart returned no session key"):
            await hybrid_web_login(admin)
