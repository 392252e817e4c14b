"""Custom Remote Bucket providers: allocate Storage Vaults when Comet asks for one.

A Comet Server configured with a ``REMOTESERVER_CUSTOM`` Requestable Storage
Vault provider POSTs to your URL (with the ``CustomHeaders`` and
``CustomBody`` you configured) whenever an admin or a user requests a vault;
your endpoint answers 2xx with a ``DestinationLocation`` in JSON, which the
server adds to the user's profile as a new Storage Vault::

    async def allocate(request: BucketRequest) -> models.DestinationLocation:
        bucket = await my_storage.create_bucket()
        return models.DestinationLocation(DestinationType=DESTINATIONTYPE_S3, ...)

    provider = BucketProvider(allocate, secret="long random string")
    url = await provider.serve(host="0.0.0.0", port=8080, public_url="https://me.example/")
    provider_id = await provider.register(client, "My storage")

The shared-secret headers are checked in constant time (401 when one is
missing, 403 when one is wrong). Errors are answered as JSON
``CometAPIResponseMessage`` bodies: 400 for a body that does not decode,
415 for another content type, the status of a :class:`BucketAllocationError`
raised by ``allocate``, and 500 for anything else it raises (the details go
to the log, never to the caller).
"""

from __future__ import annotations

import hmac
import logging
import uuid
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Final

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from multidict import CIMultiDict, CIMultiDictProxy

from ._bucket_request import BodyError, BucketRequest, body_type_of, decode_body
from ._closing import AsyncClosing
from ._codec import encode
from ._generated import constants as c
from ._generated import models as m
from ._gojson import go_encode
from ._serving import PostEndpoint, ServedPostEndpoint
from .errors import BucketAllocationError, CometError

if TYPE_CHECKING:
    from .client import CometClient

__all__ = [
    "DEFAULT_SECRET_HEADER",
    "Allocate",
    "BucketAllocationError",
    "BucketProvider",
    "BucketRequest",
    "register_bucket_provider",
    "unregister_bucket_provider",
]

_logger = logging.getLogger("aiocomet.buckets")

DEFAULT_SECRET_HEADER: Final = "X-Aiocomet-Bucket-Secret"
DEFAULT_MAX_BODY: Final = 1024 * 1024

Allocate = Callable[[BucketRequest], Awaitable[m.DestinationLocation]]
"""The function that creates the storage and says where it is."""


def error_response(status: int, message: str) -> web.Response:
    """A ``CometAPIResponseMessage`` JSON body with HTTP ``status``."""
    body = encode(m.CometAPIResponseMessage(Status=status, Message=message))
    return web.Response(status=status, body=body, content_type="application/json")


