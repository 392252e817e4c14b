"""Shared by the CLI tests: an emulator in a thread with ``COMET_*`` set, and the CLI as a process.

``main()`` runs its own event loop, so servers it talks to run in other threads.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self

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


def run_cli(*args: str, stdout: int = subprocess.PIPE, bound: float = 60.0) -> tuple[int, str, str]:
    """``python -m aiocomet ARGS`` with this environment, to its end: (exit code, stdout, stderr).

    ``stdout`` may be a file descriptor to write to instead of a pipe read
    here; a process still running after ``bound`` seconds is killed and fails the test.
    """
    with subprocess.Popen(
        [sys.executable, "-m", "aiocomet", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        try:
            out, err = proc.communicate(timeout=bound)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            raise AssertionError(f"aiocomet {' '.join(args)} ran over {bound} s: {err}") from None
    return proc.returncode, out or "", err


class ServerThread:
    """A stdlib HTTP server on 127.0.0.1, serving ``handler`` in a thread while in ``with``."""

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever)

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()
