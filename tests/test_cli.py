"""The ``aiocomet`` command line against the emulator (in a thread, over loopback)."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from aiocomet.cli import main
from aiocomet.cli._events import parse_types
from aiocomet.testing import CometEmulator
from aiocomet.testing._downloads import DEFAULT_DOWNLOAD_SIZE, payload

from ._cli_env import PASSWORD, emulator_env


@pytest.fixture
def emu(monkeypatch: pytest.MonkeyPatch) -> Iterator[CometEmulator]:
    with emulator_env(monkeypatch) as running:
        yield running


def test_call_by_spec_or_snake_name(emu: CometEmulator, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["call", "AdminListUsers"]) == 0
    assert json.loads(capsys.readouterr().out) == ["bob"]
    assert main(["call", "admin_get_user_profile", "--param", "TargetUser=bob"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out)["Username"] == "bob"
    assert PASSWORD not in out


def test_call_with_struct_param_from_file(
    emu: CometEmulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["call", "AdminGetUserProfile", "-p", "TargetUser=bob"]) == 0
    profile = json.loads(capsys.readouterr().out)
    profile["AccountName"] = "Bob from the CLI"
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(profile))
    assert (
        main(["call", "AdminSetUserProfile", "-p", "TargetUser=bob", "-p", f"ProfileData=@{path}"])
        == 0
    )
    capsys.readouterr()
    assert main(["call", "AdminGetUserProfile", "-p", "target_user=bob"]) == 0
    assert json.loads(capsys.readouterr().out)["AccountName"] == "Bob from the CLI"


def test_call_with_optional_params_given_or_left_out(
    emu: CometEmulator, capsys: pytest.CaptureFixture[str]
) -> None:
    add = ["call", "AdminAddUser", "-p", "TargetUser=carol", "-p", "target_password=pw2"]
    assert main([*add, "-p", "StoreRecoveryCode=0"]) == 0
    assert main([*add[:3], "TargetUser=dave", *add[4:]]) == 0
    capsys.readouterr()
    assert main(["call", "AdminListUsers"]) == 0
    assert sorted(json.loads(capsys.readouterr().out)) == ["bob", "carol", "dave"]


def test_errors_are_one_line_with_exit_code(
    emu: CometEmulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["call", "NoSuchMethod"]) == 2
    assert "unknown method" in capsys.readouterr().err
    assert main(["call", "AdminGetUserProfile"]) == 2
    assert "TargetUser" in capsys.readouterr().err
    monkeypatch.setenv("COMET_PASSWORD", "wrong-SENTINEL")
    assert main(["call", "AdminListUsers"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "403" in err and "wrong-SENTINEL" not in err
    assert main(["--debug", "call", "AdminListUsers"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "wrong-SENTINEL" not in err


def test_missing_password_without_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COMET_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("COMET_USERNAME", "admin")
    monkeypatch.delenv("COMET_PASSWORD", raising=False)
    monkeypatch.delenv("COMET_SESSION_KEY", raising=False)
    monkeypatch.setattr(sys, "stdin", open("/dev/null"))
    try:
        assert main(["call", "AdminListUsers"]) == 2
    finally:
        sys.stdin.close()
    assert "no password" in capsys.readouterr().err


def test_methods_listing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["methods"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 251
    assert main(["methods", "--search", "webhook"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all("Webhook" in line for line in lines)


def test_events_tail_json_and_types(emu: CometEmulator, capsys: pytest.CaptureFixture[str]) -> None:
    def publish_when_subscribed() -> None:  # the emulator's loop runs in another thread
        asyncio.run_coroutine_threadsafe(emu.wait_for_subscribers(1), emu.loop).result(10)  # type: ignore[arg-type]
        for _ in range(3):
            emu.publish(4200, {"GUID": "job-1", "Username": "bob"})
            emu.publish(4201, {"GUID": "job-1", "Username": "bob", "Status": 5000})

    thread = threading.Thread(target=publish_when_subscribed)
    thread.start()
    assert main(["events", "--json", "--types", "SEVT_JOB_COMPLETED", "--limit", "2"]) == 0
    thread.join(10)
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["Type"] for line in lines] == [4201, 4201]
    assert json.loads(lines[0])["Data"]["GUID"] == "job-1"


def test_events_gives_up_after_max_attempts(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as sock:  # a port nothing listens on once this closes
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("COMET_PASSWORD", "pw")
    argv = ["events", "--url", f"http://127.0.0.1:{port}", "-u", "admin", "--max-attempts", "1"]
    assert main(argv) == 1
    assert "giving up after 1 failed attempts" in capsys.readouterr().err
    assert main([*argv[:-1], "0"]) == 2
    assert "argument --max-attempts: must be at least 1, got 0" in capsys.readouterr().err


def test_parse_types() -> None:
    assert parse_types("SEVT_JOB_NEW,job_completed, 4000") == {4200, 4201, 4000}
    assert parse_types(None) is None


def test_download_to_file(
    emu: CometEmulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "client.bin"
    assert main(["download", "AdminBrandingGenerateClientLinuxgeneric", "-o", str(target)]) == 0
    assert target.exists()
    assert "saved" in capsys.readouterr().err


def test_download_with_a_param_saves_the_body(
    emu: CometEmulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "AdminBrandingGenerateClientByPlatform"
    target = tmp_path / "client.bin"
    argv = ["download", "admin_branding_generate_client_by_platform", "-p", "Platform=1"]
    assert main([*argv, "-o", str(target)]) == 0
    assert target.read_bytes() == payload(name, DEFAULT_DOWNLOAD_SIZE)
    assert f"saved {DEFAULT_DOWNLOAD_SIZE} bytes to {target}" in capsys.readouterr().err
    assert main([*argv, "-p", f"self_address={emu.url}", "-o", str(target)]) == 0
    assert target.read_bytes() == payload(name, DEFAULT_DOWNLOAD_SIZE)
    assert main(["download", name, "-o", str(target)]) == 2
    assert "needs --param for: Platform" in capsys.readouterr().err


def test_demo_runs_for_a_while(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--duration", "1.5", "--plain", "--rate", "20"]) == 0
    out = capsys.readouterr().out
    assert "demo summary: ran" in out
    events = next(line for line in out.splitlines() if line.startswith("  events"))
    assert int(events.split()[1]) > 0


def test_python_dash_m_aiocomet_entry_point() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "aiocomet", "methods", "--search", "AdminListUsers"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0 and "AdminListUsersFull" in proc.stdout
