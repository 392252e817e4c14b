"""CometAccountClient: all 13 account.cometbackup.com endpoints, both auth modes, errors,
a streamed download over a loopback socket, and secrets kept out of reprs, errors and logs."""

from __future__ import annotations

import builtins
import hashlib
import inspect
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from aioresponses import aioresponses

import aiocomet
from aiocomet import (
    AuthenticationError,
    ClientClosedError,
    CometAccountClient,
    CometAPIError,
    CredentialsError,
    InvalidParameterError,
    ResponseDecodeError,
    ResponseTooLargeError,
    RetryPolicy,
    ServerError,
    TimeoutError,
    TransportError,
)
from aiocomet._generated.account import ENDPOINTS

BASE = "https://account.test"
EMAIL = "owner@example.com"
PASSWORD = "pw-S3cret-9xQ"
TOKEN = "W2FAKETOKEN7Y-abc123"
SECRETS = (PASSWORD, TOKEN)
ACCOUNT_SPEC = Path(__file__).resolve().parents[2] / "shared" / "comet-api" / "account-api.json"

AUTH_MODES: dict[str, tuple[dict[str, Any], dict[str, str]]] = {
    "password": (
        {"email": EMAIL, "password": PASSWORD},
        {"authType": "password", "email": EMAIL, "password": PASSWORD},
    ),
    "apiToken": ({"api_token": TOKEN}, {"authType": "apiToken", "apiToken": TOKEN}),
    "authToken": (
        {"api_token": TOKEN, "token_auth": "authToken"},
        {"authType": "authToken", "authToken": TOKEN},
    ),
}


class Sleeps(list[float]):
    """Records retry delays instead of sleeping."""

    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


def make_client(mode: str = "password", **kw: Any) -> CometAccountClient:
    kw.setdefault("sleep", Sleeps())
    return CometAccountClient(**AUTH_MODES[mode][0], base_url=BASE, **kw)


def assert_no_secret(*texts: str) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text, text


def secret_of(mode: str) -> str:
    """The secret a client in ``mode`` holds (and so can redact)."""
    return PASSWORD if mode == "password" else TOKEN


# --------------------------------------------------------------------------- endpoints


@dataclass(frozen=True)
class Case:
    """One call: what the client sends and what it makes of the answer."""

    endpoint: str
    call: Callable[[CometAccountClient], Awaitable[Any]]
    form: dict[str, str]
    status: int
    body: bytes
    result: Any
    http_method: str = "POST"
    path: str = ""
    tags: tuple[str, ...] = field(default=())


CSV = b"service,count\r\nbackup,3\r\n"
XLSX = b"PK\x03\x04\x14\x00fake-xlsx\x00\xff"
REPORT_ROWS = [{"service": "backup", "count": 3}]
STATUS = {
    "status": "OK",
    "data": {"hosted_server_id": "506", "aws_status": "running", "admin_password": "hunter2"},
}

