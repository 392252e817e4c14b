"""Streamed downloads refuse an error answered in the body, and never alter a real file.

A Comet Server can answer a binary method with HTTP 200 and a
``{"Status": 403, "Message": ...}`` body (Comet's Go SDK ``Request`` checks
every 2xx body, binary ones included). Every ``*_stream()`` form must raise
the typed error before it hands out a byte, while a file that merely starts
with ``{`` is handed out byte for byte.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from aiocomet import (
    AccessDeniedError,
    CometAPIError,
    CometClient,
    MFARequiredError,
    RetryPolicy,
    ServerError,
    TransportError,
    constants,
)
from aiocomet._download import ERROR_PEEK_BYTES, peek_is_enough
from aiocomet._generated.methods import METHODS
from aiocomet._methodspec import MethodSpec

from ._fake_comet import FakeComet, Reply
from ._raw_http import RawHTTPServer, http_answer
from ._samples import sample

BINARY = sorted((s for s in METHODS.values() if s.returns_bytes), key=lambda s: s.name)
JOB_LOG = METHODS["AdminGetJobLog"]

# (body status, message, the class expected)
FORMS = {
    "body-403": (403, "Unauthorised", AccessDeniedError),
    "body-400": (400, "Invalid parameter", CometAPIError),
    "body-500": (500, "Internal error", ServerError),
    "err-totp": (403, constants.TOTPRequiredError, MFARequiredError),
}


def client(url: str, spec: MethodSpec[Any] = JOB_LOG) -> CometClient:
    kind = "user" if spec.auth == "user" else "admin"
    return CometClient(url, "someone", "pw", account_type=kind, retry=RetryPolicy(attempts=1))


def download(c: CometClient, spec: MethodSpec[Any]) -> Any:
    """The method's ``*_stream()`` form, called with sample values for its required params."""
    args = [sample(p.python_type) for p in spec.params if not p.optional]
    return getattr(c, spec.python_name + "_stream")(*args)


def test_there_are_twenty_binary_methods() -> None:
    assert len(BINARY) == 20


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("spec", BINARY, ids=[s.name for s in BINARY])
async def test_every_stream_raises_an_in_body_error_before_a_byte(
    spec: MethodSpec[Any], form: str, tmp_path: Path
) -> None:
    status, message, expected = FORMS[form]
    body = {"Status": status, "Message": message}
    target = tmp_path / "download.bin"
    async with FakeComet() as server:
        server.always(spec.path, Reply(body=body))
        async with client(server.url, spec) as c:
            got: list[bytes] = []
            with pytest.raises(expected) as info:
                async with download(c, spec) as dl:
                    async for chunk in dl.iter_chunks():
                        got.append(chunk)  # pragma: no cover - must not be reached
            with pytest.raises(expected):
                await download(c, spec).save(target)
    assert got == []
    assert type(info.value) is expected
    error = info.value
    assert (error.http_status, error.status, error.method) == (200, status, spec.name)
    if expected is MFARequiredError:
        assert error.error_code == constants.TOTPRequiredError
    else:
        assert error.message == message
    assert [seen.path for seen in server.seen] == [spec.path, spec.path]  # no retry, no login
    assert list(tmp_path.iterdir()) == []


async def test_an_envelope_after_whitespace_in_chunks_is_still_an_error() -> None:
    body = b" \r\n\t " + b'{"Status": 403, "Message": "Unauthorised"}'

    async with StreamingServer(body, pieces=[1, 2, 1, 3, 5]) as url:
        async with client(url) as c:
            with pytest.raises(AccessDeniedError, match="Unauthorised"):
                async with c.admin_get_job_log_stream("job"):
                    pass  # pragma: no cover - must not be reached


