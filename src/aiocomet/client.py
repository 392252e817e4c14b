"""CometClient: configuration, the shared aiohttp session, and the call pipeline.

Every generated API method ends in :meth:`CometClient._call`: check that the
account kind fits the method, encode the parameters, send through the
transport, re-login once if a session key was rejected, decode the answer.
"""

from __future__ import annotations

import copy
import logging
import os
import ssl as ssl_module
import time
from collections.abc import AsyncIterable, Callable
from pathlib import Path
from typing import Any, TypeVar, Unpack

import aiohttp

from . import _codec
from ._api_errors import error_in_body, error_in_result
from ._backoff import Sleep, default_sleep
from ._download import Download
from ._event_options import DEFAULT_MAX_BATCH
from ._generated import methods as M
from ._generated import models
from ._generated.api import GeneratedAPI
from ._methodspec import MethodSpec
from ._params import encode_params
from ._session import DEFAULT_TIMEOUT, SessionOwner
from ._session_renewal import SessionRenewal
from ._transport import Body, RetryPolicy, form_body
from ._version import __version__
from .auth import AccountType, Credentials, redacted_preview
from .errors import (
    AccessDeniedError,
    AuthenticationError,
    CredentialsError,
    InvalidParameterError,
    MFARequiredError,
    ResponseDecodeError,
)
from .events import EventBatches, EventOptions, EventStream

__all__ = ["CometClient"]

T = TypeVar("T")
_logger = logging.getLogger("aiocomet")

DEFAULT_USER_AGENT = f"aiocomet/{__version__}"
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024


