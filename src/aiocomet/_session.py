"""Owning one aiohttp session: TLS settings, lazy creation, ``async with``, close.

Shared by :class:`~aiocomet.CometClient` and :class:`~aiocomet.CometAccountClient`.
A session passed in by the caller is used but never closed. Options that
live on a session the client creates (the pool size, TLS) cannot reach a
caller's session, so they are refused with it rather than dropped; the
client's own headers are then sent with every request instead.
"""

from __future__ import annotations

import asyncio
import logging
import ssl as ssl_module
from typing import Self
from urllib.parse import urlsplit

import aiohttp

from ._backoff import Sleep
from ._closing import AsyncClosing
from ._transport import RetryPolicy, TrackingConnector, Transport
from .errors import ClientClosedError, InvalidParameterError

log = logging.getLogger("aiocomet")

DEFAULT_MAX_CONNECTIONS = 100
DEFAULT_TIMEOUT = 30.0
"""Seconds one HTTP attempt may take, unless a client is given another ``timeout``."""


def ssl_option(
    ssl: ssl_module.SSLContext | None, verify: bool, ca_file: str | None
) -> ssl_module.SSLContext | bool:
    """The aiohttp ``ssl=`` value: verification stays on unless ``verify=False`` says so."""
    if ssl is not None:
        return ssl
    if not verify:
        log.warning("TLS certificate verification is OFF (verify=False): use only for testing")
        return False
    if ca_file:
        return ssl_module.create_default_context(cafile=ca_file)
    return True


def check_base_url(base_url: str, name: str = "base_url") -> None:
    """Raise InvalidParameterError unless ``base_url`` is an http(s) URL with a host.

    ``name`` is what the error calls the setting (the CLI's ``--url``).
    A URL without a scheme (``127.0.0.1:8060``) would otherwise fail deep in
    aiohttp; the error suggests the URL the caller probably meant.
    """
    parts = urlsplit(base_url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return
    guess = f" (did you mean 'http://{base_url}' or 'https://{base_url}'?)"
    raise InvalidParameterError(
        f"{name} must be an http:// or https:// URL with a host, got {base_url!r}"
        + ("" if "://" in base_url else guess)
    )


def refuse_connector_options(
    max_connections: int | None,
    ssl: ssl_module.SSLContext | None,
    verify: bool,
    ca_file: str | None,
) -> None:
    """Raise if an option that only a client-created session's connector can hold was given."""
    given = [
        name
        for name, is_set in (
            ("max_connections", max_connections is not None),
            ("ssl", ssl is not None),
            ("verify", not verify),
            ("ca_file", ca_file is not None),
        )
        if is_set
    ]
    if given:
        raise InvalidParameterError(
            f"{', '.join(given)} cannot apply to a session passed with session=: they are "
            "settings of its connector; configure them there, for example "
            "aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=..., ssl=...))"
        )


class SessionState:
    """The session and its lifecycle, shared by a client and its ``with_options`` views."""

    def __init__(self, session: aiohttp.ClientSession | None) -> None:
        self.session = session
        self.owns_session = session is None
        self.stream_session: aiohttp.ClientSession | None = None  # owned, for event streams
        self.closed = False
        self.login_lock = asyncio.Lock()


class SessionOwner(AsyncClosing):
    """Mixin: a lazily created, owned-or-borrowed ``aiohttp.ClientSession``."""

    base_url: str
    timeout: float
    _transport: Transport
    _state: SessionState
    _ssl: ssl_module.SSLContext | bool
    _session_headers: dict[str, str]
    _max_connections: int

    def _init_session(
        self,
        base_url: str,
        session: aiohttp.ClientSession | None,
        *,
        timeout: float,
        ssl: ssl_module.SSLContext | None,
        verify: bool,
        ca_file: str | None,
        headers: dict[str, str],
        retry: RetryPolicy | None,
        max_response_bytes: int,
        sleep: Sleep,
        max_connections: int | None = None,
    ) -> None:
        """Check the URL, timeout and options, then set up the session state and the transport.

        ``headers`` become the default headers of a session the client
        creates; on a caller's session they are sent with each API request
        instead, and the event stream puts them on its upgrade request.
        """
        check_base_url(base_url)
        if not timeout > 0:
            raise InvalidParameterError(
                f"timeout must be a positive number of seconds, got {timeout}"
            )
        if session is not None:
            refuse_connector_options(max_connections, ssl, verify, ca_file)
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._state = SessionState(session)
        self._ssl = ssl_option(ssl, verify, ca_file)
        self._session_headers = headers
        self._max_connections = (
            DEFAULT_MAX_CONNECTIONS if max_connections is None else max_connections
        )
        self._transport = Transport(
            self._session,
            self.base_url,
            retry=retry or RetryPolicy(),
            max_response_bytes=max_response_bytes,
            sleep=sleep,
            headers=headers if session is not None else None,
        )

    def _session(self) -> aiohttp.ClientSession:
        state = self._state
        if state.closed:
            raise ClientClosedError(f"this {type(self).__name__} is closed; create a new one")
        if state.session is None:
            connector = TrackingConnector(limit=self._max_connections, ssl=self._ssl)
            state.session = aiohttp.ClientSession(
                connector=connector, headers=self._session_headers
            )
        return state.session

    @property
    def request_headers(self) -> dict[str, str]:
        """The headers this client sends with every request (``User-Agent``, ...)."""
        return dict(self._session_headers)

    @property
    def session(self) -> aiohttp.ClientSession:
        """The aiohttp session this client sends on."""
        return self._session()

    @property
    def stream_session(self) -> aiohttp.ClientSession:
        """The session event streams connect on: outside the pool's ``max_connections``.

        A websocket holds its connection for as long as it lives: taken from
        the pool, streams could leave their own remedial sync (a REST call)
        no connection to wait for (``max_connections=1``, or more streams
        than connections). So a client that owns its session gives streams a
        second one, with no connection limit (one connection per stream), the
        same TLS settings and headers, created lazily and closed with the
        client. A borrowed session is used as it is: its pool is the
        caller's to size (one connection per open stream, plus room for calls).
        """
        state = self._state
        session = self._session()  # also refuses a closed client
        if not state.owns_session:
            return session
        if state.stream_session is None:
            state.stream_session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=0, ssl=self._ssl),
                headers=self._session_headers,
            )
        return state.stream_session

    @property
    def closed(self) -> bool:
        return self._state.closed

    async def __aenter__(self) -> Self:
        self._session()
        return self

    async def aclose(self) -> None:
        """Same as :meth:`close`."""
        await self.close()

    async def close(self) -> None:
        """Close the session if this client created it. Idempotent."""
        state = self._state
        if state.closed:
            return
        state.closed = True
        if state.stream_session is not None:
            await state.stream_session.close()
        if state.owns_session and state.session is not None:
            await state.session.close()
