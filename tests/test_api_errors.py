"""The error decision without a network: which answers are errors, and which class each is."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest
from multidict import CIMultiDict

from aiocomet import (
    AccessDeniedError,
    AuthenticationError,
    CometAPIError,
    MFARequiredError,
    ServerError,
    constants,
    models,
)
from aiocomet._api_errors import (
    ERROR_CODES,
    PASSWORD_LOGINS,
    error_from_status,
    error_in_body,
    error_in_result,
)
from aiocomet._codec import DECODE_ERRORS, decode
from aiocomet._generated import constants as generated_constants
from aiocomet._generated.methods import METHODS
from aiocomet._methodspec import MethodSpec

from ._samples import sample_json

SPECS = sorted(METHODS.values(), key=lambda s: s.name)
JSON_SPECS = [s for s in SPECS if not s.returns_bytes]
UNAUTHORISED = b'{"Status": 403, "Message": "Unauthorised"}'
PROFILE = METHODS["AdminGetUserProfile"]
JOB = METHODS["AdminGetJobProperties"]
NO_HEADERS: CIMultiDict[str] = CIMultiDict()


def keep(text: str) -> str:
    return text


def redact_pw(text: str) -> str:
    return text.replace("hunter2", "<redacted>")


def decision(spec: MethodSpec[Any], body: bytes) -> CometAPIError | None:
    """What the client decides for a 2xx ``body`` (the same two steps as CometClient)."""
    if spec.returns_bytes:
        return error_in_body(spec, body, keep)
    try:
        value = decode(body, spec.decode_type)
    except DECODE_ERRORS:
        return error_in_body(spec, body, keep)
    return error_in_result(spec, value, keep)


def test_error_codes_are_the_specs_err_constants() -> None:
    expected = {
        v
        for v in generated_constants.CONSTANTS.values()
        if isinstance(v, str) and v.startswith("ERR_")
    }
    assert expected == ERROR_CODES
    assert constants.TOTPRequiredError in ERROR_CODES
    assert constants.UnknownDeviceError in ERROR_CODES


def test_password_logins_are_the_logins_that_name_no_object() -> None:
    assert sorted(PASSWORD_LOGINS) == [
        "AdminAccountSessionStart",
        "HybridSessionStart",
        "UserWebSessionStart",
    ]


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_an_error_envelope_is_an_error_for_every_method(spec: MethodSpec[Any]) -> None:
    error = decision(spec, UNAUTHORISED)
    assert isinstance(error, CometAPIError)
    assert (error.http_status, error.status, error.message) == (200, 403, "Unauthorised")


@pytest.mark.parametrize("spec", JSON_SPECS, ids=[s.name for s in JSON_SPECS])
def test_a_sample_answer_is_not_an_error(spec: MethodSpec[Any]) -> None:
    assert decision(spec, sample_json(spec.decode_type)) is None


@pytest.mark.parametrize(
    "body",
    [
        b'{"Status": 7001, "GUID": "j"}',  # a failed job: no Message
        b'{"Status": 7001, "Message": ""}',  # Go's rule needs a Message
        b'{"Status": "403", "Message": "x"}',  # not a number
        b'{"Status": true, "Message": "x"}',  # not a number either
        b'{"Status": 200, "Message": "OK"}',
        b'{"Status": 399, "Message": "x"}',
    ],
)
def test_job_records_and_near_misses_are_not_errors(body: bytes) -> None:
    for spec in (JOB, PROFILE, METHODS["AdminMetaResourceGet"]):
        assert decision(spec, body) is None, spec.name


def test_a_job_with_an_error_message_is_an_error() -> None:
    error = decision(JOB, b'{"Status": 404, "Message": "Job not found"}')
    assert type(error) is CometAPIError and error.status == 404


def test_job_lists_are_never_errors() -> None:
    spec = METHODS["AdminGetJobsRecent"]
    body = b'[{"Status": 7001, "GUID": "a"}, {"Status": 7004, "GUID": "b"}]'
    assert decision(spec, body) is None


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (0, None),
        (200, None),
        (201, None),
        (299, None),
        (300, CometAPIError),
        (403, AccessDeniedError),
    ],
)
def test_envelope_types_use_their_own_status(status: int, error: type | None) -> None:
    spec = METHODS["AdminPoliciesGet"]  # returns GetGroupPolicyResponse, an envelope
    body = msgspec.json.encode({"Status": status, "Message": "", "Policy": {}})
    found = decision(spec, body)
    assert (type(found) if found else None) is error


def test_class_per_in_body_status() -> None:
    def cls(spec: MethodSpec[Any], status: int, message: str = "x") -> type:
        body = msgspec.json.encode({"Status": status, "Message": message})
        found = decision(spec, body)
        assert found is not None
        return type(found)

    assert cls(PROFILE, 403) is AccessDeniedError
    assert cls(METHODS["AdminAccountSessionStart"], 403) is AuthenticationError
    assert cls(METHODS["AdminAccountSessionStartAsUser"], 403) is AccessDeniedError
    assert cls(PROFILE, 449) is MFARequiredError
    assert cls(PROFILE, 400, constants.TOTPRequiredError) is MFARequiredError
    assert cls(PROFILE, 500) is ServerError
    assert cls(PROFILE, 404) is CometAPIError


def test_maps_are_errors_only_with_a_numeric_status_and_a_message() -> None:
    names = METHODS["AdminPoliciesList"]  # dict[str, str]: policy ID -> name
    assert decision(names, b'{"p1": "Default", "Message": "a policy named Message"}') is None
    assert decision(names, b'{"Status": "403", "Message": "x"}') is None
    assert type(decision(names, UNAUTHORISED)) is AccessDeniedError
    profiles = METHODS["AdminListUsersFull"]  # dict[str, UserProfileConfig]
    assert decision(profiles, b'{"Status": {}, "Message": {}}') is None


def test_binary_answers_are_checked_only_when_they_are_an_error_object() -> None:
    spec = METHODS["AdminMetaReadAllLogs"]
    assert error_in_body(spec, b'\x89PNG\r\n{"Status": 403}', keep) is None
    assert error_in_body(spec, b"  {not json", keep) is None
    error = error_in_body(spec, b'\n {"Status": 403, "Message": "Unauthorised"}', keep)
    assert type(error) is AccessDeniedError


def test_in_body_messages_are_redacted() -> None:
    body = b'{"Status": 400, "Message": "bad password hunter2"}'
    error = error_in_body(PROFILE, body, redact_pw)
    assert error is not None
    assert "hunter2" not in str(error) and "hunter2" not in error.message


@pytest.mark.parametrize(
    ("status", "cls"),
    [(403, AuthenticationError), (400, CometAPIError), (502, ServerError), (449, MFARequiredError)],
)
def test_http_statuses(status: int, cls: type) -> None:
    error = error_from_status(PROFILE, status, NO_HEADERS, b'{"Status": 1, "Message": "m"}', keep)
    assert type(error) is cls and error.http_status == status


def test_http_449_headers() -> None:
    headers = CIMultiDict({"X-Comet-U2F-Challenge": '{"AppID": "a"}'})
    error = error_from_status(PROFILE, 449, headers, b"", keep)
    assert isinstance(error, MFARequiredError)
    assert error.u2f_challenge == {"AppID": "a"} and not error.totp_requested
    totp = error_from_status(PROFILE, 449, CIMultiDict({"X-Comet-TOTP-Requested": "1"}), b"", keep)
    assert isinstance(totp, MFARequiredError) and totp.totp_requested


def test_http_error_with_err_totp_required_is_mfa_required() -> None:
    body = b'{"Status": 403, "Message": "ERR_TOTP_REQUIRED"}'
    error = error_from_status(PROFILE, 403, NO_HEADERS, body, keep)
    assert isinstance(error, MFARequiredError) and error.totp_requested
    assert (error.http_status, error.error_code) == (403, "ERR_TOTP_REQUIRED")


def test_http_error_body_with_odd_status_does_not_crash() -> None:
    error = error_from_status(PROFILE, 400, NO_HEADERS, b'{"Status": "x", "Message": 5}', keep)
    assert type(error) is CometAPIError and error.status == 400


def test_http_error_code_attribute() -> None:
    body = b'{"Status": 400, "Message": "ERR_UNKNOWN_DEVICE"}'
    error = error_from_status(PROFILE, 400, NO_HEADERS, body, keep)
    assert error.error_code == constants.UnknownDeviceError


def test_result_check_reads_no_body() -> None:
    # A decoded profile that carried no unknown keys cannot be an error, whatever its fields.
    profile = models.UserProfileConfig(Username="alice")
    assert error_in_result(PROFILE, profile, keep) is None
