"""Shared by the CometAccountClient tests (``test_account*.py``): the credentials and auth
modes, a client on a fake host that records its retry delays, the secret check, and a
CometGoStatus answer."""

from __future__ import annotations

from typing import Any

from aiocomet import CometAccountClient

BASE = "https://account.test"
EMAIL = "owner@example.com"
PASSWORD = "pw-S3cret-9xQ"
TOKEN = "W2FAKETOKEN7Y-abc123"
SECRETS = (PASSWORD, TOKEN)

AUTH_MODES: dict[str, tuple[dict[str, Any], dict[str, str]]] = {
    "password": (
        {"email": EMAIL, "password": PASSWORD},
        {"authType": "password", "email": EMAIL, "password": PASSWORD},
    ),
    "apiToken": ({"api_token": TOKEN}, {"authType": "apiToken", "apiToken": TOKEN}),
    "authToken": (
        {"api_token": TOKEN, "token_auth": "authToken"},
        {"authType": "authToken", "authToken": TOKEN},
    ),
}


class Sleeps(list[float]):
    """Records retry delays instead of sleeping."""

    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


def make_client(mode: str = "password", **kw: Any) -> CometAccountClient:
    kw.setdefault("sleep", Sleeps())
    return CometAccountClient(**AUTH_MODES[mode][0], base_url=BASE, **kw)


def assert_no_secret(*texts: str) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text, text


def secret_of(mode: str) -> str:
    """The secret a client in ``mode`` holds (and so can redact)."""
    return PASSWORD if mode == "password" else TOKEN


STATUS = {
    "status": "OK",
    "data": {"hosted_server_id": "506", "aws_status": "running", "admin_password": "hunter2"},
}