class BucketProvider(ServedPostEndpoint, AsyncClosing):
    """An aiohttp endpoint for Comet's Custom Remote Bucket requests.

    ``secret`` is sent by Comet in ``secret_header`` (``None``: no secret;
    the endpoint then trusts anyone who can reach it); ``headers`` are more
    shared headers, checked the same way. ``body`` and ``body_type`` (a
    ``CUSTOMREMOTEBUCKET_CUSTOMBODY_*`` value) are what :meth:`register`
    configures Comet to send; a request with another kind of body gets 400.
    """

    def __init__(
        self,
        allocate: Allocate,
        *,
        secret: str | None,
        secret_header: str = DEFAULT_SECRET_HEADER,
        headers: Mapping[str, str] | None = None,
        body: str = "",
        body_type: str = c.CUSTOMREMOTEBUCKET_CUSTOMBODY_NONE,
        path: str = "/",
        max_body_bytes: int = DEFAULT_MAX_BODY,
    ) -> None:
        if secret is not None and not secret:
            raise ValueError("secret must not be empty (use None for no secret)")
        if body_type not in set(c.CustomRemoteBucketCustomBodyType):
            raise ValueError("body_type must be a CUSTOMREMOTEBUCKET_CUSTOMBODY_* value")
        if body and body_type == c.CUSTOMREMOTEBUCKET_CUSTOMBODY_NONE:
            raise ValueError("a body needs a body_type (JSON, URL-encoded or form)")
        shared = dict(headers or {})
        if secret is not None:
            shared[secret_header] = secret
        if any(not value for value in shared.values()):
            raise ValueError("shared header values must not be empty")
        self._allocate = allocate
        self._shared = {name: value.encode() for name, value in shared.items()}
        self._shared_text = shared
        self._shared_names = frozenset(name.lower() for name in shared)
        self._body = body
        self.body_type = body_type
        self.path = path
        self.max_body_bytes = max_body_bytes
        self.endpoint: PostEndpoint = PostEndpoint(
            self.handle, path=path, max_body_bytes=max_body_bytes, what="provider"
        )
        self.allocated: int = 0  # answered with a location
        self.refused: int = 0  # bad body, allocate refused or failed
        self.unauthorized: int = 0  # shared secret missing or wrong

    def __repr__(self) -> str:
        return (
            f"BucketProvider(url={self.url!r}, body_type={self.body_type!r}, "
            f"shared_headers={sorted(self._shared)!r})"
        )

    # -- the HTTP side -------------------------------------------------------------------

    def _check_secret(self, headers: CIMultiDictProxy[str]) -> web.Response | None:
        """None when every shared header matches; else the 401/403 answer.

        Every configured header is compared (in constant time) even after a
        mismatch, so the answer time does not say which one was wrong.
        """
        missing = wrong = False
        for name, expected in self._shared.items():
            given = headers.get(name)
            missing |= given is None
            wrong |= not hmac.compare_digest(
                (given or "").encode(errors="surrogateescape"), expected
            )
        if not (missing or wrong):
            return None
        self.unauthorized += 1
        if missing:
            return error_response(401, "Unauthorized: a shared-secret header is missing")
        return error_response(403, "Forbidden: a shared-secret header does not match")

    async def _read(self, request: web.BaseRequest) -> BucketRequest:
        kept: CIMultiDict[str] = CIMultiDict(
            (k, v) for k, v in request.headers.items() if k.lower() not in self._shared_names
        )
        headers = CIMultiDictProxy(kept)
        if request.content_length is not None and request.content_length > self.max_body_bytes:
            raise BodyError("The body is too large", 413)
        if request.content_type == "multipart/form-data":
            fields: list[tuple[str, str]] = []
            try:
                posted = await request.post()
            except web.HTTPRequestEntityTooLarge:
                raise BodyError("The body is too large", 413) from None
            except (ValueError, HttpProcessingError):
                raise BodyError("The body is not valid multipart/form-data") from None
            for key, value in posted.items():
                if not isinstance(value, str):
                    raise BodyError(f"Form field {key!r} is a file: expected text fields")
                fields.append((key, value))
            return decode_body(
                c.CUSTOMREMOTEBUCKET_CUSTOMBODY_FORM,
                b"",
                headers=headers,
                remote=request.remote,
                form=fields,
                http_request=request,
            )
        chunks = bytearray()
        async for chunk in request.content.iter_any():
            chunks += chunk
            if len(chunks) > self.max_body_bytes:
                raise BodyError("The body is too large", 413)
        body = bytes(chunks)
        body_type = body_type_of(request.content_type if body else "", body)
        return decode_body(
            body_type, body, headers=headers, remote=request.remote, http_request=request
        )

    async def handle(self, request: web.BaseRequest) -> web.Response:
        """The aiohttp handler for Comet's POSTs."""
        denied = self._check_secret(request.headers)
        if denied is not None:
            _logger.warning("bucket request from %s: shared secret refused", request.remote)
            return denied
        try:
            decoded = await self._read(request)
            if self.body_type not in (c.CUSTOMREMOTEBUCKET_CUSTOMBODY_NONE, decoded.body_type):
                raise BodyError(f"Expected a {self.body_type!r} body, not {decoded.body_type!r}")
        except BodyError as exc:
            self.refused += 1
            _logger.warning("bucket request from %s: %s", request.remote, exc.message)
            return error_response(exc.status, exc.message)
        return await self._answer(decoded)

    async def _answer(self, request: BucketRequest) -> web.Response:
        try:
            location = await self._allocate(request)
        except BucketAllocationError as exc:
            self.refused += 1
            _logger.info("bucket request refused: %s (%d)", exc.message, exc.status)
            return error_response(exc.status, exc.message)
        except Exception:
            self.refused += 1
            _logger.exception("bucket allocation failed")
            return error_response(500, "Internal error: the storage could not be allocated")
        if not isinstance(location, m.DestinationLocation):
            self.refused += 1
            _logger.error("allocate returned %s, not a DestinationLocation", type(location))
            return error_response(500, "Internal error: the storage could not be allocated")
        if location.DestinationType == c.DESTINATIONTYPE___INVALID:
            self.refused += 1
            _logger.error("allocate returned a DestinationLocation without a DestinationType")
            return error_response(500, "Internal error: the storage could not be allocated")
        self.allocated += 1
        body = go_encode(location, m.DestinationLocation)
        return web.Response(body=body, content_type="application/json")

    async def aclose(self) -> None:
        """Stop serving. Idempotent."""
        await self.endpoint.stop()

    async def register(
        self, client: CometClient, description: str, *, url: str | None = None
    ) -> str:
        """Configure this endpoint on the server as provider ``description``; its ID."""
        target = url or self.url
        if not target:
            raise ValueError("register() needs a url (or call serve() first)")
        return await register_bucket_provider(
            client,
            description,
            target,
            headers=self._shared_text,
            body=self._body,
            body_type=self.body_type,
        )


