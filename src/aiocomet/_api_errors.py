"""Whether a Comet Server answer is an error: one decision, made here, for every method.

A Comet Server says "no" in two forms. Authentication problems use HTTP
statuses (403, and 449 when a second factor is missing). Application errors
(an unknown user, another tenant's object, a bad parameter) come as HTTP 200
with a ``CometAPIResponseMessage`` body, whatever type the method returns:
Comet's Go SDK tests every 2xx body for ``Status >= 400`` with a non-empty
``Message``, and its Ruby SDK treats any ``Status``/``Message`` object whose
``Status`` is not 2xx as an error. Both forms become the same typed errors
here. docs/errors.md gives the evidence and the full mapping.

The body check is cheap because it is decided once per result type: an
envelope type (a struct with both ``Status`` and ``Message``) is judged by its
own fields; any other struct by the top-level keys the decoder kept aside as
unknown (``CometModel.unknown_fields``); a map by its keys; a list or scalar
cannot hold an envelope at all, and a body that fails to decode is checked
with a two-field decode.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Callable
from typing import Any, get_origin

import msgspec

from . import _codec
from ._generated import constants as C
from ._generated import methods as M
from ._methodspec import MethodSpec
from ._model import CometModel
from .auth import redacted_preview
from .errors import (
    AccessDeniedError,
    AuthenticationError,
    CometAPIError,
    MFARequiredError,
    ServerError,
)

Redactor = Callable[[str], str]

ERROR_CODES: frozenset[str] = frozenset(
    value for value in C.CONSTANTS.values() if isinstance(value, str) and value.startswith("ERR_")
)
"""The ``ERR_*`` message constants of the API: they name a failure precisely."""

PASSWORD_LOGINS: frozenset[str] = frozenset(
    spec.name for spec in (M.AdminAccountSessionStart, M.UserWebSessionStart, M.HybridSessionStart)
)
"""Methods whose only subject is the caller's own credentials: a 403 in them means those."""

_ERROR_BODY_LIMIT = 65536


class _Envelope(msgspec.Struct):
    """The two top-level keys of an error body; every other key is skipped unread."""

    Status: Any = None
    Message: Any = None


_envelope_decoder = msgspec.json.Decoder(_Envelope)
_OBJECT_START = re.compile(rb"[ \t\r\n]*\{")


def _is_error(status: object, message: object) -> bool:
    """The Go SDK's rule for any 2xx body: ``Status >= 400`` and a non-empty ``Message``."""
    return type(status) is int and status >= 400 and isinstance(message, str) and message != ""


# -- the HTTP form --------------------------------------------------------------------------


def error_from_status(
    spec: MethodSpec[Any], status: int, headers: Any, body: bytes, redact: Redactor
) -> CometAPIError:
    """The aiocomet error for an HTTP error status, with the server's message if any."""
    server_status, server_message = status, ""
    with contextlib.suppress(msgspec.MsgspecError, UnicodeDecodeError, ValueError, TypeError):
        parsed = msgspec.json.decode(body[:_ERROR_BODY_LIMIT])
        if isinstance(parsed, dict):
            server_status = int(parsed.get("Status", status) or status)
            server_message = str(parsed.get("Message", ""))
    code = server_message if server_message in ERROR_CODES else ""
    server_message = redact(server_message)
    if not server_message and body:
        server_message = _without_status(redacted_preview(body, redact), status)
    return _typed_error(spec, headers, status, server_status, server_message, code)


def _without_status(text: str, status: int) -> str:
    """A plain-text error body without the status the error already names (``404: Not Found``)."""
    return re.sub(rf"^\s*{status}\b[\s:.-]*", "", text).strip()


