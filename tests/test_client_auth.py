"""Authentication end to end over loopback: password, session keys, re-login, TOTP, 449, U2F."""

from __future__ import annotations

import asyncio
import json

import pyotp
import pytest

from aiocomet import AuthenticationError, CometClient, CredentialsError, MFARequiredError, models

from ._fake_comet import FakeComet, Reply

LIST = "/api/v1/admin/list-users"
START = "/api/v1/admin/account/session-start"
USER_START = "/api/v1/user/web/session/start"
OK_KEY = {"Status": 200, "Message": "OK", "SessionKey": "key-1"}
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


async def test_password_form_on_the_wire() -> None:
    async with FakeComet() as server:
        server.always(LIST, Reply(body=["alice"]))
        async with CometClient(server.url, "admin", "pw", accept_language="de") as client:
            assert await client.admin_list_users() == ["alice"]
    (seen,) = server.seen
    assert seen.method == "POST"
    assert seen.content_type == "application/x-www-form-urlencoded"
    assert seen.form == {"Username": "admin", "AuthType": "Password", "Password": "pw"}
    assert seen.headers["Accept-Language"] == "de"
    assert seen.headers["User-Agent"].startswith("aiocomet/")


async def test_login_then_session_key() -> None:
    async with FakeComet() as server:
        server.reply(START, Reply(body=OK_KEY))
        server.always(LIST, Reply(body=[]))
        async with CometClient(server.url, "admin", "pw") as client:
            assert await client.login() == "key-1"
            await client.admin_list_users()
    login, call = server.seen
    assert login.form["AuthType"] == "Password" and login.form["Password"] == "pw"
    assert login.form["SelfAddress"] == server.url + "/"
    assert call.form == {"Username": "admin", "AuthType": "SessionKey", "SessionKey": "key-1"}


async def test_user_account_logs_in_with_user_method() -> None:
    async with FakeComet() as server:
        server.reply(USER_START, Reply(body=OK_KEY))
        server.always("/api/v1/user/web/get-jobs", Reply(body=[]))
        async with CometClient(server.url, "bob", "pw", account_type="user") as client:
            await client.login()
            assert await client.user_web_get_jobs() == []
            with pytest.raises(CredentialsError):
                await client.admin_list_users()
    assert [s.path for s in server.seen] == [USER_START, "/api/v1/user/web/get-jobs"]


async def test_rejected_session_key_logs_in_again_once() -> None:
    async with FakeComet() as server:
        server.reply(START, Reply(body=OK_KEY), Reply(body={**OK_KEY, "SessionKey": "key-2"}))
        server.reply(LIST, Reply(status=403, body={"Status": 403, "Message": "expired"}))
        server.reply(LIST, Reply(body=["x"]))
        async with CometClient(server.url, "admin", "pw") as client:
            await client.login()
            assert await client.admin_list_users() == ["x"]
            assert client.credentials.session_key == "key-2"
    paths = [s.path for s in server.seen]
    assert paths == [START, LIST, START, LIST]
    assert server.seen[-1].form["SessionKey"] == "key-2"


async def test_second_rejection_raises() -> None:
    async with FakeComet() as server:
        server.always(START, Reply(body=OK_KEY))
        server.always(LIST, Reply(status=403, body={"Status": 403, "Message": "nope"}))
        async with CometClient(server.url, "admin", "pw") as client:
            await client.login()
            with pytest.raises(AuthenticationError, match="nope"):
                await client.admin_list_users()
    assert [s.path for s in server.seen] == [START, LIST, START, LIST]


async def test_concurrent_rejections_share_one_login() -> None:
    async with FakeComet() as server:
        server.reply(START, Reply(body=OK_KEY), Reply(body={**OK_KEY, "SessionKey": "key-2"}))
        for _ in range(5):
            server.reply(LIST, Reply(status=403, body={"Status": 403, "Message": "expired"}))
        server.always(LIST, Reply(body=[]))
        async with CometClient(server.url, "admin", "pw") as client:
            await client.login()
            await asyncio.gather(*(client.admin_list_users() for _ in range(5)))
    assert sum(s.path == START for s in server.seen) == 2


