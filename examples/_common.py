"""Shared by the examples: where to connect, example data, and running a script.

Every example connects with :func:`connect` (or :func:`connect_many`). When
``COMET_URL`` is set it uses that server with ``COMET_USERNAME``,
``COMET_PASSWORD`` and, if set, ``COMET_TOTP_SECRET``. Otherwise it starts an
embedded :class:`~aiocomet.testing.CometEmulator` on 127.0.0.1 and fills it
with :func:`seed`: a few users, two policies, storage vaults and finished jobs,
so every example runs on a fresh clone without a Comet Server.

Credentials are only ever passed to :class:`~aiocomet.CometClient`; nothing
here prints a password, a session key or a TOTP secret.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import sys
from collections.abc import AsyncIterator, Callable, Coroutine
from dataclasses import dataclass
from typing import Any

import msgspec
import pyotp

from aiocomet import CometClient, CometError, models
from aiocomet.constants import DESTINATIONTYPE_COMET, DESTINATIONTYPE_LOCALCOPY, DESTINATIONTYPE_S3
from aiocomet.testing import CometEmulator

# -- the example data of the embedded server -------------------------------------------------

EXAMPLE_POLICY = "Example: workstations"
"""Description of the seeded policy that ``set_policy_all_users.py`` applies by default."""

POLICIES = (EXAMPLE_POLICY, "Example: servers")
FUTURE_KEY = "ExampleFieldFromANewerServer"
"""A profile key this SDK does not know: the examples must send it back unchanged."""
SEED_JOBS = 8
ACTIVITY_RATE = 5.0  # simulated jobs per second for the event examples


def _comet_vault(description: str, server: str, bucket: str) -> dict[str, Any]:
    return {
        "Description": description,
        "DestinationType": DESTINATIONTYPE_COMET,
        "CometServer": server,
        "CometBucket": bucket,
        "CometBucketKey": secrets.token_hex(16),  # a secret: never printed by the examples
    }


def example_profiles() -> dict[str, dict[str, Any]]:
    """Seed data per username: profile fields, including one no SDK version knows."""
    return {
        "alice": {
            "AccountName": "Alice Example",
            "Emails": ["alice@example.com"],
            "Destinations": {
                "a1f3c0de-0000-4000-8000-000000000001": {
                    **_comet_vault(
                        "Alice offsite", "https://storage1.example.com/", "alice-offsite"
                    ),
                    FUTURE_KEY: [1, 2, 3],  # unknown keys can sit in nested structs too
                },
                "a1f3c0de-0000-4000-8000-000000000002": {
                    "Description": "Alice S3 archive",
                    "DestinationType": DESTINATIONTYPE_S3,
                    "S3Server": "s3.amazonaws.com",
                    "S3BucketName": "alice-archive",
                },
            },
            FUTURE_KEY: {"Enabled": True, "Level": 3},
        },
        "bob": {
            "AccountName": "Bob Example",
            "Destinations": {
                "b0b0c0de-0000-4000-8000-000000000001": {
                    "Description": "Bob USB disk",
                    "DestinationType": DESTINATIONTYPE_LOCALCOPY,
                    "LocalcopyPath": "E:\\Backups",
                },
            },
            FUTURE_KEY: {"Enabled": False},
        },
        "carol": {
            "AccountName": "Carol Example",
            "Destinations": {
                "ca201c0d-0000-4000-8000-000000000001": _comet_vault(
                    "Carol, main office", "https://storage1.example.com/", "carol-main"
                ),
                "ca201c0d-0000-4000-8000-000000000002": _comet_vault(
                    "Carol DR copy", "https://storage2.example.com/", "carol-dr"
                ),
            },
            FUTURE_KEY: {"Enabled": True},
        },
    }


async def seed(client: CometClient, emulator: CometEmulator) -> None:
    """Fill an empty emulator through the API: users, vaults, policies, then a few jobs."""
    for username, fields in example_profiles().items():
        await client.admin_add_user(username, secrets.token_urlsafe(12))
        # read-modify-write as JSON so the seed can carry a key the SDK does not model
        data = msgspec.json.decode(models.encode(await client.admin_get_user_profile(username)))
        data.update(fields)
        profile = models.decode(msgspec.json.encode(data), models.UserProfileConfig)
        await client.admin_set_user_profile(username, profile)
    for description in POLICIES:
        await client.admin_policies_new(models.GroupPolicy(Description=description))
    await emulator.simulate_jobs(SEED_JOBS)


# -- connecting --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    urls: list[str]
    username: str
    password: str
    totp_secret: str | None

    def __repr__(self) -> str:  # keep the password out of any traceback or log
        return f"Settings(urls={self.urls!r}, username={self.username!r})"


class SetupError(Exception):
    """The environment does not say how to connect."""


def settings_from_env() -> Settings | None:
    """COMET_URL (comma-separated for several servers) and credentials; None if unset."""
    url = os.environ.get("COMET_URL", "").strip()
    if not url:
        return None
    username = os.environ.get("COMET_USERNAME", "")
    password = os.environ.get("COMET_PASSWORD", "")
    if not username or not password:
        raise SetupError("COMET_URL is set: set COMET_USERNAME and COMET_PASSWORD too")
    return Settings(
        urls=[u.strip() for u in url.split(",") if u.strip()],
        username=username,
        password=password,
        totp_secret=os.environ.get("COMET_TOTP_SECRET") or None,
    )


@contextlib.asynccontextmanager
async def embedded_server(
    *, totp: bool = False, activity: bool = False
) -> AsyncIterator[tuple[CometEmulator, Settings]]:
    """A seeded emulator on 127.0.0.1 and the settings to reach it (random credentials)."""
    username, password = "admin", secrets.token_urlsafe(16)
    totp_secret = pyotp.random_base32() if totp else None
    async with CometEmulator(
        admins={username: password},
        admin_totp_secrets={username: totp_secret} if totp_secret else None,
    ) as emu:
        settings = Settings([emu.url], username, password, totp_secret)
        async with CometClient(emu.url, username, password, totp_secret=totp_secret) as admin:
            await seed(admin, emu)
        print(f"COMET_URL is not set: using an embedded emulator at {emu.url}", file=sys.stderr)
        if activity:
            emu.simulate_jobs(None, rate=ACTIVITY_RATE)  # stopped when the emulator stops
        yield emu, settings


@contextlib.asynccontextmanager
async def connect_many(
    count: int = 1, *, totp: bool = False, activity: bool = False
) -> AsyncIterator[list[CometClient]]:
    """One client per server in COMET_URL, or per embedded emulator (``count`` of them)."""
    async with contextlib.AsyncExitStack() as stack:
        settings = settings_from_env()
        if settings is not None:
            if totp and not settings.totp_secret:
                raise SetupError("this example needs COMET_TOTP_SECRET (the admin's TOTP secret)")
            servers = [(url, settings) for url in settings.urls]
        else:
            servers = []
            for _ in range(count):
                emu, local = await stack.enter_async_context(
                    embedded_server(totp=totp, activity=activity)
                )
                servers.append((emu.url, local))
        clients = []
        for url, s in servers:
            client = CometClient(url, s.username, s.password, totp_secret=s.totp_secret)
            clients.append(await stack.enter_async_context(client))
        yield clients


@contextlib.asynccontextmanager
async def connect(*, totp: bool = False, activity: bool = False) -> AsyncIterator[CometClient]:
    """A client for COMET_URL, or for an embedded, seeded emulator when it is not set.

    ``totp`` makes the embedded admin need a TOTP code (and requires
    COMET_TOTP_SECRET for a real server); ``activity`` keeps simulated backup
    jobs running on the embedded emulator, for the event examples.
    """
    async with connect_many(1, totp=totp, activity=activity) as clients:
        yield clients[0]


# -- running a script ----------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def at_most(seconds: float | None) -> AsyncIterator[None]:
    """Run the body for at most ``seconds`` (None: no limit), then leave it quietly."""
    timer = asyncio.timeout(seconds)
    try:
        async with timer:
            yield
    except TimeoutError:
        if not timer.expired():
            raise


def run_script(main: Callable[[], Coroutine[Any, Any, int | None]]) -> None:
    """``asyncio.run(main())`` with tidy exits: CometError -> message and 1, Ctrl-C -> 130."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        code = asyncio.run(main())
    except KeyboardInterrupt:
        code = 130
    except (CometError, SetupError) as exc:  # SDK errors never contain credentials
        print(f"error: {exc}", file=sys.stderr)
        code = 1
    sys.exit(code or 0)