CASES = [
    Case(
        "LicenseRelax",
        lambda c: c.license_relax("SER-1"),
        {"serial": "SER-1"},
        200,
        b"OK\n",
        "OK",
        path="/api/v1/license/relax",
    ),
    Case(
        "LicenseCreate",
        lambda c: c.license_create(),
        {},
        200,
        b"NEW-SERIAL-123\n",
        "NEW-SERIAL-123",
        path="/api/v1/license/create",
    ),
    Case(
        "LicenseCreate",
        lambda c: c.license_create(target_name="Acme East"),
        {"target_name": "Acme East"},
        200,
        b"NEW-SERIAL-456",
        "NEW-SERIAL-456",
        path="/api/v1/license/create",
        tags=("named",),
    ),
    Case(
        "LicenseArchive",
        lambda c: c.license_archive("SER-2"),
        {"serial": "SER-2"},
        200,
        b"OK",
        "OK",
        path="/api/v1/license/archive",
    ),
    Case(
        "LicenseListAll",
        lambda c: c.license_list_all(),
        {},
        200,
        b'[{"SerialNumber": "SER-1"}]',
        [{"SerialNumber": "SER-1"}],
        path="/api/v1/license/list_all",
    ),
    *(
        Case(
            endpoint,
            (lambda f, m: lambda c: getattr(c, m)(f))(fmt, method),
            {"format": fmt},
            200,
            body,
            result,
            path=path,
            tags=(fmt,),
        )
        for endpoint, method, path in (
            ("ReportActiveServices", "report_active_services", "/api/v1/report/active_services"),
            ("ReportBillingHistory", "report_billing_history", "/api/v1/report/billing_history"),
        )
        for fmt, body, result in (
            ("csv", CSV, CSV),
            ("json", json.dumps(REPORT_ROWS).encode(), REPORT_ROWS),
            ("xlsx", XLSX, XLSX),
        )
    ),
    Case(
        "LatestVersion",
        lambda c: c.latest_version(),
        {},
        200,
        b'{"latest_stable": "25.9.8", "updates_info": []}',
        {"latest_stable": "25.9.8", "updates_info": []},
        http_method="GET",
        path="/latestversion",
    ),
    Case(
        "DownloadsList",
        lambda c: c.downloads_list(),
        {},
        200,
        b'[{"version_key": "25.9.8", "Name": "Comet Server"}]',
        [{"version_key": "25.9.8", "Name": "Comet Server"}],
        path="/api/v1/downloads/list",
    ),
    Case(
        "CometGoCreate",
        lambda c: c.comet_go_create("ap-southeast-2", "acme", "Acme Server"),
        {"region": "ap-southeast-2", "subdomain": "acme", "server_name": "Acme Server"},
        201,
        b'{"status": "OK"}',
        {"status": "OK"},
        path="/api/v1/cometgo",
    ),
    Case(
        "CometGoStatus",
        lambda c: c.comet_go_status("506"),
        {"hosted_server_id": "506"},
        200,
        json.dumps(STATUS).encode(),
        STATUS,
        path="/api/v1/cometgo/status",
    ),
    Case(
        "CometGoTerminate",
        lambda c: c.comet_go_terminate("506"),
        {"hosted_server_id": "506"},
        202,
        b'{"status": "OK"}',
        {"status": "OK"},
        path="/api/v1/cometgo/terminate",
    ),
    Case(
        "CometGoList",
        lambda c: c.comet_go_list(),
        {},
        200,
        b'{"status": "OK", "data": []}',
        {"status": "OK", "data": []},
        path="/api/v1/cometgo/list",
    ),
    Case(
        "CometGoList",
        lambda c: c.comet_go_list(offset=10, limit=5),
        {"offset": "10", "limit": "5"},
        200,
        b'{"status": "OK", "data": [{"hosted_server_id": "7"}]}',
        {"status": "OK", "data": [{"hosted_server_id": "7"}]},
        path="/api/v1/cometgo/list",
        tags=("paged",),
    ),
]


def only_request(mock: aioresponses) -> tuple[str, str, dict[str, Any]]:
    assert len(mock.requests) == 1
    ((method, url), calls) = next(iter(mock.requests.items()))
    assert len(calls) == 1
    return method, str(url), calls[0].kwargs


@pytest.mark.parametrize("mode", sorted(AUTH_MODES))
@pytest.mark.parametrize("case", CASES, ids=["-".join((c.endpoint, *c.tags)) for c in CASES])
async def test_endpoint_request_and_result(case: Case, mode: str, http_mock: aioresponses) -> None:
    url = BASE + case.path
    http_mock.add(url, case.http_method, status=case.status, body=case.body)
    async with make_client(mode) as client:
        result = await case.call(client)
    method, called, kwargs = only_request(http_mock)
    assert (method, called) == (case.http_method, url)
    assert kwargs["allow_redirects"] is False
    if case.http_method == "GET":
        assert kwargs["data"] is None  # LatestVersion: no body, no credentials
    else:
        assert kwargs["data"] == {**AUTH_MODES[mode][1], **case.form}
    assert type(result) is type(case.result)
    assert result == case.result


def test_cases_cover_every_endpoint() -> None:
    assert len(ENDPOINTS) == 13
    covered = {c.endpoint for c in CASES} | {"DownloadsGet"}  # streamed: tested below
    assert covered == set(ENDPOINTS)
    for case in CASES:
        assert ENDPOINTS[case.endpoint].path == case.path
        assert ENDPOINTS[case.endpoint].http_method == case.http_method


def test_generated_table_matches_account_api_json() -> None:
    if not ACCOUNT_SPEC.exists():  # the facts live outside the project; the table is committed
        return
    data = json.loads(ACCOUNT_SPEC.read_text())
    assert [e["name"] for e in data["endpoints"]] == list(ENDPOINTS)
    for ep in data["endpoints"]:
        spec = ENDPOINTS[ep["name"]]
        assert (spec.http_method, spec.path) == (ep["http_method"], ep["path"])
        wire = [p["name"] for p in ep["params"] if not p.get("auth")]
        assert [p.name for p in spec.params] == wire
        assert (spec.auth != "none") == ep["auth_required"]


