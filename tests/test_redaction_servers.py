"""Redaction against hostile servers of our own on 127.0.0.1 (a stdlib HTTP server in a
thread, and a raw socket server) that echo the request body into an error page, put the
percent-encoded password into a redirect ``Location``, or cut a login answer short
(docs/reliability.md, issue 14)."""

from __future__ import annotations

import asyncio
import traceback

import pytest

from aiocomet import (
    CometAPIError,
    CometClient,
    CometError,
    ResponseDecodeError,
    RetryPolicy,
    register_webhook,
)
from aiocomet.testing import CometEmulator

from ._redaction_helpers import (
    LONG_PW,
    NEW_KEY,
    Answer,
    assert_hidden,
    echo_json,
    echo_page,
    echo_redirect,
    hostile,
)


def message_text(exc: BaseException) -> str:
    """What an error shows: str, repr and every attribute."""
    return "\n".join([str(exc), repr(exc), *(repr(v) for v in vars(exc).values())])


def error_text(exc: BaseException) -> str:
    """``message_text`` and the whole traceback (whose source lines quote the test)."""
    return message_text(exc) + "\n" + "".join(traceback.format_exception(exc))


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
