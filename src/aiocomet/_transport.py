"""The one place that does HTTP for API calls.

It sends a request built fresh for every attempt (so each attempt carries a
fresh TOTP code), never follows redirects (the body holds credentials), caps
the decoded size of JSON bodies, retries only what is safe to repeat (the
decision and the mapping of aiohttp failures live in :mod:`._failures`), and
maps every error status to an aiocomet error without secrets.
"""

from __future__ import annotations

import contextlib
import datetime
import email.utils
import functools
import logging
import math
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import aiohttp

from ._api_errors import error_from_status
from ._backoff import Backoff, Sleep, default_sleep
from ._failures import FAILURES, comet_error, retryable
from ._methodspec import MethodSpec
from .errors import (
    CometError,
    ResponseTooLargeError,
    TransportError,
)

if TYPE_CHECKING:
    from aiohttp.connector import Connection
    from aiohttp.tracing import Trace

log = logging.getLogger("aiocomet")

MAX_RETRY_AFTER = 60.0


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Automatic retries of read-only calls (and of calls the server throttled with 429).

    ``attempts`` counts the first try: the default 4 is one try and up to 3 retries.
    """

    attempts: int = 4
    backoff: Backoff = field(default_factory=lambda: Backoff(initial=0.5, cap=8.0, floor=0.05))
    max_retry_after: float = MAX_RETRY_AFTER


class _Attempt:
    """How far the attempt in progress got; a timeout while ``connecting`` sent nothing."""

    __slots__ = ("connecting",)

    def __init__(self) -> None:
        self.connecting = False


_ATTEMPT: ContextVar[_Attempt | None] = ContextVar("aiocomet_attempt", default=None)


class TrackingConnector(aiohttp.TCPConnector):
    """A TCPConnector that tells the API call in progress while it waits for a connection.

    No byte of a request leaves before the connector hands out a connection,
    so a mutation that times out while waiting for one (a full pool, a slow
    connect) was not sent, and can say so. A flag through a context variable
    costs well under a microsecond a call; aiohttp's trace signals cost ~17 us.
    """

    async def connect(
        self, req: aiohttp.ClientRequest, traces: list[Trace], timeout: aiohttp.ClientTimeout
    ) -> Connection:
        attempt = _ATTEMPT.get()
        if attempt is None:
            return await super().connect(req, traces, timeout)
        attempt.connecting = True
        connection = await super().connect(req, traces, timeout)
        attempt.connecting = False  # left True when waiting ends in an error: nothing was sent
        return connection


@dataclass(frozen=True, slots=True)
class Body:
    """What one attempt sends: an encoded form or a multipart writer, plus headers."""

    data: bytes | dict[str, str] | aiohttp.MultipartWriter | None
    headers: dict[str, str]


FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"
_FORM_HEADERS = {"Content-Type": FORM_CONTENT_TYPE}


def form_body(fields: dict[str, str]) -> Body:
    """A form body encoded here, once: aiohttp's own dict-to-form path costs ~50 us a call."""
    return Body(urlencode(fields).encode("ascii"), _FORM_HEADERS)


BodyFactory = Callable[[], Awaitable[Body]]
Redactor = Callable[[str], str]


def _retry_after(headers: Any, policy: RetryPolicy) -> float | None:
    """Seconds to wait from a ``Retry-After`` of seconds or an HTTP-date, capped; None if absent."""
    value = headers.get("Retry-After")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=datetime.UTC)
        seconds = when.timestamp() - time.time()
    if math.isnan(seconds):
        return None
    return max(0.0, min(seconds, policy.max_retry_after))


