"""Issue 16 (CLI): the command line against real loopback servers.

A closed standard output, a server that never answers (``--timeout``,
``--retries``), a URL with the wrong path prefix, a refused session key and a
dropped event stream. The emulator and the silent server run in threads (``main()``
runs its own event loop); the CLI runs in-process or, where the process's own
stdout and logging are the point, as ``python -m aiocomet``.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import os
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from aiocomet.cli import main
from aiocomet.testing import CometEmulator

from ._cli_env import PASSWORD, ServerThread, emulator_env, run_cli

BOUND = 60.0  # seconds any process or wait may take before the test fails


@pytest.fixture
def emu(monkeypatch: pytest.MonkeyPatch) -> Iterator[CometEmulator]:
    with emulator_env(monkeypatch) as running:
        yield running


class SilentServer(ServerThread):
    """Reads each request, records its path, and never answers (until the test ends)."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.seen = threading.Condition()
        self.release = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def handle_one_request(self) -> None:
                self.raw_requestline = self.rfile.readline(65537)
                if not self.parse_request():
                    return
                with outer.seen:
                    outer.paths.append(self.path)
                    outer.seen.notify_all()
                outer.release.wait(BOUND)
                self.close_connection = True

            def log_message(self, format: str, *args: object) -> None:
                pass

        super().__init__(Handler)

    def wait_for(self, count: int) -> list[str]:
        with self.seen:
            assert self.seen.wait_for(lambda: len(self.paths) >= count, BOUND), self.paths
            return list(self.paths)

    def __exit__(self, *exc: object) -> None:
        self.release.set()  # let the handlers end, so that shutting down does not wait
        super().__exit__(*exc)


@pytest.fixture
def silent(monkeypatch: pytest.MonkeyPatch) -> Iterator[SilentServer]:
    with SilentServer() as server:
        monkeypatch.setenv("COMET_URL", server.url)
        monkeypatch.setenv("COMET_USERNAME", "admin")
        monkeypatch.setenv("COMET_PASSWORD", PASSWORD)
        monkeypatch.delenv("COMET_SESSION_KEY", raising=False)
        yield server


# -- a reader that went away ----------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [["methods"], ["call", "AdminListUsers"], ["events"]],
    ids=["methods", "call", "events"],
)
def test_a_closed_stdout_exits_quietly(emu: CometEmulator, argv: list[str]) -> None:
    """``aiocomet methods | head -1``, with the reader gone before the first line."""
    reader, writer = os.pipe()
    os.close(reader)  # the only reader is gone: every write the process makes fails
    try:
        code, _, err = run_cli(*argv, stdout=writer, bound=BOUND)
    finally:
        os.close(writer)
    assert code == 141, err
    assert err == ""


# -- --timeout and --retries ----------------------------------------------------------------


def test_timeout_and_retries_bound_a_call_to_a_silent_server(
    silent: SilentServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["call", "AdminListUsers", "--timeout", "0.3", "--retries", "1"]) == 1
    err = capsys.readouterr().err
    assert "AdminListUsers timed out after 0.3 s" in err and PASSWORD not in err
    assert silent.wait_for(2) == ["/api/v1/admin/list-users"] * 2  # one try, one retry


def test_no_retries_means_one_try(silent: SilentServer, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["call", "AdminListUsers", "--timeout", "0.3", "--retries", "0"]) == 1
    assert "timed out after 0.3 s" in capsys.readouterr().err
    assert silent.wait_for(1) == ["/api/v1/admin/list-users"]


def test_timeout_bounds_the_event_streams_connection(
    silent: SilentServer, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    assert main(["events", "--timeout", "0.3", "--max-attempts", "1"]) == 1
    assert "giving up after 1 failed attempts" in capsys.readouterr().err
    assert "event stream timed out after 0.3 s" in caplog.text
    assert silent.wait_for(1) == ["/api/v1/events/stream"]


def test_timeout_bounds_each_wait_of_a_download(
    silent: SilentServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "job.log"
    argv = ["download", "AdminGetJobLog", "-p", "JobID=j", "-o", str(target), "--timeout", "0.3"]
    assert main(argv) == 1
    assert "timed out after 0.3 s" in capsys.readouterr().err
    assert silent.wait_for(1) == ["/api/v1/admin/get-job-log"]
    assert list(tmp_path.iterdir()) == []


def test_call_help_says_how_retries_multiply_the_timeout(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["call", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "--timeout SECONDS seconds each try may take (default 30)" in text
    assert "(default 3)" in text and "(N + 1) x --timeout" in text and "about 2 minutes" in text


# -- what the error line says ---------------------------------------------------------------


def test_a_wrong_path_prefix_says_the_url_points_at_the_wrong_place(
    emu: CometEmulator, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["call", "AdminListUsers", "--url", emu.url + "/comet"]) == 1
    err = capsys.readouterr().err
    assert "failed with HTTP 404: Not Found (try: the URL probably points at the wrong place" in err
    assert err.count("404") == 1 and "path prefix" in err


def test_a_refused_session_key_without_password_points_at_the_session_key(
    emu: CometEmulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("COMET_PASSWORD")
    monkeypatch.setenv("COMET_SESSION_KEY", "expired-SENTINEL-key")
    assert main(["call", "AdminListUsers"]) == 1
    err = capsys.readouterr().err
    assert "HTTP 403" in err and "(try: COMET_SESSION_KEY was refused" in err
    assert "check COMET_USERNAME / COMET_PASSWORD" not in err
    assert "expired-SENTINEL-key" not in err and err.count("\n") == 1


def test_a_refused_password_still_points_at_the_password(
    emu: CometEmulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COMET_PASSWORD", "wrong-SENTINEL-pw")
    assert main(["call", "AdminListUsers"]) == 1
    err = capsys.readouterr().err
    assert "(try: check COMET_USERNAME / COMET_PASSWORD" in err and "was refused" not in err


# -- gaps -----------------------------------------------------------------------------------

GAP = re.compile(r"events from (\S+) to (\S+) \((\d+\.\d) s\) may be missing$")


def test_a_gap_is_told_once_with_readable_times(emu: CometEmulator) -> None:
    """The stream is dropped after its first event: one gap line, ISO 8601 times, no duplicate."""
    loop = emu.loop
    assert loop is not None

    async def drop_once_subscribed() -> int:  # on the emulator's loop, where its faults act
        await emu.wait_for_subscribers(1, BOUND)
        return emu.faults.drop_websockets()

    dropped = asyncio.run_coroutine_threadsafe(drop_once_subscribed(), loop)
    started = datetime.datetime.now(datetime.UTC)
    code, out, err = run_cli("events", "--json", "--limit", "2", bound=BOUND)
    assert code == 0, err
    assert dropped.result(BOUND) == 1
    assert [json.loads(line)["TypeString"] for line in out.splitlines()] == ["SEVT_META_HELLO"] * 2
    gap_lines = [line for line in err.splitlines() if "gap" in line or "missing" in line]
    assert len(gap_lines) == 1, err
    assert gap_lines[0].startswith(f"aiocomet: reconnected to {emu.url} after ")
    found = GAP.search(gap_lines[0])
    assert found is not None, gap_lines[0]
    last_alive = datetime.datetime.fromisoformat(found[1])
    reconnected = datetime.datetime.fromisoformat(found[2])
    assert last_alive.tzinfo is not None  # an offset, not a bare local time
    assert started - datetime.timedelta(seconds=1) <= last_alive <= reconnected
    assert reconnected <= datetime.datetime.now(datetime.UTC)
