"""Issue 9, secrets: sentinel credentials through EventStream's and merge_events' error paths.

Refused and failing logins, a server echoing credentials in its upgrade reply or
in frames (one cut in half at the 200-byte frame preview, one too large), an
unreachable server, a failing source of merge_events, and a gap: every error's
str, repr, traceback and attributes, the stream's reprs and every DEBUG log
record (the guard of tests/_secrets_helpers.py) hold no sentinel.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from aiocomet import CometClient, CometError, merge_events
from aiocomet.events import EventStream

from . import _secrets_helpers as helpers
from ._secrets_helpers import LeakGuard, assert_clean, assert_error_clean, clocked
from ._ws_server import Collector, WsServer
from .test_client_secrets import PASSWORD, SESSION_KEY, TOTP_SECRET
from .test_events_e2e import FAST

guard = helpers.guard


# -- EventStream and merge_events ------------------------------------------------------------------

StreamScenario = Callable[[WsServer, CometClient], Awaitable[BaseException | None]]


async def run_stream(c: CometClient, **kw: Any) -> tuple[EventStream, list[CometError]]:
    errors: list[CometError] = []
    stream = c.events(backoff=FAST, on_error=errors.append, **kw)
    col = Collector(stream)
    with contextlib.suppress(TimeoutError):
        await col.finished(timeout=5)
    await col.close()
    if col.error is not None:
        errors.append(col.error)  # type: ignore[arg-type]
    return stream, errors


async def stream_refused_then_relogin_fails(server: WsServer, c: CometClient) -> None:
    server.session_key = "some-other-key"  # the client's key is rejected: 403 Unauth
    server.password = "changed"  # and so is the password: login fails (403)
    await run_and_check(c, max_attempts=2)


async def stream_echoing_reply(server: WsServer, c: CometClient) -> None:
    reply = f"500 {PASSWORD} {SESSION_KEY} " + "z" * 158 + PASSWORD  # straddles the cut
    server.faults.extend([("reply", reply)] * 2)
    await run_and_check(c, max_attempts=2)


async def stream_echoing_frames(server: WsServer, c: CometClient) -> None:
    errors: list[CometError] = []
    col = Collector(c.events(backoff=FAST, on_error=errors.append, max_frame_bytes=4096))
    await server.wait_connected()
    await server.send(f'{{"Type": 4200, "Actor": ["{PASSWORD}", "{SESSION_KEY}"]}}')
    await server.send("w" * 196 + PASSWORD)  # straddles the frame preview
    await server.send_binary(f"{SESSION_KEY} {TOTP_SECRET}".encode())
    await server.send(f'{{"Type": 4200, "Actor": "{PASSWORD}"}}' + "p" * 5000)  # too large
    await server.wait_connected(2)
    await col.close()
    assert len(errors) == 4
    for error in errors:
        assert_error_clean(error)
        assert PASSWORD[:4] not in str(error)
    assert_clean(repr(col.stream) + repr(col.stream.stats) + repr(col.events))


async def stream_unreachable(server: WsServer, c: CometClient) -> None:
    await server.stop()
    await run_and_check(c, max_attempts=2)


async def merged_source_fails(server: WsServer, c: CometClient) -> None:
    server.password = "changed"
    server.session_key = "other"
    failed: list[BaseException] = []
    merged = merge_events(
        c, backoff=FAST, max_attempts=2, on_source_error=lambda _, e: failed.append(e)
    )
    col = Collector(merged)
    await col.finished()
    assert failed and col.error is None
    for error in failed:
        assert_error_clean(error)
    assert_clean(repr(merged) + repr(merged.stats))


async def run_and_check(c: CometClient, **kw: Any) -> None:
    stream, errors = await run_stream(c, **kw)
    assert errors
    for error in errors:
        assert_error_clean(error)
        assert PASSWORD[:4] not in str(error)
    assert_clean(repr(stream) + repr(stream.stats) + repr(stream.pending_gap))


STREAM_SCENARIOS: list[StreamScenario] = [
    stream_refused_then_relogin_fails,
    stream_echoing_reply,
    stream_echoing_frames,
    stream_unreachable,
    merged_source_fails,
]


@pytest.mark.parametrize("scenario", STREAM_SCENARIOS, ids=[s.__name__ for s in STREAM_SCENARIOS])
async def test_stream_error_paths_leak_nothing(scenario: StreamScenario, guard: LeakGuard) -> None:
    async with WsServer(password=PASSWORD) as server:
        async with clocked(server.url) as c:
            await scenario(server, c)


async def test_gap_and_events_leak_nothing(guard: LeakGuard) -> None:
    async with WsServer(password=PASSWORD) as server, clocked(server.url) as c:
        server.session_key = SESSION_KEY
        gaps: list[Any] = []
        col = Collector(c.events(backoff=FAST, on_gap=gaps.append))
        await server.wait_connected()
        await server.drop("reset")
        await col.count(2)  # the HELLO after the gap
        await col.close()
    assert gaps
    assert_clean(repr(gaps) + str(gaps[0].error) + repr(col.events))
