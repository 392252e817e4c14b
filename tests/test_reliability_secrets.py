"""Issue 9, secrets: sentinel credentials through the error paths of the REST clients.

Extends tests/test_client_secrets.py (its scenarios run again here under a
stricter guard) to more CometClient error paths, the webhook helpers and
CometAccountClient. Everything runs at DEBUG; a logging handler on the root logger
formats every record with its traceback and fails the test on any sentinel
(password, session key, TOTP secret, the TOTP codes in use, API token).
Reprs, ``str(exc)``, tracebacks and exception attributes are checked too, as is
a secret cut in half at the 200-byte preview of a body or frame. EventStream and
merge_events are in tests/test_reliability_secrets_stream.py, the CLI in
tests/test_reliability_secrets_cli.py; the guard is in tests/_secrets_helpers.py.
"""

from __future__ import annotations

import pytest

from aiocomet import (
    CometAccountClient,
    CometClient,
    CometError,
    RetryPolicy,
    register_webhook,
)
from aiocomet.webhooks import WebhookReceiver

from . import _secrets_helpers as helpers
from ._fake_comet import FakeComet, Reply
from ._secrets_helpers import (
    ACCOUNT_PASSWORD,
    API_TOKEN,
    CLIENT_SECRETS,
    CODE,
    START,
    LeakGuard,
    assert_clean,
    assert_error_clean,
    clocked,
    echo,
)
from .test_client_secrets import (
    LIST,
    PASSWORD,
    SESSION_KEY,
    Scenario,
    bad_json,
    bad_status,
    error_body,
    forbidden,
    mfa,
    redirect,
    relogin_fails,
    timeout,
    transport,
    wrong_account,
)

guard = helpers.guard


# -- CometClient: test_client_secrets' scenarios under the stricter guard, and more ---------------


async def straddling_body(server: FakeComet, c: CometClient) -> object:
    """Not JSON; the password starts 4 bytes before the 200-byte preview ends."""
    server.reply(LIST, Reply(raw=b"x" * 196 + PASSWORD.encode() + b" trailing"))
    return await c.admin_list_users()


async def straddling_error(server: FakeComet, c: CometClient) -> object:
    server.reply(LIST, Reply(status=500, raw=b"y" * 196 + SESSION_KEY.encode()))
    return await c.with_options(retry=RetryPolicy(attempts=1)).admin_list_users()


async def download_error(server: FakeComet, c: CometClient) -> object:
    server.reply("/api/v1/admin/branding/generate-client/linuxgeneric", echo(500))
    return await c.admin_branding_generate_client_linuxgeneric_stream().save("/dev/null")


async def login_error(server: FakeComet, c: CometClient) -> object:
    server.reply(START, echo(403))
    return await c.login()


async def upload_error(server: FakeComet, c: CometClient) -> object:
    server.reply("/api/v1/admin/meta/resource/new", echo(400))
    return await c.admin_meta_resource_new(b"data")


async def totp_password_error(server: FakeComet, c: CometClient) -> object:
    c.credentials.session_key = None  # password + TOTP code in the form
    server.reply(LIST, echo(500, *CLIENT_SECRETS, CODE))
    return await c.admin_list_users()


SCENARIOS: list[Scenario] = [
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
    straddling_body,
    straddling_error,
    download_error,
    login_error,
    upload_error,
    totp_password_error,
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.__name__ for s in SCENARIOS])
async def test_client_error_paths_leak_nothing(scenario: Scenario, guard: LeakGuard) -> None:
    async with FakeComet() as server, clocked(server.url) as c:
        assert_clean(repr(c) + repr(c.credentials) + str(c.credentials))
        with pytest.raises(CometError) as info:
            await scenario(server, c)
    assert_error_clean(info.value)
    assert not any(s[:4] in str(info.value) for s in (PASSWORD, SESSION_KEY))  # not even half


# -- webhooks --------------------------------------------------------------------------------------


async def test_webhook_paths_leak_nothing(guard: LeakGuard) -> None:
    async with FakeComet() as server, clocked(server.url) as c:
        server.reply("/api/v1/admin/meta/webhook-options/get", echo(500))
        with pytest.raises(CometError) as info:
            await register_webhook(c, "hook", "http://127.0.0.1:9/hook", secret=API_TOKEN)
        assert_error_clean(info.value)
        receiver = WebhookReceiver(secret=API_TOKEN)
        assert_clean(repr(receiver) + repr(receiver.stats))
        server.reply("/api/v1/admin/meta/webhook-options/get", Reply(body={}))
        server.reply("/api/v1/admin/meta/webhook-options/set", echo(400))
        with pytest.raises(CometError) as info:
            await receiver.register(c, "hook", url="http://127.0.0.1:9/hook")
        assert_error_clean(info.value)
        await receiver.aclose()


# -- CometAccountClient ----------------------------------------------------------------------------

ACCOUNT_PATH = "/api/v1/license/list_all"


def account_replies(secret: str) -> dict[str, Reply]:
    return {
        "500": echo(500, secret),
        "403": echo(403, secret),
        "not_json": Reply(raw=f"not json {secret}".encode()),
        "straddling": Reply(raw=("q" * 196 + secret).encode()),
        "redirect": Reply(status=307, raw=b"", headers={"Location": f"http://h:9/?t={secret}"}),
        "status_error": Reply(body={"status": "error", "message": f"token {secret}"}),
    }


@pytest.mark.parametrize("reply", sorted(account_replies("")))
@pytest.mark.parametrize("auth", ["token", "password"])
async def test_account_client_error_paths_leak_nothing(
    reply: str, auth: str, guard: LeakGuard
) -> None:
    creds: dict[str, str] = (
        {"api_token": API_TOKEN}
        if auth == "token"
        else {"email": "me@example.com", "password": ACCOUNT_PASSWORD}
    )
    secret = API_TOKEN if auth == "token" else ACCOUNT_PASSWORD
    async with FakeComet() as server:
        server.always(ACCOUNT_PATH, account_replies(secret)[reply])
        async with CometAccountClient(
            base_url=server.url, retry=RetryPolicy(attempts=1), **creds
        ) as a:  # type: ignore[arg-type]
            assert_clean(repr(a) + repr(a._credentials))
            with pytest.raises(CometError) as info:
                await a.license_list_all()
    assert_error_clean(info.value)


async def test_account_client_transport_errors_leak_nothing(guard: LeakGuard) -> None:
    async with CometAccountClient(
        api_token=API_TOKEN, base_url="http://127.0.0.1:9", retry=RetryPolicy(attempts=1)
    ) as a:
        with pytest.raises(CometError) as info:
            await a.license_list_all()
    assert_error_clean(info.value)
