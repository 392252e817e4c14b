"""Issue 14 item 8: ``max_response_bytes`` holds on decoded bytes, not on the compressed size.

A raw-socket server answers with a gzip or deflate body of ~32 KB that
inflates to 32 MiB, announcing the compressed size in Content-Length (or
none, chunked). With a 1 MiB cap the call must fail with
ResponseTooLargeError, and the client must not have inflated the body to
find out: the peak of memory allocated during the call (tracemalloc, which
does not depend on timing) stays a small multiple of the cap.
"""

from __future__ import annotations

import functools
import tracemalloc
import zlib
from collections.abc import Awaitable, Callable

import pytest

from aiocomet import CometAccountClient, CometClient, ResponseTooLargeError

from ._raw_http import RawHTTPServer, http_answer

CAP = 1 << 20
INFLATED = 32 << 20
WBITS = {"gzip": 31, "deflate": 15}  # HTTP's "deflate" is the zlib format


@functools.cache
def bomb(encoding: str) -> bytes:
    """``["aaa...a"]`` of INFLATED bytes, compressed."""
    packer = zlib.compressobj(9, zlib.DEFLATED, WBITS[encoding])
    block = b"a" * (1 << 20)
    parts = [packer.compress(b'["')]
    parts += [packer.compress(block) for _ in range(INFLATED >> 20)]
    parts += [packer.compress(b'"]'), packer.flush()]
    return b"".join(parts)


def answer(encoding: str, framing: str) -> bytes:
    body = bomb(encoding)
    headers = ("Content-Type: application/json", f"Content-Encoding: {encoding}")
    if framing == "content-length":
        return http_answer(body, *headers)
    chunked = f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n"
    head = ["HTTP/1.1 200 OK", *headers, "Transfer-Encoding: chunked", "Connection: close"]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + chunked


async def peak_while(call: Callable[[], Awaitable[object]]) -> int:
    """Run ``call`` (expected to raise ResponseTooLargeError); the peak bytes it allocated."""
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError, match="max_response_bytes"):
            await call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


CASES = [
    (encoding, framing)
    for encoding in ("gzip", "deflate")
    for framing in ("content-length", "chunked")
]


@pytest.mark.parametrize(("encoding", "framing"), CASES)
async def test_comet_client_caps_the_decoded_size_of_a_compressed_answer(
    encoding: str, framing: str
) -> None:
    assert len(bomb(encoding)) < CAP // 8  # the compressed body alone is far under the cap
    async with RawHTTPServer(answer(encoding, framing)) as server:
        async with CometClient(server.url, "admin", "pw", max_response_bytes=CAP) as c:
            peak = await peak_while(c.admin_list_users)
    assert len(server.requests) == 1  # a too-large answer is not retried
    assert peak < 4 * CAP, f"{peak / 2**20:.1f} MiB allocated for a {CAP >> 20} MiB cap"


@pytest.mark.parametrize(("encoding", "framing"), CASES)
async def test_account_client_caps_the_decoded_size_of_a_compressed_answer(
    encoding: str, framing: str
) -> None:
    async with RawHTTPServer(answer(encoding, framing)) as server:
        async with CometAccountClient(
            api_token="token", base_url=server.url, max_response_bytes=CAP
        ) as account:
            peak = await peak_while(account.license_list_all)
    assert len(server.requests) == 1
    assert peak < 4 * CAP, f"{peak / 2**20:.1f} MiB allocated for a {CAP >> 20} MiB cap"


async def test_a_compressed_answer_under_the_cap_still_decodes() -> None:
    body = zlib.compress(b'["alice", "bob"]')
    reply = http_answer(body, "Content-Type: application/json", "Content-Encoding: deflate")
    async with RawHTTPServer(reply) as server:
        async with CometClient(server.url, "admin", "pw", max_response_bytes=CAP) as c:
            assert await c.admin_list_users() == ["alice", "bob"]
