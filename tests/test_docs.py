"""Every Python example of the documentation site runs as a reader would run it.

The emulator is started with the command the Quickstart gives (on a free port
instead of 8060); each ``python`` block is saved as a script and run in its own
process against it, and must print something. Blocks that define pytest tests
are run by pytest with the configuration the testing guide gives.
"""

from __future__ import annotations

import re
import shlex
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
DOCS_URL = "http://127.0.0.1:8060"
EMULATOR_COMMAND = "aiocomet emulator --port 8060 --simulate-jobs 2"
PYTEST_CONFIG = """[tool.pytest.ini_options]
asyncio_mode = "auto"
asyncio_default_fixture_loop_scope = "function"
"""
RUN_LIMIT = 120  # seconds: a bound for a hung example, not a synchronisation


def _examples() -> list[tuple[str, str]]:
    found = []
    for page in sorted(DOCS.rglob("*.md")):
        if "_build" in page.parts:
            continue
        blocks = re.findall(r"^```python\n(.*?)^```", page.read_text(), flags=re.S | re.M)
        name = page.relative_to(DOCS).as_posix()
        found += [(f"{name}#{index}", code) for index, code in enumerate(blocks)]
    return found


EXAMPLES = _examples()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def docs_server() -> Iterator[str]:
    """The emulator, started as the Quickstart says; yields its URL."""
    port = _free_port()
    words = shlex.split(EMULATOR_COMMAND.replace("8060", str(port)))
    proc = subprocess.Popen(
        [sys.executable, "-m", "aiocomet", *words[1:]],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        banner = proc.stdout.readline()
        assert "listening" in banner, banner
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(RUN_LIMIT)
        if proc.stdout is not None:
            proc.stdout.close()


def test_the_quickstart_starts_the_emulator_this_test_starts() -> None:
    assert EMULATOR_COMMAND in (DOCS / "quickstart.md").read_text()


def test_the_testing_guide_gives_the_configuration_this_test_uses() -> None:
    assert PYTEST_CONFIG in (DOCS / "guides" / "testing.md").read_text()


def test_there_are_examples_on_every_guide() -> None:
    pages = {name.split("#")[0] for name, _ in EXAMPLES}
    assert len(EXAMPLES) >= 15
    assert {"quickstart.md", "guides/events.md", "guides/testing.md"} <= pages


@pytest.mark.parametrize(("name", "code"), EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_example_runs_and_prints(name: str, code: str, docs_server: str, tmp_path: Path) -> None:
    script = code.replace(DOCS_URL, docs_server)
    if re.search(r"^(async )?def test_", script, flags=re.M):
        (tmp_path / "pyproject.toml").write_text(PYTEST_CONFIG)
        (tmp_path / "test_example.py").write_text(script)
        argv = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_example.py"]
    else:
        (tmp_path / "example.py").write_text(script)
        argv = [sys.executable, "example.py"]
    proc = subprocess.run(
        argv, cwd=tmp_path, capture_output=True, text=True, timeout=RUN_LIMIT, check=False
    )
    assert proc.returncode == 0, f"{name}\n{proc.stdout}\n{proc.stderr}"
    assert proc.stdout.strip(), f"{name} printed nothing"
