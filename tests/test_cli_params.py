"""Issue 16 (CLI): what the command line accepts, and the usage errors (exit 2) it gives.

File uploads and ``@FILE`` values against the emulator over loopback;
``--version``, ``--url`` without a scheme, ``--limit`` and ``methods --search``
need no server.
"""

from __future__ import annotations

import importlib.metadata
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from aiocomet._generated.methods import METHODS
from aiocomet.cli import main
from aiocomet.testing import CometEmulator

from ._cli_env import emulator_env

BINARY = bytes(range(256)) * 64  # not UTF-8: it once failed with UnicodeDecodeError


@pytest.fixture
def emu(monkeypatch: pytest.MonkeyPatch) -> Iterator[CometEmulator]:
    with emulator_env(monkeypatch) as running:
        yield running


def test_an_upload_sends_the_files_bytes(
    emu: CometEmulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "resource.bin"
    source.write_bytes(BINARY)
    assert main(["call", "AdminMetaResourceNew", "-p", f"upload=@{source}"]) == 0
    resource_hash = json.loads(capsys.readouterr().out)["ResourceHash"]
    copy = tmp_path / "copy.bin"
    argv = ["download", "AdminMetaResourceGet", "-p", f"Hash={resource_hash}", "-o", str(copy)]
    assert main(argv) == 0
    assert copy.read_bytes() == BINARY


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("upload=@{tmp}/missing.bin", "upload=@{tmp}/missing.bin: cannot read it (No such file"),
        ("upload=@{tmp}", "upload=@{tmp}: cannot read it (Is a directory)"),
        ("upload={tmp}/resource.bin", "upload is a file upload: pass upload=@PATH"),
    ],
)
def test_an_upload_that_cannot_be_read_is_a_usage_error_before_any_request(
    emu: CometEmulator,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    value: str,
    message: str,
) -> None:
    (tmp_path / "resource.bin").write_bytes(BINARY)
    before = len(emu.state.resources)
    argv = ["call", "AdminMetaResourceNew", "-p", value.format(tmp=tmp_path)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message.format(tmp=tmp_path) in err and err.count("\n") == 1
    assert len(emu.state.resources) == before


def test_a_json_value_from_a_file_that_cannot_be_read_is_a_usage_error(
    emu: CometEmulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "profile.bin"
    binary.write_bytes(BINARY)
    base = ["call", "AdminSetUserProfile", "-p", "TargetUser=bob", "-p"]
    assert main([*base, f"ProfileData=@{binary}"]) == 2
    assert f"ProfileData=@{binary}: not UTF-8 text (expected JSON)" in capsys.readouterr().err
    assert main([*base, f"ProfileData=@{tmp_path}/nope.json"]) == 2
    assert "cannot read it (No such file or directory)" in capsys.readouterr().err


def test_version_comes_from_the_package_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"aiocomet {importlib.metadata.version('aiocomet')}\n"


def test_help_and_usage_errors_are_exit_codes_not_exceptions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--help"]) == 0
    capsys.readouterr()
    assert main(["emulator", "--help"]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("usage: aiocomet emulator") and "--simulate-jobs" in shown
    assert main(["no-such-command"]) == 2
    assert main(["emulator", "--port", "many"]) == 2
    assert "invalid int value: 'many'" in capsys.readouterr().err


@pytest.mark.parametrize("url", ["127.0.0.1:8060", "comet.example.com", "localhost:8060/"])
def test_a_url_without_scheme_is_refused_with_the_url_meant(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], url: str
) -> None:
    monkeypatch.setenv("COMET_USERNAME", "admin")
    monkeypatch.setenv("COMET_PASSWORD", "pw")
    assert main(["call", "AdminListUsers", "--url", url]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"aiocomet: --url must be an http:// or https:// URL with a host, got {url!r} "
        f"(did you mean 'http://{url}' or 'https://{url}'?)\n"
    )
    monkeypatch.setenv("COMET_URL", url)
    assert main(["events"]) == 2
    assert "aiocomet: COMET_URL must be an http:// or https:// URL" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["events", "--limit", "0"], "argument --limit: must be at least 1, got 0"),
        (["events", "--limit", "-3"], "argument --limit: must be at least 1, got -3"),
        (["events", "--limit", "ten"], "argument --limit: expected a whole number, got 'ten'"),
        (["call", "AdminListUsers", "--timeout", "0"], "must be a positive number of seconds"),
        (["call", "AdminListUsers", "--timeout", "inf"], "must be a positive number of seconds"),
        (["call", "AdminListUsers", "--retries", "-1"], "argument --retries: must be at least 0"),
        (["events", "--timeout", "-1"], "argument --timeout: must be a positive number"),
    ],
)
def test_numbers_out_of_range_are_usage_errors(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(argv) == 2  # refused before any connection: no URL or password needed
    assert message in capsys.readouterr().err


def lines_of(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    assert main(["methods", *argv]) == 0
    return capsys.readouterr().out.splitlines()


def test_methods_search_matches_method_names_only_in_any_case(
    capsys: pytest.CaptureFixture[str],
) -> None:
    found = lines_of(capsys, "--search", "user")
    names = [line.split()[0] for line in found]
    assert names == [name for name in METHODS if "user" in name.lower()]
    assert "AdminListUsers" in names and "UserWebGetJobs" in names
    assert "AdminJobCancel" not in names  # a TargetUser parameter is not a match
    assert lines_of(capsys, "-s", "USER") == found
    assert [line.split()[0] for line in lines_of(capsys, "-s", "list_users")] == [
        "AdminListUsers",
        "AdminListUsersFull",
    ]
    assert lines_of(capsys, "--search", "no-such-method") == []
