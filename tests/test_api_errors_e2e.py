"""Every method, over real loopback: an error in the body raises like an HTTP error.

A real Comet Server answers application errors as HTTP 200 with a
``CometAPIResponseMessage`` body whatever the method returns (Comet's Go SDK
checks every 2xx body; its Ruby SDK test expects an unknown user to come back
as an in-body ``403 Unauthorised``). Job records, whose ``Status`` is a job
status of 5000 and more, must still decode.
"""

from __future__ import annotations

import itertools
from typing import Any, TypeVar

import pyotp
import pytest

from aiocomet import (
    AccessDeniedError,
    AuthenticationError,
    CometAPIError,
    CometClient,
    MFARequiredError,
    RetryPolicy,
    ServerError,
    constants,
    models,
)
from aiocomet._api_errors import PASSWORD_LOGINS
from aiocomet._generated.methods import METHODS
from aiocomet._methodspec import MethodSpec

from ._fake_comet import FakeComet, Reply, Seen
from ._samples import sample

SPECS = sorted(METHODS.values(), key=lambda s: s.name)
IDS = [s.name for s in SPECS]
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
TOTP_REQUIRED = {"Status": 403, "Message": constants.TOTPRequiredError}
E = TypeVar("E", bound=CometAPIError)


def arguments(spec: MethodSpec[Any]) -> list[Any]:
    if spec.multipart:
        return [b"file-content"]
    return [sample(p.python_type) for p in spec.params if not p.optional]


def client_for(server: FakeComet, spec: MethodSpec[Any], **options: Any) -> CometClient:
    kind = "user" if spec.auth == "user" else "admin"
    return CometClient(
        server.url, "someone", "pw", account_type=kind, retry=RetryPolicy(attempts=1), **options
    )


async def call(client: CometClient, spec: MethodSpec[Any]) -> Any:
    return await getattr(client, spec.python_name)(*arguments(spec))


async def failure(
    spec: MethodSpec[Any], reply: Reply, expected: type[E], **options: Any
) -> tuple[E, list[Seen]]:
    """The error ``spec`` raises when the server always answers ``reply``, and the requests."""
    async with FakeComet() as server:
        server.always(spec.path, reply)
        async with client_for(server, spec, **options) as client:
            with pytest.raises(expected) as info:
                await call(client, spec)
    return info.value, server.seen


# (HTTP status, body status, message, the class expected for an ordinary method)
FORMS = {
    "body-403": (200, 403, "Unauthorised", AccessDeniedError),
    "body-400": (200, 400, "Invalid parameter", CometAPIError),
    "body-500": (200, 500, "Internal error", ServerError),
    "http-403": (403, 403, "Unauthorised", AuthenticationError),
    "http-400": (400, 400, "Invalid parameter", CometAPIError),
}


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("spec", SPECS, ids=IDS)
async def test_every_method_raises_the_typed_error(spec: MethodSpec[Any], form: str) -> None:
    http_status, status, message, expected = FORMS[form]
    if form == "body-403" and spec.name in PASSWORD_LOGINS:
        expected = AuthenticationError  # a login names no object: the credentials were refused
    reply = Reply(status=http_status, body={"Status": status, "Message": message})
    error, seen = await failure(spec, reply, CometAPIError)
    assert type(error) is expected
    assert (error.http_status, error.status, error.message) == (http_status, status, message)
    assert error.method == spec.name and spec.name in str(error)
    assert error.error_code == ""
    assert len(seen) == 1  # no re-login without a session key, no retry of a 4xx


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
async def test_every_method_maps_err_totp_required_in_the_body(spec: MethodSpec[Any]) -> None:
    error, _ = await failure(spec, Reply(body=TOTP_REQUIRED), MFARequiredError)
    assert error.totp_requested and error.http_status == 200
    assert error.error_code == "ERR_TOTP_REQUIRED"


async def test_err_totp_required_in_the_body_retries_once_with_a_fresh_code() -> None:
    spec = METHODS["AdminGetUserProfile"]
    times = itertools.count(1_700_000_000, 30)
    async with FakeComet() as server:
        server.reply(spec.path, Reply(body=TOTP_REQUIRED), Reply(body={"Username": "alice"}))
        async with client_for(
            server, spec, totp_secret=SECRET, clock=lambda: float(next(times))
        ) as client:
            profile = await client.admin_get_user_profile("alice")
    assert profile.Username == "alice"
    first, second = (s.form for s in server.seen)
    assert first["AuthType"] == second["AuthType"] == "PasswordTOTP"
    totp = pyotp.TOTP(SECRET)
    assert first["TOTP"] == totp.at(1_700_000_000)
    assert second["TOTP"] == totp.at(1_700_000_030)


async def test_err_totp_required_twice_raises_after_one_retry() -> None:
    spec = METHODS["AdminListUsers"]
    _, seen = await failure(spec, Reply(body=TOTP_REQUIRED), MFARequiredError, totp_secret=SECRET)
    assert len(seen) == 2


async def test_other_err_constants_are_named_in_error_code() -> None:
    spec = METHODS["AdminDispatcherRunBackup"]
    body = {"Status": 500, "Message": constants.UnknownDeviceError}
    error, _ = await failure(spec, Reply(body=body), ServerError)
    assert error.error_code == "ERR_UNKNOWN_DEVICE" == constants.UnknownDeviceError


JOB = {
    "GUID": "job-1",
    "Username": "alice",
    "Classification": 4001,
    "Status": 7001,  # JOB_STATUS_FAILED_WARNING: a job status, not an error
    "StartTime": 1_700_000_000,
    "EndTime": 1_700_000_100,
}


async def test_a_failed_job_is_a_job_not_an_error() -> None:
    async with FakeComet() as server:
        server.always(METHODS["AdminGetJobProperties"].path, Reply(body=JOB))
        server.always(
            METHODS["AdminGetJobsRecent"].path, Reply(body=[JOB, {**JOB, "Status": 7004}])
        )
        async with client_for(server, METHODS["AdminGetJobProperties"]) as client:
            job = await client.admin_get_job_properties("job-1")
            jobs = await client.admin_get_jobs_recent()
    assert isinstance(job, models.BackupJobDetail) and job.Status == 7001
    assert [j.Status for j in jobs] == [7001, 7004]


async def test_a_job_shaped_error_is_still_an_error() -> None:
    body = {"Status": 403, "Message": "Unauthorised"}
    await failure(METHODS["AdminGetJobProperties"], Reply(body=body), AccessDeniedError)


async def test_binary_methods_return_bytes_that_merely_look_like_json() -> None:
    spec = METHODS["AdminMetaResourceGet"]
    resource = b'{"Status": 200, "Message": "this is the resource itself"}'
    async with FakeComet() as server:
        server.always(spec.path, Reply(raw=resource))
        async with client_for(server, spec) as client:
            assert await client.admin_meta_resource_get("hash") == resource
