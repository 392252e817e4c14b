"""Redaction through the CLI: its error output, plain and ``--debug``, shows no password a
hostile server echoes, a short password does not corrupt it, and an error the SDK did not
make is redacted by the CLI itself (docs/reliability.md, issue 14)."""

from __future__ import annotations

from urllib.parse import quote_plus

import pytest

from aiocomet import CometClient
from aiocomet.cli import main as cli_main

from ._redaction_helpers import (
    LONG_PW,
    Answer,
    assert_hidden,
    echo_json,
    echo_page,
    echo_redirect,
    hostile,
)


def run_cli(
    argv: list[str],
    url: str,
    password: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> str:
    monkeypatch.setenv("COMET_URL", url)
    monkeypatch.setenv("COMET_USERNAME", "admin")
    monkeypatch.setenv("COMET_PASSWORD", password)
    monkeypatch.delenv("COMET_SESSION_KEY", raising=False)
    monkeypatch.delenv("COMET_TOTP_SECRET", raising=False)
    assert cli_main(argv) == 1
    out = capsys.readouterr()
    return out.out + out.err


def server_error(path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
    """A plain 400 (4xx: no retry) naming nothing secret."""
    return 400, {"Content-Type": "application/json"}, b'{"Status": 400, "Message": "Bad request"}'


def to_https(path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
    """The usual http -> https redirect; refused (credentials never follow redirects)."""
    return 301, {"Location": f"https://127.0.0.1:9{path}"}, b""


def test_cli_error_for_a_short_password_is_not_corrupted(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with hostile(to_https) as url:
        out = run_cli(["call", "AdminListUsers"], url, "admin", monkeypatch, capsys)
    assert "https://127.0.0.1:9/api/v1/admin/list-users" in out  # not .../v1/<redacted>/...
    assert "<redacted>" not in out


@pytest.mark.parametrize("debug", [[], ["--debug"]], ids=["plain", "debug"])
@pytest.mark.parametrize(
    "answer", [echo_page, echo_json, echo_redirect], ids=["page", "json", "redirect"]
)
def test_cli_shows_no_echoed_password(
    answer: Answer,
    debug: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with hostile(answer) as url:
        out = run_cli([*debug, "call", "AdminListUsers"], url, LONG_PW, monkeypatch, capsys)
    assert_hidden(out, LONG_PW)
    assert "aiocomet: error:" in out


def test_cli_report_redacts_an_unexpected_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An error the SDK did not make (so did not redact) is redacted by the CLI itself."""

    async def boom(self: CometClient, *args: object) -> object:
        raise RuntimeError(f"bug with form Password={quote_plus(LONG_PW)} and {LONG_PW}")

    monkeypatch.setattr(CometClient, "_call", boom)
    with hostile(server_error) as url:
        out = run_cli(["--debug", "call", "AdminListUsers"], url, LONG_PW, monkeypatch, capsys)
    assert "aiocomet: unexpected RuntimeError: bug with form Password=<redacted>" in out
    assert_hidden(out, LONG_PW)
