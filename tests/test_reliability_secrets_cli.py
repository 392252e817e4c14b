"""Issue 9, secrets: sentinel credentials through the CLI's error paths.

``call``, ``download`` and ``events`` against a server that refuses and echoes
the credentials (given in the environment): the CLI's output (tracebacks of
``--debug`` included) and every DEBUG log record (the guard of
tests/_secrets_helpers.py) hold no sentinel.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Iterator

import pytest

from aiocomet.cli import main as cli_main

from . import _secrets_helpers as helpers
from ._fake_comet import FakeComet
from ._secrets_helpers import START, LeakGuard, assert_clean, echo
from ._ws_server import STREAM_PATH
from .test_client_secrets import LIST, PASSWORD, SESSION_KEY, TOTP_SECRET

guard = helpers.guard


# -- the CLI ---------------------------------------------------------------------------------------


@contextlib.contextmanager
def fake_in_thread(configure: Callable[[FakeComet], None]) -> Iterator[FakeComet]:
    """A FakeComet on its own loop in a thread, for the (synchronous) CLI."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    async def start() -> FakeComet:
        server = FakeComet()
        await server.__aenter__()
        return server

    server = asyncio.run_coroutine_threadsafe(start(), loop).result(10)
    configure(server)
    try:
        yield server
    finally:
        asyncio.run_coroutine_threadsafe(server.__aexit__(None, None, None), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


@pytest.mark.parametrize(
    "argv",
    [
        ["--debug", "call", "AdminListUsers"],
        ["call", "AdminListUsers"],
        ["--debug", "download", "AdminBrandingGenerateClientLinuxgeneric", "-o", "/dev/null", "-q"],
        ["--debug", "events", "--limit", "1"],
    ],
    ids=["call_debug", "call", "download_debug", "events_debug"],
)
def test_cli_error_paths_leak_nothing(
    argv: list[str],
    guard: LeakGuard,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def configure(server: FakeComet) -> None:
        server.always(LIST, echo(403))  # the session key is refused, then the fresh login
        server.always("/api/v1/admin/branding/generate-client/linuxgeneric", echo(500))
        server.always(STREAM_PATH, echo(403))  # refused at the upgrade: final
        server.always(START, echo(403))  # and so is the fresh login

    with fake_in_thread(configure) as server:
        monkeypatch.setenv("COMET_URL", server.url)
        monkeypatch.setenv("COMET_USERNAME", "admin")
        monkeypatch.setenv("COMET_PASSWORD", PASSWORD)
        monkeypatch.setenv("COMET_TOTP_SECRET", TOTP_SECRET)
        monkeypatch.setenv("COMET_SESSION_KEY", SESSION_KEY)
        code = cli_main(argv)
    out = capsys.readouterr()
    assert code == 1
    assert_clean(out.out + out.err)
    if "--debug" in argv:
        assert "Traceback" in out.err
