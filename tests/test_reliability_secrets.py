"""Issue 9, secrets: sentinel credentials through the error paths of every public surface.

Extends tests/test_client_secrets.py (its scenarios run again here under a
stricter guard) to EventStream, merge_events, webhooks, CometAccountClient and
the CLI. Everything runs at DEBUG; a logging handler on the root logger
formats every record with its traceback and fails the test on any sentinel
(password, session key, TOTP secret, the TOTP codes in use, API token).
Reprs, ``str(exc)``, tracebacks and exception attributes are checked too, as is
a secret cut in half at the 200-byte preview of a body or frame.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import threading
import traceback
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pyotp
import pytest

from aiocomet import (
    CometAccountClient,
    CometClient,
    CometError,
    RetryPolicy,
    merge_events,
    register_webhook,
)
from aiocomet.cli import main as cli_main
from aiocomet.events import EventStream
from aiocomet.webhooks import WebhookReceiver

from ._fake_comet import FakeComet, Reply
from ._ws_server import STREAM_PATH, Collector, WsServer
from .test_client_secrets import (
    LIST,
    PASSWORD,
    SESSION_KEY,
    TOTP_SECRET,
    Scenario,
    bad_json,
    bad_status,
    error_body,
    forbidden,
    make,
    mfa,
    redirect,
    relogin_fails,
    timeout,
    transport,
    wrong_account,
)
from .test_events_e2e import FAST

API_TOKEN = "TOKEN-SENTINEL-5d2e"
ACCOUNT_PASSWORD = "ACCT-PW-SENTINEL-c0de"
NOW = 1_800_000_000.0
CODE = pyotp.TOTP(TOTP_SECRET).at(int(NOW))  # the TOTP code every client here sends
SECRETS = (PASSWORD, SESSION_KEY, TOTP_SECRET, API_TOKEN, ACCOUNT_PASSWORD)
START = "/api/v1/admin/account/session-start"


def leaks(text: str) -> list[str]:
    found = [s for s in SECRETS if s in text]
    if re.search(rf"(?<!\d){CODE}(?!\d)", text):
        found.append("the TOTP code")
    return found


def assert_clean(text: str) -> None:
    assert not leaks(text), f"{leaks(text)} leaked: {text[:400]}"


def assert_error_clean(exc: BaseException) -> None:
    """str, repr, the whole traceback (causes included) and every attribute of an error."""
    assert_clean(str(exc))
    assert_clean(repr(exc))
    assert_clean("".join(traceback.format_exception(exc)))
    for value in vars(exc).values():
        assert_clean(repr(value))


class LeakGuard(logging.Handler):
    """Formats every record (traceback included) and remembers the ones with a secret."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.records = 0
        self.leaked: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records += 1
        text = self.format(record) + repr(record.args)
        if leaks(text):
            self.leaked.append(text[:400])


@pytest.fixture
def guard() -> Iterator[LeakGuard]:
    root = logging.getLogger()
    handler = LeakGuard()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    assert handler.records > 0  # DEBUG logging really ran
    assert handler.leaked == [], handler.leaked


CLIENT_SECRETS = (PASSWORD, SESSION_KEY, TOTP_SECRET)


def echo(status: int, *secrets: str) -> Reply:
    """A server that (badly) echoes credentials back in its error message.

    Only what the client holds can be redacted by it: CometClient's password,
    session key and TOTP secret (and a TOTP code once it sent one), an account
    client's token or password.
    """
    shown = " ".join(secrets or CLIENT_SECRETS)
    return Reply(status=status, body={"Status": status, "Message": f"bad: {shown}"})


def clocked(url: str, **kw: Any) -> CometClient:
    """The sentinel client of test_client_secrets, with a fixed clock (a known TOTP code)."""
    return make(url, clock=lambda: NOW, **kw)


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


# -- EventStream and merge_events ------------------------------------------------------------------

StreamScenario = Callable[[WsServer, CometClient], Awaitable[BaseException | None]]


async def run_stream(c: CometClient, **kw: Any) -> tuple[EventStream, list[CometError]]:
    errors: list[CometError] = []
    stream = c.events(backoff=FAST, on_error=errors.append, **kw)
    col = Collector(stream)
    with contextlib.suppress(TimeoutError):
        await col.finished(timeout=5)
    await col.close()
    if col.error is not None:
        errors.append(col.error)  # type: ignore[arg-type]
    return stream, errors


async def stream_refused_then_relogin_fails(server: WsServer, c: CometClient) -> None:
    server.session_key = "some-other-key"  # the client's key is rejected: 403 Unauth
    server.password = "changed"  # and so is the password: login fails (403)
    await run_and_check(c, max_attempts=2)


async def stream_echoing_reply(server: WsServer, c: CometClient) -> None:
    reply = f"500 {PASSWORD} {SESSION_KEY} " + "z" * 158 + PASSWORD  # straddles the cut
    server.faults.extend([("reply", reply)] * 2)
    await run_and_check(c, max_attempts=2)


