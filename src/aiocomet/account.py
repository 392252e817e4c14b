"""CometAccountClient: the account.cometbackup.com API (licenses, reports, downloads, hosting).

A separate client because it talks to Comet's own portal with *account*
credentials (email + password, or an API token) instead of to a Comet Server.
It sends through the same :class:`~aiocomet._transport.Transport` as
:class:`~aiocomet.CometClient`, so error mapping, retries of read-only calls,
refused redirects and timeouts behave the same, and redacts with
:meth:`aiocomet.auth.Credentials.redact`.

Token auth: the guide names it ``authType=apiToken`` + ``apiToken`` in its auth
table and curl example, but ``authType=authToken`` + ``authToken`` in the
per-endpoint tables. The two places that agree win: ``apiToken`` is the
default; ``token_auth="authToken"`` sends the other spelling.
"""

from __future__ import annotations

import ssl as ssl_module
from typing import Any, Literal, TypeVar, cast, get_args, get_origin

import aiohttp

from . import _codec
from ._backoff import Sleep, default_sleep
from ._download import Download
from ._generated import account as _a
from ._generated.account import GeneratedAccountAPI, TokenAuthType
from ._methodspec import MethodSpec
from ._params import encode_params
from ._session import DEFAULT_TIMEOUT, SessionOwner
from ._transport import Body, RetryPolicy
from .auth import Credentials, redacted_preview
from .client import DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_USER_AGENT
from .errors import (
    ClientClosedError,
    CometAPIError,
    CredentialsError,
    InvalidParameterError,
    ResponseDecodeError,
)

__all__ = ["CometAccountClient"]

T = TypeVar("T")

DEFAULT_TOKEN_AUTH: TokenAuthType = "apiToken"
JSON_CT = "application/json"
TEXT_CT = "text/plain"


class _AccountCredentials:
    """Email + password or an API token: the auth form fields, and redaction of both."""

    __slots__ = ("_password", "_redactor", "_token", "email", "token_auth")

    def __init__(
        self,
        email: str | None,
        password: str | None,
        api_token: str | None,
        token_auth: TokenAuthType,
    ) -> None:
        if api_token is not None and (email is not None or password is not None):
            raise CredentialsError("pass either email and password, or api_token - not both")
        if api_token is None and not (email and password):
            raise CredentialsError("CometAccountClient needs email and password, or api_token")
        if api_token is not None and not api_token:
            raise CredentialsError("api_token is empty")
        if token_auth not in _a.TOKEN_AUTH_PARAMS:
            raise ValueError(f"token_auth must be one of {sorted(_a.TOKEN_AUTH_PARAMS)}")
        self.email = email
        self.token_auth = token_auth
        self._password = password
        self._token = api_token
        # One redaction routine for the whole package: Credentials knows both secrets.
        self._redactor = Credentials(email or "", password, session_key=api_token)

    @property
    def auth_type(self) -> str:
        return self.token_auth if self._token is not None else _a.PASSWORD_AUTH_TYPE

    def form_fields(self) -> dict[str, str]:
        """The auth fields every authenticated request carries."""
        if self._token is not None:
            return {
                _a.AUTH_TYPE_PARAM: self.token_auth,
                _a.TOKEN_AUTH_PARAMS[self.token_auth]: self._token,
            }
        email_key, password_key = _a.PASSWORD_AUTH_PARAMS
        return {
            _a.AUTH_TYPE_PARAM: _a.PASSWORD_AUTH_TYPE,
            email_key: self.email or "",
            password_key: self._password or "",
        }

    def redact(self, text: str) -> str:
        return self._redactor.redact(text)

    def __repr__(self) -> str:
        return f"AccountCredentials(email={self.email!r}, auth_type={self.auth_type!r})"


