"""The emulator's HTTP API over raw form POSTs: auth modes, errors, every method."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import msgspec
import pyotp
import pytest

from aiocomet._codec import decode
from aiocomet._generated.methods import METHODS
from aiocomet._methodspec import MethodSpec
from aiocomet.testing import CometEmulator

from ._emulator_helpers import (
    ADMIN,
    FakeClock,
    auth,
    call,
    in_body_error,
    ok,
    refused,
    session_auth,
)
from ._samples import sample

SPECS = sorted(METHODS.values(), key=lambda s: s.name)
USER = auth("alice", "alice-pw")
REQUIRED_STATEFUL = {
    "AdminAddUser",
    "AdminListUsers",
    "AdminListUsersFull",
    "AdminGetUserProfile",
    "AdminGetUserProfileAndHash",
    "AdminGetUserProfileHash",
    "AdminSetUserProfile",
    "AdminSetUserProfileHash",
    "AdminDeleteUser",
    "AdminResetUserPassword",
    "AdminPoliciesNew",
    "AdminPoliciesGet",
    "AdminPoliciesSet",
    "AdminPoliciesList",
    "AdminPoliciesListFull",
    "AdminPoliciesDelete",
    "AdminGetJobsRecent",
    "AdminGetJobsAll",
    "AdminGetJobsForDateRange",
    "AdminGetJobsForUser",
    "AdminGetJobProperties",
    "AdminGetJobLog",
    "AdminJobCancel",
    "AdminMetaWebhookOptionsGet",
    "AdminMetaWebhookOptionsSet",
    "AdminMetaVersion",
    "AdminMetaServerConfigGet",
    "AdminMetaServerConfigSet",
    "AdminAccountSessionStart",
    "AdminAccountSessionRevoke",
    "UserWebSessionStart",
    "UserWebGetJobs",
}


def wire_params(spec: MethodSpec[Any]) -> dict[str, str]:
    """Sample values for every form parameter, encoded as the spec says."""
    out = {}
    for p in spec.params:
        if p.encoding == "file":
            continue
        value = sample(p.python_type)
        if p.encoding == "raw":
            out[p.name] = value
        elif p.encoding == "bool":
            out[p.name] = "1"
        else:
            out[p.name] = json.dumps(msgspec.to_builtins(value))
    return out


# -- quick start and auth ------------------------------------------------------------------


async def test_quickstart_curl_request_lists_users(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    async with http.post(
        emu.url + "/api/v1/admin/list-users",
        data="Username=admin&AuthType=Password&Password=admin",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    ) as resp:
        assert resp.status == 200
        assert resp.content_type == "application/json"
        assert await resp.json() == ["alice"]


@pytest.mark.parametrize(
    "fields",
    [
        auth("admin", "wrong"),
        auth("nobody", "admin"),
        {"AuthType": "Password", "Password": "admin"},
        {},
        session_auth("admin", "not-a-key"),
        {"Username": "admin", "AuthType": "PasswordU2F", "Password": "admin"},
        {"Username": "admin", "AuthType": "PasswordTOTP", "Password": "admin", "TOTP": "1"},
    ],
    ids=["bad-password", "unknown-user", "no-username", "nothing", "bad-session", "u2f", "totp"],
)
async def test_auth_failures_answer_403_with_message_body(
    emu: CometEmulator, http: aiohttp.ClientSession, fields: dict[str, str]
) -> None:
    status, body, _ = await call(http, emu, "AdminListUsers", fields)
    assert status == 403
    assert body["Status"] == 403 and body["Message"]
    assert "admin" not in body["Message"].replace("admin account", "")


async def test_unknown_auth_type_is_400_naming_it(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    status, body, _ = await call(http, emu, "AdminListUsers", {**ADMIN, "AuthType": "Magic"})
    assert status == 400
    assert "AuthType" in body["Message"]


async def test_session_key_login_use_and_revoke(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    started = await ok(http, emu, "AdminAccountSessionStart")
    assert started["Status"] == 200 and started["SessionKey"]
    key = started["SessionKey"]
    assert await ok(http, emu, "AdminListUsers", session_auth("admin", key)) == ["alice"]
    # the key belongs to its user only
    status, _, _ = await call(http, emu, "AdminListUsers", session_auth("alice", key))
    assert status == 403
    await ok(http, emu, "AdminAccountSessionRevoke", session_auth("admin", key))
    status, body, _ = await call(http, emu, "AdminListUsers", session_auth("admin", key))
    assert (status, body["Status"]) == (403, 403)


async def test_session_keys_expire_after_idle_ttl(http: aiohttp.ClientSession) -> None:
    clock = FakeClock()
    async with CometEmulator(session_ttl=60, clock=clock) as emu:
        key = (await ok(http, emu, "AdminAccountSessionStart"))["SessionKey"]
        clock.t += 50
        await ok(http, emu, "AdminListUsers", session_auth("admin", key))
        clock.t += 50  # 100 s after start, but only 50 s idle: still valid
        await ok(http, emu, "AdminListUsers", session_auth("admin", key))
        clock.t += 61
        status, body, _ = await call(http, emu, "AdminListUsers", session_auth("admin", key))
        assert status == 403 and "expired" in body["Message"]


async def test_fault_revoke_sessions(emu: CometEmulator, http: aiohttp.ClientSession) -> None:
    key = (await ok(http, emu, "AdminAccountSessionStart"))["SessionKey"]
    user_key = (await ok(http, emu, "UserWebSessionStart", USER))["SessionKey"]
    emu.faults.revoke_sessions()
    for fields in (session_auth("admin", key), session_auth("alice", user_key)):
        method = "AdminListUsers" if fields["Username"] == "admin" else "UserWebGetJobs"
        status, _, _ = await call(http, emu, method, fields)
        assert status == 403


async def test_totp_admin_gets_449_then_logs_in_with_code(http: aiohttp.ClientSession) -> None:
    secret = pyotp.random_base32()
    async with CometEmulator(admin_totp_secrets={"admin": secret}) as emu:
        status, body, headers = await call(http, emu, "AdminListUsers")
        assert status == 449
        assert headers["X-Comet-TOTP-Requested"] == "1"
        assert body["Status"] == 449
        code = pyotp.TOTP(secret).now()
        totp_fields = {**ADMIN, "AuthType": "PasswordTOTP", "TOTP": code}
        assert await ok(http, emu, "AdminListUsers", totp_fields) is None  # Go's nil slice
        wrong = str((int(code) + 1) % 1_000_000).zfill(6)
        status, _, _ = await call(http, emu, "AdminListUsers", {**totp_fields, "TOTP": wrong})
        assert status == 403
        bad_password = {**totp_fields, "Password": "nope"}
        status, _, headers = await call(http, emu, "AdminListUsers", bad_password)
        assert status == 403 and "X-Comet-TOTP-Requested" not in headers
        key = (await ok(http, emu, "AdminAccountSessionStart", totp_fields))["SessionKey"]
        assert await ok(http, emu, "AdminListUsers", session_auth("admin", key)) is None


async def test_account_kinds_per_method(emu: CometEmulator, http: aiohttp.ClientSession) -> None:
    assert await ok(http, emu, "UserWebGetJobs", USER) is None
    status, body, _ = await call(http, emu, "AdminListUsers", USER)
    assert status == 400 and "Username" in body["Message"]
    status, body, _ = await call(http, emu, "UserWebGetJobs", ADMIN)
    assert status == 400 and "Username" in body["Message"]
    for fields, kind in ((ADMIN, "admin"), (USER, "user")):
        started = await ok(http, emu, "HybridSessionStart", fields)
        assert started["SessionType"] == kind and started["SessionKey"]


# -- parameters ---------------------------------------------------------------------------------


@pytest.fixture(params=["body", "http"])
async def any_mode(request: pytest.FixtureRequest) -> AsyncIterator[CometEmulator]:
    """An emulator in each error mode: 200 + error body (the real server), HTTP status."""
    async with CometEmulator(users={"alice": "alice-pw"}, error_mode=request.param) as emulator:
        yield emulator


async def test_missing_required_param_is_400_naming_it(
    any_mode: CometEmulator, http: aiohttp.ClientSession
) -> None:
    emu = any_mode
    status, body, _ = await call(http, emu, "AdminGetUserProfile")
    assert status == (200 if emu.error_mode == "body" else 400)
    assert body == {"Status": 400, "Message": "Missing required parameter TargetUser"}


async def test_application_errors_come_in_a_200_body_by_default(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    assert emu.error_mode == "body"
    # Comet's Ruby SDK test: an unknown user is an in-body 403 Unauthorised (20.9.0+)
    status, body, _ = await call(http, emu, "AdminGetUserProfile", TargetUser="nobody")
    assert (status, body) == (200, {"Status": 403, "Message": "Unauthorised"})
    status, body, _ = await call(http, emu, "AdminPoliciesGet", PolicyID="nope")
    assert status == 200 and body["Status"] == 404 and "nope" in body["Message"]
    # authentication failures keep their HTTP status
    status, body, _ = await call(http, emu, "AdminGetUserProfile", auth("admin", "wrong"))
    assert (status, body["Status"]) == (403, 403)


async def test_http_error_mode_sends_statuses(http: aiohttp.ClientSession) -> None:
    async with CometEmulator(error_mode="http") as emu:
        status, body, _ = await call(http, emu, "AdminGetUserProfile", TargetUser="nobody")
        assert (status, body["Status"]) == (404, 404) and "nobody" in body["Message"]
    with pytest.raises(ValueError, match="error_mode"):
        CometEmulator(error_mode="teapot")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("method", "params", "name"),
    [
        ("AdminSetUserProfile", {"TargetUser": "alice", "ProfileData": "{not json"}, "ProfileData"),
        (
            "AdminSetUserProfile",
            {"TargetUser": "alice", "ProfileData": '{"Emails": 5}'},
            "ProfileData",
        ),
        ("AdminGetJobsForDateRange", {"Start": "soon", "End": "1"}, "Start"),
        ("AdminMetaStats", {"Simple": "maybe"}, "Simple"),
        ("AdminMetaWebhookOptionsSet", {"WebhookOptions": "[1]"}, "WebhookOptions"),
    ],
    ids=["not-json", "wrong-type", "not-int", "not-bool", "not-map"],
)
async def test_param_that_does_not_decode_is_400_naming_it(
    any_mode: CometEmulator,
    http: aiohttp.ClientSession,
    method: str,
    params: dict[str, str],
    name: str,
) -> None:
    status, message = await refused(http, any_mode, method, **params)
    assert status == 400
    assert f"parameter {name}" in message


# -- every method --------------------------------------------------------------------------------


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
async def test_every_method_answers(
    spec: MethodSpec[Any], emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    stateful = spec.name in emu.coverage()["stateful"]
    fields = USER if spec.auth == "user" else ADMIN
    if spec.multipart:
        data = aiohttp.FormData()
        data.add_field("upload", b"\x00payload", filename="upload")
        headers = {f"X-Comet-Admin-{k}": v for k, v in fields.items()}
        async with http.post(emu.url + spec.path, data=data, headers=headers) as resp:
            status, raw = resp.status, await resp.read()
    else:
        form = {**fields, **wire_params(spec)} if spec.auth != "none" else wire_params(spec)
        async with http.request(spec.http_method, emu.url + spec.path, data=form) as resp:
            status, raw = resp.status, await resp.read()
    if spec.returns_bytes and status == 200:
        assert isinstance(raw, bytes) and raw, spec.name  # downloads are never empty
    else:
        body = msgspec.json.decode(raw)
        if status == 200 and not in_body_error(body):
            decode(raw, spec.decode_type)
        else:
            # only stateful methods refuse valid input (e.g. 404 for the sample names),
            # and by default they do it the real server's way: HTTP 200, error in the body
            assert stateful, (spec.name, status, raw)
            assert status == 200 and body["Status"] >= 400, (spec.name, status, raw)
    if spec.auth in ("admin", "user", "hybrid") and not spec.multipart:
        async with http.request(spec.http_method, emu.url + spec.path, data={}) as resp:
            assert resp.status == 403
    if spec.auth in ("admin", "user") and not spec.multipart:
        other = ADMIN if spec.auth == "user" else USER
        form = {**other, **wire_params(spec)}
        async with http.request(spec.http_method, emu.url + spec.path, data=form) as resp:
            assert resp.status == 400
            assert "Username" in (await resp.json())["Message"]


def test_coverage_partitions_the_method_table() -> None:
    cov = CometEmulator.coverage()
    assert set(cov["stateful"]) | set(cov["schema_only"]) == set(METHODS)
    assert not set(cov["stateful"]) & set(cov["schema_only"])
    assert set(cov["stateful"]) >= REQUIRED_STATEFUL


async def test_branding_props_is_a_get_without_auth(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    async with http.get(emu.url + "/gen/branding.props") as resp:
        assert resp.status == 200
        assert "BrandName" in await resp.json()


async def test_multipart_upload_uses_header_auth(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    spec = METHODS["AdminMetaResourceNew"]
    headers = {f"X-Comet-Admin-{k}": v for k, v in ADMIN.items()}

    def form() -> aiohttp.FormData:
        data = aiohttp.FormData()
        data.add_field("upload", b"\x89PNG resource", filename="logo.png")
        return data

    async with http.post(emu.url + spec.path, data=form(), headers=headers) as resp:
        assert resp.status == 200
        digest = (await resp.json())["ResourceHash"]
    status, body, _ = await call(http, emu, "AdminMetaResourceGet", Hash=digest)
    assert (status, body) == (200, b"\x89PNG resource")
    bad = {**headers, "X-Comet-Admin-Password": "nope"}
    async with http.post(emu.url + spec.path, data=form(), headers=bad) as resp:
        assert resp.status == 403
    async with http.post(emu.url + spec.path, data={}, headers=headers) as resp:
        assert resp.status == 200  # an application error: in the body
        assert (await resp.json())["Status"] == 400


# -- fault: failing methods -----------------------------------------------------------------------


async def test_fail_method_answers_status_then_recovers(
    emu: CometEmulator, http: aiohttp.ClientSession
) -> None:
    emu.faults.fail_method("AdminListUsers", 503, count=2, headers={"Retry-After": "0"})
    for _ in range(2):
        status, body, headers = await call(http, emu, "AdminListUsers")
        assert (status, body["Status"], headers["Retry-After"]) == (503, 503, "0")
    assert await ok(http, emu, "AdminListUsers") == ["alice"]
    emu.faults.fail_method("AdminMetaVersion", 500, delay=0.05)
    started = time.perf_counter()
    status, _, _ = await call(http, emu, "AdminMetaVersion")
    assert status == 500 and time.perf_counter() - started >= 0.05
    emu.faults.fail_method("AdminListUsers", 502)
    emu.faults.clear()
    await ok(http, emu, "AdminListUsers")
    with pytest.raises(ValueError, match="unknown API method"):
        emu.faults.fail_method("ListUsers", 500)
