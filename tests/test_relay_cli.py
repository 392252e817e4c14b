"""``aiocomet relay check|status|run`` as a user runs them: files, processes, signals."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from aiocomet.cli import main
from aiocomet.relay import ServerKeys
from aiocomet.testing import CometEmulator

from ._redis import RedisServer, die_with_parent, free_port, redis_server  # noqa: F401
from ._relay_helpers import PASSWORD_ENV, config_dict, toml

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def emu() -> Iterator[CometEmulator]:
    with CometEmulator().run_in_thread() as running:
        yield running


@pytest.fixture
def config(
    tmp_path: Path,
    emu: CometEmulator,
    redis_server: RedisServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    r = redis.Redis.from_url(redis_server.url)
    r.flushall()
    r.close()
    monkeypatch.setenv(PASSWORD_ENV, "admin")
    path = tmp_path / "relay.toml"
    path.write_text(toml(config_dict(redis_server.url, [("one", emu.url)], ttl=2.0)))
    return path


def test_check_names_servers_and_never_shows_secrets(
    config: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "SENTINEL-pw")
    assert main(["relay", "check", str(config)]) == 0
    out = capsys.readouterr().out
    assert "ok" in out and "one: http://127.0.0.1" in out and "SENTINEL" not in out
    monkeypatch.delenv(PASSWORD_ENV)
    assert main(["relay", "check", str(config)]) == 1
    err = capsys.readouterr().err
    assert f"environment variable {PASSWORD_ENV} is not set" in err


def test_a_bad_file_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[redis]\nurl = "redis://x"\n[[servers]]\nurl = "http://a"\npassword = "pw"\n')
    assert main(["relay", "check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "must not be written in the file" in err and "pw" not in err.replace("password", "")


def wait_for_line(proc: subprocess.Popen[bytes], text: bytes) -> list[bytes]:
    """Read the worker's log until a line holds ``text`` (the process ending fails)."""
    assert proc.stdout is not None
    seen = []
    for line in proc.stdout:
        seen.append(line)
        if text in line:
            return seen
    raise AssertionError(b"".join(seen).decode(errors="replace"))


def test_run_status_metrics_and_sigterm_releases_the_lease(
    config: Path,
    redis_server: RedisServer,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    port = free_port()
    args = ["relay", "run", str(config), "--worker-id", "cli-w", "--metrics", f"127.0.0.1:{port}"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "aiocomet", "--debug", *args],
        cwd=ROOT,
        env={**os.environ},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        preexec_fn=die_with_parent,
    )
    try:
        wait_for_line(proc, b"relay one: held by cli-w")
        r = redis.Redis.from_url(redis_server.url)
        assert r.xread({ServerKeys.of("comet", "one").stream: 0}, count=1, block=30_000)  # marker
        r.close()
        assert main(["relay", "status", str(config)]) == 0
        table = capsys.readouterr().out
        assert "workers alive: 1 (cli-w)" in table and "one" in table and "cli-w" in table
        assert main(["relay", "status", str(config), "--json"]) == 0
        status = json.loads(capsys.readouterr().out)
        (server,) = status["servers"]
        assert server["holder"] == "cli-w" and server["token"] == 1 and server["entries"] >= 1
        assert main(["relay", "status", str(config), "--prometheus"]) == 0
        assert 'aiocomet_relay_server_held{server="one"} 1' in capsys.readouterr().out
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=30) as reply:
            text = reply.read().decode()
        assert 'aiocomet_relay_servers_held{worker="cli-w"} 1' in text
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)
        assert proc.stdout is not None
        proc.stdout.close()
    r = redis.Redis.from_url(redis_server.url)
    keys = ServerKeys.of("comet", "one")
    assert r.get(keys.lease) is None  # released, not left to expire
    assert r.hget(keys.state, "released") == b"1"
    assert r.zcard("comet:relay:workers") == 0
    r.close()
