"""Streamed binary downloads, so a 200 MB client installer never sits in memory.

::

    async with client.admin_branding_generate_client_linuxgeneric_stream(platform) as dl:
        async for chunk in dl.iter_chunks():
            ...
    # or simply
    size = await client.admin_branding_generate_client_linuxgeneric_stream(platform).save(path)

A Comet Server can refuse a download inside a 200 answer, with a
``{"Status": 403, "Message": ...}`` body where the file would be (Comet's Go
SDK checks every 2xx body, binary ones included). So before handing out a
byte, the download peeks at the start of the body: only a body that begins
with ``{`` and ends within :data:`ERROR_PEEK_BYTES` is read whole and judged;
the bytes peeked at are then handed out first, unchanged.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from types import TracebackType
from typing import Any

import aiohttp

from ._failures import FAILURES, comet_error
from ._methodspec import MethodSpec
from ._transport import Body, Redactor, Transport
from .errors import CometError

DEFAULT_CHUNK = 1 << 16

ERROR_PEEK_BYTES = 1 << 16
"""The largest body judged as a possible error envelope; a longer one is a file."""

_JSON_SPACE = b" \t\r\n"

ErrorInBody = Callable[[bytes], CometError | None]


def peek_is_enough(head: bytes | bytearray, eof: bool) -> bool:
    """Whether the first bytes ``head`` decide if the body may be an error envelope.

    They do at the end of the body, past :data:`ERROR_PEEK_BYTES`, or at the
    first byte other than JSON whitespace that is not ``{``.
    """
    if eof or len(head) > ERROR_PEEK_BYTES:
        return True
    start = head.lstrip(_JSON_SPACE)
    return start[:1] not in (b"", b"{")


class Download:
    """One binary response, opened on ``async with`` and read in chunks.

    ``error_in_body(body)`` tells whether a whole small body is an error
    answer instead of the file; without it the body is not checked.
    """

    def __init__(
        self,
        transport: Transport,
        method: MethodSpec[Any],
        make_body: Callable[[], Body],
        *,
        timeout: float,
        redact: Redactor,
        error_in_body: ErrorInBody | None = None,
    ) -> None:
        self._transport = transport
        self._method = method
        self._make_body = make_body
        self._timeout = timeout
        self._redact = redact
        self._error_in_body = error_in_body
        self._stack: contextlib.AsyncExitStack | None = None
        self._response: aiohttp.ClientResponse | None = None
        self._head = b""  # bytes already read by the peek, not yet handed out
        self._eof = False  # the peek read the whole body

    @property
    def content_length(self) -> int | None:
        """The size announced by the server, if it announced one."""
        return self._response.content_length if self._response is not None else None

    async def __aenter__(self) -> Download:
        if self._stack is not None:
            raise RuntimeError("this download is already open")
        stack = contextlib.AsyncExitStack()
        try:
            self._response = await stack.enter_async_context(
                self._transport.open_stream(
                    self._method, self._make_body(), timeout=self._timeout, redact=self._redact
                )
            )
            if self._error_in_body is not None:
                await self._check_head(self._response, self._error_in_body)
        except BaseException:
            self._response, self._head, self._eof = None, b"", False
            await stack.aclose()
            raise
        self._stack = stack
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        stack, self._stack, self._response = self._stack, None, None
        self._head, self._eof = b"", False
        if stack is not None:
            await stack.aclose()

    async def _check_head(self, response: aiohttp.ClientResponse, judge: ErrorInBody) -> None:
        """Read the start of the body and raise the error it carries, if it is one."""
        length = response.content_length
        if length is not None and length > ERROR_PEEK_BYTES:
            return  # announced too long to be an error envelope: nothing to read ahead
        head = bytearray()
        eof = False
        error: CometError | None = None
        try:
            while not peek_is_enough(head, eof):
                chunk = await response.content.read(ERROR_PEEK_BYTES + 1 - len(head))
                eof = not chunk
                head += chunk
        except FAILURES as exc:
            error = self._failure(exc)
        if error is not None:
            raise error  # outside the except block: the aiohttp error is not its context
        self._head, self._eof = bytes(head), eof
        if eof:
            error = judge(self._head)
            if error is not None:
                raise error

    def _failure(self, exc: BaseException) -> CometError:
        return comet_error(
            exc,
            f"{self._method.name} download",
            server=self._transport.base_url,
            redact=self._redact,
            timeout=self._timeout,
        )

    async def iter_chunks(self, chunk_size: int = DEFAULT_CHUNK) -> AsyncIterator[bytes]:
        """The body in chunks of at most ``chunk_size`` bytes."""
        if self._response is None:
            raise RuntimeError("use 'async with' on the download before iterating it")
        if chunk_size < 1:
            raise ValueError(f"chunk_size must be at least 1, got {chunk_size}")
        head, self._head = self._head, b""
        for start in range(0, len(head), chunk_size):
            yield head[start : start + chunk_size]
        if self._eof:
            return
        error: CometError | None = None
        try:
            async for chunk in self._response.content.iter_chunked(chunk_size):
                yield chunk
        except FAILURES as exc:
            error = self._failure(exc)
        if error is not None:
            raise error  # outside the except block: the aiohttp error is not its context

    async def save(
        self,
        path: str | os.PathLike[str] | Path,
        progress: Callable[[int, int | None], None] | None = None,
    ) -> int:
        """Write the body to ``path`` chunk by chunk; returns the number of bytes written.

        ``progress(done, total)`` is called after each chunk. The body goes to
        a temporary file next to ``path`` that replaces it only once complete:
        if the download fails, no partial file is left and a file already at
        ``path`` is untouched.
        """
        if self._response is None:
            async with self:
                return await self.save(path, progress)
        target = Path(path)
        part = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        written = 0
        fh = part.open("xb")  # "x": a file of that name that is not ours is never touched
        try:
            with fh:
                async for chunk in self.iter_chunks():
                    fh.write(chunk)
                    written += len(chunk)
                    if progress is not None:
                        progress(written, self.content_length)
            os.replace(part, target)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        return written
