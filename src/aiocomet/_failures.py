"""The one place that turns an aiohttp, socket or timeout failure into an aiocomet error.

API calls, downloads and the event stream's dial all send their failures
here, so none can escape as a raw aiohttp exception. That matters beyond
tidiness: aiohttp's ``ClientResponseError`` (a malformed answer) carries the
request's headers, and a multipart upload sends the password in a header.
:func:`comet_error` keeps only a redacted message, and callers raise the
result outside their ``except`` block, so the aiohttp exception is neither
the ``__cause__`` nor the ``__context__`` of what the user sees.

:func:`retryable` is the one retry decision of API calls.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable

import aiohttp

from .errors import AuthenticationError, CometError, TimeoutError, TransportError

FAILURES: tuple[type[BaseException], ...] = (aiohttp.ClientError, OSError)
"""What :func:`comet_error` maps (``TimeoutError`` is an ``OSError``)."""

RETRY_STATUSES = frozenset({500, 502, 503, 504})

OUTCOME_UNKNOWN = (
    "; the request was sent, so the server may or may not have applied it - "
    "check its state before repeating"
)

_MAX_DETAIL = 200


def retryable(read_only: bool, attempt: int, attempts: int, status: int | None = None) -> bool:
    """Whether the failed attempt number ``attempt`` (from 0) may be repeated.

    ``status`` is None when no HTTP answer came (refused, reset, timed out,
    malformed): only read-only calls repeat then, since a mutation may have
    been applied. 5xx also repeats only read-only calls; 429 repeats any
    call, as the server says it did not process it.
    """
    if attempt + 1 >= attempts:
        return False
    if status is None:
        return read_only
    return status == 429 or (read_only and status in RETRY_STATUSES)


def comet_error(
    exc: BaseException,
    where: str,
    *,
    server: str,
    redact: Callable[[str], str],
    timeout: float,
    outcome_unknown: bool = False,
) -> CometError:
    """The aiocomet error for ``exc`` (one of :data:`FAILURES`), without secrets.

    ``where`` names what failed ("AdminListUsers", "event stream"),
    ``timeout`` is the limit that a timeout exceeded, and ``outcome_unknown``
    says that a state-changing request may have reached the server.
    """
    if isinstance(exc, CometError):
        return exc
    unknown = OUTCOME_UNKNOWN if outcome_unknown else ""
    if isinstance(exc, builtins.TimeoutError):
        return TimeoutError(
            f"{where} timed out after {timeout:g} s waiting for {server}{unknown}",
            outcome_unknown=outcome_unknown,
        )
    if isinstance(exc, aiohttp.WSServerHandshakeError):
        message = f"{where}: {server} answered HTTP {exc.status} at the websocket upgrade"
        if exc.status in (401, 403):
            return AuthenticationError(
                message, method="events/stream", http_status=exc.status, status=exc.status
            )
        return TransportError(message)
    if isinstance(exc, aiohttp.ClientConnectorError):
        detail = _detail(str(exc.os_error or exc), redact)
        return TransportError(f"{where}: cannot connect to {server}: {detail}")
    if isinstance(exc, aiohttp.ClientResponseError):
        # Raised by aiohttp's parser: the bytes that came back are not a valid HTTP answer.
        detail = _detail(exc.message or type(exc).__name__, redact)
        return TransportError(
            f"{where}: {server} sent a malformed HTTP answer ({detail}){unknown}",
            outcome_unknown=outcome_unknown,
        )
    detail = _detail(str(exc), redact)
    return TransportError(
        f"{where}: request to {server} failed: {type(exc).__name__}: {detail}{unknown}",
        outcome_unknown=outcome_unknown,
    )


def _detail(text: str, redact: Callable[[str], str]) -> str:
    """An aiohttp message redacted, on one line and short (parser errors quote the input)."""
    line = " ".join(redact(text).split())
    return line if len(line) <= _MAX_DETAIL else line[:_MAX_DETAIL] + "..."
