"""Every code block in README.md runs.

Python blocks run against the emulator started exactly as the README's Quick
start starts it (``aiocomet emulator --port 8060 ...``, seed data by default;
only the port is swapped for a free one), and each block that runs something
must print something. A block that defines tests is run by pytest with the
configuration the README gives. ``aiocomet ...`` shell lines run against the
emulator too. Install and CI commands are ones that ``.ci/run`` or
``scripts/check_dist.sh`` execute, which this test checks.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from aiocomet.cli import main as cli_main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
CI_RUN = (ROOT / ".ci" / "run").read_text()
CHECK_DIST = (ROOT / "scripts" / "check_dist.sh").read_text()
README_URL = "http://127.0.0.1:8060"
BLOCKS = re.findall(r"^```(\w+)\n(.*?)^```", README, flags=re.S | re.M)
PYTHON = [code for lang, code in BLOCKS if lang == "python"]
SHELL = [line for lang, code in BLOCKS if lang == "bash" for line in code.strip().splitlines()]
TOML = [code for lang, code in BLOCKS if lang == "toml"]
RUN_BY_CI = {  # README line -> (the CI script that runs it, what that script contains)
    "pip install aiocomet": (CHECK_DIST, 'pip install -q "$wheel'),
    "pip install 'aiocomet[testing]'": (CHECK_DIST, 'pip install -q "$wheel[testing]"'),
    "bash .ci/run": (CI_RUN, ""),
}
# The configuration the testing guide gives, which check_dist.sh uses for the plugin.
PYTEST_CONFIG = """[tool.pytest.ini_options]
asyncio_mode = "auto"
asyncio_default_fixture_loop_scope = "function"
"""
EMULATOR_PREFIXES = ("aiocomet emulator", "python -m aiocomet.testing")
EMULATOR_LINE = next(line for line in SHELL if line.startswith(EMULATOR_PREFIXES))


@dataclass(frozen=True)
class RunningServer:
    """The README's emulator process, as a URL."""

    url: str


@pytest.fixture(scope="module")
def emu() -> Iterator[RunningServer]:
    with _emulator_process(EMULATOR_LINE) as port:
        yield RunningServer(f"http://127.0.0.1:{port}")


def test_readme_has_the_expected_blocks() -> None:
    assert len(PYTHON) >= 2
    bash = [code.strip() for lang, code in BLOCKS if lang == "bash"]
    # CI runs the first bash block (the demo from PyPI) in a scratch copy
    assert bash[0].startswith("python3 -m venv") and bash[0].endswith("aiocomet demo")
    assert "'aiocomet[demo]'" in bash[0]
    assert "bash .ci/run" in bash
    assert any(re.search(r"^(async )?def test_", code, flags=re.M) for code in PYTHON)


def test_the_pytest_configuration_is_the_testing_guides() -> None:
    assert TOML == [PYTEST_CONFIG]
    assert PYTEST_CONFIG in (ROOT / "docs" / "guides" / "testing.md").read_text()
    assert PYTEST_CONFIG.replace("\n", "\\n") in CHECK_DIST


def test_the_readme_works_from_pypi() -> None:
    """The long description has no relative link and no editable install."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from check_long_description import problems
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert problems(README) == []


@pytest.mark.parametrize("index", range(len(PYTHON)))
def test_python_block_runs_and_prints(
    index: int, emu: RunningServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = PYTHON[index].replace(README_URL, emu.url)
    if re.search(r"^(async )?def test_", code, flags=re.M):
        # a block of tests runs as a reader runs it: pytest, the README's configuration
        (tmp_path / "pyproject.toml").write_text(TOML[0])
        (tmp_path / "test_readme_example.py").write_text(code)
        argv = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        argv.append("test_readme_example.py")
        proc = subprocess.run(
            argv, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert re.search(r"\b[1-9]\d* passed\b", proc.stdout), proc.stdout
        # the README's configuration silences pytest-asyncio's loop-scope warning
        assert "loop scope" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
        return
    namespace: dict[str, Any] = {"__name__": f"readme_block_{index}"}
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(compile(code, f"README.md python block {index}", "exec"), namespace)
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out
    assert "asyncio.run(" in code, "every README python block runs something"
    assert out.strip(), f"README python block {index} printed nothing"
    assert "[]" not in out.split() and "{}" not in out.split(), out


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
        script, needle = RUN_BY_CI[command]
        assert needle in script, line
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