def _typed_error(
    spec: MethodSpec[Any],
    headers: Any,
    http_status: int,
    status: int,
    server_message: str,
    code: str,
) -> CometAPIError:
    """The one mapping of both forms; ``http_status`` 200 means the error came in the body."""
    in_body = http_status < 300
    deciding = status if in_body else http_status
    said = f"Status {status} in an HTTP {http_status} answer" if in_body else f"HTTP {http_status}"
    if deciding == 449 or code == C.TOTPRequiredError:
        totp = code == C.TOTPRequiredError or headers.get("X-Comet-TOTP-Requested") is not None
        challenge = _u2f_challenge(headers)
        factor = "a TOTP code" if totp else "a U2F signature" if challenge else "a second factor"
        return MFARequiredError(
            f"{spec.name} ({spec.path}): the server requires {factor} ({said}); configure "
            "totp_secret or pass a U2F sign response",
            method=spec.name,
            totp_requested=totp,
            u2f_challenge=challenge,
            http_status=http_status,
            status=status,
            server_message=server_message,
            error_code=code,
        )
    cls: type[CometAPIError]
    hint = ""
    if deciding == 403 and (not in_body or spec.name in PASSWORD_LOGINS):
        cls = AuthenticationError
        hint = "; check the credentials (username and password, or session key) and account type"
    elif deciding == 403:
        cls = AccessDeniedError
        hint = "; the object does not exist, or this account may not see or change it"
    elif deciding >= 500:
        cls = ServerError
    else:
        cls = CometAPIError
    detail = f": {server_message}" if server_message else ""
    return cls(
        f"{spec.name} ({spec.path}) failed with {said}{detail}{hint}",
        method=spec.name,
        http_status=http_status,
        status=status,
        server_message=server_message,
        error_code=code,
    )


def _u2f_challenge(headers: Any) -> object:
    """The parsed ``X-Comet-U2F-Challenge`` header (the raw text if it is not JSON)."""
    raw = headers.get("X-Comet-U2F-Challenge")
    if not raw:
        return None
    try:
        return msgspec.json.decode(raw)
    except msgspec.DecodeError:
        return raw


# -- the in-body form -----------------------------------------------------------------------


def error_in_body(spec: MethodSpec[Any], body: bytes, redact: Redactor) -> CometAPIError | None:
    """The error a raw 2xx body carries, if it is an error envelope (Go's rule).

    For answers that did not decode as the method's type, and for binary answers.
    """
    if not _OBJECT_START.match(body):
        return None
    try:
        envelope = _envelope_decoder.decode(body)
    except _codec.DECODE_ERRORS:
        return None
    if not _is_error(envelope.Status, envelope.Message):
        return None
    return _in_body_error(spec, envelope.Status, envelope.Message, redact)


def error_in_result(spec: MethodSpec[Any], value: Any, redact: Redactor) -> CometAPIError | None:
    """The error a decoded 2xx answer carries, if it is one; a few attribute reads."""
    found = _checker(spec.decode_type)(value)
    if found is None:
        return None
    return _in_body_error(spec, found[0], found[1], redact)


def _in_body_error(
    spec: MethodSpec[Any], status: int, message: str, redact: Redactor
) -> CometAPIError:
    code = message if message in ERROR_CODES else ""
    return _typed_error(spec, {}, 200, status, redact(message), code)


# -- one checker per result type ---------------------------------------------------------------

_Found = tuple[int, str] | None
_Checker = Callable[[Any], _Found]


def _never(value: Any) -> _Found:
    return None


def _envelope(value: Any) -> _Found:
    """An envelope type: any ``Status`` that is set and not 2xx (Ruby's rule)."""
    status = value.Status
    if status == 0 or 200 <= status < 300:
        return None
    return status, value.Message


def _status_field(value: Any) -> _Found:
    """A type with ``Status`` but no ``Message`` (a job): an error needs a ``Message`` key too."""
    if value.Status < 400:
        return None
    message = value.unknown_fields().get("Message")
    return (value.Status, message) if _is_error(value.Status, message) else None


def _message_field(value: Any) -> _Found:
    if not value.Message:
        return None
    status = value.unknown_fields().get("Status")
    return (status, value.Message) if _is_error(status, value.Message) else None


def _unknown_keys(value: Any) -> _Found:
    """Any other struct: an error envelope decodes to it with both keys left unknown."""
    unknown = value.unknown_fields()
    if "Message" not in unknown:
        return None
    status, message = unknown.get("Status"), unknown["Message"]
    return (status, message) if _is_error(status, message) else None


def _mapping(value: Any) -> _Found:
    if not isinstance(value, dict) or "Message" not in value:
        return None
    status: Any = value.get("Status")
    message: Any = value["Message"]
    return (status, message) if _is_error(status, message) else None


@functools.cache
def _checker(decode_type: Any) -> _Checker:
    """How to tell an error in a decoded value of ``decode_type``, decided once per type."""
    if isinstance(decode_type, type) and issubclass(decode_type, CometModel):
        fields = set(decode_type.__struct_fields__)
        if {"Status", "Message"} <= fields:
            return _envelope
        if "Status" in fields:
            return _status_field
        if "Message" in fields:
            return _message_field
        return _unknown_keys
    if decode_type is Any or get_origin(decode_type) is dict or decode_type is dict:
        return _mapping
    return _never  # a list, string, number or bool cannot be an error object