class Transport:
    """Sends API requests on a shared aiohttp session."""

    def __init__(
        self,
        session: Callable[[], aiohttp.ClientSession],
        base_url: str,
        *,
        retry: RetryPolicy,
        max_response_bytes: int,
        sleep: Sleep = default_sleep,
        headers: dict[str, str] | None = None,
    ) -> None:
        self._session = session
        self.base_url = base_url.rstrip("/")
        self.headers = headers or {}  # sent with every request (on a session not ours)
        self.retry = retry
        self.max_response_bytes = max_response_bytes
        self._sleep = sleep

    async def _read_capped(self, spec: MethodSpec[Any], resp: aiohttp.ClientResponse) -> bytes:
        """The body, or ResponseTooLargeError once more than the cap was *decoded*.

        A compressed body's Content-Length is its compressed size, so only an
        uncompressed body is read in one go; aiohttp (>= 3.13.3) inflates in
        steps as it is read, so the loop stops a bomb after about the cap.
        """
        cap = self.max_response_bytes
        length = resp.content_length
        if length is not None:
            if length > cap:
                raise _too_large(spec, cap)
            if "Content-Encoding" not in resp.headers:
                return await resp.read()  # announced and within the cap: one read, no copy
        buf = bytearray()
        async for chunk in resp.content.iter_chunked(1 << 16):
            buf += chunk
            if len(buf) > cap:
                raise _too_large(spec, cap)
        return bytes(buf)

    @contextlib.asynccontextmanager
    async def _attempt(
        self, spec: MethodSpec[Any], body: Body, timeout: aiohttp.ClientTimeout, redact: Redactor
    ) -> AsyncIterator[aiohttp.ClientResponse]:
        url = self.base_url + spec.path
        started = time.perf_counter()
        status: int | str = "error"
        headers = {**self.headers, **body.headers} if self.headers else body.headers
        try:
            async with self._session().request(
                spec.http_method,
                url,
                data=body.data if spec.http_method != "GET" else None,
                headers=headers,
                allow_redirects=False,
                timeout=timeout,
            ) as resp:
                status = resp.status
                if 300 <= resp.status < 400:
                    location = resp.headers.get("Location", "?")
                    raise TransportError(
                        f"{spec.name}: the server answered HTTP {resp.status} redirecting to "
                        f"{redact(location)!r}; redirects are not followed because the request "
                        "carries credentials. Point the client at the final URL."
                    )
                yield resp
        finally:
            log.debug(
                "%s %s -> %s in %.1f ms",
                spec.name,
                spec.path,
                status,
                (time.perf_counter() - started) * 1000,
            )

    async def call(
        self,
        spec: MethodSpec[Any],
        make_body: BodyFactory,
        *,
        timeout: float,
        redact: Redactor,
        retry: RetryPolicy | None = None,
    ) -> bytes:
        """Send ``spec`` and return the body of a 2xx answer; raise on anything else.

        Errors are raised outside the ``except`` blocks so that no aiohttp
        exception (which may hold the request headers) is their context.
        """
        policy = retry or self.retry
        attempt = 0
        while True:
            sent = False  # True once the request may have reached the server
            headers: Any = None
            status: int | None = None
            error: CometError
            progress = _Attempt()
            token = _ATTEMPT.set(progress)
            try:
                body = await make_body()
                sent = True
                async with self._attempt(spec, body, _total_timeout(timeout), redact) as resp:
                    if resp.status < 400:
                        return await self._read_capped(spec, resp)
                    status, headers = resp.status, resp.headers
                    raw = await resp.content.read(65536)
                    error = error_from_status(spec, status, headers, raw, redact)
            except CometError:
                raise
            except FAILURES as exc:
                status = None
                error = comet_error(
                    exc,
                    spec.name,
                    server=self.base_url,
                    redact=redact,
                    timeout=timeout,
                    outcome_unknown=sent and not progress.connecting and not spec.read_only,
                )
            finally:
                _ATTEMPT.reset(token)
            if not retryable(spec.read_only, attempt, policy.attempts, status):
                raise error
            delay = None if status is None else _retry_after(headers, policy)
            if delay is None:
                delay = policy.backoff.delay(attempt)
            log.debug("%s: retrying in %.2f s (attempt %d)", spec.name, delay, attempt + 2)
            await self._sleep(delay)
            attempt += 1

    @contextlib.asynccontextmanager
    async def open_stream(
        self, spec: MethodSpec[Any], body: Body, *, timeout: float, redact: Redactor
    ) -> AsyncIterator[aiohttp.ClientResponse]:
        """Open a binary download; ``timeout`` bounds connecting and each read, not the total."""
        limits = aiohttp.ClientTimeout(total=None, sock_connect=timeout, sock_read=timeout)
        async with contextlib.AsyncExitStack() as stack:
            error: CometError | None = None
            try:
                resp = await stack.enter_async_context(self._attempt(spec, body, limits, redact))
                if resp.status >= 400:
                    raw = await resp.content.read(65536)
                    error = error_from_status(spec, resp.status, resp.headers, raw, redact)
            except CometError:
                raise
            except FAILURES as exc:
                where = f"{spec.name} download"
                error = comet_error(
                    exc, where, server=self.base_url, redact=redact, timeout=timeout
                )
            if error is not None:
                raise error
            yield resp


@functools.lru_cache(maxsize=64)
def _total_timeout(seconds: float) -> aiohttp.ClientTimeout:
    """One ClientTimeout per distinct value (they are immutable) instead of one per call."""
    return aiohttp.ClientTimeout(total=seconds)


def _too_large(spec: MethodSpec[Any], cap: int) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"{spec.name}: the response is larger than max_response_bytes={cap}; raise the cap "
        "or use the method's streaming form"
    )