def random_bytes(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


BIG = ERROR_PEEK_BYTES * 3 + 17
FILES = {
    "empty": b"",
    "not-an-error-envelope": b'{"Status": 200, "Message": "fine"}',
    "status-without-message": b'{"Status": 403}',
    "job-record": b'{"GUID": "j", "Status": 7001, "Message": ""}',
    "json-array": b'[{"Status": 403, "Message": "x"}]',
    "brace-then-binary": b"{" + random_bytes(1000, 1),
    "whitespace-then-zip": b"  \n\tPK\x03\x04" + random_bytes(1000, 2),
    "only-whitespace": b" \n" * 100,
    "brace-exactly-the-limit": b"{" + random_bytes(ERROR_PEEK_BYTES - 1, 3),
    "brace-one-past-the-limit": b"{" + random_bytes(ERROR_PEEK_BYTES, 4),
    "brace-big": b"{" + random_bytes(BIG, 5),
    "error-envelope-then-more": b'{"Status": 403, "Message": "x"}' + random_bytes(BIG, 6),
    "binary-big": random_bytes(BIG, 7),
}


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
@pytest.mark.parametrize("name", sorted(FILES))
async def test_a_file_that_is_not_an_error_is_saved_byte_for_byte(
    name: str, chunked: bool, tmp_path: Path
) -> None:
    body = FILES[name]
    target = tmp_path / "file.bin"
    async with StreamingServer(body, pieces=[1, 2, 4093, 70000] if chunked else None) as url:
        async with client(url) as c:
            got = bytearray()
            async with c.admin_get_job_log_stream("job") as dl:
                async for chunk in dl.iter_chunks(7777):
                    assert 0 < len(chunk) <= 7777
                    got += chunk
            assert bytes(got) == body
            assert await c.admin_get_job_log_stream("job").save(target) == len(body)
            assert await c.admin_get_job_log(job_id="job") == body  # the non-streaming form too
    assert target.read_bytes() == body
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.bin"]


async def test_save_on_an_in_body_error_keeps_the_file_already_there(tmp_path: Path) -> None:
    target = tmp_path / "client.run"
    target.write_bytes(b"the previous installer")
    error = b'{"Status": 403, "Message": "Unauthorised"}'
    async with FakeComet() as server:
        server.always(JOB_LOG.path, Reply(raw=error))
        async with client(server.url) as c:
            with pytest.raises(AccessDeniedError):
                await c.admin_get_job_log_stream("job").save(target)
    assert target.read_bytes() == b"the previous installer"
    assert [p.name for p in tmp_path.iterdir()] == ["client.run"]


ENVELOPE_START = b'{"Status": 403, "Message": "Unauth'
CUT_SHORT = {  # an answer that hangs up before its body is complete
    "mid-file": b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n" + random_bytes(100_000, 8),
    "mid-peek": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
    + f"{len(ENVELOPE_START) + 10:x}\r\n".encode()
    + ENVELOPE_START,
}


@pytest.mark.parametrize("kind", sorted(CUT_SHORT))
async def test_save_cut_short_leaves_no_partial_file_and_keeps_the_old_one(
    kind: str, tmp_path: Path
) -> None:
    target = tmp_path / "client.run"
    target.write_bytes(b"the previous installer")
    async with RawHTTPServer(CUT_SHORT[kind]) as server:
        async with client(server.url) as c:
            with pytest.raises(TransportError, match="AdminGetJobLog download") as info:
                await c.admin_get_job_log_stream("job").save(target)
    assert info.value.__context__ is None and info.value.__cause__ is None
    assert target.read_bytes() == b"the previous installer"
    assert [p.name for p in tmp_path.iterdir()] == ["client.run"]


async def test_save_of_a_complete_download_replaces_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "client.run"
    target.write_bytes(b"old" * 100_000)
    async with RawHTTPServer(http_answer(b"new")) as server:
        async with client(server.url) as c:
            assert await c.admin_get_job_log_stream("job").save(target) == 3
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["client.run"]


async def test_chunk_size_must_be_positive() -> None:
    async with RawHTTPServer(http_answer(b"data")) as server:
        async with client(server.url) as c:
            async with c.admin_get_job_log_stream("job") as dl:
                with pytest.raises(ValueError, match="chunk_size"):
                    async for _ in dl.iter_chunks(0):
                        pass  # pragma: no cover - must not be reached


def test_peek_is_enough_decides_on_the_first_significant_byte() -> None:
    assert not peek_is_enough(b"", eof=False)
    assert not peek_is_enough(b" \t\r\n", eof=False)
    assert not peek_is_enough(b"  {", eof=False)
    assert not peek_is_enough(b"{" * ERROR_PEEK_BYTES, eof=False)
    assert peek_is_enough(b"{" * (ERROR_PEEK_BYTES + 1), eof=False)
    assert peek_is_enough(b"  [", eof=False)
    assert peek_is_enough(b"\x0c{", eof=False)  # not JSON whitespace: not an envelope
    assert peek_is_enough(b"PK", eof=False)
    assert peek_is_enough(b"", eof=True)
    assert peek_is_enough(b"{", eof=True)


class StreamingServer:
    """An aiohttp server answering every request with ``body``.

    With ``pieces`` the body is sent chunked, a write of each size in turn
    (then the rest), so the client sees it in parts; else with Content-Length.
    """

    def __init__(self, body: bytes, *, pieces: Sequence[int] | None) -> None:
        self.body = body
        self.pieces = pieces
        self.runner: web.AppRunner | None = None

    async def handle(self, request: web.Request) -> web.StreamResponse:
        await request.read()
        if self.pieces is None:
            return web.Response(body=self.body)
        resp = web.StreamResponse()
        resp.enable_chunked_encoding()
        await resp.prepare(request)
        at = 0
        for size in [*self.pieces, len(self.body)]:
            if at < len(self.body):
                await resp.write(self.body[at : at + size])
                at += size
        await resp.write_eof()
        return resp

    async def __aenter__(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self.handle)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", 0).start()
        return f"http://127.0.0.1:{self.runner.addresses[0][1]}"

    async def __aexit__(self, *exc: object) -> None:
        assert self.runner is not None
        await self.runner.cleanup()
