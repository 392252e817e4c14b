"""aiocomet's exceptions.

::

    CometError
    ├── CometAPIError              the server answered with an error (HTTP or in the body)
    │   ├── AuthenticationError    HTTP 403 (or 403 in a login's body): credentials refused
    │   ├── AccessDeniedError      Status 403 in a 200 answer: no such object, or not yours
    │   ├── MFARequiredError       HTTP 449 or ERR_TOTP_REQUIRED: a second factor is needed
    │   └── ServerError            5xx, as the HTTP status or in the body
    ├── TransportError             refused/reset, DNS, TLS, redirect refused, malformed HTTP
    │   ├── TimeoutError           also a builtins.TimeoutError
    │   └── RedirectRefusedError   the event websocket's upgrade was redirected (not retried)
    ├── ResponseDecodeError        the body is not the JSON the method returns
    ├── ResponseTooLargeError      a JSON body exceeded max_response_bytes
    ├── CredentialsError           method needs another kind of account
    ├── InvalidParameterError      a parameter value does not fit its type (also ValueError)
    ├── ClientClosedError          the client was used after close()
    ├── BucketAllocationError      raised by your Custom Remote Bucket allocate() to refuse
    ├── RelayError                 aiocomet relay (Redis Streams)
    │   ├── RelayConfigError       the relay configuration cannot work (also ValueError)
    │   └── StaleLeaseError        the fence refused a write: this worker's lease ended
    └── ProtocolError              the event stream said something unexpected
        ├── HandshakeError         neither "200 OK" nor "403 Unauth" to the auth frames
        └── EventDecodeError       a frame that is not an event (skipped, told to on_error)

No error message ever contains a password, session key, TOTP secret or code.
How each answer of a Comet Server maps to these classes: docs/errors.md.
"""

from __future__ import annotations

import builtins


class CometError(Exception):
    """Base of every error aiocomet raises."""


class CometAPIError(CometError):
    """The Comet Server answered a call with an error.

    ``http_status`` is the HTTP status code (200 when the error came inside a
    successful answer); ``status`` and ``message`` come from the
    ``CometAPIResponseMessage`` body when there is one. ``error_code`` is the
    message when it is one of the API's ``ERR_*`` constants (for instance
    ``aiocomet.constants.UnknownDeviceError``), else ``""``.
    """

    def __init__(
        self,
        message: str,
        *,
        method: str = "",
        http_status: int = 0,
        status: int = 0,
        server_message: str = "",
        error_code: str = "",
    ) -> None:
        super().__init__(message)
        self.method = method
        self.http_status = http_status
        self.status = status
        self.message = server_message
        self.error_code = error_code


class AuthenticationError(CometAPIError):
    """The server refused the credentials (HTTP 403, or ``403 Unauth`` on the stream).

    Also a ``403`` inside the answer to a password login, which has no object
    that could be refused instead.
    """


class AccessDeniedError(CometAPIError):
    """``Status 403`` inside a successful answer: the object does not exist or is not yours.

    A Comet Server answers this way for an unknown user, another tenant's
    object or a missing permission; it does not say which. When the call used
    a session key, the client has already checked that the key itself is
    still accepted (see docs/errors.md).
    """


class MFARequiredError(CometAPIError):
    """The server wants a second factor: HTTP 449, or ``ERR_TOTP_REQUIRED`` in the body.

    ``totp_requested`` is true when it asked for a TOTP code;
    ``u2f_challenge`` holds the parsed ``X-Comet-U2F-Challenge`` header.
    """

    def __init__(
        self,
        message: str,
        *,
        method: str = "",
        totp_requested: bool = False,
        u2f_challenge: object = None,
        http_status: int = 449,
        status: int = 449,
        server_message: str = "",
        error_code: str = "",
    ) -> None:
        super().__init__(
            message,
            method=method,
            http_status=http_status,
            status=status,
            server_message=server_message,
            error_code=error_code,
        )
        self.totp_requested = totp_requested
        self.u2f_challenge = u2f_challenge


class ServerError(CometAPIError):
    """The server failed: HTTP 5xx, or ``Status`` 5xx inside a successful answer."""


class TransportError(CometError):
    """The request did not get an HTTP answer, or the answer was not valid HTTP.

    Connection refused or reset, DNS, TLS, a redirect refused, or bytes the
    HTTP parser rejects (a bad status line or header, a bad chunk size).

    ``outcome_unknown`` is true when a state-changing request may have reached
    the server before the connection failed: it may or may not have been applied.
    """

    def __init__(self, message: str, *, outcome_unknown: bool = False) -> None:
        super().__init__(message)
        self.outcome_unknown = outcome_unknown


class RedirectRefusedError(TransportError):
    """The websocket upgrade was redirected; the stream does not follow (final, not retried)."""


class TimeoutError(TransportError, builtins.TimeoutError):
    """The call did not finish in time (``outcome_unknown`` as for TransportError)."""


class ResponseDecodeError(CometError):
    """The response body is not the JSON the method returns."""

    def __init__(self, message: str, *, method: str = "", body_start: bytes = b"") -> None:
        super().__init__(message)
        self.method = method
        self.body_start = body_start


class ResponseTooLargeError(CometError):
    """A JSON response exceeded ``max_response_bytes`` and was abandoned."""


class CredentialsError(CometError):
    """The method needs another kind of account (admin vs end user), or none is configured."""


class InvalidParameterError(CometError, ValueError):
    """A parameter value does not fit the type the API expects."""


class ClientClosedError(CometError):
    """The client was used after it was closed."""


class ProtocolError(CometError):
    """The server said something the protocol does not allow (event stream handshake)."""


class EventDecodeError(ProtocolError):
    """An event frame that is not a ``StreamableEvent``; the stream goes on without it."""

    def __init__(self, message: str, *, server: str = "", frame_start: bytes = b"") -> None:
        super().__init__(message)
        self.server = server
        self.frame_start = frame_start


class HandshakeError(ProtocolError):
    """The server answered the five auth frames with neither ``200 OK`` nor ``403 Unauth``."""

    def __init__(self, message: str, *, server: str = "", frame: str = "") -> None:
        super().__init__(message)
        self.server = server
        self.frame = frame


class BucketAllocationError(CometError):
    """Raise in ``allocate`` to refuse a request with ``status`` and a message Comet may show.

    The message goes to the Comet Server as it is: never put a secret in it.
    """

    def __init__(self, message: str, status: int = 503) -> None:
        if not 400 <= status <= 599:
            raise ValueError("status must be an HTTP error status (400-599)")
        super().__init__(message)
        self.status = status
        self.message = message


class RelayError(CometError):
    """Base of the relay's errors."""


class RelayConfigError(RelayError, ValueError):
    """The relay configuration cannot work; ``where`` names the file and the setting."""

    def __init__(self, message: str, *, where: str = "") -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.where = where


class StaleLeaseError(RelayError):
    """A write was refused by the server-side fence: this worker's lease on the server ended.

    Another worker may hold it now (with a newer fencing token); nothing of the
    refused batch was written.
    """

    def __init__(self, server: str, token: int) -> None:
        super().__init__(
            f"relay: the lease on {server!r} (fencing token {token}) is no longer ours"
        )
        self.server = server
        self.token = token
