"""Single sign-on into the Comet Server web interface, through its ``postMessage`` API.

A page that embeds the web interface (an ``<iframe>`` or ``window.open()``)
waits for the ``{msg: "app_loaded"}`` message from the web interface's
origin, then posts a ``session_login`` (admin) or ``user_session_login``
(end user) message carrying a session key that the page's *server* minted.
This module is that server side: each helper starts a session with the API
method the guide names and returns a :class:`WebLoginMessage` - the object
to post (:meth:`WebLoginMessage.to_json`) and the origin to post it to
(:attr:`WebLoginMessage.target_origin`), which is also the only origin whose
``app_loaded`` the page may answer.

::

    login = await admin_web_login(client)
    return web.json_response(
        {"message": login.to_json(), "targetOrigin": login.target_origin},
        headers={"Cache-Control": "no-store"},
    )

The session key is a live credential: it never appears in ``repr``/``str``.
Mint it only for someone your own application has already authenticated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final, Literal
from urllib.parse import urlsplit

from ._generated.models import SessionKeyRegeneratedResponse
from .client import CometClient
from .errors import AuthenticationError, InvalidParameterError

__all__ = [
    "APP_LOADED",
    "LoginKind",
    "WebLoginMessage",
    "admin_web_login",
    "hybrid_web_login",
    "user_web_login",
    "web_origin",
]

APP_LOADED: Final = "app_loaded"
"""The ``msg`` of the web interface's "ready" notification (``{msg: "app_loaded"}``)."""

LoginKind = Literal["session_login", "user_session_login"]
_DEFAULT_PORTS: Final = {"http": 80, "https": 443}


@dataclass(frozen=True, slots=True)
class WebLoginMessage:
    """A ready-to-post single sign-on message and the origin it may go to.

    ``msg`` is ``"session_login"`` for an admin and ``"user_session_login"``
    for an end user; ``session_type`` is what the server said it started.
    """

    msg: LoginKind
    username: str
    session_key: str = field(repr=False)
    target_origin: str
    session_type: str = ""

    def to_json(self) -> dict[str, str]:
        """The object to post, exactly as the guide documents it."""
        return {"msg": self.msg, "username": self.username, "sessionkey": self.session_key}

    def __repr__(self) -> str:
        return (
            f"WebLoginMessage(msg={self.msg!r}, username={self.username!r}, "
            f"target_origin={self.target_origin!r}, session_key=<redacted>)"
        )

    __str__ = __repr__


def web_origin(url: str) -> str:
    """The origin (``scheme://host[:port]``) of the web interface at ``url``.

    As a browser spells ``event.origin``: lower case, the default port left out,
    no path. Raises :class:`~aiocomet.errors.InvalidParameterError` for
    anything but an absolute ``http``/``https`` URL.
    """
    try:
        parts = urlsplit(url.strip())
        scheme, host, port = parts.scheme.lower(), parts.hostname, parts.port
    except ValueError as exc:
        raise InvalidParameterError(f"web_url: not a valid URL ({exc})") from None
    if scheme not in _DEFAULT_PORTS or not host:
        raise InvalidParameterError(
            f"web_url: needs an absolute http:// or https:// URL of the web interface, not {url!r}"
        )
    if parts.username is not None or parts.password is not None:
        raise InvalidParameterError("web_url: must not carry a user name or password")
    if ":" in host:
        host = f"[{host}]"
    if port is None or port == _DEFAULT_PORTS[scheme]:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


async def admin_web_login(client: CometClient, *, web_url: str | None = None) -> WebLoginMessage:
    """A ``session_login`` for the client's admin, from ``AdminAccountSessionStart``.

    ``web_url`` is where the page loads the web interface from (default: the
    client's server URL); it also goes to the server as ``SelfAddress``.
    """
    origin = web_origin(web_url or client.base_url)
    result = await client.admin_account_session_start(self_address=web_url)
    return _message(result, "AdminAccountSessionStart", "session_login", client, origin)


async def user_web_login(
    client: CometClient, target_user: str, *, web_url: str | None = None
) -> WebLoginMessage:
    """A ``user_session_login`` as end user ``target_user``, minted by the client's admin.

    Uses ``AdminAccountSessionStartAsUser``: the admin signs the user in
    without the user's password.
    """
    if not target_user:
        raise InvalidParameterError("target_user: needs the end user's username")
    origin = web_origin(web_url or client.base_url)
    result = await client.admin_account_session_start_as_user(target_user)
    return _message(
        result, "AdminAccountSessionStartAsUser", "user_session_login", client, origin, target_user
    )


async def hybrid_web_login(client: CometClient, *, web_url: str | None = None) -> WebLoginMessage:
    """A login for the client's own account, admin or end user, from ``HybridSessionStart``.

    ``session_login`` when the client holds an admin account,
    ``user_session_login`` when it holds an end-user account
    (``account_type="user"``).
    """
    origin = web_origin(web_url or client.base_url)
    result = await client.hybrid_session_start()
    kind: LoginKind = (
        "session_login" if client.credentials.account_type == "admin" else "user_session_login"
    )
    return _message(result, "HybridSessionStart", kind, client, origin)


def _message(
    result: SessionKeyRegeneratedResponse,
    method: str,
    kind: LoginKind,
    client: CometClient,
    origin: str,
    username: str | None = None,
) -> WebLoginMessage:
    if not result.SessionKey:
        raise AuthenticationError(
            f"{method} returned no session key (Status {result.Status})",
            method=method,
            status=result.Status,
        )
    return WebLoginMessage(
        msg=kind,
        username=username if username is not None else client.credentials.username,
        session_key=result.SessionKey,
        target_origin=origin,
        session_type=result.SessionType,
    )