# -- configuration on the server ----------------------------------------------------------------


def _find(
    options: list[m.RemoteStorageOption], description: str, url: str
) -> m.RemoteStorageOption | None:
    custom = [o for o in options if o.Type == c.REMOTESERVER_CUSTOM]
    for option in custom:
        if option.Description == description:
            return option
    for option in custom:
        if option.Custom is not None and option.Custom.URL == url:
            return option
    return None


async def register_bucket_provider(
    client: CometClient,
    description: str,
    url: str,
    *,
    headers: Mapping[str, str] | None = None,
    body: str = "",
    body_type: str = c.CUSTOMREMOTEBUCKET_CUSTOMBODY_NONE,
) -> str:
    """Add or update a Custom Remote Bucket provider; returns its ID (the ``StorageProvider``).

    Read-modify-write through AdminMetaRemoteStorageVaultGet/Set: the other
    providers, and fields of this one the SDK does not know, go back
    unchanged. An existing custom provider with the same description (else
    the same URL) is updated rather than duplicated; its ``CustomHeaders``
    become exactly ``headers``.
    """
    if not description:
        raise ValueError("a provider needs a description")
    options = await client.admin_meta_remote_storage_vault_get()
    option = _find(options, description, url)
    if option is None:
        option = m.RemoteStorageOption(Type=c.REMOTESERVER_CUSTOM, ID=str(uuid.uuid4()))
        options.append(option)
    option.Description = description
    settings = option.Custom if option.Custom is not None else m.CustomRemoteBucketSettings()
    settings.URL = url
    settings.CustomHeaders = dict(headers or {})
    settings.CustomBody = body
    settings.CustomBodyType = body_type
    option.Custom = settings
    await client.admin_meta_remote_storage_vault_set(options)
    stored = _find(await client.admin_meta_remote_storage_vault_get(), description, url)
    if stored is None:
        raise CometError(f"the server did not keep the provider {description!r}")
    _logger.info("bucket provider %r registered (ID %s)", description, stored.ID)
    return stored.ID


async def unregister_bucket_provider(client: CometClient, description: str) -> bool:
    """Remove custom provider ``description`` (others stay); False if it was not there."""
    options = await client.admin_meta_remote_storage_vault_get()
    kept = [
        o for o in options if not (o.Type == c.REMOTESERVER_CUSTOM and o.Description == description)
    ]
    if len(kept) == len(options):
        return False
    await client.admin_meta_remote_storage_vault_set(kept)
    _logger.info("bucket provider %r unregistered", description)
    return True
