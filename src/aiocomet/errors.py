"""aiocomet's exceptions.

::

    CometError
    ├── CometAPIError              the server answered with an error
    │   ├── AuthenticationError    403: bad credentials, expired session key
    │   ├── MFARequiredError       449: a second factor is needed
    │   └── ServerError            5xx
    ├── TransportError             connection refused/reset, DNS, TLS, redirect refused
    │   └── TimeoutError           also a builtins.TimeoutError
    ├── ResponseDecodeError        the body is not the JSON the method returns
    ├── ResponseTooLargeError      a JSON body exceeded max_response_bytes
    ├── CredentialsError           method needs another kind of account
    ├── InvalidParameterError      a parameter value does not fit its type (also ValueError)
    ├── ClientClosedError          the client was used after close()
    └── ProtocolError              the event stream said something unexpected

No error message ever contains a password, session key, TOTP secret or code.
"""

from __future__ import annotations

import builtins


class CometError(Exception):
    """Base of every error aiocomet raises."""


class CometAPIError(CometError):
    """The Comet Server answered a call with an error status.

    ``http_status`` is the HTTP status code; ``status`` and ``message`` come
    from the ``CometAPIResponseMessage`` body when there is one.
    """

    def __init__(
        self,
        message: str,
        *,
        method: str = "",
        http_status: int = 0,
        status: int = 0,
        server_message: str = "",
    ) -> None:
        super().__init__(message)
        self.method = method
        self.http_status = http_status
        self.status = status
        self.message = server_message


class AuthenticationError(CometAPIError):
    """The server refused the credentials (HTTP 403, or ``403 Unauth`` on the stream)."""


class MFARequiredError(CometAPIError):
    """HTTP 449: the server wants a second factor.

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
    ) -> None:
        super().__init__(message, method=method, http_status=449, status=449)
        self.totp_requested = totp_requested
        self.u2f_challenge = u2f_challenge


class ServerError(CometAPIError):
    """The server failed (HTTP 5xx)."""


class TransportError(CometError):
    """The request did not get an HTTP answer: refused, reset, DNS, TLS, redirect.

    ``outcome_unknown`` is true when a state-changing request may have reached
    the server before the connection failed: it may or may not have been applied.
    """

    def __init__(self, message: str, *, outcome_unknown: bool = False) -> None:
        super().__init__(message)
        self.outcome_unknown = outcome_unknown


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
