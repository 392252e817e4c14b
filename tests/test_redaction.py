"""Redaction neither corrupts messages nor leaks secrets (docs/reliability.md, issue 14).

Unit tests of the rules, then hostile servers of our own on 127.0.0.1 (a
stdlib HTTP server in a thread, and a raw socket server) that echo the request
body into an error page, put the percent-encoded password into a redirect
``Location``, or cut a login answer short; then the same through the CLI.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import threading
import traceback
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, quote, quote_plus

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aiocomet import (
    CometAPIError,
    CometClient,
    CometError,
    ResponseDecodeError,
    RetryPolicy,
    register_webhook,
)
from aiocomet._generated.judgements import SECRET_KEYS
from aiocomet._redact import SECRET_HEADERS, encoded_forms, redact_keys
from aiocomet.auth import Credentials, redacted_preview
from aiocomet.cli import main as cli_main
from aiocomet.testing import CometEmulator

LONG_PW = "Pa ss/wörd&=+%1-9c2e"  # every character the form encoding changes
NEW_KEY = "NEW-SESSION-KEY-from-login-7b3f0a"


def forms_of(secret: str) -> list[str]:
    """The secret as written raw, in a form, in a URL, lower-case hex, in JSON."""
    plus, pct = quote_plus(secret), quote(secret, safe="")
    lower_hex = re.sub("%[0-9A-F]{2}", lambda m: m[0].lower(), pct)
    return [secret, plus, pct, lower_hex, json.dumps(secret)[1:-1], secret[-6:]]


def assert_hidden(text: str, secret: str) -> None:
    for form in forms_of(secret):
        assert form not in text, f"{form!r} leaked: {text[:500]}"


def message_text(exc: BaseException) -> str:
    """What an error shows: str, repr and every attribute."""
    return "\n".join([str(exc), repr(exc), *(repr(v) for v in vars(exc).values())])


def error_text(exc: BaseException) -> str:
    """``message_text`` and the whole traceback (whose source lines quote the test)."""
    return message_text(exc) + "\n" + "".join(traceback.format_exception(exc))


# -- the rules ------------------------------------------------------------------------------------


def test_a_short_password_never_corrupts_text() -> None:
    admin = Credentials("admin", "admin")
    for text in ("User 'administrator' does not exist", "/api/v1/admin/list-users"):
        assert admin.redact(text) == text
    e = Credentials("admin", "e")
    assert e.redact("Invalid username or password") == "Invalid username or password"


def test_a_short_password_is_hidden_where_a_key_names_it() -> None:
    redact = Credentials("admin", "e").redact
    assert redact("Username=admin&AuthType=Password&Password=e&X=1") == (
        "Username=admin&AuthType=Password&Password=<redacted>&X=1"
    )
    assert redact('{"Username": "admin", "Password": "e"}') == (
        '{"Username": "admin", "Password": "<redacted>"}'
    )
    assert redact("<CIMultiDictProxy('X-Comet-Admin-Password': 'e')>") == (
        "<CIMultiDictProxy('X-Comet-Admin-Password': '<redacted>')>"
    )
    assert redact("{'Password': 'e', 'TOTP': '123456'}") == (
        "{'Password': '<redacted>', 'TOTP': '<redacted>'}"
    )
    escaped = r'{"Message": "bad {\"Password\":\"e\",\"X\":1}"}'  # JSON in a JSON string
    assert redact(escaped) == r'{"Message": "bad {\"Password\":\"<redacted>\",\"X\":1}"}'


@pytest.mark.parametrize("key", sorted({*SECRET_KEYS, "secret"}))
def test_every_secret_key_is_hidden_in_any_case_after_any_text(key: str) -> None:
    """Each key, whatever its first letter and case, after brackets, words or nothing."""
    for spelled in (key, key.upper(), key.lower(), key.swapcase()):
        for before in ("", "[[[[", "x&", "the answer: ", "{"):
            form = redact_keys(f"{before}{spelled}=hunter2&next=1")
            assert "hunter2" not in form and form.endswith("&next=1"), form
            quoted = redact_keys(f'{before}"{spelled}": "hunter2", "next": 1')
            assert "hunter2" not in quoted and quoted.endswith('"next": 1'), quoted


@pytest.mark.parametrize("header", SECRET_HEADERS)
def test_every_secret_header_is_hidden_in_any_case(header: str) -> None:
    for spelled in (header, header.upper(), header.lower()):
        shown = redact_keys(f"[[[[\n{spelled}: hunter2\r\nAccept: */*")
        assert "hunter2" not in shown and shown.endswith("Accept: */*"), shown


def test_a_long_secret_is_hidden_in_every_encoded_form() -> None:
    redact = Credentials("admin", LONG_PW).redact
    html = LONG_PW.replace("&", "&amp;")
    for form in [*forms_of(LONG_PW)[:5], html]:
        assert redact(f"<p>{form}</p>") == "<p><redacted></p>", form


def test_totp_codes_are_hidden_only_as_whole_numbers() -> None:
    creds = Credentials(
        "admin", "pw", totp_secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", clock=lambda: 0
    )
    code = creds.totp_code()
    assert creds.redact(f"code {code}.") == "code <redacted>."
    assert creds.redact(f"size 1{code}9 bytes") == f"size 1{code}9 bytes"


def test_redaction_is_idempotent_and_keeps_other_text() -> None:
    creds = Credentials("admin", "redacted", session_key="SK-0123456789")
    text = "key SK-0123456789 and Password=x; nothing else: redacted stays redacted?"
    once = creds.redact(text)
    assert once == creds.redact(once)
    assert "SK-0123456789" not in once and "Password=<redacted>" in once
    assert creds.redact("plain text, 12345, /api/v1/admin") == "plain text, 12345, /api/v1/admin"


PLAIN = st.text(st.characters(blacklist_characters="=:\"'", blacklist_categories=("Cs",)))
SHORT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=7)
LONG = st.text(st.characters(blacklist_characters="<>", blacklist_categories=("Cs",)), min_size=8)


@settings(max_examples=300, deadline=None)
@given(text=PLAIN, password=SHORT)
def test_any_text_is_unchanged_by_a_short_password(text: str, password: str) -> None:
    assert Credentials("admin", password).redact(text) == text


@settings(max_examples=300, deadline=None)
@given(secret=LONG, before=st.text(), after=st.text())
def test_a_long_secret_never_survives_in_any_form(secret: str, before: str, after: str) -> None:
    redact = Credentials("admin", secret).redact
    for form in encoded_forms(secret):
        assert form not in redact(before + form + after)


@pytest.mark.parametrize(
    "body",
    [
        f'{{"Status":200,"Message":"","SessionKey":"{NEW_KEY}',  # truncated inside the key
        f'{{"Status":"200","Message":"","SessionKey":"{NEW_KEY}","SessionType":0}}',
        f'{{"Status":200, "sessionkey" : "{NEW_KEY}"}}',  # Go matches keys case-insensitively
    ],
    ids=["truncated", "status_as_string", "lower_case_key"],
)
def test_preview_hides_a_secret_json_value_nobody_knows_yet(body: str) -> None:
    shown = redacted_preview(body.encode(), Credentials("admin", "pw").redact)
    assert NEW_KEY not in shown and NEW_KEY[:8] not in shown
    assert "<redacted>" in shown


# -- hostile servers ------------------------------------------------------------------------------

Answer = Callable[[str, bytes], tuple[int, dict[str, str], bytes]]


@contextlib.contextmanager
def hostile(answer: Answer) -> Iterator[str]:
    """A threaded stdlib HTTP server on 127.0.0.1 answering every POST with ``answer``."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            status, headers, reply = answer(self.path, body)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def echo_page(path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
    """A 400 error page showing the raw form body and its decoded fields (4xx: no retry)."""
    fields = dict(parse_qsl(body.decode()))
    page = f"<p>Invalid username or password</p><pre>{body.decode()}</pre><p>{fields}</p>"
    return 400, {"Content-Type": "text/html"}, page.encode()