async def test_session_key_only_client_cannot_relogin() -> None:
    async with FakeComet() as server:
        server.always(LIST, Reply(status=403, body={"Status": 403, "Message": "expired"}))
        async with CometClient(server.url, "admin", session_key="sk") as client:
            with pytest.raises(AuthenticationError):
                await client.admin_list_users()
            with pytest.raises(CredentialsError):
                await client.login()
    assert len(server.seen) == 1
    assert server.seen[0].form == {
        "Username": "admin",
        "AuthType": "SessionKey",
        "SessionKey": "sk",
    }


async def test_totp_fresh_code_per_request() -> None:
    now = [1_700_000_000.0]
    async with FakeComet() as server:
        server.always(LIST, Reply(body=[]))
        async with CometClient(
            server.url, "admin", "pw", totp_secret=SECRET, clock=lambda: now[0]
        ) as client:
            await client.admin_list_users()
            now[0] += 30
            await client.admin_list_users()
    first, second = (s.form for s in server.seen)
    totp = pyotp.TOTP(SECRET)
    assert first["AuthType"] == "PasswordTOTP"
    assert first["TOTP"] == totp.at(1_700_000_000)
    assert second["TOTP"] == totp.at(1_700_000_030)
    assert first["TOTP"] != second["TOTP"]


async def test_login_with_totp_then_session_key() -> None:
    async with FakeComet() as server:
        server.reply(START, Reply(body=OK_KEY))
        server.always(LIST, Reply(body=[]))
        async with CometClient(server.url, "admin", "pw", totp_secret=SECRET) as client:
            await client.login()
            await client.admin_list_users()
    assert server.seen[0].form["AuthType"] == "PasswordTOTP" and server.seen[0].form["TOTP"]
    assert server.seen[1].form["AuthType"] == "SessionKey" and "TOTP" not in server.seen[1].form


async def test_449_raises_mfa_required_naming_the_factor() -> None:
    async with FakeComet() as server:
        server.reply(LIST, Reply(status=449, body={}, headers={"X-Comet-TOTP-Requested": "1"}))
        challenge = {"AppID": "https://x", "Challenge": "abc", "RegisteredKeys": []}
        server.reply(
            LIST,
            Reply(status=449, body={}, headers={"X-Comet-U2F-Challenge": json.dumps(challenge)}),
        )
        async with CometClient(server.url, "admin", "pw") as client:
            with pytest.raises(MFARequiredError, match="TOTP") as totp:
                await client.admin_list_users()
            with pytest.raises(MFARequiredError, match="U2F") as u2f:
                await client.admin_list_users()
    assert totp.value.totp_requested and totp.value.http_status == 449
    assert u2f.value.u2f_challenge == challenge and not u2f.value.totp_requested


async def test_449_with_totp_configured_retries_once_with_fresh_code() -> None:
    now = [1_700_000_038.0]  # codes at :39.5 and :41, either side of a 30 s window

    def clock() -> float:
        now[0] += 1.5  # every code is computed later than the last
        return now[0]

    async with FakeComet() as server:
        server.always(LIST, Reply(status=449, body={}, headers={"X-Comet-TOTP-Requested": "1"}))
        async with CometClient(server.url, "admin", "pw", totp_secret=SECRET, clock=clock) as c:
            with pytest.raises(MFARequiredError):
                await c.admin_list_users()
    assert len(server.seen) == 2
    assert server.seen[0].form["TOTP"] != server.seen[1].form["TOTP"]


async def test_u2f_sign_response_passed_through() -> None:
    async with FakeComet() as server:
        server.always(LIST, Reply(body=[]))
        async with CometClient(server.url, "admin", "pw") as client:
            client.credentials.u2f_sign = models.U2FSignResponse(
                ChallengeID="c1", ClientData="cd", KeyHandle="kh", Signature="sd"
            )
            await client.admin_list_users()
    form = server.seen[0].form
    assert form["AuthType"] == "PasswordU2F"
    assert json.loads(form["U2FSign"])["ChallengeID"] == "c1"


async def test_none_auth_method_sends_no_credentials() -> None:
    async with FakeComet() as server:
        server.always("/api/v1/admin/add-first-admin-user", Reply(body={"Status": 200}))
        async with CometClient(server.url, "admin", "pw") as client:
            await client.admin_add_first_admin_user("root", "rootpw")
    assert server.seen[0].form == {"TargetUser": "root", "TargetPassword": "rootpw"}
