"""What a Comet Server sends to a Custom Remote Bucket endpoint, decoded without I/O.

Comet POSTs the ``CustomBody`` configured on the provider, typed by its
``CustomBodyType`` (``CUSTOMREMOTEBUCKET_CUSTOMBODY_*``): JSON, URL-encoded,
a form, or nothing; the configured ``CustomHeaders`` come along. The body
type is read from the request's ``Content-Type``. JSON is kept as decoded
(every key, known or not); form fields keep their order and repeats.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import msgspec
from aiohttp import web
from multidict import CIMultiDict, CIMultiDictProxy, MultiDict, MultiDictProxy

from ._codec import DECODE_ERRORS
from ._generated import constants as c

__all__ = ["BODY_CONTENT_TYPES", "BodyError", "BucketRequest", "body_type_of", "decode_body"]

BODY_CONTENT_TYPES: Mapping[str, str] = {
    "application/json": c.CUSTOMREMOTEBUCKET_CUSTOMBODY_JSON,
    "application/x-www-form-urlencoded": c.CUSTOMREMOTEBUCKET_CUSTOMBODY_URLENC,
    "multipart/form-data": c.CUSTOMREMOTEBUCKET_CUSTOMBODY_FORM,
}
"""Content-Type of a request -> the ``CustomBodyType`` it carries."""

_json = msgspec.json.Decoder()


class BodyError(Exception):
    """A request body the endpoint cannot read: answered with ``status`` (400 or 415)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True, slots=True, repr=False)
class BucketRequest:
    """One request of a Comet Server for a new Storage Vault.

    ``body_type`` is a ``CUSTOMREMOTEBUCKET_CUSTOMBODY_*`` value; ``json`` is
    the decoded JSON body (any JSON value, unknown keys included) and
    ``form`` the fields of a URL-encoded or multipart body. ``headers`` are
    the request's headers without the shared-secret headers, which were
    checked already. ``body`` is the raw bytes (empty for a multipart body,
    read into ``form``). The repr shows no body and
    no header values: the configured body may hold secrets.
    """

    body_type: str
    body: bytes = b""
    json: Any = None
    form: MultiDictProxy[str] = field(default_factory=lambda: MultiDictProxy(MultiDict()))
    headers: CIMultiDictProxy[str] = field(default_factory=lambda: CIMultiDictProxy(CIMultiDict()))
    remote: str | None = None
    http_request: web.BaseRequest | None = None

    def __repr__(self) -> str:
        names = sorted({name.lower() for name in self.headers})
        return (
            f"BucketRequest(body_type={self.body_type!r}, body=<{len(self.body)} bytes>, "
            f"headers={names!r}, remote={self.remote!r})"
        )


def body_type_of(content_type: str, body: bytes) -> str:
    """The ``CustomBodyType`` of a request; BodyError (415) for another content type."""
    if not body and content_type in ("", "application/octet-stream"):
        return c.CUSTOMREMOTEBUCKET_CUSTOMBODY_NONE
    try:
        return BODY_CONTENT_TYPES[content_type]
    except KeyError:
        raise BodyError(
            f"Unsupported Content-Type {content_type!r}: expected JSON, a form or no body", 415
        ) from None


def decode_body(
    body_type: str,
    body: bytes,
    *,
    headers: CIMultiDictProxy[str],
    remote: str | None = None,
    form: Iterable[tuple[str, str]] = (),
    http_request: web.BaseRequest | None = None,
) -> BucketRequest:
    """A :class:`BucketRequest` from the raw body (multipart fields come read, in ``form``)."""
    fields: MultiDict[str] = MultiDict(form)
    value: Any = None
    if body_type == c.CUSTOMREMOTEBUCKET_CUSTOMBODY_JSON:
        try:
            value = _json.decode(body)
        except DECODE_ERRORS:
            raise BodyError("The body is not valid JSON") from None
    elif body_type == c.CUSTOMREMOTEBUCKET_CUSTOMBODY_URLENC:
        try:
            text = body.decode()
            pairs = parse_qsl(
                text, keep_blank_values=True, strict_parsing=bool(text), errors="strict"
            )
        except (UnicodeDecodeError, ValueError):
            raise BodyError("The body is not valid URL-encoded form data") from None
        fields.extend(pairs)
    return BucketRequest(
        body_type=body_type,
        body=body,
        json=value,
        form=MultiDictProxy(fields),
        headers=headers,
        remote=remote,
        http_request=http_request,
    )