def test_signatures_and_types() -> None:
    sig = inspect.signature(CometAccountClient.comet_go_list)
    assert all(p.kind is p.KEYWORD_ONLY for n, p in sig.parameters.items() if n != "self")
    sig = inspect.signature(CometAccountClient.downloads_get_save)
    assert list(sig.parameters) == ["self", "version_key", "platform", "path"]
    assert "download_linux_deb" in str(sig.parameters["platform"].annotation)
    assert "csv" in str(inspect.signature(CometAccountClient.report_billing_history))
    assert not hasattr(CometAccountClient, "downloads_get")  # no in-memory form of a download
    assert "CometAccountClient" in aiocomet.__all__


async def test_download_through_mock_streams_to_disk(
    http_mock: aioresponses, tmp_path: Path
) -> None:
    url = BASE + "/api/v1/downloads/get"
    http_mock.post(url, body=b"\x7fELF" + bytes(range(256)) * 64)
    target = tmp_path / "comet.deb"
    async with make_client("apiToken") as client:
        written = await client.downloads_get_save("25.9.8", "download_linux_deb", target)
    assert written == target.stat().st_size == 4 + 256 * 64
    _, called, kwargs = only_request(http_mock)
    assert called == url
    assert kwargs["data"] == {
        "authType": "apiToken",
        "apiToken": TOKEN,
        "version_key": "25.9.8",
        "platform": "download_linux_deb",
    }


# --------------------------------------------------------------------------- validation


async def test_bad_params_raise_before_sending(http_mock: aioresponses) -> None:
    async with make_client() as client:
        with pytest.raises(InvalidParameterError, match="'format' must be one of"):
            await client.report_active_services("pdf")  # type: ignore[call-overload]
        with pytest.raises(InvalidParameterError, match="platform"):
            client.downloads_get_stream("25.9.8", "download_macos")  # type: ignore[arg-type]
        with pytest.raises(InvalidParameterError, match="serial"):
            await client.license_relax(123)  # type: ignore[arg-type]
        with pytest.raises(InvalidParameterError, match="limit"):
            await client.comet_go_list(limit="5")  # type: ignore[arg-type]
    assert not http_mock.requests


def test_credentials_are_checked() -> None:
    with pytest.raises(CredentialsError, match="email and password, or api_token"):
        CometAccountClient()
    with pytest.raises(CredentialsError):
        CometAccountClient(email=EMAIL)
    with pytest.raises(CredentialsError, match="not both"):
        CometAccountClient(email=EMAIL, password=PASSWORD, api_token=TOKEN)
    with pytest.raises(CredentialsError, match="empty"):
        CometAccountClient(api_token="")
    with pytest.raises(ValueError, match="token_auth"):
        CometAccountClient(api_token=TOKEN, token_auth="bearer")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="base_url"):
        CometAccountClient(api_token=TOKEN, base_url="account.cometbackup.com")


def test_defaults_to_the_real_host_with_tls_verified() -> None:
    client = CometAccountClient(api_token=TOKEN)
    assert client.base_url == "https://account.cometbackup.com"
    assert client._ssl is True
    assert client._credentials.form_fields()["authType"] == "apiToken"


# --------------------------------------------------------------------------- errors


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


# --------------------------------------------------------------------------- lifecycle


async def test_calls_after_close_raise(http_mock: aioresponses) -> None:
    client = make_client()
    async with client:
        pass
    assert client.closed
    with pytest.raises(ClientClosedError):
        await client.license_list_all()
    with pytest.raises(ClientClosedError):
        client.downloads_get_stream("25.9.8", "download_windows")
    await client.close()  # idempotent
    assert not http_mock.requests


async def test_owned_session_closed_given_session_kept() -> None:
    async with make_client() as client:
        owned = client._session()
    assert owned.closed
    async with aiohttp.ClientSession() as session:
        async with make_client(session=session) as client:
            assert client._session() is session
        assert not session.closed


# --------------------------------------------------------------------------- loopback download

PAYLOAD = hashlib.sha256(b"seed").digest() * (1 << 15)  # 1 MiB


