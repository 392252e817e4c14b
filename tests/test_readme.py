"""Every code block in README.md runs.

Python blocks run against the emulator started exactly as the README's "The
emulator" section starts it (``python -m aiocomet.testing --port 8060 ...``,
seed data by default; only the port is swapped for a free one), and each
block that runs something must print something. ``aiocomet ...`` and
emulator/curl shell lines run against it too. Install, test and benchmark
commands are the ones ``.ci/run`` itself executes, which this test checks.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import os
import re
import shlex
import socket
import subprocess
import sys
import threading
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from aiocomet.cli import main as cli_main
from aiocomet.testing import CometEmulator

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
CI_RUN = (ROOT / ".ci" / "run").read_text()
README_URL = "http://127.0.0.1:8060"
BLOCKS = re.findall(r"^```(\w+)\n(.*?)^```", README, flags=re.S | re.M)
PYTHON = [code for lang, code in BLOCKS if lang == "python"]
SHELL = [line for lang, code in BLOCKS if lang == "bash" for line in code.strip().splitlines()]
RUN_BY_CI = {  # README line -> what .ci/run contains that runs it
    "pip install -e .": "pip install -q -e",  # until the README installs from PyPI
    "bash .ci/run": "",
    "python scripts/generate.py --check": "python scripts/generate.py --check",
    "python scripts/generate.py": "python scripts/generate.py --check",
    "python -m pytest -q": "python -m pytest -q",
    "python -m benchmarks --quick": "python -m benchmarks --quick",
}


EMULATOR_LINE = next(line for line in SHELL if line.startswith("python -m aiocomet.testing"))


@dataclass(frozen=True)
class RunningServer:
    """The README's emulator process, as a URL."""

    url: str


@pytest.fixture(scope="module")
def emu() -> Iterator[RunningServer]:
    with _emulator_process(EMULATOR_LINE) as port:
        yield RunningServer(f"http://127.0.0.1:{port}")


def test_readme_has_the_expected_blocks() -> None:
    assert len(PYTHON) >= 8
    first_two = [code for lang, code in BLOCKS if lang == "bash"][:2]
    assert "aiocomet demo" in first_two[0] and first_two[1].strip() == "bash .ci/run"


@pytest.mark.parametrize("index", range(len(PYTHON)))
def test_python_block_runs_and_prints(
    index: int, emu: RunningServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = PYTHON[index].replace(README_URL, emu.url)
    namespace: dict[str, Any] = {"__name__": f"readme_block_{index}"}
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(compile(code, f"README.md python block {index}", "exec"), namespace)
        for name, value in list(namespace.items()):
            if name.startswith("test_") and inspect.iscoroutinefunction(value):
                asyncio.run(_run_test(value))
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out
    if "asyncio.run(" in code:  # a block that runs something shows a real result
        assert out.strip(), f"README python block {index} printed nothing"
        assert "[]" not in out.split() and "{}" not in out.split(), out


async def _run_test(test: Callable[..., Awaitable[None]]) -> None:
    """A README test function, given the plugin's fixture (a fresh, empty emulator)."""
    if not inspect.signature(test).parameters:
        await test()
        return
    async with CometEmulator() as fresh:
        await test(comet_emulator=fresh)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def _emulator_process(line: str) -> Iterator[int]:
    """Run a README emulator command line (on a free port) until the block ends."""
    port = _free_port()
    words = [str(port) if w == "8060" else w for w in shlex.split(line)]
    if words[:3] == ["python", "-m", "aiocomet.testing"]:
        argv = [sys.executable, *words[1:]]
    else:  # aiocomet emulator ...
        argv = [sys.executable, "-m", "aiocomet", *words[1:]]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert "listening" in first, first
        # keep reading its output (stats lines) so that the process never blocks on a pipe
        threading.Thread(target=proc.stdout.read, daemon=True).start()
        yield port
    finally:
        proc.terminate()
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()


@pytest.mark.parametrize("line", SHELL)
def test_shell_line_runs(
    line: str, emu: RunningServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = line.split("#")[0].strip()
    if command in RUN_BY_CI:
        assert RUN_BY_CI[command] in CI_RUN, line
        return
    if line.startswith("python3 -m venv"):  # the README's first command
        assert "README first command" in CI_RUN and "aiocomet demo" in line
        return
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COMET_URL", emu.url)
    monkeypatch.setenv("COMET_USERNAME", "admin")
    monkeypatch.setenv("COMET_PASSWORD", "admin")
    (tmp_path / "profile.json").write_text('{"Username": "alice", "AccountName": "From a file"}')
    if line.startswith(("python -m aiocomet.testing", "aiocomet emulator")):
        with _emulator_process(line) as port:
            url = f"http://127.0.0.1:{port}/api/v1/admin/list-users"
            proc = subprocess.run(
                [
                    "curl",
                    "-s",
                    "-X",
                    "POST",
                    "-d",
                    "Username=admin&AuthType=Password&Password=admin",
                    url,
                ],
                capture_output=True,
                text=True,
                timeout=20,
                check=False,
            )
            assert proc.returncode == 0 and proc.stdout.startswith("[")
            assert "alice" in proc.stdout  # seed data by default
        return
    if line.startswith("curl "):
        return  # run together with the emulator line above it
    if command.startswith("python -m benchmarks"):
        # the full run takes minutes: run the same command on the quick sizes, one group
        words = [str(tmp_path / w) if w.endswith(".json") else w for w in shlex.split(command)]
        argv = [sys.executable, *words[1:], "--quick", "--only", "decode"]
        proc = subprocess.run(
            argv, capture_output=True, text=True, timeout=120, check=False, cwd=ROOT
        )
        assert proc.returncode == 0, proc.stderr
        assert "decode_ratio" in proc.stdout
        return
    argv = shlex.split(line)
    assert argv[0] == "aiocomet", line
    argv = [a if a != "10" else "1" for a in argv[1:]]  # demo --duration 10 -> 1
    assert cli_main(argv) == 0, line
