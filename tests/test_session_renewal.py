"""Re-login after a rejected session key, end to end: one login per burst, outcome shared.

The server (tests/_auth_comet.py) really checks keys and the password, and
holds its refusals until the whole burst has arrived, so every call of the
burst was sent with the revoked key before any answer came back.
"""

from __future__ import annotations

import asyncio
from typing import Literal

import pytest

from aiocomet import AccessDeniedError, AuthenticationError, CometClient, models
from aiocomet._session_renewal import SessionRenewal

from ._auth_comet import PROFILE, PROPERTIES, START, AuthComet

BURST = 200
Refusals = Literal["http", "body"]
BOTH = pytest.mark.parametrize("refusals", ["http", "body"])


def client_for(server: AuthComet, password: str, key: str, now: list[float]) -> CometClient:
    return CometClient(
        server.url,
        "admin",
        password,
        session_key=key,
        max_connections=BURST + 16,
        clock=lambda: now[0],
    )


async def burst(client: CometClient, users: list[str]) -> list[object]:
    async with asyncio.timeout(60):
        return await asyncio.gather(
            *(client.admin_get_user_profile(u) for u in users), return_exceptions=True
        )


@BOTH
async def test_failed_relogin_fails_every_waiter_with_one_password_attempt(
    refusals: Refusals,
) -> None:
    async with AuthComet(password="right", refusals=refusals, hold_refusals=BURST) as server:
        async with client_for(server, "wrong", "revoked", [0.0]) as client:
            results = await burst(client, ["alice"] * BURST)
            assert all(isinstance(r, AuthenticationError) for r in results), results[:3]
            assert server.password_attempts == 1
            assert server.paths[START] == 1
            assert server.paths[PROPERTIES] == (1 if refusals == "body" else 0)
            # A later, independent call may try again: once.
            with pytest.raises(AuthenticationError):
                await client.admin_get_user_profile("alice")
            assert server.password_attempts == 2
            assert server.paths[PROPERTIES] == (1 if refusals == "body" else 0)


@BOTH
async def test_revoked_key_one_login_then_every_call_succeeds(refusals: Refusals) -> None:
    async with AuthComet(password="pw", refusals=refusals, hold_refusals=BURST) as server:
        async with client_for(server, "pw", "revoked", [0.0]) as client:
            results = await burst(client, ["alice"] * BURST)
            assert all(isinstance(r, models.UserProfileConfig) for r in results), results[:3]
            assert client.credentials.session_key == "key-1"
    assert server.paths[START] == 1 and server.password_attempts == 1
    assert server.paths[PROPERTIES] == (1 if refusals == "body" else 0)
    assert server.paths[PROFILE] == 2 * BURST


async def test_unknown_users_in_body_403_cause_one_probe_and_no_login() -> None:
    now = [1000.0]
    async with AuthComet(keys=("good",), hold_refusals=BURST) as server:
        async with client_for(server, "pw", "good", now) as client:
            results = await burst(client, [f"ghost{i}" for i in range(BURST)])
            assert all(type(r) is AccessDeniedError for r in results), results[:3]
            first = results[0]
            assert isinstance(first, AccessDeniedError)
            assert (first.http_status, first.status, first.message) == (200, 403, "Unauthorised")
            assert server.paths[PROPERTIES] == 1
            # Inside the trust window the key is not probed again ...
            now[0] += 59
            with pytest.raises(AccessDeniedError):
                await client.admin_get_user_profile("ghost")
            assert server.paths[PROPERTIES] == 1
            # ... after it, once more.
            now[0] += 2
            with pytest.raises(AccessDeniedError):
                await client.admin_get_user_profile("ghost")
            assert server.paths[PROPERTIES] == 2
            assert (await client.admin_get_user_profile("alice")).Username == "alice"
    assert server.paths[START] == 0 and server.password_attempts == 0
    assert client.credentials.session_key == "good"


async def test_password_client_unknown_user_raises_at_once() -> None:
    async with AuthComet() as server, CometClient(server.url, "admin", "pw") as client:
        with pytest.raises(AccessDeniedError, match="does not exist"):
            await client.admin_get_user_profile("ghost")
    assert sum(server.paths.values()) == 1


async def test_in_body_403_to_a_login_is_an_authentication_error() -> None:
    async with AuthComet(password="right", refusals="body") as server:
        async with CometClient(server.url, "admin", "wrong") as client:
            with pytest.raises(AuthenticationError) as info:
                await client.login()
    assert info.value.http_status == 200 and info.value.status == 403
    assert server.paths[START] == 1


async def test_a_cancelled_caller_does_not_cancel_the_shared_login() -> None:
    started, release = asyncio.Event(), asyncio.Event()
    logins = 0
    key = ["old"]

    async def login() -> None:
        nonlocal logins
        logins += 1
        started.set()
        await release.wait()
        key[0] = "new"

    renewal = SessionRenewal(asyncio.Lock(), lambda: 0.0)
    ticket = renewal.ticket()
    first = asyncio.create_task(renewal.renew("old", ticket, lambda: key[0], login))
    second = asyncio.create_task(renewal.renew("old", ticket, lambda: key[0], login))
    async with asyncio.timeout(10):
        await started.wait()  # the login task runs after both callers joined it
    first.cancel()
    release.set()
    async with asyncio.timeout(10):
        await second
    assert first.cancelled()
    assert logins == 1 and key[0] == "new"


async def test_each_waiter_gets_its_own_copy_of_the_shared_failure() -> None:
    async def login() -> None:
        raise AuthenticationError("refused", method="AdminAccountSessionStart", http_status=403)

    renewal = SessionRenewal(asyncio.Lock(), lambda: 0.0)
    ticket = renewal.ticket()
    results = await asyncio.gather(
        *(renewal.renew("old", ticket, lambda: "old", login) for _ in range(3)),
        return_exceptions=True,
    )
    assert all(isinstance(r, AuthenticationError) and r.http_status == 403 for r in results)
    assert len({id(r) for r in results}) == 3
    later = renewal.ticket()
    assert later == ticket + 1