def echo_json(path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
    message = f"cannot parse {body.decode()} ({dict(parse_qsl(body.decode()))})"
    return (
        400,
        {"Content-Type": "application/json"},
        json.dumps({"Status": 400, "Message": message}).encode(),
    )


def echo_redirect(path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
    location = f"http://127.0.0.1:9/login?{body.decode()}&p={quote(LONG_PW, safe='')}"
    return 307, {"Location": location}, b""


@pytest.mark.parametrize(
    "answer", [echo_page, echo_json, echo_redirect], ids=["page", "json", "redirect"]
)
@pytest.mark.parametrize("password", [LONG_PW, "e"], ids=["long", "short"])
async def test_a_server_echoing_the_form_body_learns_us_nothing(
    answer: Answer, password: str
) -> None:
    with hostile(answer) as url:
        async with CometClient(url, "admin", password, retry=RetryPolicy(attempts=1)) as client:
            with pytest.raises(CometError) as info:
                await client.admin_get_user_profile("administrator")
    text = error_text(info.value)
    if password == LONG_PW:
        assert_hidden(text, LONG_PW)
    else:
        assert "Password=e" not in text and "'Password': 'e'" not in text
        assert "Password=<redacted>" in text
        if answer is echo_page:
            assert "Invalid username or password" in text  # not "us<redacted>rnam<redacted>"
    assert "TargetUser=administrator" in text or answer is echo_redirect or "administrator" in text


def empty_400(path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
    return 400, {}, b""


async def test_the_sdks_own_messages_carry_no_request_body_nor_credential() -> None:
    with hostile(empty_400) as url:
        async with CometClient(url, "admin", "Q", retry=RetryPolicy(attempts=1)) as client:
            with pytest.raises(CometError) as form_error:
                await client.admin_delete_user("someone")
            with pytest.raises(CometError) as upload_error:
                await client.admin_meta_resource_new(b"file-content")
    for error in (form_error.value, upload_error.value):
        text = message_text(error)
        assert "HTTP 400" in str(error)
        for shown in (
            "Username",
            "AuthType",
            "Password",
            "X-Comet-Admin",
            "someone",
            "file-content",
        ):
            assert shown not in text


def webhook_echo(path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
    """Options get answers ``{}``; options set echoes the raw form body in a 400 page."""
    if path.endswith("/webhook-options/get"):
        return 200, {"Content-Type": "application/json"}, b"{}"
    return 400, {"Content-Type": "text/plain"}, b"rejected: " + body


async def test_a_secret_the_client_does_not_hold_is_hidden_in_an_echoed_struct_param() -> None:
    """register_webhook's shared secret travels percent-encoded inside JSON in the form."""
    with hostile(webhook_echo) as url:
        async with CometClient(url, "admin", LONG_PW, retry=RetryPolicy(attempts=1)) as client:
            with pytest.raises(CometAPIError) as info:
                await register_webhook(client, "hook", "http://127.0.0.1:9/h", secret="wh-5ec")
    text = message_text(info.value)
    assert "wh-5ec" not in text and "%22<redacted>%22" in text
    assert "WebhookOptions=" in text  # the rest of the echo is still there


async def test_an_unknown_user_error_is_not_corrupted_by_a_short_password() -> None:
    # HTTP error mode: its message names the user (a real server says "Unauthorised")
    async with CometEmulator(error_mode="http") as emu:
        assert emu.admin_password == "admin"
        async with CometClient(emu.url, "admin", "admin") as client:
            with pytest.raises(CometAPIError) as info:
                await client.admin_get_user_profile("administrator")
    assert "User 'administrator' does not exist" in str(info.value)
    assert "(/api/v1/admin/get-user-profile)" in str(info.value)


async def raw_login_server(answer: bytes) -> tuple[asyncio.Server, str]:
    """A raw socket server answering any request with ``answer`` as a 200 JSON body."""

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        length = next(
            int(line.split(b":")[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length")
        )
        await reader.readexactly(length)
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
            + f"Content-Length: {len(answer)}\r\n\r\n".encode()
            + answer
        )
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    return server, f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"


@pytest.mark.parametrize(
    "answer",
    [
        f'{{"Status":200,"Message":"","SessionKey":"{NEW_KEY}'.encode(),
        f'{{"Status":"200","Message":"","SessionKey":"{NEW_KEY}","SessionType":0}}'.encode(),
    ],
    ids=["truncated", "status_as_string"],
)
async def test_a_login_answer_that_does_not_decode_hides_the_new_session_key(answer: bytes) -> None:
    server, url = await raw_login_server(answer)
    async with server:
        async with CometClient(url, "admin", LONG_PW) as client:
            with pytest.raises(ResponseDecodeError) as info:
                await client.login()
    text = error_text(info.value)
    assert NEW_KEY not in text and NEW_KEY[:8] not in text
    assert NEW_KEY.encode()[:8] not in info.value.body_start
    assert b'"SessionKey":"<redacted>"' in info.value.body_start


# -- the CLI --------------------------------------------------------------------------------------


def run_cli(
    argv: list[str],
    url: str,
    password: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> str:
    monkeypatch.setenv("COMET_URL", url)
    monkeypatch.setenv("COMET_USERNAME", "admin")
    monkeypatch.setenv("COMET_PASSWORD", password)
    monkeypatch.delenv("COMET_SESSION_KEY", raising=False)
    monkeypatch.delenv("COMET_TOTP_SECRET", raising=False)
    assert cli_main(argv) == 1
    out = capsys.readouterr()
    return out.out + out.err


def server_error(path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
    """A plain 400 (4xx: no retry) naming nothing secret."""
    return 400, {"Content-Type": "application/json"}, b'{"Status": 400, "Message": "Bad request"}'


def to_https(path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
    """The usual http -> https redirect; refused (credentials never follow redirects)."""
    return 301, {"Location": f"https://127.0.0.1:9{path}"}, b""


def test_cli_error_for_a_short_password_is_not_corrupted(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with hostile(to_https) as url:
        out = run_cli(["call", "AdminListUsers"], url, "admin", monkeypatch, capsys)
    assert "https://127.0.0.1:9/api/v1/admin/list-users" in out  # not .../v1/<redacted>/...
    assert "<redacted>" not in out


@pytest.mark.parametrize("debug", [[], ["--debug"]], ids=["plain", "debug"])
@pytest.mark.parametrize(
    "answer", [echo_page, echo_json, echo_redirect], ids=["page", "json", "redirect"]
)
def test_cli_shows_no_echoed_password(
    answer: Answer,
    debug: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with hostile(answer) as url:
        out = run_cli([*debug, "call", "AdminListUsers"], url, LONG_PW, monkeypatch, capsys)
    assert_hidden(out, LONG_PW)
    assert "aiocomet: error:" in out


def test_cli_report_redacts_an_unexpected_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An error the SDK did not make (so did not redact) is redacted by the CLI itself."""

    async def boom(self: CometClient, *args: object) -> object:
        raise RuntimeError(f"bug with form Password={quote_plus(LONG_PW)} and {LONG_PW}")

    monkeypatch.setattr(CometClient, "_call", boom)
    with hostile(server_error) as url:
        out = run_cli(["--debug", "call", "AdminListUsers"], url, LONG_PW, monkeypatch, capsys)
    assert "aiocomet: unexpected RuntimeError: bug with form Password=<redacted>" in out
    assert_hidden(out, LONG_PW)
