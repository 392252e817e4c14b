"""Requestable Storage Vault providers: their configuration, and Custom Remote Buckets.

``AdminMetaRemoteStorageVaultGet``/``Set`` keep the provider list where a
Comet Server keeps it (the server config's ``AuthenticationRole.RemoteStorage``)
and publish ``SEVT_SERVER_UPDATED``. ``AdminRequestStorageVault`` and
``UserWebRequestStorageVault`` with a ``REMOTESERVER_CUSTOM`` provider do
what the API guide says the server does: POST to the provider's URL with its
``CustomHeaders`` and ``CustomBody``, take the ``DestinationLocation`` of a
2xx JSON answer, add it to the user's profile as a new Storage Vault and
publish ``SEVT_ACCOUNT_UPDATED``. The POST follows no redirect, is bounded
in time (``CometEmulator(bucket_timeout=...)``) and in size; a provider that
fails is an application error (``Status`` 500 in the body of a 200 answer).

How ``CustomBodyType`` goes on the wire is not documented; the emulator sends
``json`` and ``urlencoded`` bodies as they are with that Content-Type, a
``form`` body (written ``key=value&...``) as multipart/form-data fields, and
no body for ``none``. Other provider types are not emulated (500 in the body).
"""

from __future__ import annotations

import logging
import uuid
from typing import Any
from urllib.parse import parse_qsl

import aiohttp
import msgspec

from .._generated import constants as c
from .._generated.models import DestinationConfig, DestinationLocation, RemoteStorageOption
from ._handlers import Call, StatefulAPI, ok, stateful
from ._state import StateError, content_hash, defaults, normalize

log = logging.getLogger("aiocomet.testing")

MAX_ANSWER = 1024 * 1024
"""The most a provider may answer (bytes): a bigger body is refused, not read."""

_raw = msgspec.json.Decoder()
_CONTENT_TYPES = {
    c.CUSTOMREMOTEBUCKET_CUSTOMBODY_JSON: "application/json",
    c.CUSTOMREMOTEBUCKET_CUSTOMBODY_URLENC: "application/x-www-form-urlencoded",
}


class ProviderFailed(StateError):
    """The provider's endpoint did not give a vault: an in-body 500 as on a real server."""

    def __init__(self, why: str) -> None:
        message = f"Failed to request a Storage Vault from the Custom Remote Bucket: {why}"
        super().__init__(500, message)


# -- the provider list ----------


def providers(api: StatefulAPI) -> list[dict[str, Any]] | None:
    """The configured providers (None: never set, Go's nil slice)."""
    role = api.state.config.get("AuthenticationRole") or {}
    found: list[dict[str, Any]] | None = role.get("RemoteStorage")
    return found


@stateful("AdminMetaRemoteStorageVaultGet")
def _get(api: StatefulAPI, call: Call) -> Any:
    return providers(api)


@stateful("AdminMetaRemoteStorageVaultSet")
def _set(api: StatefulAPI, call: Call) -> Any:
    given = _raw.decode(call.raw["RemoteStorageOptions"])
    options = []
    for item in given or []:
        option = normalize(RemoteStorageOption, msgspec.json.encode(item))
        option["ID"] = option.get("ID") or str(uuid.uuid4())
        options.append(option)
    config = api.state.config
    role = dict(config.get("AuthenticationRole") or {})
    role["RemoteStorage"] = None if given is None else options
    config["AuthenticationRole"] = role
    api.publish(c.SEVT_SERVER_UPDATED, api.config_view(), actor=call.actor)
    return ok()


@stateful("AdminRequestStorageVaultProviders")
def _list(api: StatefulAPI, call: Call) -> Any:
    return {o["ID"]: o.get("Description", "") for o in providers(api) or []}


# -- requesting a vault ----------


def _provider(api: StatefulAPI, provider_id: str) -> dict[str, Any]:
    for option in providers(api) or []:
        if option.get("ID") == provider_id:
            return option
    raise StateError(400, f"Invalid parameter StorageProvider: no provider {provider_id!r}")


