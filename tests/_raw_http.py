"""A hostile HTTP server of raw asyncio sockets on 127.0.0.1: it answers with exact bytes.

aiohttp's own server cannot send what these tests need (a broken status line,
a 100 KB header, two Content-Lengths, a bad chunk size, bytes that are not
HTTP at all, a compressed body whose Content-Length is the compressed size),
so this one reads each request and writes back whatever bytes it was given,
then closes the connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import Callable

_CONTENT_LENGTH = re.compile(rb"\r\ncontent-length:\s*(\d+)", re.IGNORECASE)
_CHUNKED = re.compile(rb"\r\ntransfer-encoding:\s*chunked", re.IGNORECASE)
_LAST_CHUNK = b"\r\n0\r\n\r\n"

Answer = bytes | Callable[[bytes], bytes]


class RawHTTPServer:
    """Answers every request with ``answer`` (or ``answer(request)``) and hangs up.

    ``requests`` holds each request as received (head and body), so a test can
    count the attempts and check what was sent.
    """

    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.requests: list[bytes] = []
        self.url = ""
        self._server: asyncio.Server | None = None

    async def __aenter__(self) -> RawHTTPServer:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request = await read_request(reader)
            self.requests.append(request)
            answer = self.answer(request) if callable(self.answer) else self.answer
            writer.write(answer)
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass  # the client gave up first: what the tests are about
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()


async def read_request(reader: asyncio.StreamReader) -> bytes:
    """One request, head and body (by Content-Length, or chunked up to the last chunk)."""
    head = await reader.readuntil(b"\r\n\r\n")
    length = _CONTENT_LENGTH.search(head)
    if length is not None:
        return head + await reader.readexactly(int(length.group(1)))
    if _CHUNKED.search(head):
        body = bytearray()
        while not (body.endswith(_LAST_CHUNK) or body == _LAST_CHUNK[2:]):
            data = await reader.read(1 << 16)
            if not data:
                break
            body += data
        return head + bytes(body)
    return head


def http_answer(body: bytes, *headers: str, status: str = "200 OK") -> bytes:
    """A well-formed HTTP/1.1 answer with ``Content-Length`` and ``Connection: close``."""
    lines = [f"HTTP/1.1 {status}", *headers, f"Content-Length: {len(body)}", "Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
