"""Client core over real loopback sockets: retries, timeouts, limits, uploads, downloads, pool."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from aiocomet import (
    Backoff,
    ClientClosedError,
    CometAPIError,
    CometClient,
    InvalidParameterError,
    ResponseDecodeError,
    ResponseTooLargeError,
    RetryPolicy,
    ServerError,
    TimeoutError,
    TransportError,
)

from ._fake_comet import FakeComet, Reply

LIST = "/api/v1/admin/list-users"
DELETE = "/api/v1/admin/delete-user"
PROFILE = "/api/v1/admin/get-user-profile"


class Sleeps(list[float]):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


def client(url: str, sleeps: Sleeps | None = None, **kw: object) -> CometClient:
    return CometClient(url, "admin", "pw", sleep=sleeps if sleeps is not None else Sleeps(), **kw)  # type: ignore[arg-type]


def err(status: int, **headers: str) -> Reply:
    return Reply(status=status, body={"Status": status, "Message": f"e{status}"}, headers=headers)


async def test_read_only_call_retried_on_503_then_succeeds() -> None:
    sleeps = Sleeps()
    async with FakeComet() as server:
        server.reply(LIST, err(503), err(502), Reply(body=["a"]))
        async with client(server.url, sleeps) as c:
            assert await c.admin_list_users() == ["a"]
    assert len(server.seen) == 3
    assert len(sleeps) == 2 and all(0 <= s <= 8 for s in sleeps)


async def test_retry_after_is_honoured_and_capped() -> None:
    sleeps = Sleeps()
    async with FakeComet() as server:
        server.reply(LIST, err(503, **{"Retry-After": "2"}), err(503, **{"Retry-After": "9999"}))
        server.reply(LIST, Reply(body=[]))
        async with client(server.url, sleeps) as c:
            await c.admin_list_users()
    assert sleeps == [2.0, 60.0]


async def test_429_waits_for_retry_after() -> None:
    sleeps = Sleeps()
    async with FakeComet() as server:
        server.reply(DELETE, err(429, **{"Retry-After": "7"}), Reply(body={"Status": 200}))
        async with client(server.url, sleeps) as c:
            await c.admin_delete_user("bob")
    assert sleeps == [7.0]


async def test_retries_give_up_after_attempts() -> None:
    sleeps = Sleeps()
    async with FakeComet() as server:
        server.always(LIST, err(504))
        async with client(server.url, sleeps, retry=RetryPolicy(attempts=3)) as c:
            with pytest.raises(ServerError) as info:
                await c.admin_list_users()
    assert len(server.seen) == 3 and info.value.http_status == 504


async def test_mutations_are_never_repeated() -> None:
    async with FakeComet() as server:
        server.always(DELETE, err(503))
        async with client(server.url) as c:
            with pytest.raises(ServerError):
                await c.admin_delete_user("bob")
    assert len(server.seen) == 1


async def test_backoff_grows_with_jitter() -> None:
    import random

    sleeps = Sleeps()
    policy = RetryPolicy(
        attempts=5, backoff=Backoff(initial=1, cap=4, floor=0.5, rng=random.Random(1))
    )
    async with FakeComet() as server:
        server.always(LIST, err(503))
        async with client(server.url, sleeps, retry=policy) as c:
            with pytest.raises(ServerError):
                await c.admin_list_users()
    assert len(sleeps) == 4
    for attempt, slept in enumerate(sleeps):
        assert 0.5 <= slept <= min(4, 2**attempt)


async def test_per_call_timeout_on_mutation_says_outcome_unknown() -> None:
    hold = asyncio.Event()
    async with FakeComet() as server:
        server.always(DELETE, Reply(body={"Status": 200}, hold=hold))
        async with client(server.url) as c:
            with pytest.raises(TimeoutError) as info:
                await c.with_options(timeout=0.2).admin_delete_user("bob")
            hold.set()
    assert info.value.outcome_unknown
    assert "may or may not" in str(info.value)
    assert isinstance(info.value, builtins_timeout())


def builtins_timeout() -> type[BaseException]:
    import builtins

    return builtins.TimeoutError


async def test_read_only_timeout_is_retried_then_raised() -> None:
    hold = asyncio.Event()
    sleeps = Sleeps()
    async with FakeComet() as server:
        server.always(LIST, Reply(body=[], hold=hold))
        async with client(server.url, sleeps, timeout=0.1, retry=RetryPolicy(attempts=2)) as c:
            with pytest.raises(TimeoutError) as info:
                await c.admin_list_users()
            hold.set()
    assert len(sleeps) == 1 and not info.value.outcome_unknown  # two attempts, one pause
    assert len(server.seen) <= 2  # an attempt may time out before its request arrives


async def test_connection_refused_is_transport_error() -> None:
    async with FakeComet() as server:
        url = server.url
    async with client(url, retry=RetryPolicy(attempts=2)) as c:
        with pytest.raises(TransportError, match="cannot connect"):
            await c.admin_list_users()


async def test_bad_json_is_response_decode_error() -> None:
    async with FakeComet() as server:
        server.always(PROFILE, Reply(raw=b"<html>oops</html>" + b"x" * 500))
        async with client(server.url) as c:
            with pytest.raises(ResponseDecodeError) as info:
                await c.admin_get_user_profile("bob")
    assert info.value.method == "AdminGetUserProfile"
    assert info.value.body_start.startswith(b"<html>") and len(info.value.body_start) == 200
    assert "UserProfileConfig" in str(info.value)


async def test_response_size_cap() -> None:
    async with FakeComet() as server:
        server.always(LIST, Reply(raw=b"[" + b'"xxxxxxxx",' * 20000 + b'"y"]'))
        async with client(server.url, max_response_bytes=50_000) as c:
            with pytest.raises(ResponseTooLargeError):
                await c.admin_list_users()


@pytest.mark.parametrize("status", [301, 302, 307, 308])
async def test_redirects_not_followed_with_credentials(status: int) -> None:
    async with FakeComet() as other, FakeComet() as server:
        other.always(LIST, Reply(body=["stolen"]))
        server.always(LIST, Reply(status=status, raw=b"", headers={"Location": other.url + LIST}))
        async with client(server.url) as c:
            with pytest.raises(TransportError, match="redirect"):
                await c.admin_list_users()
    assert other.seen == []


async def test_multipart_upload_bytes_path_and_async_iterable(tmp_path: Path) -> None:
    path = tmp_path / "logo.png"
    path.write_bytes(b"from-a-file")

    async def chunks() -> AsyncIterator[bytes]:
        yield b"chunk-1;"
        yield b"chunk-2"

    async with FakeComet() as server:
        server.always(
            "/api/v1/admin/meta/resource/new", Reply(body={"Status": 200, "ResourceHash": "h"})
        )
        async with client(server.url) as c:
            for body in (b"raw-bytes", str(path), chunks()):
                result = await c.admin_meta_resource_new(body)
                assert result.ResourceHash == "h"
    contents = [b"raw-bytes", b"from-a-file", b"chunk-1;chunk-2"]
    for seen, content in zip(server.seen, contents, strict=True):
        assert seen.content_type == "multipart/form-data"
        assert seen.headers["X-Comet-Admin-Username"] == "admin"
        assert seen.headers["X-Comet-Admin-AuthType"] == "Password"
        assert seen.headers["X-Comet-Admin-Password"] == "pw"
        assert b'name="upload"' in seen.body and content in seen.body
        assert seen.form == {}


async def test_streamed_download_and_save(tmp_path: Path) -> None:
    payload = bytes(range(256)) * 4096  # 1 MiB
    path = "/api/v1/admin/branding/generate-client/linuxgeneric"
    async with FakeComet() as server:
        server.always(path, Reply(raw=payload))
        async with client(server.url) as c:
            assert await c.admin_branding_generate_client_linuxgeneric() == payload
            got = bytearray()
            async with c.admin_branding_generate_client_linuxgeneric_stream() as dl:
                assert dl.content_length == len(payload)
                async for chunk in dl.iter_chunks(10_000):
                    assert len(chunk) <= 10_000
                    got += chunk
            assert bytes(got) == payload
            target = tmp_path / "client.run"
            size = await c.admin_branding_generate_client_linuxgeneric_stream().save(target)
    assert size == len(payload) and target.read_bytes() == payload
    assert server.seen[-1].form["SelfAddress"] == server.url + "/"


async def test_download_error_status_raises_and_leaves_no_file(tmp_path: Path) -> None:
    path = "/api/v1/admin/branding/generate-client/linuxgeneric"
    async with FakeComet() as server:
        server.always(path, err(500))
        async with client(server.url) as c:
            with pytest.raises(ServerError):
                await c.admin_branding_generate_client_linuxgeneric_stream().save(tmp_path / "f")
    assert not (tmp_path / "f").exists()


async def test_32_concurrent_calls_reuse_connections() -> None:
    async with FakeComet() as server:
        server.always(LIST, Reply(body=["a"]))
        async with client(server.url) as c:
            for _ in range(3):
                results = await asyncio.gather(*(c.admin_list_users() for _ in range(32)))
                assert results == [["a"]] * 32
    assert len(server.seen) == 96
    assert len({s.peer for s in server.seen}) <= 32


async def test_calls_after_close_raise_and_own_session_is_closed() -> None:
    async with FakeComet() as server:
        server.always(LIST, Reply(body=[]))
        c = client(server.url)
        session = c.session
        await c.admin_list_users()
        await c.close()
        await c.close()
        assert session.closed
        with pytest.raises(ClientClosedError):
            await c.admin_list_users()


async def test_supplied_session_is_used_and_not_closed() -> None:
    async with FakeComet() as server, aiohttp.ClientSession() as session:
        server.always(LIST, Reply(body=[]))
        async with CometClient(server.url, "admin", "pw", session=session) as c:
            await c.admin_list_users()
            assert c.session is session
        assert not session.closed


async def test_one_debug_line_per_call(caplog: pytest.LogCaptureFixture) -> None:
    async with FakeComet() as server:
        server.always(LIST, Reply(body=[]))
        async with client(server.url) as c:
            with caplog.at_level(logging.DEBUG, logger="aiocomet"):
                await c.admin_list_users()
    lines = [r.getMessage() for r in caplog.records if r.name == "aiocomet"]
    assert len(lines) == 1
    assert "AdminListUsers" in lines[0] and LIST in lines[0] and "200" in lines[0]
    assert " ms" in lines[0]


async def test_api_error_carries_fields() -> None:
    async with FakeComet() as server:
        server.always(LIST, err(400))
        async with client(server.url) as c:
            with pytest.raises(CometAPIError) as info:
                await c.admin_list_users()
    assert (info.value.http_status, info.value.status, info.value.message) == (400, 400, "e400")
    assert info.value.method == "AdminListUsers"


async def test_pool_exhaustion_times_out_and_releases_connections() -> None:
    """Calls waiting for a full pool time out unsent; timed-out calls give their connection back.

    Ordered by events, not by racing the timeout: the pool is filled by calls
    the server holds, and only then do the short-timeout calls start.
    """
    hold = asyncio.Event()
    async with FakeComet() as server:
        server.always(DELETE, Reply(body={"Status": 200}, hold=hold))
        async with client(server.url, max_connections=10, timeout=60) as c:
            connector = c.session.connector
            assert connector is not None
            holders = [asyncio.ensure_future(c.admin_delete_user(f"h{i}")) for i in range(10)]
            await server.wait_seen(10)
            quick = c.with_options(timeout=0.3)
            async with asyncio.timeout(30):  # a bound if waiting for the pool were not timed
                waiters = await asyncio.gather(
                    *(quick.admin_delete_user(f"w{i}") for i in range(40)), return_exceptions=True
                )
            assert all(isinstance(r, TimeoutError) for r in waiters)
            assert not any(r.outcome_unknown for r in waiters if isinstance(r, TimeoutError))
            assert len(server.seen) == 10  # no waiter got a connection: nothing of theirs sent
            hold.set()
            await asyncio.gather(*holders)
            assert len(connector._acquired) == 0  # type: ignore[attr-defined]

            held_again = asyncio.Event()
            server.always(DELETE, Reply(body={"Status": 200}, hold=held_again))
            timed_out = await asyncio.gather(
                *(quick.admin_delete_user(f"t{i}") for i in range(10)), return_exceptions=True
            )
            assert all(isinstance(r, TimeoutError) for r in timed_out)
            assert len(connector._acquired) == 0  # type: ignore[attr-defined]
            held_again.set()
            server.always(DELETE, Reply(body={"Status": 200}))
            await asyncio.gather(*(c.admin_delete_user(f"a{i}") for i in range(10)))
            assert len(connector._acquired) == 0  # type: ignore[attr-defined]


async def test_50mb_body_aborted_at_10mb_cap() -> None:
    body = b'["' + b"x" * (50 << 20) + b'"]'
    async with FakeComet() as server:
        server.always(LIST, Reply(raw=body))
        async with client(server.url, max_response_bytes=10 << 20) as c:
            with pytest.raises(ResponseTooLargeError, match="max_response_bytes"):
                await c.admin_list_users()


async def test_an_upload_path_that_cannot_be_read_is_a_typed_error_before_sending(
    tmp_path: Path,
) -> None:
    async with FakeComet() as server, client(server.url) as c:
        for path in (tmp_path / "missing.bin", tmp_path):
            with pytest.raises(InvalidParameterError, match=f"upload: cannot read '{path}'"):
                await c.admin_meta_resource_new(path)
    assert server.seen == []
