"""What the tests/test_reliability_secrets*.py files share: the sentinels and the guard.

``guard`` is a logging handler on the root logger, at DEBUG, that formats every
record with its traceback and fails the test on any sentinel (password, session
key, TOTP secret, the TOTP codes in use, API token, account password);
``assert_clean`` and ``assert_error_clean`` check text and errors the same way.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Iterator
from typing import Any

import pyotp
import pytest

from aiocomet import CometClient

from ._fake_comet import Reply
from .test_client_secrets import PASSWORD, SESSION_KEY, TOTP_SECRET, make

API_TOKEN = "TOKEN-SENTINEL-5d2e"
ACCOUNT_PASSWORD = "ACCT-PW-SENTINEL-c0de"
NOW = 1_800_000_000.0
CODE = pyotp.TOTP(TOTP_SECRET).at(int(NOW))  # the TOTP code every client here sends
SECRETS = (PASSWORD, SESSION_KEY, TOTP_SECRET, API_TOKEN, ACCOUNT_PASSWORD)
START = "/api/v1/admin/account/session-start"


def leaks(text: str) -> list[str]:
    found = [s for s in SECRETS if s in text]
    if re.search(rf"(?<!\d){CODE}(?!\d)", text):
        found.append("the TOTP code")
    return found


def assert_clean(text: str) -> None:
    assert not leaks(text), f"{leaks(text)} leaked: {text[:400]}"


def assert_error_clean(exc: BaseException) -> None:
    """str, repr, the whole traceback (causes included) and every attribute of an error."""
    assert_clean(str(exc))
    assert_clean(repr(exc))
    assert_clean("".join(traceback.format_exception(exc)))
    for value in vars(exc).values():
        assert_clean(repr(value))


class LeakGuard(logging.Handler):
    """Formats every record (traceback included) and remembers the ones with a secret."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.records = 0
        self.leaked: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records += 1
        text = self.format(record) + repr(record.args)
        if leaks(text):
            self.leaked.append(text[:400])


@pytest.fixture
def guard() -> Iterator[LeakGuard]:
    root = logging.getLogger()
    handler = LeakGuard()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    assert handler.records > 0  # DEBUG logging really ran
    assert handler.leaked == [], handler.leaked


CLIENT_SECRETS = (PASSWORD, SESSION_KEY, TOTP_SECRET)


def echo(status: int, *secrets: str) -> Reply:
    """A server that (badly) echoes credentials back in its error message.

    Only what the client holds can be redacted by it: CometClient's password,
    session key and TOTP secret (and a TOTP code once it sent one), an account
    client's token or password.
    """
    shown = " ".join(secrets or CLIENT_SECRETS)
    return Reply(status=status, body={"Status": status, "Message": f"bad: {shown}"})


def clocked(url: str, **kw: Any) -> CometClient:
    """The sentinel client of test_client_secrets, with a fixed clock (a known TOTP code)."""
    return make(url, clock=lambda: NOW, **kw)
