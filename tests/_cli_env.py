"""Shared by the CLI tests: an emulator in a thread with ``COMET_*`` set, and the CLI as a process.

``main()`` runs its own event loop, so servers it talks to run in other threads.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator

import pytest

from aiocomet.testing import CometEmulator

PASSWORD = "cli-SENTINEL-pw"


@contextlib.contextmanager
def emulator_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[CometEmulator]:
    """An emulator (admin ``admin``/:data:`PASSWORD`, user ``bob``) named by ``COMET_*``."""
    emulator = CometEmulator(admins={"admin": PASSWORD}, users={"bob": "pw"})
    with emulator.run_in_thread() as running:
        monkeypatch.setenv("COMET_URL", running.url)
        monkeypatch.setenv("COMET_USERNAME", "admin")
        monkeypatch.setenv("COMET_PASSWORD", PASSWORD)
        monkeypatch.delenv("COMET_SESSION_KEY", raising=False)
        monkeypatch.delenv("COMET_TOTP_SECRET", raising=False)
        yield running


def cli_process(*args: str) -> subprocess.Popen[str]:
    """``python -m aiocomet ARGS`` with this environment; stdout and stderr are pipes."""
    return subprocess.Popen(
        [sys.executable, "-m", "aiocomet", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