class CometClient(SessionOwner, GeneratedAPI):
    """An async client for one Comet Server.

    ::

        async with CometClient("https://comet.example.com", "admin", "secret") as client:
            users = await client.admin_list_users()

    ``account_type="user"`` makes the credentials an end-user account, which
    drives the ``user_web_*`` methods. With ``totp_secret`` a fresh TOTP code
    is computed for every request; after :meth:`login` every call uses a
    session key, and a rejected session key triggers one fresh login.

    ``sleep`` and ``clock`` are injectable so retry and TOTP behaviour can be
    tested without waiting. For ``PasswordU2F`` set
    ``client.credentials.u2f_sign`` to a :class:`~aiocomet.models.U2FSignResponse`.

    The client creates its aiohttp session (a pool of ``max_connections``,
    100 by default, with the TLS settings ``ssl``/``verify``/``ca_file``)
    unless ``session`` is given. A caller's session keeps its own connector:
    ``max_connections``, ``ssl``, ``verify=False`` and ``ca_file`` cannot
    apply to it and raise :class:`~aiocomet.errors.InvalidParameterError`
    (set them on the session's connector). ``user_agent`` and
    ``accept_language`` are sent with every API request and the event
    stream's websocket upgrade, on either session.
    """

    def __init__(
        self,
        base_url: str,
        username: str,
        password: str | None = None,
        *,
        session_key: str | None = None,
        totp_secret: str | None = None,
        account_type: AccountType = "admin",
        session: aiohttp.ClientSession | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        ssl: ssl_module.SSLContext | None = None,
        verify: bool = True,
        ca_file: str | None = None,
        user_agent: str = DEFAULT_USER_AGENT,
        accept_language: str | None = None,
        max_connections: int | None = None,
        retry: RetryPolicy | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        sleep: Sleep = default_sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.credentials: Credentials = Credentials(
            username,
            password,
            session_key=session_key,
            totp_secret=totp_secret,
            account_type=account_type,
            clock=clock,
        )
        self.user_agent = user_agent
        self.accept_language = accept_language
        self._init_session(
            base_url,
            session,
            timeout=timeout,
            ssl=ssl,
            verify=verify,
            ca_file=ca_file,
            headers=self._default_headers(),
            retry=retry,
            max_response_bytes=max_response_bytes,
            sleep=sleep,
            max_connections=max_connections,
        )
        self._renewal = SessionRenewal(self._state.login_lock, clock)

    def __repr__(self) -> str:
        return f"CometClient({self.base_url!r}, {self.credentials!r})"

    # -- lifecycle ---------------------------------------------------------------------

    def _default_headers(self) -> dict[str, str]:
        headers = {"User-Agent": self.user_agent}
        if self.accept_language:
            headers["Accept-Language"] = self.accept_language
        return headers

    def with_options(
        self, *, timeout: float | None = None, retry: RetryPolicy | None = None
    ) -> CometClient:
        """A view of this client with other per-call settings, sharing its session."""
        clone = copy.copy(self)
        if timeout is not None:
            clone.timeout = timeout
        if retry is not None:
            clone._transport = copy.copy(self._transport)
            clone._transport.retry = retry
        return clone

    # -- authentication --------------------------------------------------------------------

    async def login(self) -> str:
        """Start a session with the password (and TOTP); later calls use the session key.

        Returns the session key. Admins use ``AdminAccountSessionStart``, end
        users ``UserWebSessionStart``.
        """
        creds = self.credentials
        if not creds.has_password:
            raise CredentialsError("login() needs a password; this client has only a session key")
        spec: MethodSpec[models.SessionKeyRegeneratedResponse] = (
            M.AdminAccountSessionStart if creds.account_type == "admin" else M.UserWebSessionStart
        )
        result = await self._send(spec, {}, password_only=True)
        if not result.SessionKey:
            raise AuthenticationError(
                f"{spec.name} returned no session key (Status {result.Status})",
                method=spec.name,
                status=result.Status,
            )
        creds.session_key = result.SessionKey
        return result.SessionKey

    def _check_account(self, spec: MethodSpec[Any]) -> None:
        kind = self.credentials.account_type
        if spec.auth in ("admin", "user") and spec.auth != kind:
            need = "an admin account" if spec.auth == "admin" else "an end-user account"
            raise CredentialsError(
                f"{spec.python_name}() ({spec.name}) needs {need}, but this client holds "
                f"{'an admin' if kind == 'admin' else 'an end-user'} account; create a "
                f"CometClient with account_type={spec.auth!r}"
            )

    # -- calls -------------------------------------------------------------------------------

    async def _call(self, method: MethodSpec[T], params: dict[str, Any]) -> T:
        self._check_account(method)
        creds = self.credentials
        used_key = creds.session_key
        ticket = self.session_ticket()
        try:
            return await self._send(method, params)
        except MFARequiredError:
            # A code computed at the very end of its window can arrive stale: one fresh try.
            if method.auth == "none" or not creds.has_totp or used_key:
                raise
            _logger.info("%s: TOTP code not accepted; retrying once with a fresh code", method.name)
            return await self._send(method, params)
        except AuthenticationError:
            if not used_key or not self._may_log_in_again(method):
                raise
        except AccessDeniedError:
            # In-body 403: no such object, or a rejected key? Ask once for the whole burst.
            if not used_key or not self._may_log_in_again(method):
                raise
            if not await self._renewal.key_rejected(used_key, self._probe_session_key):
                raise
        await self.replace_session_key(used_key, ticket)
        return await self._send(method, params)

    def session_ticket(self) -> int:
        """Taken before a request the server may refuse; pass it to :meth:`replace_session_key`."""
        return self._renewal.ticket()

    async def replace_session_key(self, rejected_key: str, ticket: int) -> None:
        """Log in again after ``rejected_key`` was refused: one login for every caller.

        Calls and event streams that saw the same key refused share one login;
        each raises a copy of its failure when it fails, and returns at once
        when the key was already replaced. ``ticket`` comes from
        :meth:`session_ticket`, taken before the refused request was sent.
        """
        await self._renewal.renew(
            rejected_key, ticket, lambda: self.credentials.session_key, self.login
        )

    def _may_log_in_again(self, method: MethodSpec[Any]) -> bool:
        return method.auth != "none" and self.credentials.has_password

    async def _probe_session_key(self) -> None:
        """A call that names no object: refused only when the session key itself is."""
        probe: MethodSpec[Any] = (
            M.AdminAccountProperties
            if self.credentials.account_type == "admin"
            else M.UserWebGetUserProfileAndHash
        )
        await self._send(probe, {})

    async def _send(
        self, method: MethodSpec[T], params: dict[str, Any], *, password_only: bool = False
    ) -> T:
        form, upload = encode_params(method, params, self.base_url)
        creds = self.credentials

        async def make_body() -> Body:
            if method.multipart:
                return Body(await _multipart(upload), creds.multipart_headers())
            fields = {} if method.auth == "none" else creds.form_fields(password_only=password_only)
            return form_body({**fields, **form})

        body = await self._transport.call(
            method, make_body, timeout=self.timeout, redact=creds.redact
        )
        if method.returns_bytes:
            error = error_in_body(method, body, creds.redact)
            if error is not None:
                raise error
            return body  # type: ignore[return-value]
        return self._decode(method, body)

    def _decode(self, method: MethodSpec[T], body: bytes) -> T:
        redact = self.credentials.redact
        try:
            value: T = _codec.decode(body, method.decode_type)
        except _codec.DECODE_ERRORS as exc:
            error = error_in_body(method, body, redact)
            if error is not None:
                raise error from None
            start = redacted_preview(body, redact)
            raise ResponseDecodeError(
                f"{method.name}: the response is not a valid {method.returns} ({exc}); "
                f"body starts {start!r}",
                method=method.name,
                body_start=start.encode(),
            ) from None
        error = error_in_result(method, value, redact)
        if error is not None:
            raise error
        return value

    def _stream(self, method: MethodSpec[bytes], params: dict[str, Any]) -> Download:
        self._check_account(method)
        form, _ = encode_params(method, params, self.base_url)
        creds = self.credentials
        return Download(
            self._transport,
            method,
            lambda: form_body({**creds.form_fields(), **form}),
            timeout=self.timeout,
            redact=creds.redact,
            error_in_body=lambda head: error_in_body(method, head, creds.redact),
        )

    # -- live events -------------------------------------------------------------------------

    def events(self, **options: Unpack[EventOptions]) -> EventStream:
        """The server's live events: ``async for event in client.events(): ...``.

        Runs on this client's session. Options (``types``, ``on_gap``,
        ``on_error``, ``reconnect``, ``resync``, ``heartbeat``, ...) are those
        of :class:`aiocomet.events.EventStream`.
        """
        return EventStream(self, **options)

    def event_batches(
        self, max_batch: int = DEFAULT_MAX_BATCH, **options: Unpack[EventOptions]
    ) -> EventBatches:
        """The server's live events in small lists: ``async for batch in client.event_batches()``.

        The same options and guarantees as :meth:`events`; each list holds at
        most ``max_batch`` events (see :class:`aiocomet.events.EventBatches`).
        """
        return EventBatches(EventStream(self, **options), max_batch)


async def _multipart(upload: Any) -> aiohttp.MultipartWriter:
    writer = aiohttp.MultipartWriter("form-data")
    payload: aiohttp.payload.Payload
    if isinstance(upload, bytes | bytearray):
        payload = aiohttp.payload.BytesPayload(bytes(upload))
    elif isinstance(upload, str | os.PathLike):
        path = Path(upload)
        try:
            payload = aiohttp.payload.BufferedReaderPayload(path.open("rb"))
        except OSError as exc:  # not the network's fault: say so before anything is sent
            raise InvalidParameterError(
                f"upload: cannot read {str(path)!r} ({exc.strerror or exc})"
            ) from None
    elif isinstance(upload, AsyncIterable):
        payload = aiohttp.payload.AsyncIterablePayload(upload)
    else:
        raise TypeError(f"upload must be bytes, a path or an async iterable, not {type(upload)}")
    payload.set_content_disposition("form-data", name="upload", filename="upload")
    writer.append_payload(payload)
    return writer
