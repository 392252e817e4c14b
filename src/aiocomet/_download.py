"""Streamed binary downloads, so a 200 MB client installer never sits in memory.

::

    async with client.admin_branding_generate_client_linuxgeneric_stream(platform) as dl:
        async for chunk in dl.iter_chunks():
            ...
    # or simply
    size = await client.admin_branding_generate_client_linuxgeneric_stream(platform).save(path)
"""

from __future__ import annotations

import contextlib
import os
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


class Download:
    """One binary response, opened on ``async with`` and read in chunks."""

    def __init__(
        self,
        transport: Transport,
        method: MethodSpec[Any],
        make_body: Callable[[], Body],
        *,
        timeout: float,
        redact: Redactor,
    ) -> None:
        self._transport = transport
        self._method = method
        self._make_body = make_body
        self._timeout = timeout
        self._redact = redact
        self._stack: contextlib.AsyncExitStack | None = None
        self._response: aiohttp.ClientResponse | None = None

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
        except BaseException:
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
        if stack is not None:
            await stack.aclose()

    async def iter_chunks(self, chunk_size: int = DEFAULT_CHUNK) -> AsyncIterator[bytes]:
        """The body in chunks of at most ``chunk_size`` bytes."""
        if self._response is None:
            raise RuntimeError("use 'async with' on the download before iterating it")
        error: CometError | None = None
        try:
            async for chunk in self._response.content.iter_chunked(chunk_size):
                yield chunk
        except FAILURES as exc:
            error = comet_error(
                exc,
                f"{self._method.name} download",
                server=self._transport.base_url,
                redact=self._redact,
                timeout=self._timeout,
            )
        if error is not None:
            raise error  # outside the except block: the aiohttp error is not its context

    async def save(
        self,
        path: str | os.PathLike[str] | Path,
        progress: Callable[[int, int | None], None] | None = None,
    ) -> int:
        """Write the body to ``path`` chunk by chunk; returns the number of bytes written.

        ``progress(done, total)`` is called after each chunk. A partial file is
        removed if the download fails.
        """
        if self._response is None:
            async with self:
                return await self.save(path, progress)
        target = Path(path)
        written = 0
        try:
            with target.open("wb") as fh:
                async for chunk in self.iter_chunks():
                    fh.write(chunk)
                    written += len(chunk)
                    if progress is not None:
                        progress(written, self.content_length)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return written
