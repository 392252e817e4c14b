"""Every one of the 251 methods, driven by the spec: request shape and response decoding."""

from __future__ import annotations

import json
import urllib.parse
from typing import Any

import aiohttp
import msgspec
import pytest
from aioresponses import aioresponses

from aiocomet import (
    CometAPIError,
    CometClient,
    CredentialsError,
    InvalidParameterError,
    RetryPolicy,
    models,
)
from aiocomet._codec import decode
from aiocomet._generated.methods import METHODS
from aiocomet._methodspec import MethodSpec, ParamSpec

from ._samples import sample, sample_json

BASE = "http://comet.test:8060"
SPECS = sorted(METHODS.values(), key=lambda s: s.name)


def expected_value(param: ParamSpec, value: Any) -> Any:
    """How the spec says a value travels (decoded JSON for json params)."""
    if param.encoding == "raw":
        return value
    if param.encoding == "bool":
        return "1" if value else "0"
    if param.python_type is int:
        return str(value)
    return msgspec.to_builtins(value)


def form_of(request: dict[str, Any]) -> dict[str, str]:
    """The urlencoded body as the server will parse it."""
    body = request["data"]
    assert isinstance(body, bytes)
    return dict(urllib.parse.parse_qsl(body.decode("ascii"), keep_blank_values=True))


def client_for(spec: MethodSpec[Any]) -> CometClient:
    kind = "user" if spec.auth == "user" else "admin"
    return CometClient(BASE, "someone", "pw", account_type=kind)


def response_body(spec: MethodSpec[Any]) -> bytes:
    return b"\x89binary\x00" if spec.returns_bytes else sample_json(spec.decode_type)


@pytest.mark.parametrize("with_optional", [False, True], ids=["required", "all"])
@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
async def test_method_request_and_response(
    spec: MethodSpec[Any], with_optional: bool, http_mock: aioresponses
) -> None:
    args = [sample(p.python_type) for p in spec.params if not p.optional]
    kwargs = {p.python_name: sample(p.python_type) for p in spec.params if p.optional}
    if not with_optional:
        kwargs = {}
    body = response_body(spec)
    url = BASE + spec.path
    if spec.http_method == "GET":
        http_mock.get(url, body=body)
    else:
        http_mock.post(url, body=body)
    if spec.multipart:
        args = [b"file-content"]
    async with client_for(spec) as client:
        result = await getattr(client, spec.python_name)(*args, **kwargs)

    ((method, called_url), calls) = next(iter(http_mock.requests.items()))
    assert method == spec.http_method
    assert str(called_url) == url
    request = calls[0].kwargs
    assert request["allow_redirects"] is False
    if spec.multipart:
        assert isinstance(request["data"], aiohttp.MultipartWriter)
        assert request["headers"]["X-Comet-Admin-Username"] == "someone"
        assert request["headers"]["X-Comet-Admin-AuthType"] == "Password"
        assert request["headers"]["X-Comet-Admin-Password"] == "pw"
    elif spec.http_method == "POST":
        assert request["headers"]["Content-Type"] == "application/x-www-form-urlencoded"
        form = form_of(request)
        expected: dict[str, Any] = {}
        if spec.auth != "none":
            expected = {"Username": "someone", "AuthType": "Password", "Password": "pw"}
        required = [p.python_name for p in spec.params if not p.optional]
        given = dict(zip(required, args, strict=False))
        given.update(kwargs)
        for p in spec.params:
            if p.python_name in given:
                expected[p.name] = expected_value(p, given[p.python_name])
            elif p.server_url_default:
                expected[p.name] = BASE + "/"
        decoded = {
            k: (json.loads(v) if isinstance(expected.get(k), dict | list) else v)
            for k, v in form.items()
        }
        assert decoded == expected
        for value in form.values():
            assert isinstance(value, str)
    if spec.returns_bytes:
        assert result == body
    else:
        assert result == decode(body, spec.decode_type)


async def test_error_status_raises_typed_error(http_mock: aioresponses) -> None:
    http_mock.post(
        BASE + "/api/v1/admin/get-user-profile",
        status=500,
        payload={"Status": 500, "Message": "No such user"},
    )
    # one attempt: a read-only call's retries of a 5xx are tested in test_reliability_rest
    async with CometClient(BASE, "admin", "pw", retry=RetryPolicy(attempts=1)) as client:
        with pytest.raises(CometAPIError) as info:
            await client.admin_get_user_profile("bob")
    assert info.value.http_status == 500
    assert info.value.status == 500
    assert info.value.message == "No such user"
    assert "AdminGetUserProfile" in str(info.value)


async def test_status_in_body_raises(http_mock: aioresponses) -> None:
    http_mock.post(
        BASE + "/api/v1/admin/delete-user", payload={"Status": 400, "Message": "bad user"}
    )
    async with CometClient(BASE, "admin", "pw") as client:
        with pytest.raises(CometAPIError) as info:
            await client.admin_delete_user("bob")
    assert info.value.status == 400 and info.value.message == "bad user"


async def test_error_message_sent_instead_of_expected_type(http_mock: aioresponses) -> None:
    http_mock.post(BASE + "/api/v1/admin/list-users", payload={"Status": 403, "Message": "no"})
    async with CometClient(BASE, "admin", "pw") as client:
        with pytest.raises(CometAPIError) as info:
            await client.admin_list_users()
    assert info.value.status == 403


async def test_bad_parameter_types_raise_before_sending(http_mock: aioresponses) -> None:
    async with CometClient(BASE, "admin", "pw") as client:
        with pytest.raises(InvalidParameterError, match="target_user"):
            await client.admin_get_user_profile(123)  # type: ignore[arg-type]
        with pytest.raises(InvalidParameterError, match="profile"):
            await client.admin_set_user_profile("bob", {"not": "a model"})  # type: ignore[arg-type]
        with pytest.raises(InvalidParameterError):
            await client.admin_dispatcher_run_restore(  # type: ignore[call-arg]
                "bob",
                "dev",
                "src",
                3,  # type: ignore[arg-type]
            )
    assert not http_mock.requests


async def test_wrong_account_kind_fails_before_sending(http_mock: aioresponses) -> None:
    async with CometClient(BASE, "bob", "pw", account_type="user") as client:
        with pytest.raises(CredentialsError, match=r"admin_list_users.*admin"):
            await client.admin_list_users()
    async with CometClient(BASE, "admin", "pw") as client:
        with pytest.raises(CredentialsError, match="user_web_get_jobs"):
            await client.user_web_get_jobs()
    assert not http_mock.requests


def test_sample_profile_type() -> None:
    assert isinstance(sample(models.UserProfileConfig), models.UserProfileConfig)
