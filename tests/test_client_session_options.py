"""Issue 14 item 11: with ``session=`` no client option is dropped silently.

``user_agent`` and ``accept_language`` are sent with every request on a
caller's session (its own default headers stay); ``max_connections`` and
the TLS options (``ssl``, ``verify``, ``ca_file``) belong to the session's
connector, so combining them with ``session=`` is refused with a typed error.
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from aiocomet import CometAccountClient, CometClient, InvalidParameterError

from ._fake_comet import FakeComet, Reply

LIST = "/api/v1/admin/list-users"
RESOURCE = "/api/v1/admin/meta/resource/new"
JOB_LOG = "/api/v1/admin/get-job-log"
LICENSES = "/api/v1/license/list_all"


@pytest.fixture
async def server() -> AsyncIterator[FakeComet]:
    async with FakeComet() as fake:
        fake.always(LIST, Reply(body=["bob"]))
        fake.always(RESOURCE, Reply(body={"Status": 200, "Message": "", "ResourceHash": "h"}))
        fake.always(JOB_LOG, Reply(raw=b"line 1\nline 2\n"))
        fake.always(LICENSES, Reply(body=[]))
        yield fake


async def test_user_agent_and_accept_language_arrive_on_a_callers_session(
    server: FakeComet, tmp_path: Path
) -> None:
    async with aiohttp.ClientSession(headers={"X-Caller": "kept"}) as session:
        async with CometClient(
            server.url,
            "admin",
            "pw",
            session=session,
            user_agent="probe/2.5",
            accept_language="de-CH",
        ) as c:
            await c.admin_list_users()  # a form call
            await c.admin_meta_resource_new(b"bytes")  # a multipart upload
            await c.admin_get_job_log_stream("job-1").save(tmp_path / "log")  # a download
        assert not session.closed
    assert [seen.path for seen in server.seen] == [LIST, RESOURCE, JOB_LOG]
    for seen in server.seen:
        assert seen.headers["User-Agent"] == "probe/2.5", seen.path
        assert seen.headers["Accept-Language"] == "de-CH", seen.path
        assert seen.headers["X-Caller"] == "kept", seen.path  # the session's own headers stay


async def test_the_default_user_agent_arrives_on_a_callers_session(server: FakeComet) -> None:
    async with aiohttp.ClientSession() as session:
        async with CometClient(server.url, "admin", "pw", session=session) as c:
            await c.admin_list_users()
    assert server.seen[0].headers["User-Agent"].startswith("aiocomet/")
    assert "Accept-Language" not in server.seen[0].headers


async def test_account_client_sends_its_user_agent_on_a_callers_session(
    server: FakeComet,
) -> None:
    async with aiohttp.ClientSession() as session:
        async with CometAccountClient(
            api_token="t", base_url=server.url, session=session, user_agent="acct/1"
        ) as account:
            await account.license_list_all()
    assert server.seen[0].headers["User-Agent"] == "acct/1"


async def test_an_owned_session_sends_the_headers_too(server: FakeComet) -> None:
    async with CometClient(
        server.url, "admin", "pw", user_agent="own/1", accept_language="fr", max_connections=2
    ) as c:
        await c.admin_list_users()
        connector = c.session.connector
        assert connector is not None and connector.limit == 2
    assert server.seen[0].headers["User-Agent"] == "own/1"
    assert server.seen[0].headers["Accept-Language"] == "fr"


CONNECTOR_OPTIONS: dict[str, dict[str, Any]] = {
    "max_connections": {"max_connections": 5},
    "verify": {"verify": False},
    "ca_file": {"ca_file": "/etc/ssl/certs/ca-certificates.crt"},
    "ssl": {"ssl": ssl.create_default_context()},
}


@pytest.mark.parametrize("option", sorted(CONNECTOR_OPTIONS))
async def test_connector_options_with_a_callers_session_are_refused(option: str) -> None:
    async with aiohttp.ClientSession() as session:
        with pytest.raises(InvalidParameterError, match=option):
            CometClient(
                "https://comet.example", "admin", "pw", session=session, **CONNECTOR_OPTIONS[option]
            )
        if option != "max_connections":  # the account client has no pool option
            with pytest.raises(InvalidParameterError, match=option):
                CometAccountClient(api_token="t", session=session, **CONNECTOR_OPTIONS[option])


@pytest.mark.parametrize(
    ("url", "suggests"),
    [
        ("127.0.0.1:8060", True),
        ("localhost:8060", True),
        ("comet.example.com", True),
        ("ftp://comet.example.com", False),
        ("http://", False),
    ],
)
def test_a_base_url_without_http_scheme_or_host_is_a_typed_error(url: str, suggests: bool) -> None:
    with pytest.raises(InvalidParameterError, match="http:// or https:// URL") as caught:
        CometClient(url, "admin", "pw")
    assert (f"did you mean 'http://{url}'" in str(caught.value)) is suggests
    with pytest.raises(InvalidParameterError, match="base_url"):
        CometAccountClient(api_token="t", base_url=url)


@pytest.mark.parametrize("timeout", [0.0, -1.0, float("nan")])
def test_a_timeout_that_is_not_positive_is_a_typed_error(timeout: float) -> None:
    with pytest.raises(InvalidParameterError, match="timeout must be a positive"):
        CometClient("http://127.0.0.1:9", "admin", "pw", timeout=timeout)
