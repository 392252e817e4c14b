"""The seam between the generated API methods and the hand-written client.

Generated methods only build a ``{wire key: value}`` dict and hand it to
:meth:`APIBase._call` (or :meth:`APIBase._stream` for binary downloads);
everything about HTTP lives in the client and its transport.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterable, AsyncIterator, Callable
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, TypeVar

from ._methodspec import MethodSpec

T = TypeVar("T")

UploadBody = bytes | str | os.PathLike[str] | AsyncIterable[bytes]
"""A file upload: the bytes, a path to read, or an async iterable of chunks."""


class DownloadStream(Protocol):
    """A binary response read in chunks so that large downloads never sit in memory."""

    async def __aenter__(self) -> DownloadStream: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def iter_chunks(self, chunk_size: int = ...) -> AsyncIterator[bytes]: ...

    async def save(
        self,
        path: str | os.PathLike[str] | Path,
        progress: Callable[[int, int | None], None] | None = None,
    ) -> int: ...


class APIBase:
    """What the generated methods need from the client."""

    async def _call(self, method: MethodSpec[T], params: dict[str, Any]) -> T:
        raise NotImplementedError

    def _stream(self, method: MethodSpec[bytes], params: dict[str, Any]) -> DownloadStream:
        raise NotImplementedError