def _request_args(custom: dict[str, Any]) -> dict[str, Any]:
    """The headers and body of the POST for ``CustomRemoteBucketSettings``."""
    headers = {str(k): str(v) for k, v in (custom.get("CustomHeaders") or {}).items()}
    body_type = custom.get("CustomBodyType") or c.CUSTOMREMOTEBUCKET_CUSTOMBODY_NONE
    body: str = custom.get("CustomBody") or ""
    if body_type == c.CUSTOMREMOTEBUCKET_CUSTOMBODY_FORM:
        form = aiohttp.FormData(quote_fields=False, default_to_multipart=True)
        for key, value in parse_qsl(body, keep_blank_values=True):
            form.add_field(key, value)
        return {"headers": headers, "data": form}
    if body_type in _CONTENT_TYPES:
        return {
            "headers": {**headers, "Content-Type": _CONTENT_TYPES[body_type]},
            "data": body.encode(),
        }
    return {"headers": headers}


async def fetch_location(custom: dict[str, Any], timeout: float) -> dict[str, Any]:
    """POST to the provider; the DestinationLocation it answered (unknown keys kept).

    Raises :class:`ProviderFailed` naming only the kind of failure: the
    endpoint's answer and its URL may hold secrets.
    """
    url = custom.get("URL") or ""
    if not url:
        raise ProviderFailed("the provider has no URL")
    try:
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as session,
            session.post(url, allow_redirects=False, **_request_args(custom)) as resp,
        ):
            if not 200 <= resp.status < 300:
                raise ProviderFailed(f"the endpoint answered HTTP {resp.status}")
            body = bytearray()
            async for chunk in resp.content.iter_any():
                body += chunk
                if len(body) > MAX_ANSWER:
                    raise ProviderFailed("the answer is too large")
    except TimeoutError:
        raise ProviderFailed(f"the endpoint did not answer within {timeout:g} s") from None
    except (aiohttp.ClientError, ValueError) as exc:
        raise ProviderFailed(f"the request failed ({type(exc).__name__})") from None
    try:
        location = normalize(DestinationLocation, bytes(body))
    except (msgspec.MsgspecError, RecursionError, UnicodeDecodeError):
        raise ProviderFailed("the answer is not a DestinationLocation in JSON") from None
    if location.get("DestinationType") == c.DESTINATIONTYPE___INVALID:
        raise ProviderFailed("the answer has no DestinationType")
    return location


async def request_vault(
    api: StatefulAPI, call: Call, username: str, provider_id: str
) -> dict[str, Any]:
    """Allocate a vault from a provider into ``username``'s profile (both request methods)."""
    option = _provider(api, provider_id)
    required = call.values.get("ProfileHash")
    if required and api.state.profile_hash(username) != required:
        raise StateError(409, "The profile hash does not match: the profile was changed")
    api.state.profile(username)
    if option.get("Type") != c.REMOTESERVER_CUSTOM:
        raise StateError(500, f"The emulator does not emulate {option.get('Type')!r} providers")
    location = await fetch_location(option.get("Custom") or {}, api.bucket_timeout)
    profile = api.state.profile(username)  # again: it may have changed during the POST
    now = api.state.now()
    vault = defaults(DestinationConfig)
    vault.update(location)
    vault.update(
        Description=option.get("Description", ""),
        CreateTime=now,
        ModifyTime=now,
        RebrandStorage=bool(option.get("RebrandStorage")),
        StorageLimitEnabled=bool(option.get("StorageLimitEnabled")),
        StorageLimitBytes=int(option.get("StorageLimitBytes") or 0),
    )
    device = call.values.get("DeviceID")
    if device:
        vault["AssociatedDevices"] = [device]
    vault_id = str(uuid.uuid4())
    profile["Destinations"] = {**(profile.get("Destinations") or {}), vault_id: vault}
    api.account_updated(username, call.actor)
    return ok(DestinationID=vault_id, ProfileHash=content_hash(profile), Profile=profile)


@stateful("AdminRequestStorageVault")
async def _admin_request(api: StatefulAPI, call: Call) -> Any:
    return await request_vault(api, call, call.values["TargetUser"], call.values["StorageProvider"])


@stateful("UserWebRequestStorageVault")
async def _user_request(api: StatefulAPI, call: Call) -> Any:
    return await request_vault(api, call, call.who.username, call.values["StorageProvider"])
