"""The Custom Remote Bucket loop end to end, over real 127.0.0.1 sockets.

Register a provider -> request a vault (admin and end-user methods) -> the
emulator POSTs to the endpoint, which allocates -> the profile has the vault
-> ``SEVT_ACCOUNT_UPDATED`` arrives on ``client.events()``. Hostile endpoints
(an error status, a redirect, no JSON, too slow, too big) make the emulator
answer as the real server does, an error in the body, and the client raise.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
from aiohttp import web

from aiocomet import CometClient, models
from aiocomet._serving import PostEndpoint
from aiocomet.buckets import (
    BucketProvider,
    BucketRequest,
    register_bucket_provider,
    unregister_bucket_provider,
)
from aiocomet.constants import (
    CUSTOMREMOTEBUCKET_CUSTOMBODY_FORM,
    CUSTOMREMOTEBUCKET_CUSTOMBODY_JSON,
    CUSTOMREMOTEBUCKET_CUSTOMBODY_URLENC,
    DESTINATIONTYPE_S3,
    REMOTESERVER_B2,
    REMOTESERVER_CUSTOM,
    SEVT_ACCOUNT_UPDATED,
    SEVT_SERVER_UPDATED,
)
from aiocomet.errors import CometAPIError, ServerError
from aiocomet.testing import CometEmulator

from ._ws_server import Collector

SECRET = "provider-secret-4d2c1e"
WAIT = 10.0  # upper bound for anything awaited
SLOW = 0.5  # the emulator's bucket_timeout in the slow-endpoint test: the endpoint never answers


class Allocator:
    """Allocates numbered S3 buckets and keeps what Comet sent."""

    def __init__(self) -> None:
        self.requests: list[BucketRequest] = []

    async def __call__(self, request: BucketRequest) -> models.DestinationLocation:
        self.requests.append(request)
        return models.DestinationLocation(
            DestinationType=DESTINATIONTYPE_S3,
            S3Server="minio.example.com",
            S3BucketName=f"bucket-{len(self.requests)}",
            S3AccessKey="AKIA-E2E",
            S3SecretKey="bucket-secret-key",
        )


@pytest.fixture
async def emu() -> AsyncIterator[CometEmulator]:
    async with CometEmulator(users={"alice": "alice-pw"}) as emulator:
        yield emulator


@pytest.fixture
async def admin(emu: CometEmulator) -> AsyncIterator[CometClient]:
    async with CometClient(emu.url, emu.admin_username, emu.admin_password) as client:
        yield client


@asynccontextmanager
async def provider(allocate: Any, **options: Any) -> AsyncIterator[BucketProvider]:
    async with BucketProvider(allocate, secret=SECRET, **options) as p:
        await p.serve()
        yield p


def vaults(emu: CometEmulator, user: str = "alice") -> dict[str, Any]:
    found: dict[str, Any] = emu.state.profile(user).get("Destinations") or {}
    return found


async def test_register_request_allocate_profile_event(
    emu: CometEmulator, admin: CometClient
) -> None:
    allocator = Allocator()
    async with (
        provider(
            allocator, body='{"plan": "gold"}', body_type=CUSTOMREMOTEBUCKET_CUSTOMBODY_JSON
        ) as endpoint,
        CometClient(emu.url, "alice", "alice-pw", account_type="user") as alice,
    ):
        col = Collector(admin.events(types={SEVT_ACCOUNT_UPDATED}))
        provider_id = await endpoint.register(admin, "Example storage")
        assert await admin.admin_request_storage_vault_providers() == {
            provider_id: "Example storage"
        }
        await emu.wait_for_subscribers(1, timeout=WAIT)

        # the admin requests a vault for alice
        answer = await admin.admin_request_storage_vault("alice", provider_id)
        vault = answer.Profile.Destinations[answer.DestinationID]
        assert (vault.Description, vault.S3BucketName) == ("Example storage", "bucket-1")
        assert answer.ProfileHash == (await admin.admin_get_user_profile_hash("alice")).ProfileHash
        profile = await admin.admin_get_user_profile("alice")
        assert profile.Destinations[answer.DestinationID].S3SecretKey == "bucket-secret-key"
        await col.count(1, timeout=WAIT)
        event = col.events[0]
        assert (event.ResourceID, event.Actor) == ("alice", emu.admin_username)
        assert answer.DestinationID in event.Data.Destinations

        # alice requests one herself, for a device
        own = await alice.user_web_request_storage_vault(provider_id, device_id="device-1")
        assert own.DestinationID != answer.DestinationID
        assert set(vaults(emu)) == {answer.DestinationID, own.DestinationID}
        assert vaults(emu)[own.DestinationID]["S3BucketName"] == "bucket-2"
        assert vaults(emu)[own.DestinationID]["AssociatedDevices"] == ["device-1"]
        await col.count(2, timeout=WAIT)
        event = col.events[1]
        assert (event.ResourceID, event.Actor) == ("alice", "alice")
        assert set(event.Data.Destinations) == set(vaults(emu))
        await col.close()

    # what Comet sent: the configured body and the secret (checked, so kept out of headers)
    assert [r.json for r in allocator.requests] == [{"plan": "gold"}] * 2
    assert all(r.body_type == CUSTOMREMOTEBUCKET_CUSTOMBODY_JSON for r in allocator.requests)


@pytest.mark.parametrize(
    ("body", "body_type", "field"),
    [
        ("tier=gold&tier=silver&x=", CUSTOMREMOTEBUCKET_CUSTOMBODY_URLENC, "form"),
        ("tier=gold&tier=silver&x=", CUSTOMREMOTEBUCKET_CUSTOMBODY_FORM, "form"),
        ("", "", "none"),
    ],
)
async def test_each_body_type_goes_on_the_wire(
    emu: CometEmulator, admin: CometClient, body: str, body_type: str, field: str
) -> None:
    allocator = Allocator()
    options = {"body": body, "body_type": body_type} if body_type else {}
    async with provider(allocator, **options) as endpoint:
        provider_id = await endpoint.register(admin, "Typed")
        await admin.admin_request_storage_vault("alice", provider_id)
    (request,) = allocator.requests
    if field == "form":
        assert request.body_type == body_type
        assert request.form.getall("tier") == ["gold", "silver"] and request.form["x"] == ""
    else:
        assert (request.body, request.json, len(request.form)) == (b"", None, 0)


async def test_registration_keeps_other_providers_and_is_idempotent(
    emu: CometEmulator, admin: CometClient
) -> None:
    other = models.RemoteStorageOption(
        Type=REMOTESERVER_B2, Description="B2 pool", ID="b2-pool", StorageLimitBytes=5
    )
    raw = models.encode([other])
    with_future_key = json.loads(raw)
    with_future_key[0]["FieldOfANewerServer"] = {"On": True}
    await admin.admin_meta_remote_storage_vault_set(
        models.decode(json.dumps(with_future_key).encode(), list[models.RemoteStorageOption])
    )
    first = await register_bucket_provider(
        admin, "Mine", "http://127.0.0.1:9/a", headers={"K": "1"}
    )
    again = await register_bucket_provider(
        admin, "Mine", "http://127.0.0.1:9/b", headers={"K": "2"}
    )
    by_url = await register_bucket_provider(admin, "Renamed", "http://127.0.0.1:9/b")
    assert first == again == by_url

    stored = await admin.admin_meta_remote_storage_vault_get()
    assert [o.ID for o in stored] == ["b2-pool", first]
    kept, mine = stored
    assert kept.unknown_fields() == {"FieldOfANewerServer": {"On": True}}
    assert (kept.Description, kept.StorageLimitBytes) == ("B2 pool", 5)
    assert (mine.Type, mine.Description) == (REMOTESERVER_CUSTOM, "Renamed")
    assert mine.Custom is not None and mine.Custom.URL == "http://127.0.0.1:9/b"
    assert mine.Custom.CustomHeaders == {}  # exactly the headers of the last registration

    assert await unregister_bucket_provider(admin, "Renamed") is True
    assert await unregister_bucket_provider(admin, "Renamed") is False
    assert [o.ID for o in await admin.admin_meta_remote_storage_vault_get()] == ["b2-pool"]


async def test_setting_providers_publishes_server_updated(
    emu: CometEmulator, admin: CometClient
) -> None:
    col = Collector(admin.events(types={SEVT_SERVER_UPDATED}))
    await emu.wait_for_subscribers(1, timeout=WAIT)
    await register_bucket_provider(admin, "Mine", "http://127.0.0.1:9/")
    await col.count(1, timeout=WAIT)
    await col.close()
    assert col.events[0].Actor == emu.admin_username


# -- hostile endpoints ----------------------------------------------------------------------------

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@asynccontextmanager
async def raw_endpoint(handler: Handler) -> AsyncIterator[str]:
    endpoint = PostEndpoint(handler, path="/", max_body_bytes=1 << 20, what="endpoint")
    try:
        yield await endpoint.serve("127.0.0.1", 0, None)
    finally:
        await endpoint.stop()


async def answer_status(request: web.Request) -> web.StreamResponse:
    return web.json_response({"Message": "token=leaked-token"}, status=502)


async def answer_text(request: web.Request) -> web.StreamResponse:
    return web.Response(text="<html>not json, token=leaked-token</html>")


async def answer_no_type(request: web.Request) -> web.StreamResponse:
    return web.json_response({"S3Server": "x"})


async def answer_huge(request: web.Request) -> web.StreamResponse:
    return web.json_response({"DestinationType": 1000, "Tag": "x" * (2 * 1024 * 1024)})


async def answer_redirect(request: web.Request) -> web.StreamResponse:
    raise web.HTTPFound("/elsewhere")


@pytest.mark.parametrize(
    ("handler", "says"),
    [
        (answer_status, "HTTP 502"),
        (answer_redirect, "HTTP 302"),
        (answer_text, "not a DestinationLocation"),
        (answer_no_type, "no DestinationType"),
        (answer_huge, "too large"),
    ],
)
@pytest.mark.parametrize("error_mode", ["body", "http"])
async def test_a_hostile_endpoint_is_an_error_and_changes_nothing(
    handler: Handler, says: str, error_mode: Any
) -> None:
    async with (
        CometEmulator(users={"alice": "pw"}, error_mode=error_mode) as emu,
        CometClient(emu.url, emu.admin_username, emu.admin_password) as admin,
        raw_endpoint(handler) as url,
    ):
        provider_id = await register_bucket_provider(admin, "Hostile", url, headers={"K": SECRET})
        before = emu.state.profile_hash("alice")
        with pytest.raises(ServerError) as info:
            await admin.admin_request_storage_vault("alice", provider_id)
        assert emu.state.profile_hash("alice") == before
    error = info.value
    assert error.status == 500 and says in error.message
    assert error.http_status == (200 if error_mode == "body" else 500)
    for text in (str(error), error.message):
        assert "leaked-token" not in text and SECRET not in text and url not in text


async def test_a_slow_endpoint_times_out() -> None:
    release = asyncio.Event()

    async def never(request: web.Request) -> web.StreamResponse:
        await release.wait()
        return web.json_response({"DestinationType": 1000})

    async with (
        CometEmulator(users={"alice": "pw"}, bucket_timeout=SLOW) as emu,
        CometClient(emu.url, emu.admin_username, emu.admin_password) as admin,
        raw_endpoint(never) as url,
    ):
        provider_id = await register_bucket_provider(admin, "Slow", url)
        try:
            with pytest.raises(ServerError, match=r"did not answer within 0\.5 s"):
                await admin.admin_request_storage_vault("alice", provider_id)
        finally:
            release.set()
        assert vaults(emu) == {}


async def test_a_wrong_secret_is_refused_by_the_endpoint_and_reported(
    emu: CometEmulator, admin: CometClient
) -> None:
    allocator = Allocator()
    async with provider(allocator) as endpoint:
        assert endpoint.url is not None
        provider_id = await register_bucket_provider(
            admin, "Rotated", endpoint.url, headers={"X-Aiocomet-Bucket-Secret": "old-secret"}
        )
        with pytest.raises(ServerError, match="HTTP 403"):
            await admin.admin_request_storage_vault("alice", provider_id)
    assert allocator.requests == [] and endpoint.unauthorized == 1


async def test_bad_requests_are_refused_before_any_post(
    emu: CometEmulator, admin: CometClient
) -> None:
    allocator = Allocator()
    async with provider(allocator) as endpoint:
        provider_id = await endpoint.register(admin, "Mine")
        with pytest.raises(CometAPIError, match="StorageProvider") as info:
            await admin.admin_request_storage_vault("alice", "no-such-provider")
        assert info.value.status == 400
        with pytest.raises(CometAPIError) as info:
            await admin.admin_request_storage_vault("alice", provider_id, profile_hash="stale")
        assert info.value.status == 409
        with pytest.raises(CometAPIError) as info:
            await admin.admin_request_storage_vault("nobody", provider_id)
        assert info.value.status == 403  # a real server's answer for an unknown user
    assert allocator.requests == [] and vaults(emu) == {}


async def test_an_unreachable_endpoint_is_an_error(emu: CometEmulator, admin: CometClient) -> None:
    endpoint = PostEndpoint(answer_status, path="/", max_body_bytes=1024, what="endpoint")
    gone = await endpoint.serve("127.0.0.1", 0, None)
    await endpoint.stop()  # the port is free again: nothing listens there
    provider_id = await register_bucket_provider(admin, "Gone", gone)
    with pytest.raises(ServerError, match="the request failed"):
        await admin.admin_request_storage_vault("alice", provider_id)
    assert vaults(emu) == {}


async def test_a_provider_of_another_type_is_not_emulated(
    emu: CometEmulator, admin: CometClient
) -> None:
    b2 = models.RemoteStorageOption(Type=REMOTESERVER_B2, Description="B2", ID="b2")
    await admin.admin_meta_remote_storage_vault_set([b2])
    with pytest.raises(ServerError, match="'b2'"):
        await admin.admin_request_storage_vault("alice", "b2")
    assert vaults(emu) == {}
