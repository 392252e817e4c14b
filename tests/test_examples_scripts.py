"""The scripts in examples/ run as-is: ``python examples/x.py``, with and without COMET_URL.

``test_scripts_run_on_a_fresh_clone`` runs every script the way a reader would
(no COMET_URL, so each starts its own emulator); the others check that every
script is covered and documented, and that the scripts use the server, and report
the missing or wrong settings, given in the environment.
"""

from __future__ import annotations

import asyncio
import os
import sys

from aiocomet import CometClient
from aiocomet.testing import CometEmulator

from . import _examples_helpers as helpers
from ._examples_helpers import EX, EXAMPLES, PASSWORD, SCRIPTS, assert_no_secrets

server = helpers.server


SCRIPT_ARGS = {
    "event_summary": ["--limit", "5"],
    "receive_webhooks": ["--limit", "3"],
    "merge_servers": ["--limit", "5"],
}
SCRIPT_TIMEOUT = 45.0


def _env(**changes: str) -> dict[str, str]:
    """This process's environment without any COMET_* setting, plus ``changes``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMET_")}
    return {**env, **changes}


async def _script(name: str, args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-W",
        "error",
        str(EXAMPLES / f"{name}.py"),
        *args,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        async with asyncio.timeout(SCRIPT_TIMEOUT):
            stdout, stderr = await proc.communicate()
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise AssertionError(f"{name} did not finish within {SCRIPT_TIMEOUT} s") from None
    assert proc.returncode is not None
    return proc.returncode, stdout.decode(), stderr.decode()


def test_every_example_is_covered() -> None:
    assert SCRIPTS == sorted(
        [
            "comet_vaults_csv",
            "custom_bucket",
            "event_summary",
            "list_users",
            "merge_servers",
            "modify_profile",
            "receive_webhooks",
            "recent_jobs",
            "set_policy_all_users",
            "totp_session",
        ]
    )
    for name in SCRIPTS:
        doc = EX[name].__doc__ or ""
        assert f"python examples/{name}.py" in doc, name  # says how to run it


async def test_scripts_run_on_a_fresh_clone() -> None:
    results = await asyncio.gather(
        *(_script(name, SCRIPT_ARGS.get(name, []), _env()) for name in SCRIPTS)
    )
    for name, (code, stdout, stderr) in zip(SCRIPTS, results, strict=True):
        assert code == 0, (name, stdout, stderr)
        assert stdout.strip(), name
        # stderr only says where it connected: no traceback, warning or unclosed resource
        notes = stderr.splitlines()
        assert notes and all(n.startswith("COMET_URL is not set: using") for n in notes), (
            name,
            stderr,
        )


async def test_scripts_use_the_server_in_the_environment(
    server: tuple[CometEmulator, CometClient],
) -> None:
    emu, _ = server
    env = _env(COMET_URL=emu.url, COMET_USERNAME="admin", COMET_PASSWORD=PASSWORD)
    code, stdout, stderr = await _script("list_users", [], env)
    assert (code, stderr) == (0, "")
    assert stdout.splitlines()[-1] == "3 user accounts"
    code, stdout, stderr = await _script("comet_vaults_csv", [], env)
    assert (code, stderr) == (0, "") and len(stdout.splitlines()) == 4
    assert_no_secrets(stdout)

    code, stdout, stderr = await _script("list_users", [], _env(COMET_URL=emu.url))
    assert code == 1 and "COMET_PASSWORD" in stderr and not stdout
    code, stdout, stderr = await _script("totp_session", [], env)
    assert code == 1 and "COMET_TOTP_SECRET" in stderr

    env["COMET_PASSWORD"] = "wrong-password"
    code, stdout, stderr = await _script("list_users", [], env)
    assert code == 1 and stderr.startswith("error: ") and "Traceback" not in stderr
    assert "wrong-password" not in stderr
