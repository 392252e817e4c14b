"""CometAccountClient: all 13 account.cometbackup.com endpoints in every auth mode, the
parameter and credential checks, and the client's lifecycle.

Errors are tested in test_account_errors.py, the loopback download in
test_account_download.py, secrets kept out of reprs and logs in test_account_secrets.py.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aioresponses import aioresponses

import aiocomet
from aiocomet import ClientClosedError, CometAccountClient, CredentialsError, InvalidParameterError
from aiocomet._generated.account import ENDPOINTS

from ._account_helpers import AUTH_MODES, BASE, EMAIL, PASSWORD, STATUS, TOKEN, make_client

ACCOUNT_SPEC = Path(__file__).resolve().parents[2] / "shared" / "comet-api" / "account-api.json"


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
