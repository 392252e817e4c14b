"""The CLI's hint follows the error's class, not its HTTP status.

A Comet Server refuses a login inside an HTTP 200 answer as well as with
HTTP 403, and answers "no such object, or not yours" as an in-body 403: only
a refusal of the credentials may point at the password. The server is a
stdlib HTTP server in a thread on 127.0.0.1, since ``main()`` runs its own
event loop.
"""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from aiocomet import (
    AccessDeniedError,
    AuthenticationError,
    CometAPIError,
    MFARequiredError,
    TransportError,
)
from aiocomet.cli import main
from aiocomet.cli._common import hint_for

from ._cli_env import ServerThread

PASSWORD = "wrong-SENTINEL-pw"
SESSION_KEY = "stale-SENTINEL-key"
LOGIN = "/api/v1/admin/account/session-start"
LIST = "/api/v1/admin/list-users"
PROFILE = "/api/v1/admin/get-user-profile"
JOB_LOG = "/api/v1/admin/get-job-log"

Script = dict[str, tuple[int, object]]


class ScriptedServer(ServerThread):
    """Answers each path with a fixed (HTTP status, JSON body); records (path, form)."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.seen: list[tuple[str, dict[str, str]]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                form = parse_qs(self.rfile.read(length).decode())
                outer.seen.append((self.path, {k: v[0] for k, v in form.items()}))
                status, body = outer.script.get(self.path, (404, {"Status": 404, "Message": "?"}))
                raw = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, format: str, *args: object) -> None:
                pass

        super().__init__(Handler)


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv("COMET_USERNAME", "admin")
    monkeypatch.setenv("COMET_PASSWORD", PASSWORD)
    monkeypatch.delenv("COMET_SESSION_KEY", raising=False)
    monkeypatch.delenv("COMET_TOTP_SECRET", raising=False)
    return monkeypatch


def run(server: ScriptedServer, argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """``aiocomet --url <server> argv``: must fail with exit code 1; returns stderr."""
    assert main([argv[0], "--url", server.url, *argv[1:]]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert PASSWORD not in err and SESSION_KEY not in err
    return err


def test_an_in_body_login_refusal_points_at_the_password(
    env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    env.setenv("COMET_SESSION_KEY", SESSION_KEY)
    script: Script = {
        LIST: (403, {"Status": 403, "Message": "Invalid session key"}),
        LOGIN: (200, {"Status": 403, "Message": "Invalid username or password"}),
    }
    with ScriptedServer(script) as server:
        err = run(server, ["call", "AdminListUsers"], capsys)
    assert [path for path, _ in server.seen] == [LIST, LOGIN]  # the key, then one login
    assert "Status 403 in an HTTP 200 answer" in err
    assert "(try: check COMET_USERNAME / COMET_PASSWORD" in err


def test_an_http_403_points_at_the_password(
    env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    script: Script = {LIST: (403, {"Status": 403, "Message": "Invalid username or password"})}
    with ScriptedServer(script) as server:
        err = run(server, ["call", "AdminListUsers"], capsys)
    assert "HTTP 403" in err and "(try: check COMET_USERNAME / COMET_PASSWORD" in err


def test_an_object_refused_in_the_body_does_not_point_at_the_password(
    env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    script: Script = {PROFILE: (200, {"Status": 403, "Message": "Unauthorised"})}
    with ScriptedServer(script) as server:
        err = run(server, ["call", "AdminGetUserProfile", "-p", "TargetUser=nobody"], capsys)
    assert [path for path, _ in server.seen] == [PROFILE]  # password call: no probe, no login
    assert "PASSWORD" not in err and "password" not in err
    assert "(try: check the names and IDs you passed" in err


def test_a_download_refused_in_the_body_saves_nothing(
    env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "job.log"
    script: Script = {JOB_LOG: (200, {"Status": 403, "Message": "Unauthorised"})}
    with ScriptedServer(script) as server:
        argv = ["download", "AdminGetJobLog", "-p", "JobID=nope", "-o", str(target)]
        err = run(server, argv, capsys)
    assert "(try: check the names and IDs you passed" in err and "PASSWORD" not in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("error", "hint"),
    [
        (AuthenticationError("x", http_status=403, status=403), "COMET_PASSWORD"),
        (AuthenticationError("x", http_status=200, status=403), "COMET_PASSWORD"),
        (AccessDeniedError("x", http_status=200, status=403), "names and IDs"),
        (MFARequiredError("x", http_status=200, status=403), "COMET_TOTP_SECRET"),
        (CometAPIError("x", http_status=200, status=400), "server's message"),
        (CometAPIError("x", http_status=403, status=403), "server's message"),
        (CometAPIError("x", http_status=404, status=404), "points at the wrong place"),
        (CometAPIError("x", http_status=200, status=404), "server's message"),
        (TransportError("x"), "--url"),
    ],
)
def test_hint_by_class(error: Exception, hint: str) -> None:
    assert hint in hint_for(error)


def test_a_refused_session_key_hint_names_the_session_key() -> None:
    error = AuthenticationError("x", http_status=403, status=403)
    assert "COMET_SESSION_KEY was refused" in hint_for(error, session_key_only=True)
