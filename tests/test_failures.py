"""The failure mapping and the retry decision of ``aiocomet._failures``, without a network."""

from __future__ import annotations

import builtins

import aiohttp
import pytest
from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

from aiocomet import AuthenticationError, CometError, TimeoutError, TransportError
from aiocomet._failures import comet_error, retryable

SECRET = "hunter2-secret-value"
SERVER = "https://comet.example"


def redact(text: str) -> str:
    return text.replace(SECRET, "<redacted>")


def request_info() -> aiohttp.RequestInfo:
    headers = CIMultiDictProxy(CIMultiDict({"X-Comet-Admin-Password": SECRET}))
    url = URL(SERVER + "/api/v1/admin/meta/resource/new")
    return aiohttp.RequestInfo(url, "POST", headers, url)


def mapped(exc: BaseException, unknown: bool = False) -> CometError:
    return comet_error(
        exc, "AdminListUsers", server=SERVER, redact=redact, timeout=2.5, outcome_unknown=unknown
    )


@pytest.mark.parametrize(
    ("read_only", "attempt", "status", "expected"),
    [
        (True, 0, None, True),  # no answer: a read repeats
        (False, 0, None, False),  # ... a mutation may have been applied
        (True, 3, None, False),  # the fourth of four attempts was the last
        (True, 0, 503, True),
        (False, 0, 503, False),
        (True, 0, 501, False),  # not a transient status
        (False, 0, 429, True),  # throttled: not processed, any call repeats
        (False, 3, 429, False),
        (True, 0, 404, False),
    ],
)
def test_retry_decision(read_only: bool, attempt: int, status: int | None, expected: bool) -> None:
    assert retryable(read_only, attempt, 4, status) is expected


def test_a_timeout_becomes_a_timeout_error_saying_whether_the_outcome_is_unknown() -> None:
    error = mapped(builtins.TimeoutError(), unknown=True)
    assert isinstance(error, TimeoutError) and error.outcome_unknown
    assert "2.5 s" in str(error) and "may or may not" in str(error)
    read_timeout = mapped(aiohttp.ServerTimeoutError("Timeout on reading data from socket"))
    assert isinstance(read_timeout, TimeoutError) and not read_timeout.outcome_unknown


def test_a_refused_connection_names_the_server_and_the_os_error() -> None:
    os_error = ConnectionRefusedError(111, "Connect call failed")
    key = aiohttp.client_reqrep.ConnectionKey("comet.example", 443, True, True, None, None, None)
    error = mapped(aiohttp.ClientConnectorError(key, os_error))
    assert type(error) is TransportError and not error.outcome_unknown
    assert f"cannot connect to {SERVER}" in str(error) and "Connect call failed" in str(error)


def test_a_parser_error_is_a_malformed_answer_redacted_on_one_short_line() -> None:
    message = f"Bad status line:\n  Expected HTTP/:\n\n  b'{SECRET}{'x' * 500}'\n    ^"
    exc = aiohttp.ClientResponseError(request_info(), (), status=400, message=message)
    assert SECRET in repr(exc)  # what escaped before: the request headers
    error = mapped(exc, unknown=True)
    assert type(error) is TransportError and error.outcome_unknown
    text = str(error)
    assert "malformed HTTP answer (Bad status line: Expected HTTP/: b'<redacted>x" in text
    assert SECRET not in repr(error) and "\n" not in text and len(text) < 500
    assert error.__cause__ is None and error.__context__ is None


@pytest.mark.parametrize(("status", "cls"), [(403, AuthenticationError), (404, TransportError)])
def test_a_refused_websocket_upgrade(status: int, cls: type[CometError]) -> None:
    exc = aiohttp.WSServerHandshakeError(request_info(), (), status=status, message="Invalid")
    error = comet_error(exc, "event stream", server=SERVER, redact=redact, timeout=10)
    assert type(error) is cls and f"HTTP {status} at the websocket upgrade" in str(error)


def test_other_failures_keep_their_type_name_and_a_redacted_message() -> None:
    error = mapped(ConnectionResetError(f"reset while sending {SECRET}"), unknown=True)
    assert type(error) is TransportError and error.outcome_unknown
    assert "ConnectionResetError: reset while sending <redacted>" in str(error)
    payload = mapped(aiohttp.ClientPayloadError("Response payload is not completed"))
    assert "ClientPayloadError" in str(payload) and not payload.outcome_unknown


def test_an_aiocomet_error_passes_through() -> None:
    original = TransportError("already mapped")
    assert mapped(original) is original
