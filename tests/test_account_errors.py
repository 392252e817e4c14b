"""CometAccountClient errors: HTTP statuses mapped to typed errors, JSON error bodies,
retries of read-only calls only, transport errors and timeouts, refused redirects and
capped bodies, with no secret in any error."""

from __future__ import annotations

import builtins
import json

import aiohttp
import pytest
from aioresponses import aioresponses

from aiocomet import (
    AuthenticationError,
    CometAPIError,
    ResponseDecodeError,
    ResponseTooLargeError,
    RetryPolicy,
    ServerError,
    TimeoutError,
    TransportError,
)

from ._account_helpers import (
    BASE,
    EMAIL,
    PASSWORD,
    STATUS,
    TOKEN,
    Sleeps,
    assert_no_secret,
    make_client,
    secret_of,
)


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (400, b"Invalid or missing parameter", CometAPIError),
        (403, b"Invalid credentials", AuthenticationError),
        (500, b"Internal error", ServerError),
        (503, b"Unavailable", ServerError),
    ],
)
@pytest.mark.parametrize("mode", ["password", "apiToken"])
async def test_error_status_maps_to_typed_error(
    status: int, body: bytes, error: type[CometAPIError], mode: str, http_mock: aioresponses
) -> None:
    # The server echoing the secrets back must not leak them into the error.
    echoed = body + f" ({EMAIL}/{secret_of(mode)})".encode()
    http_mock.post(BASE + "/api/v1/license/relax", status=status, body=echoed)
    async with make_client(mode) as client:
        with pytest.raises(error) as info:
            await client.license_relax("SER-1")
    exc = info.value
    assert type(exc) is error
    assert exc.http_status == status and exc.method == "LicenseRelax"
    assert body.decode() in exc.message and "LicenseRelax" in str(exc)
    assert_no_secret(str(exc), repr(exc), exc.message, repr(exc.args))


async def test_json_error_bodies(http_mock: aioresponses) -> None:
    http_mock.post(BASE + "/api/v1/cometgo/status", status=403, body=b'{"status": "error"}')
    http_mock.post(BASE + "/api/v1/cometgo", status=200, body=b'{"status": "error"}')
    http_mock.post(BASE + "/api/v1/cometgo/terminate", status=200, body=b"<html>oops")
    async with make_client() as client:
        with pytest.raises(AuthenticationError, match="HTTP 403"):
            await client.comet_go_status("506")
        with pytest.raises(CometAPIError, match="status 'error'") as info:
            await client.comet_go_create("r", "s", "n")
        assert type(info.value) is CometAPIError
        with pytest.raises(ResponseDecodeError, match="CometGoTerminate") as decode:
            await client.comet_go_terminate("506")
        assert "oops" not in str(decode.value)


async def test_read_only_calls_retry_and_mutations_do_not(http_mock: aioresponses) -> None:
    sleeps = Sleeps()
    http_mock.post(BASE + "/api/v1/cometgo/status", status=503, body=b"busy")
    http_mock.post(BASE + "/api/v1/cometgo/status", status=200, body=json.dumps(STATUS))
    http_mock.post(BASE + "/api/v1/license/create", status=503, body=b"busy")
    async with make_client(sleep=sleeps) as client:
        assert await client.comet_go_status("506") == STATUS
        assert len(sleeps) == 1
        with pytest.raises(ServerError):
            await client.license_create()
    assert len(sleeps) == 1
    calls = {url.path: len(c) for (_, url), c in http_mock.requests.items()}
    assert calls == {"/api/v1/cometgo/status": 2, "/api/v1/license/create": 1}


async def test_transport_errors_and_timeouts(http_mock: aioresponses) -> None:
    relax = BASE + "/api/v1/license/relax"
    http_mock.post(relax, exception=aiohttp.ClientConnectionError(f"reset {PASSWORD}"))
    http_mock.post(BASE + "/api/v1/license/create", exception=builtins.TimeoutError())
    http_mock.get(BASE + "/latestversion", exception=builtins.TimeoutError())
    async with make_client(retry=RetryPolicy(attempts=1)) as client:
        with pytest.raises(TransportError) as transport:
            await client.license_relax("SER-1")
        assert_no_secret(str(transport.value))
        with pytest.raises(TimeoutError) as timeout:
            await client.license_create()
        assert isinstance(timeout.value, builtins.TimeoutError)
        assert timeout.value.outcome_unknown  # a licence may have been created
        with pytest.raises(TimeoutError) as read_timeout:
            await client.latest_version()
        assert not read_timeout.value.outcome_unknown


async def test_redirects_are_refused(http_mock: aioresponses) -> None:
    http_mock.post(
        BASE + "/api/v1/license/list_all",
        status=302,
        headers={"Location": f"https://elsewhere.test/login?apiToken={TOKEN}"},
    )
    async with make_client("apiToken") as client:
        with pytest.raises(TransportError, match="redirects are not followed") as info:
            await client.license_list_all()
    assert_no_secret(str(info.value))
    assert len(http_mock.requests) == 1


async def test_json_bodies_are_capped(http_mock: aioresponses) -> None:
    http_mock.post(BASE + "/api/v1/downloads/list", body=b"[" + b"1," * 1000 + b"1]")
    async with make_client(max_response_bytes=256) as client:
        with pytest.raises(ResponseTooLargeError):
            await client.downloads_list()
