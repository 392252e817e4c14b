"""Issue 14 item 9: malformed HTTP answers become aiocomet errors, retried when safe, secret-free.

A raw-socket server answers with five kinds of broken HTTP. Every kind must
end in a :class:`~aiocomet.TransportError` (never a raw aiohttp exception),
read-only calls must retry it like any other transport failure, mutations
must not, and no exception in the chain may carry the password that a
multipart upload sends in its ``X-Comet-Admin-Password`` header.
"""

from __future__ import annotations

import traceback
from pathlib import Path

import pytest

from aiocomet import CometAccountClient, CometClient, CometError, RetryPolicy, TransportError

from ._raw_http import RawHTTPServer
from ._ws_server import Collector
from .test_client_transport import Sleeps

PASSWORD = "Pw-1n-The-Header-7341"
TOKEN = "Account-Token-9c2e5d"

MALFORMED = {
    "100kb_header": b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Filler: "
    + b"a" * 100_000
    + b"\r\nContent-Length: 2\r\n\r\n[]",
    "bad_status_line": b"HTTP/1.1 2x0 OK\r\nContent-Length: 2\r\n\r\n[]",
    "duplicate_content_length": (
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 7\r\n\r\n[]"
    ),
    "bad_chunk_size": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n[]\r\n0\r\n\r\n",
    "not_http": b"SSH-2.0-OpenSSH_9.6p1 Debian-4\r\n",
}
KINDS = sorted(MALFORMED)


def chain(exc: BaseException) -> list[BaseException]:
    """The exception and every ``__cause__``/``__context__`` behind it."""
    found: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or any(current is seen for seen in found):
            continue
        found.append(current)
        todo += [current.__cause__, current.__context__]
    return found


def assert_no_secret(exc: BaseException, secret: str) -> None:
    shown = "".join(traceback.format_exception(exc))
    assert secret not in shown
    for link in chain(exc):
        assert secret not in repr(link) and secret not in str(link)
        assert all(secret not in repr(arg) for arg in link.args)
        assert "aiohttp" not in type(link).__module__, repr(link)


@pytest.mark.parametrize("kind", KINDS)
async def test_a_read_only_call_retries_a_malformed_answer_then_raises_transport_error(
    kind: str,
) -> None:
    sleeps = Sleeps()
    async with RawHTTPServer(MALFORMED[kind]) as server:
        async with CometClient(
            server.url, "admin", PASSWORD, sleep=sleeps, retry=RetryPolicy(attempts=3)
        ) as c:
            with pytest.raises(TransportError) as info:
                await c.admin_list_users()
    assert len(server.requests) == 3 and len(sleeps) == 2  # retried like a dropped connection
    assert not info.value.outcome_unknown
    assert "AdminListUsers" in str(info.value)
    assert_no_secret(info.value, PASSWORD)


@pytest.mark.parametrize("kind", KINDS)
async def test_a_mutation_is_not_retried_on_a_malformed_answer(kind: str) -> None:
    sleeps = Sleeps()
    async with RawHTTPServer(MALFORMED[kind]) as server:
        async with CometClient(server.url, "admin", PASSWORD, sleep=sleeps) as c:
            with pytest.raises(TransportError) as info:
                await c.admin_delete_user("bob")
    assert len(server.requests) == 1 and sleeps == []
    assert info.value.outcome_unknown  # it was sent; the answer cannot tell what happened
    assert_no_secret(info.value, PASSWORD)


@pytest.mark.parametrize("kind", KINDS)
async def test_a_multipart_upload_failing_on_a_malformed_answer_leaks_no_password(
    kind: str,
) -> None:
    async with RawHTTPServer(MALFORMED[kind]) as server:
        async with CometClient(server.url, "admin", PASSWORD, sleep=Sleeps()) as c:
            with pytest.raises(TransportError) as info:
                await c.admin_meta_resource_new(b"resource bytes")
    assert len(server.requests) == 1
    assert b"X-Comet-Admin-Password: " + PASSWORD.encode() in server.requests[0]
    assert_no_secret(info.value, PASSWORD)


@pytest.mark.parametrize("kind", KINDS)
async def test_a_download_failing_on_a_malformed_answer_raises_transport_error(
    kind: str, tmp_path: Path
) -> None:
    target = tmp_path / "job.log"
    async with RawHTTPServer(MALFORMED[kind]) as server:
        async with CometClient(server.url, "admin", PASSWORD, sleep=Sleeps()) as c:
            with pytest.raises(TransportError) as info:
                await c.admin_get_job_log_stream("job-1").save(target)
    assert len(server.requests) == 1
    assert not target.exists()
    assert_no_secret(info.value, PASSWORD)


@pytest.mark.parametrize("kind", KINDS)
async def test_the_account_client_maps_and_retries_a_malformed_answer(kind: str) -> None:
    sleeps = Sleeps()
    async with RawHTTPServer(MALFORMED[kind]) as server:
        async with CometAccountClient(
            api_token=TOKEN, base_url=server.url, sleep=sleeps, retry=RetryPolicy(attempts=2)
        ) as account:
            with pytest.raises(TransportError) as info:
                await account.license_list_all()
    assert len(server.requests) == 2 and len(sleeps) == 1
    assert_no_secret(info.value, TOKEN)


@pytest.mark.parametrize("kind", KINDS)
async def test_the_event_stream_dial_maps_a_malformed_answer_without_aiohttp_in_the_chain(
    kind: str,
) -> None:
    errors: list[CometError] = []
    async with RawHTTPServer(MALFORMED[kind]) as server:
        async with CometClient(server.url, "admin", PASSWORD) as c:
            col = Collector(c.events(max_attempts=1, on_error=errors.append))
            await col.finished()
    assert len(server.requests) == 1 and b"Upgrade: websocket" in server.requests[0]
    assert isinstance(col.error, TransportError) and len(errors) == 1
    assert isinstance(errors[0], TransportError), repr(errors[0])
    assert_no_secret(errors[0], PASSWORD)
    assert_no_secret(col.error, PASSWORD)