@dataclass
class Portal:
    url: str
    forms: list[dict[str, str]]


@pytest.fixture
async def portal() -> AsyncIterator[Portal]:
    """A stand-in account.cometbackup.com on 127.0.0.1 serving DownloadsGet in chunks."""
    forms: list[dict[str, str]] = []

    async def downloads_get(request: web.Request) -> web.StreamResponse:
        form = {k: str(v) for k, v in (await request.post()).items()}
        forms.append(form)
        if form.get("password", "").startswith("wrong"):
            return web.Response(status=403, text=f"Invalid credentials {form['password']}")
        if form["version_key"] == "broken":
            return web.Response(status=500, text="Internal error")
        resp = web.StreamResponse(headers={"Content-Type": "application/octet-stream"})
        resp.content_length = len(PAYLOAD)
        await resp.prepare(request)
        for i in range(0, len(PAYLOAD), 1 << 16):
            await resp.write(PAYLOAD[i : i + (1 << 16)])
        await resp.write_eof()
        return resp

    app = web.Application()
    app.router.add_post("/api/v1/downloads/get", downloads_get)
    server = TestServer(app, host="127.0.0.1", port=0)
    await server.start_server()
    try:
        yield Portal(str(server.make_url("")).rstrip("/"), forms)
    finally:
        await server.close()


async def test_streamed_download_to_disk_over_loopback(
    portal: Portal, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    target = tmp_path / "comet-server.deb"
    # A 256-byte cap on buffered bodies: a 1 MiB download only fits because it is streamed.
    async with CometAccountClient(
        email=EMAIL, password=PASSWORD, base_url=portal.url, max_response_bytes=256
    ) as client:
        written = await client.downloads_get_save("25.9.8", "download_linux_deb", target)
        async with client.downloads_get_stream("25.9.8", "download_windows") as dl:
            assert dl.content_length == len(PAYLOAD)  # type: ignore[attr-defined]
            sizes = [len(chunk) async for chunk in dl.iter_chunks(8192)]
    assert written == len(PAYLOAD) and target.read_bytes() == PAYLOAD
    assert sum(sizes) == len(PAYLOAD) and max(sizes) <= 8192
    assert portal.forms[0] == {
        "authType": "password",
        "email": EMAIL,
        "password": PASSWORD,
        "version_key": "25.9.8",
        "platform": "download_linux_deb",
    }
    assert portal.forms[1]["platform"] == "download_windows"
    assert_no_secret(*(r.getMessage() for r in caplog.records))


async def test_failed_download_leaves_no_file(portal: Portal, tmp_path: Path) -> None:
    target = tmp_path / "comet.exe"
    async with CometAccountClient(api_token=TOKEN, base_url=portal.url) as client:
        with pytest.raises(ServerError):
            await client.downloads_get_save("broken", "download_windows", target)
    wrong = "wrong-password-d41c"
    async with CometAccountClient(email=EMAIL, password=wrong, base_url=portal.url) as client:
        with pytest.raises(AuthenticationError) as info:
            await client.downloads_get_save("25.9.8", "download_windows", target)
    assert wrong not in str(info.value)
    assert "Invalid credentials <redacted>;" in str(info.value)
    assert not target.exists()
    assert portal.forms[0]["apiToken"] == TOKEN


# --------------------------------------------------------------------------- secrets


@pytest.mark.parametrize("mode", sorted(AUTH_MODES))
async def test_secrets_never_in_repr_or_logs(
    mode: str, http_mock: aioresponses, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    http_mock.post(BASE + "/api/v1/license/list_all", body=b"[]")
    secret = secret_of(mode)
    http_mock.post(BASE + "/api/v1/license/relax", status=403, body=f"no such {secret}")
    http_mock.post(
        BASE + "/api/v1/license/archive", exception=aiohttp.ClientConnectionError(secret)
    )
    client = make_client(mode)
    texts = [repr(client), str(client), repr(client._credentials)]
    async with client:
        await client.license_list_all()
        for call in (client.license_relax("S"), client.license_archive("S")):
            with pytest.raises(aiocomet.CometError) as info:
                await call
            texts += [str(info.value), repr(info.value)]
    assert AUTH_MODES[mode][1]["authType"] in repr(client)
    assert caplog.records  # the transport did log each call
    texts += [r.getMessage() for r in caplog.records]
    texts += [repr(r.args) for r in caplog.records]
    assert_no_secret(*texts)