class CometAccountClient(SessionOwner, GeneratedAccountAPI):
    """An async client for account.cometbackup.com.

    ::

        async with CometAccountClient(api_token="...") as account:
            serials = await account.license_list_all()
            await account.downloads_get_save("25.9.8", "download_linux_deb", "comet.deb")

    Give ``email`` and ``password``, or ``api_token``. The client owns one
    aiohttp session (closed on exit) unless ``session`` is given; TLS is
    verified unless ``verify=False``. A caller's session keeps its own
    connector, so ``ssl``, ``verify=False`` and ``ca_file`` are refused with
    it (:class:`~aiocomet.errors.InvalidParameterError`); ``user_agent`` is
    sent with every request either way. Binary downloads are streamed to
    disk and never held in memory; other bodies are capped by
    ``max_response_bytes`` (counted after decompression).
    """

    def __init__(
        self,
        *,
        email: str | None = None,
        password: str | None = None,
        api_token: str | None = None,
        token_auth: TokenAuthType = DEFAULT_TOKEN_AUTH,
        base_url: str = _a.DEFAULT_BASE_URL,
        session: aiohttp.ClientSession | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        ssl: ssl_module.SSLContext | None = None,
        verify: bool = True,
        ca_file: str | None = None,
        user_agent: str = DEFAULT_USER_AGENT,
        retry: RetryPolicy | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        sleep: Sleep = default_sleep,
    ) -> None:
        self._credentials = _AccountCredentials(email, password, api_token, token_auth)
        self.user_agent = user_agent
        self._init_session(
            base_url,
            session,
            timeout=timeout,
            ssl=ssl,
            verify=verify,
            ca_file=ca_file,
            headers={"User-Agent": user_agent},
            retry=retry,
            max_response_bytes=max_response_bytes,
            sleep=sleep,
        )

    def __repr__(self) -> str:
        creds = self._credentials
        return (
            f"CometAccountClient({self.base_url!r}, email={creds.email!r}, "
            f"auth_type={creds.auth_type!r})"
        )

    # -- calls -------------------------------------------------------------------------

    def _form(self, method: MethodSpec[Any], params: dict[str, Any]) -> dict[str, str]:
        """Check and encode the endpoint params; nothing is sent if one is wrong."""
        if self.closed:
            raise ClientClosedError("this CometAccountClient is closed; create a new one")
        for param in method.params:
            value = params.get(param.name)
            if value is None or get_origin(param.python_type) is not Literal:
                continue
            allowed = get_args(param.python_type)
            if value not in allowed:
                raise InvalidParameterError(
                    f"{method.python_name}(): parameter {param.python_name!r} must be one of "
                    f"{', '.join(map(repr, allowed))}, got {value!r}"
                )
        form, _ = encode_params(method, params, self.base_url)
        if method.auth == "none":
            return form
        return {**self._credentials.form_fields(), **form}

    async def _call(self, method: MethodSpec[T], params: dict[str, Any]) -> T:
        form = self._form(method, params)

        async def make_body() -> Body:
            return Body(form, {})

        body = await self._transport.call(
            method, make_body, timeout=self.timeout, redact=self._credentials.redact
        )
        return cast(T, self._decode(method, params, body))

    def _stream(self, method: MethodSpec[bytes], params: dict[str, Any]) -> Download:
        form = self._form(method, params)
        return Download(
            self._transport,
            method,
            lambda: Body(form, {}),
            timeout=self.timeout,
            redact=self._credentials.redact,
        )

    def _decode(self, method: MethodSpec[Any], params: dict[str, Any], body: bytes) -> Any:
        """The result the endpoint's success content type calls for."""
        by_format = _a.RESPONSE_TYPES[method.name]
        content_type = by_format.get(params.get("format") or "", by_format.get("", ""))
        if content_type == TEXT_CT:
            try:
                return body.decode("utf-8").strip()
            except UnicodeDecodeError as exc:
                raise self._decode_error(method, body, f"not UTF-8 text ({exc.reason})") from None
        if content_type != JSON_CT:
            return body
        try:
            value = _codec.decode(body, method.decode_type)  # `null` for a map: {}
        except _codec.DECODE_ERRORS as exc:
            raise self._decode_error(method, body, f"not the JSON it returns ({exc})") from None
        if isinstance(value, dict) and value.get("status") == "error":
            # The hosted-server endpoints document {"status": "error"} as their failure body.
            message = self._credentials.redact(str(value.get("message", "")))
            raise CometAPIError(
                f"{method.name} failed: the server answered 2xx with status 'error'"
                + (f": {message}" if message else ""),
                method=method.name,
                http_status=200,
                server_message=message,
            )
        return value

    def _decode_error(self, method: MethodSpec[Any], body: bytes, why: str) -> ResponseDecodeError:
        # The body is left out of the message: a hosted server's status carries its password.
        return ResponseDecodeError(
            f"{method.name}: the response ({len(body)} bytes) is {why}",
            method=method.name,
            body_start=redacted_preview(body, self._credentials.redact).encode("utf-8")[:200],
        )
