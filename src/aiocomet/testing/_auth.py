"""Accounts, passwords, TOTP and session keys of the emulated server.

One place decides who a request is: the form fields (or multipart headers, or
the five websocket frames) go in, a :class:`Principal` or an
:class:`AuthError` comes out. Failures carry the HTTP status the real server
uses: 403 for bad credentials, 449 when a password alone is not enough, and
400 when valid credentials are of the wrong kind for the method.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

import pyotp

from .._methodspec import AuthKind

AccountKind = Literal["admin", "user"]
AUTH_TYPES = ("Password", "SessionKey", "PasswordTOTP", "PasswordU2F")


class AuthError(Exception):
    """A request that cannot be served as the account it claims to be."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        headers: Mapping[str, str] | None = None,
        username: str = "",
        kind: AccountKind | None = None,
        expired: bool = False,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers: dict[str, str] = dict(headers or {})
        self.username = username
        self.kind = kind
        self.expired = expired


@dataclass(frozen=True, slots=True)
class Principal:
    """Who made a request, and the session key it used (if any)."""

    kind: AccountKind
    username: str
    session_key: str | None = None


@dataclass(slots=True)
class _Session:
    kind: AccountKind
    username: str
    expires: float


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


class Accounts:
    """Admin and end-user credentials plus the session table."""

    def __init__(
        self,
        admins: Mapping[str, str],
        admin_totp_secrets: Mapping[str, str],
        *,
        session_ttl: float,
        clock: Callable[[], float],
        user_totp_secrets: Mapping[str, str] | None = None,
    ) -> None:
        self.admins: dict[str, str] = dict(admins)
        self.totp: dict[str, pyotp.TOTP] = {
            name: pyotp.TOTP(secret) for name, secret in admin_totp_secrets.items()
        }
        self.user_totp: dict[str, pyotp.TOTP] = {
            name: pyotp.TOTP(secret) for name, secret in (user_totp_secrets or {}).items()
        }
        self.users: dict[str, str] = {}
        self.session_ttl = session_ttl
        self._clock = clock
        self._sessions: dict[str, _Session] = {}

    # -- accounts ------------------------------------------------------------------------

    def kind_of(self, username: str) -> AccountKind | None:
        if username in self.admins:
            return "admin"
        if username in self.users:
            return "user"
        return None

    def set_user_password(self, username: str, password: str) -> None:
        self.users[username] = password

    def remove_user(self, username: str) -> None:
        self.users.pop(username, None)
        self.user_totp.pop(username, None)
        self.revoke_account("user", username)

    def remove_admin(self, username: str) -> None:
        self.admins.pop(username, None)
        self.totp.pop(username, None)
        self.revoke_account("admin", username)

    def check_user_password(self, username: str, password: str) -> bool:
        known = self.users.get(username)
        return known is not None and _same(known, password)

    # -- sessions ------------------------------------------------------------------------

    def start_session(self, principal: Principal) -> str:
        key = "sk-" + secrets.token_urlsafe(24)
        self._sessions[key] = _Session(
            principal.kind, principal.username, self._clock() + self.session_ttl
        )
        return key

    def revoke(self, key: str) -> bool:
        return self._sessions.pop(key, None) is not None

    def revoke_account(self, kind: AccountKind, username: str) -> int:
        doomed = [k for k, s in self._sessions.items() if s.kind == kind and s.username == username]
        for key in doomed:
            del self._sessions[key]
        return len(doomed)

    def revoke_all(self) -> int:
        count = len(self._sessions)
        self._sessions.clear()
        return count

    @property
    def session_count(self) -> int:
        return len(self._sessions)

    # -- authentication ----------------------------------------------------------------

    def authenticate(self, fields: Mapping[str, str], allowed: AuthKind) -> Principal:
        """The principal behind the auth ``fields``, if it may call a method needing ``allowed``.

        Raises :class:`AuthError`.
        """
        username = fields.get("Username", "")
        auth_type = fields.get("AuthType", "")
        if not username or not auth_type:
            raise AuthError(403, "Authentication required: Username and AuthType are missing")
        if auth_type not in AUTH_TYPES:
            raise AuthError(
                400,
                f"Invalid parameter AuthType: {auth_type!r} is not one of {', '.join(AUTH_TYPES)}",
                username=username,
            )
        if auth_type == "SessionKey":
            principal = self._by_session(username, fields.get("SessionKey", ""))
        else:
            principal = self._by_password(username, auth_type, fields)
        if allowed in ("admin", "user") and principal.kind != allowed:
            need = "an admin account" if allowed == "admin" else "an end-user account"
            has = "an admin account" if principal.kind == "admin" else "an end-user account"
            raise AuthError(
                400,
                f"Invalid parameter Username: this method needs {need}, but {username!r} is {has}",
                username=username,
                kind=principal.kind,
            )
        return principal

    def _by_session(self, username: str, key: str) -> Principal:
        session = self._sessions.get(key) if key else None
        if session is None or session.username != username:
            raise AuthError(
                403, "Invalid session key", username=username, kind=self.kind_of(username)
            )
        now = self._clock()
        if now >= session.expires:
            del self._sessions[key]
            raise AuthError(
                403, "Session expired", username=username, kind=session.kind, expired=True
            )
        session.expires = now + self.session_ttl
        return Principal(session.kind, username, key)

    def _by_password(self, username: str, auth_type: str, fields: Mapping[str, str]) -> Principal:
        """Password first (either kind of account), then the second factor if one is set."""
        password = fields.get("Password", "")
        kind: AccountKind
        if username in self.admins:
            kind, valid, totp = "admin", _same(self.admins[username], password), self.totp
        else:
            kind, valid, totp = "user", self.check_user_password(username, password), self.user_totp
        if not valid:
            known = self.kind_of(username)
            raise AuthError(403, "Invalid username or password", username=username, kind=known)
        if auth_type == "PasswordU2F":
            raise AuthError(403, "No U2F device is registered", username=username, kind=kind)
        code = totp.get(username)
        if code is None:
            if auth_type == "Password":
                return Principal(kind, username)
            raise AuthError(403, "TOTP is not enabled", username=username, kind=kind)
        if auth_type == "Password":
            raise AuthError(
                449,
                "Two-factor authentication required",
                headers={"X-Comet-TOTP-Requested": "1"},
                username=username,
                kind=kind,
            )
        if auth_type == "PasswordTOTP" and code.verify(
            fields.get("TOTP", ""), for_time=int(self._clock()), valid_window=1
        ):
            return Principal(kind, username)
        raise AuthError(403, "Invalid TOTP code", username=username, kind=kind)
