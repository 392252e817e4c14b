"""Credentials: password, session key, TOTP codes, U2F; and keeping them secret.

One :class:`Credentials` object per client. It builds the auth fields of each
request (form fields, multipart headers, the event stream's five frames) and
computes a fresh TOTP code every time one is needed. Its ``repr`` and
:meth:`Credentials.redact` keep every secret out of logs and errors (the rules
are in :mod:`aiocomet._redact` and docs/reliability.md).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Literal

import msgspec
import pyotp

from ._generated import models
from ._redact import SecretMatcher, redact_keys, redact_text
from .errors import CredentialsError

AccountType = Literal["admin", "user"]


class Credentials:
    """The username and secrets of one Comet account (admin or end user)."""

    def __init__(
        self,
        username: str,
        password: str | None = None,
        *,
        session_key: str | None = None,
        totp_secret: str | None = None,
        account_type: AccountType = "admin",
        clock: Callable[[], float] = time.time,
    ) -> None:
        if account_type not in ("admin", "user"):
            raise ValueError(f"account_type must be 'admin' or 'user', not {account_type!r}")
        self.username = username
        self.account_type: AccountType = account_type
        self._password = password
        self._session_key = session_key
        self._totp = _make_totp(totp_secret) if totp_secret else None
        self._totp_secret = totp_secret
        self._clock = clock
        self._issued_codes: list[str] = []
        self._retired_keys: list[str] = []
        self._matcher: tuple[tuple[str, ...], SecretMatcher] | None = None
        self.u2f_sign: models.U2FSignResponse | None = None

    def __repr__(self) -> str:
        has = [
            name
            for name, value in (
                ("password", self._password),
                ("session_key", self._session_key),
                ("totp_secret", self._totp_secret),
            )
            if value
        ]
        return (
            f"Credentials(username={self.username!r}, account_type={self.account_type!r}, "
            f"secrets={has})"
        )

    __str__ = __repr__

    # -- state -------------------------------------------------------------------------

    @property
    def has_password(self) -> bool:
        return bool(self._password)

    @property
    def session_key(self) -> str | None:
        return self._session_key

    @session_key.setter
    def session_key(self, value: str | None) -> None:
        if self._session_key:  # keep redacting a retired key: old messages may still carry it
            self._retired_keys = [*self._retired_keys[-4:], self._session_key]
        self._session_key = value

    @property
    def has_totp(self) -> bool:
        return self._totp is not None

    def totp_code(self) -> str:
        """A TOTP code for now (pyotp); each call recomputes it from the clock."""
        if self._totp is None:
            raise ValueError("no totp_secret configured")
        code = self._totp.at(int(self._clock()))
        self._issued_codes = [*self._issued_codes[-4:], code]
        return code

    def auth_type(self) -> str:
        if self._session_key:
            return "SessionKey"
        if self.u2f_sign is not None:
            return "PasswordU2F"
        if self._totp is not None:
            return "PasswordTOTP"
        return "Password"

    # -- wire forms ----------------------------------------------------------------------

    def form_fields(self, *, password_only: bool = False) -> dict[str, str]:
        """Auth form fields for one request; a fresh TOTP code each time.

        ``password_only`` ignores the session key (used by login itself).
        """
        auth_type = self.auth_type()
        if password_only and auth_type == "SessionKey":
            auth_type = "PasswordTOTP" if self._totp else "Password"
        fields = {"Username": self.username, "AuthType": auth_type}
        if auth_type == "SessionKey":
            fields["SessionKey"] = self._session_key or ""
            return fields
        fields["Password"] = self._password or ""
        if auth_type == "PasswordTOTP":
            fields["TOTP"] = self.totp_code()
        elif auth_type == "PasswordU2F":
            fields["U2FSign"] = msgspec.json.encode(self.u2f_sign).decode()
        return fields

    def multipart_headers(self) -> dict[str, str]:
        """The ``X-Comet-Admin-*`` headers used by multipart uploads."""
        names = {
            "Username": "X-Comet-Admin-Username",
            "AuthType": "X-Comet-Admin-AuthType",
            "Password": "X-Comet-Admin-Password",
            "SessionKey": "X-Comet-Admin-SessionKey",
            "TOTP": "X-Comet-Admin-TOTP",
        }
        return {names[k]: v for k, v in self.form_fields().items() if k in names}

    def stream_frames(self) -> list[str]:
        """The five event-stream handshake frames, in wire order."""
        fields = self.form_fields()
        return [
            fields.get(key, "")
            for key in ("Username", "AuthType", "Password", "SessionKey", "TOTP")
        ]

    # -- redaction ------------------------------------------------------------------------

    def secrets(self) -> list[str]:
        found = [
            self._password,
            self._session_key,
            self._totp_secret,
            *self._retired_keys,
            *self._issued_codes,
        ]
        return [s for s in found if s]

    def redact(self, text: str) -> str:
        """``text`` without the secrets this object knows, nor any credential-holding value.

        Values of credential keys (form fields, JSON keys, auth headers) are
        replaced whatever their length; this object's secrets are replaced
        wherever they appear, in their encoded forms too, when at least 8
        characters long (TOTP codes: as whole numbers). Nothing else changes:
        a shorter secret is never matched inside free text.
        """
        secrets = tuple(self.secrets())
        if self._matcher is None or self._matcher[0] != secrets:
            self._matcher = (secrets, SecretMatcher(secrets, codes=self._issued_codes))
        return redact_text(text, self._matcher[1])


PREVIEW_SLACK = 4096


def redacted_preview(data: bytes | str, redact: Callable[[str], str], limit: int = 200) -> str:
    """The start of ``data`` for an error message, at most ``limit`` characters.

    Values of credential keys are hidden first, whoever ``redact`` knows: a
    login answer that does not decode must not show its new session key. Then
    ``redact`` removes the secrets it knows. Both run *before* the text is cut:
    cut first, a secret that straddles the limit would be shown in part (its
    first characters) because redaction no longer recognizes it.
    """
    window = limit + PREVIEW_SLACK
    text = data[:window].decode("utf-8", "replace") if isinstance(data, bytes) else data[:window]
    return redact(redact_keys(text))[:limit]


def _make_totp(secret: str) -> pyotp.TOTP:
    try:
        return pyotp.TOTP(secret)
    except (ValueError, TypeError) as exc:
        reason = "too short" if "bits" in str(exc) else "not valid base32"
        raise CredentialsError(
            f"totp_secret is {reason}; pass the base32 secret shown when TOTP was enabled"
        ) from None