async def stream_echoing_frames(server: WsServer, c: CometClient) -> None:
    errors: list[CometError] = []
    col = Collector(c.events(backoff=FAST, on_error=errors.append, max_frame_bytes=4096))
    await server.wait_connected()
    await server.send(f'{{"Type": 4200, "Actor": ["{PASSWORD}", "{SESSION_KEY}"]}}')
    await server.send("w" * 196 + PASSWORD)  # straddles the frame preview
    await server.send_binary(f"{SESSION_KEY} {TOTP_SECRET}".encode())
    await server.send(f'{{"Type": 4200, "Actor": "{PASSWORD}"}}' + "p" * 5000)  # too large
    await server.wait_connected(2)
    await col.close()
    assert len(errors) == 4
    for error in errors:
        assert_error_clean(error)
        assert PASSWORD[:4] not in str(error)
    assert_clean(repr(col.stream) + repr(col.stream.stats) + repr(col.events))


async def stream_unreachable(server: WsServer, c: CometClient) -> None:
    await server.stop()
    await run_and_check(c, max_attempts=2)


async def merged_source_fails(server: WsServer, c: CometClient) -> None:
    server.password = "changed"
    server.session_key = "other"
    failed: list[BaseException] = []
    merged = merge_events(
        c, backoff=FAST, max_attempts=2, on_source_error=lambda _, e: failed.append(e)
    )
    col = Collector(merged)
    await col.finished()
    assert failed and col.error is None
    for error in failed:
        assert_error_clean(error)
    assert_clean(repr(merged) + repr(merged.stats))


async def run_and_check(c: CometClient, **kw: Any) -> None:
    stream, errors = await run_stream(c, **kw)
    assert errors
    for error in errors:
        assert_error_clean(error)
        assert PASSWORD[:4] not in str(error)
    assert_clean(repr(stream) + repr(stream.stats) + repr(stream.pending_gap))


STREAM_SCENARIOS: list[StreamScenario] = [
    stream_refused_then_relogin_fails,
    stream_echoing_reply,
    stream_echoing_frames,
    stream_unreachable,
    merged_source_fails,
]


@pytest.mark.parametrize("scenario", STREAM_SCENARIOS, ids=[s.__name__ for s in STREAM_SCENARIOS])
async def test_stream_error_paths_leak_nothing(scenario: StreamScenario, guard: LeakGuard) -> None:
    async with WsServer(password=PASSWORD) as server:
        async with clocked(server.url) as c:
            await scenario(server, c)


async def test_gap_and_events_leak_nothing(guard: LeakGuard) -> None:
    async with WsServer(password=PASSWORD) as server, clocked(server.url) as c:
        server.session_key = SESSION_KEY
        gaps: list[Any] = []
        col = Collector(c.events(backoff=FAST, on_gap=gaps.append))
        await server.wait_connected()
        await server.drop("reset")
        await col.count(2)  # the HELLO after the gap
        await col.close()
    assert gaps
    assert_clean(repr(gaps) + str(gaps[0].error) + repr(col.events))


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


# -- the CLI ---------------------------------------------------------------------------------------


@contextlib.contextmanager
def fake_in_thread(configure: Callable[[FakeComet], None]) -> Iterator[FakeComet]:
    """A FakeComet on its own loop in a thread, for the (synchronous) CLI."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    async def start() -> FakeComet:
        server = FakeComet()
        await server.__aenter__()
        return server

    server = asyncio.run_coroutine_threadsafe(start(), loop).result(10)
    configure(server)
    try:
        yield server
    finally:
        asyncio.run_coroutine_threadsafe(server.__aexit__(None, None, None), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


@pytest.mark.parametrize(
    "argv",
    [
        ["--debug", "call", "AdminListUsers"],
        ["call", "AdminListUsers"],
        ["--debug", "download", "AdminBrandingGenerateClientLinuxgeneric", "-o", "/dev/null", "-q"],
        ["--debug", "events", "--limit", "1"],
    ],
    ids=["call_debug", "call", "download_debug", "events_debug"],
)
def test_cli_error_paths_leak_nothing(
    argv: list[str],
    guard: LeakGuard,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def configure(server: FakeComet) -> None:
        server.always(LIST, echo(403))  # the session key is refused, then the fresh login
        server.always("/api/v1/admin/branding/generate-client/linuxgeneric", echo(500))
        server.always(STREAM_PATH, echo(403))  # refused at the upgrade: final
        server.always(START, echo(403))  # and so is the fresh login

    with fake_in_thread(configure) as server:
        monkeypatch.setenv("COMET_URL", server.url)
        monkeypatch.setenv("COMET_USERNAME", "admin")
        monkeypatch.setenv("COMET_PASSWORD", PASSWORD)
        monkeypatch.setenv("COMET_TOTP_SECRET", TOTP_SECRET)
        monkeypatch.setenv("COMET_SESSION_KEY", SESSION_KEY)
        code = cli_main(argv)
    out = capsys.readouterr()
    assert code == 1
    assert_clean(out.out + out.err)
    if "--debug" in argv:
        assert "Traceback" in out.err
