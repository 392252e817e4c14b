"""aiocomet.buckets: the Custom Remote Bucket endpoint, over real 127.0.0.1 sockets.

What Comet sends is decoded (JSON, URL-encoded, multipart, nothing), the
shared-secret headers are checked in constant time, and every failure is a
JSON ``CometAPIResponseMessage`` with the right status that never carries a
secret. Body decoding is also tested without a network.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import msgspec
import pytest
from multidict import CIMultiDict, CIMultiDictProxy

from aiocomet import models
from aiocomet._bucket_request import BodyError, body_type_of, decode_body
from aiocomet.buckets import (
    DEFAULT_SECRET_HEADER,
    BucketAllocationError,
    BucketProvider,
    BucketRequest,
)
from aiocomet.constants import (
    CUSTOMREMOTEBUCKET_CUSTOMBODY_FORM,
    CUSTOMREMOTEBUCKET_CUSTOMBODY_JSON,
    CUSTOMREMOTEBUCKET_CUSTOMBODY_NONE,
    CUSTOMREMOTEBUCKET_CUSTOMBODY_URLENC,
    DESTINATIONTYPE_S3,
)
from aiocomet.errors import CometError

SECRET = "bucket-secret-7f3a9c"
OTHER = "second-shared-value-19b"
LOCATION = models.DestinationLocation(
    DestinationType=DESTINATIONTYPE_S3,
    S3Server="minio.example.com",
    S3BucketName="vault-1",
    S3AccessKey="AKIAEXAMPLE",
    S3SecretKey="s3-secret-key-value",
)

Allocate = Callable[[BucketRequest], Awaitable[models.DestinationLocation]]


class Recorder:
    """An allocate function that keeps each request and answers a fixed location."""

    def __init__(self, answer: Any = LOCATION) -> None:
        self.requests: list[BucketRequest] = []
        self.answer = answer

    async def __call__(self, request: BucketRequest) -> models.DestinationLocation:
        self.requests.append(request)
        if isinstance(self.answer, BaseException):
            raise self.answer
        result: models.DestinationLocation = self.answer
        return result


@asynccontextmanager
async def serving(
    allocate: Allocate, **options: Any
) -> AsyncIterator[tuple[BucketProvider, aiohttp.ClientSession]]:
    options.setdefault("secret", SECRET)
    async with BucketProvider(allocate, **options) as provider, aiohttp.ClientSession() as http:
        await provider.serve()
        yield provider, http


@pytest.fixture
async def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
async def endpoint(
    recorder: Recorder,
) -> AsyncIterator[tuple[BucketProvider, aiohttp.ClientSession]]:
    async with serving(recorder) as pair:
        yield pair


async def post(provider: BucketProvider, http: aiohttp.ClientSession, **kw: Any) -> tuple[int, Any]:
    kw.setdefault("headers", {DEFAULT_SECRET_HEADER: SECRET})
    assert provider.url is not None
    async with http.post(provider.url, **kw) as resp:
        assert resp.content_type == "application/json"
        return resp.status, json.loads(await resp.read())


# -- answers ---------------------------------------------------------------------------------------


async def test_answers_the_location_in_go_json(
    endpoint: tuple[BucketProvider, aiohttp.ClientSession], recorder: Recorder
) -> None:
    provider, http = endpoint
    status, body = await post(provider, http)
    assert status == 200
    assert body["DestinationType"] == DESTINATIONTYPE_S3
    assert body["S3Server"] == "minio.example.com" and body["S3SecretKey"] == "s3-secret-key-value"
    assert body["SpanTargets"] is None  # Go writes a nil slice as null
    assert "StorjBucketPrefix" not in body["Storj"]  # omitempty, as the spec says
    assert msgspec.json.decode(json.dumps(body), type=models.DestinationLocation) == LOCATION
    (request,) = recorder.requests
    assert request.body_type == CUSTOMREMOTEBUCKET_CUSTOMBODY_NONE and request.body == b""
    assert request.remote == "127.0.0.1"
    assert DEFAULT_SECRET_HEADER not in request.headers  # checked, then kept out of user code
    assert provider.allocated == 1


async def test_unknown_keys_of_the_location_reach_comet() -> None:
    location = models.decode(
        b'{"DestinationType": 1000, "S3Server": "x", "FieldOfANewerServer": {"A": 1}}',
        models.DestinationLocation,
    )
    async with serving(Recorder(location)) as (provider, http):
        status, body = await post(provider, http)
        assert status == 200 and body["FieldOfANewerServer"] == {"A": 1}


async def test_decodes_each_body_type_comet_sends(recorder: Recorder) -> None:
    async with serving(recorder) as (provider, http):
        payload = {"Tier": "gold", "Future": [1, {"x": None}]}
        assert (await post(provider, http, json=payload))[0] == 200
        form = {"tier": "gold", "region": "eu west"}
        assert (await post(provider, http, data=form))[0] == 200
        multipart = aiohttp.FormData(default_to_multipart=True)
        multipart.add_field("tier", "silver")
        multipart.add_field("tier", "bronze")
        assert (await post(provider, http, data=multipart))[0] == 200

    as_json, as_form, as_multipart = recorder.requests
    assert as_json.body_type == CUSTOMREMOTEBUCKET_CUSTOMBODY_JSON and as_json.json == payload
    assert as_form.body_type == CUSTOMREMOTEBUCKET_CUSTOMBODY_URLENC
    assert dict(as_form.form) == form
    assert as_multipart.body_type == CUSTOMREMOTEBUCKET_CUSTOMBODY_FORM
    assert as_multipart.form.getall("tier") == ["silver", "bronze"]


# -- the shared secret ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({DEFAULT_SECRET_HEADER: SECRET + "x", "X-Other": OTHER}, 403),
        ({DEFAULT_SECRET_HEADER: "", "X-Other": OTHER}, 403),
        ({"X-Other": OTHER}, 401),
        ({DEFAULT_SECRET_HEADER: SECRET}, 401),  # the second shared header is missing
        ({DEFAULT_SECRET_HEADER: SECRET, "x-other": OTHER + "!"}, 403),
    ],
)
async def test_a_missing_or_wrong_shared_header_is_refused(
    headers: dict[str, str], status: int, caplog: pytest.LogCaptureFixture
) -> None:
    recorder = Recorder()
    caplog.set_level(logging.DEBUG)
    async with serving(recorder, headers={"X-Other": OTHER}) as (provider, http):
        got, body = await post(provider, http, headers=headers, json={"k": "v"})
        assert (got, body["Status"]) == (status, status) and body["Message"]
        # header names match case-insensitively; both right is accepted
        ok = {DEFAULT_SECRET_HEADER.lower(): SECRET, "x-OTHER": OTHER}
        assert (await post(provider, http, headers=ok))[0] == 200
        assert provider.unauthorized == 1
    assert len(recorder.requests) == 1  # allocate never saw the refused request
    for text in (caplog.text, repr(provider), json.dumps(body)):
        assert SECRET not in text and OTHER not in text


async def test_every_shared_header_is_compared_in_constant_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr("aiocomet.buckets.hmac.compare_digest", spy)
    async with serving(Recorder(), headers={"X-Other": OTHER}) as (provider, http):
        status, _ = await post(provider, http, headers={DEFAULT_SECRET_HEADER: "wrong"})
    assert status == 401  # X-Other is missing
    # both headers compared although the first already failed: no early exit to time
    assert sorted(b for _, b in compared) == sorted([SECRET.encode(), OTHER.encode()])


def test_secret_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="secret"):
        BucketProvider(Recorder(), secret="")
    with pytest.raises(ValueError, match="empty"):
        BucketProvider(Recorder(), secret=None, headers={"X-A": ""})
    with pytest.raises(ValueError, match="body_type"):
        BucketProvider(Recorder(), secret=SECRET, body_type="xml")
    with pytest.raises(ValueError, match="body_type"):
        BucketProvider(Recorder(), secret=SECRET, body='{"a": 1}')
    with pytest.raises(ValueError, match="status"):
        BucketAllocationError("no", status=200)


async def test_without_a_secret_any_request_is_served() -> None:
    async with serving(Recorder(), secret=None) as (provider, http):
        assert (await post(provider, http, headers={}))[0] == 200
    assert "shared_headers=[]" in repr(provider)


# -- bad bodies -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kw", "status", "says"),
    [
        ({"data": b"{not json", "headers": {"Content-Type": "application/json"}}, 400, "JSON"),
        ({"data": b"\xff\xfe", "headers": {"Content-Type": "application/json"}}, 400, "JSON"),
        (
            {"data": b"a=%ff", "headers": {"Content-Type": "application/x-www-form-urlencoded"}},
            400,
            "URL-encoded",
        ),
        ({"data": b"<xml/>", "headers": {"Content-Type": "text/xml"}}, 415, "Content-Type"),
        ({"data": b"x" * 2048, "headers": {"Content-Type": "application/json"}}, 413, "large"),
    ],
)
async def test_a_bad_body_is_a_typed_error(kw: dict[str, Any], status: int, says: str) -> None:
    recorder = Recorder()
    async with serving(recorder, max_body_bytes=1024) as (provider, http):
        kw["headers"] = {**kw["headers"], DEFAULT_SECRET_HEADER: SECRET}
        got, body = await post(provider, http, **kw)
    assert (got, body["Status"]) == (status, status) and says in body["Message"]
    assert recorder.requests == []


async def test_a_body_of_another_type_than_configured_is_refused() -> None:
    recorder = Recorder()
    async with serving(
        recorder, body='{"plan": 1}', body_type=CUSTOMREMOTEBUCKET_CUSTOMBODY_JSON
    ) as (provider, http):
        status, body = await post(provider, http, data={"plan": "1"})
        assert status == 400 and "'json'" in body["Message"]
        assert (await post(provider, http, json={"plan": 1}))[0] == 200
    assert [r.json for r in recorder.requests] == [{"plan": 1}]


def test_body_decoding_without_a_network() -> None:
    none: CIMultiDictProxy[str] = CIMultiDictProxy(CIMultiDict())
    assert body_type_of("", b"") == CUSTOMREMOTEBUCKET_CUSTOMBODY_NONE
    assert body_type_of("application/json", b"{}") == CUSTOMREMOTEBUCKET_CUSTOMBODY_JSON
    with pytest.raises(BodyError) as info:
        body_type_of("text/plain", b"x")
    assert info.value.status == 415
    decoded = decode_body(CUSTOMREMOTEBUCKET_CUSTOMBODY_URLENC, b"a=1&a=2&b=", headers=none)
    assert decoded.form.getall("a") == ["1", "2"] and decoded.form["b"] == ""
    assert decode_body(CUSTOMREMOTEBUCKET_CUSTOMBODY_URLENC, b"", headers=none).form == {}
    with pytest.raises(BodyError):
        decode_body(CUSTOMREMOTEBUCKET_CUSTOMBODY_URLENC, b"novalue", headers=none)
    with pytest.raises(BodyError):
        decode_body(CUSTOMREMOTEBUCKET_CUSTOMBODY_JSON, b"[" * 100_000, headers=none)
    secret_body = b'{"token": "body-secret-123"}'
    shown = repr(decode_body(CUSTOMREMOTEBUCKET_CUSTOMBODY_JSON, secret_body, headers=none))
    assert "body-secret-123" not in shown and f"<{len(secret_body)} bytes>" in shown


# -- allocate failing -----------------------------------------------------------------------------


async def test_allocate_refusing_answers_its_status_and_message() -> None:
    refusal = BucketAllocationError("Quota reached for this tenant", status=409)
    assert isinstance(refusal, CometError)
    async with serving(Recorder(refusal)) as (provider, http):
        status, body = await post(provider, http)
    assert (status, body) == (409, {"Status": 409, "Message": "Quota reached for this tenant"})
    assert provider.refused == 1


@pytest.mark.parametrize(
    "answer",
    [
        RuntimeError("storage API down, token=internal-token-42"),
        models.DestinationLocation(),  # no DestinationType: Comet could not use it
        {"DestinationType": 1000},  # not a DestinationLocation
    ],
)
async def test_allocate_failing_is_a_500_without_details(
    answer: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="aiocomet.buckets")
    async with serving(Recorder(answer)) as (provider, http):
        status, body = await post(provider, http)
    assert (status, body["Status"]) == (500, 500)
    assert "internal-token-42" not in body["Message"] and "Internal error" in body["Message"]
    assert caplog.records  # the reason is logged for the operator
    assert provider.refused == 1 and provider.allocated == 0


async def test_serving_twice_and_registering_without_a_url_are_refused() -> None:
    provider = BucketProvider(Recorder(), secret=SECRET)
    with pytest.raises(ValueError, match="url"):
        await provider.register(None, "x")  # type: ignore[arg-type]
    async with provider:
        await provider.serve()
        with pytest.raises(RuntimeError, match="already"):
            await provider.serve()
    await provider.aclose()  # idempotent


async def test_bad_multipart_bodies_are_typed_errors() -> None:
    recorder = Recorder()
    async with serving(recorder, max_body_bytes=1024) as (provider, http):
        with_file = aiohttp.FormData()
        with_file.add_field("upload", b"data", filename="x.bin")
        status, body = await post(provider, http, data=with_file)
        assert (status, body["Status"]) == (400, 400) and "file" in body["Message"]
        big = aiohttp.FormData(default_to_multipart=True)
        big.add_field("x", "y" * 4096)
        status, body = await post(provider, http, data=big)
        assert (status, body["Status"]) == (413, 413)
        broken = {"Content-Type": "multipart/form-data; boundary=zz", DEFAULT_SECRET_HEADER: SECRET}
        status, body = await post(provider, http, data=b"--zz\r\nno headers end", headers=broken)
        assert (status, body["Status"]) == (400, 400) and "multipart" in body["Message"]
    assert recorder.requests == []
