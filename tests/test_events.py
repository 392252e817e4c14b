"""EventStream core behaviours against the scripted server in tests/_ws_server.py (127.0.0.1).

The handshake (credentials, TOTP, session keys, refusals, backoff), bad frames, the types
filter and the event options; reconnects and gaps are in test_events_gaps.py, closing in
test_events_closing.py.
"""

from __future__ import annotations

import logging
import random

import pyotp
import pytest

from aiocomet import (
    AuthenticationError,
    Backoff,
    CometClient,
    CometError,
    Credentials,
    ProtocolError,
    ServerError,
    TimeoutError,
    TransportError,
)
from aiocomet.constants import SEVT_JOB_COMPLETED, SEVT_JOB_NEW, SEVT_META_HELLO
from aiocomet.events import EventDecodeError, HandshakeError

from . import _events_helpers as helpers
from ._events_helpers import PASSWORD, stream_of
from ._ws_server import Collector, SleepLog, WsServer, event, job

server = helpers.server
client = helpers.client


# -- handshake ------------------------------------------------------------------------------


async def test_handshake_frames_hello_and_typed_events(
    server: WsServer, client: CometClient
) -> None:
    col = Collector(stream_of(client))
    await server.wait_connected()
    await server.send(event(SEVT_JOB_NEW, data=job("j1", 5, status=6001), resource_id="j1"))
    await col.count(2)
    assert server.handshakes == [["admin", "Password", PASSWORD, "", ""]]
    hello, new = col.events
    assert hello.Type == SEVT_META_HELLO and hello.hello is not None
    assert hello.hello.Version == "25.9.8"
    assert new.type_name == "SEVT_JOB_NEW" and new.typed and not new.replayed
    assert new.job is not None and new.job.GUID == "j1" and new.profile is None
    assert new.server == client.base_url == server.url
    stats = col.stream.stats
    assert (stats.events, stats.delivered, stats.connects, stats.reconnects) == (2, 2, 1, 0)
    assert stats.connected and stats.gaps == 0
    await col.close()


async def test_session_key_replaces_password_in_frames(server: WsServer) -> None:
    server.session_key = "sk-known"
    async with CometClient(server.url, "admin", PASSWORD, session_key="sk-known") as c:
        col = Collector(stream_of(c))
        await col.count(1)
        await col.close()
    assert server.handshakes == [["admin", "SessionKey", "", "sk-known", ""]]


async def test_fresh_totp_code_for_every_attempt(server: WsServer, client: CometClient) -> None:
    secret = pyotp.random_base32()
    now = [1_000_000.0]

    def clock() -> float:
        now[0] += 30.0
        return now[0]

    client.credentials = Credentials("admin", PASSWORD, totp_secret=secret, clock=clock)
    server.faults.extend(["accept_close", "accept_close"])
    col = Collector(stream_of(client))
    await server.wait_connected()
    await col.close()
    codes = [frames[4] for frames in server.handshakes]
    assert [frames[1] for frames in server.handshakes] == ["PasswordTOTP"] * 3
    assert codes == [pyotp.TOTP(secret).at(1_000_030 + 30 * i) for i in range(3)]
    assert len(set(codes)) == 3


async def test_403_unauth_is_final_after_one_attempt(server: WsServer) -> None:
    async with CometClient(server.url, "admin", "wrong-password") as c:
        stream = stream_of(c)
        with pytest.raises(AuthenticationError, match="403 Unauth"):
            async with stream:
                async for _ in stream:
                    pass
        assert stream.stats.connects == 1
    assert len(server.handshakes) == 1


async def test_rejected_session_key_logs_in_once_with_password(server: WsServer) -> None:
    async with CometClient(server.url, "admin", PASSWORD, session_key="stale") as c:
        col = Collector(stream_of(c))
        await col.count(1)
        await col.close()
    assert server.logins == 1
    assert [f[1] for f in server.handshakes] == ["SessionKey", "SessionKey"]
    assert server.handshakes[1][3] == "sk-1"


async def test_failed_relogin_falls_back_to_the_password_in_the_handshake(
    server: WsServer,
) -> None:
    server.login_failures = 1
    errors: list[CometError] = []
    async with CometClient(server.url, "admin", PASSWORD, session_key="stale") as c:
        col = Collector(stream_of(c, on_error=errors.append))
        await col.count(1)
        await col.close()
    assert [type(e) for e in errors] == [ServerError]
    assert [f[1] for f in server.handshakes] == ["SessionKey", "Password"]


async def test_refused_handshakes_are_retried_with_backoff(
    server: WsServer, client: CometClient
) -> None:
    server.faults.extend(["503"] * 5)
    sleeps = SleepLog()
    errors: list[CometError] = []
    backoff = Backoff(rng=random.Random(7))
    col = Collector(stream_of(client, backoff=backoff, sleep=sleeps, on_error=errors.append))
    await col.count(1)
    twin = Backoff(rng=random.Random(7))
    assert sleeps.delays == [twin.delay(i) for i in range(5)]
    assert all(backoff.floor <= d <= backoff.ceiling(i) for i, d in enumerate(sleeps.delays))
    assert [type(e) for e in errors] == [TransportError] * 5
    assert "HTTP 503" in str(errors[0])
    assert col.stream.stats.connects == 6 and col.stream.stats.gaps == 0
    await col.close()


async def test_accept_then_close_is_never_a_tight_loop(
    server: WsServer, client: CometClient
) -> None:
    """Connected-then-closed counts as a failure: 30 such drops take > 10 s of backoff."""
    server.faults.extend(["accept_close"] * 30)
    sleeps = SleepLog()
    col = Collector(
        client.events(backoff=Backoff(rng=random.Random(3)), sleep=sleeps, healthy_after=60.0)
    )
    await col.count(1, timeout=10)
    assert len(sleeps.delays) == 30
    assert 30 / sum(sleeps.delays) < 3.0  # connects per simulated second
    assert min(sleeps.delays) >= Backoff().floor
    assert max(sleeps.delays) > 10  # the backoff grew instead of resetting
    await col.close()


async def test_backoff_resets_only_after_a_healthy_connection(
    server: WsServer, client: CometClient
) -> None:
    mono = [0.0]
    sleeps = SleepLog()
    backoff = Backoff(initial=1.0, cap=64.0, floor=0.0, rng=random.Random(1))
    server.faults.extend(["503", "503", "503"])
    col = Collector(
        client.events(backoff=backoff, sleep=sleeps, healthy_after=60.0, monotonic=lambda: mono[0])
    )
    await col.count(1)
    mono[0] += 61.0  # this connection stays up a while: healthy
    await server.drop("close")
    await server.wait_connected(2)
    await col.close()
    twin = Backoff(initial=1.0, cap=64.0, floor=0.0, rng=random.Random(1))
    assert sleeps.delays == [twin.delay(0), twin.delay(1), twin.delay(2), twin.delay(0)]


async def test_max_attempts_gives_up(server: WsServer, client: CometClient) -> None:
    server.faults.extend(["503"] * 5)
    col = Collector(stream_of(client, max_attempts=3))
    await col.finished()
    assert isinstance(col.error, TransportError) and "3 failed attempts" in str(col.error)
    assert len(server.handshakes) == 0 and col.stream.stats.connects == 3


async def test_unexpected_handshake_reply_is_a_protocol_error(
    server: WsServer, client: CometClient
) -> None:
    server.faults.append(("reply", "500 Something else"))
    col = Collector(stream_of(client, reconnect=False))
    await col.finished()
    assert isinstance(col.error, HandshakeError) and isinstance(col.error, ProtocolError)
    assert col.error.frame == "500 Something else"


async def test_unexpected_reply_is_retried_when_reconnecting(
    server: WsServer, client: CometClient
) -> None:
    server.faults.append(("reply", "500 Something else"))
    errors: list[CometError] = []
    col = Collector(stream_of(client, on_error=errors.append))
    await col.count(1)
    assert [type(e) for e in errors] == [HandshakeError]
    await col.close()


async def test_missing_handshake_reply_times_out(server: WsServer, client: CometClient) -> None:
    server.faults.append("no_reply")
    col = Collector(stream_of(client, reconnect=False, connect_timeout=0.2))
    await col.finished()
    assert isinstance(col.error, TimeoutError)


# -- frames and filters -----------------------------------------------------------------------


async def test_bad_frames_leave_the_stream_running(
    server: WsServer, client: CometClient, caplog: pytest.LogCaptureFixture
) -> None:
    errors: list[CometError] = []
    col = Collector(stream_of(client, on_error=errors.append, max_frame_bytes=4096))
    await server.wait_connected()
    with caplog.at_level(logging.WARNING, logger="aiocomet"):
        await server.send("this is not json {")
        await server.send_binary(b"\x00\x01binary")
        await server.send('{"Type": "not a number"}')
        await server.send(event(4999, data={"new": "thing"}))  # unknown type: untyped
        await server.send(event(SEVT_JOB_NEW, data="not a job"))  # Data does not fit
        await server.send(event(SEVT_JOB_NEW, resource_id="ok-1"))
        await col.count(4)
        await server.send(event(SEVT_JOB_NEW, data={"GUID": "x" * 8000}))  # oversized
        await server.wait_connected(2)
        await server.send(event(SEVT_JOB_COMPLETED, resource_id="ok-2"))
        await col.count(6)
    assert [type(e) for e in errors] == [EventDecodeError] * 4
    assert "max_frame_bytes" in str(errors[-1])
    assert b"this is not json" in errors[0].frame_start  # type: ignore[attr-defined]
    unknown, misfit = col.events[1:3]
    assert not unknown.typed and unknown.Type == 4999 and unknown.Data == {"new": "thing"}
    assert not misfit.typed and misfit.job is None and misfit.Data == "not a job"
    assert col.events[3].ResourceID == "ok-1" and col.events[-1].ResourceID == "ok-2"
    stats = col.stream.stats
    assert stats.decode_errors == 4 and stats.untyped == 2 and stats.reconnects == 1
    assert PASSWORD not in caplog.text and "frame is not a StreamableEvent" in caplog.text
    await col.close()


async def test_types_filter(server: WsServer, client: CometClient) -> None:
    col = Collector(stream_of(client, types={SEVT_JOB_COMPLETED, 4999}))
    await server.wait_connected()
    await server.send(
        event(SEVT_JOB_NEW, resource_id="n"),
        event(4999, resource_id="u"),
        event(SEVT_JOB_COMPLETED, resource_id="c"),
    )
    await col.count(2)
    assert [e.ResourceID for e in col.events] == ["u", "c"]
    assert col.stream.stats.events == 4 and col.stream.stats.delivered == 2
    await col.close()


# -- options ------------------------------------------------------------------------------------


def test_every_event_option_is_one_policy_field_and_reaches_it() -> None:
    """CometClient.events(**options) is typed by EventOptions; each key sets one field."""
    from dataclasses import fields

    from aiocomet._event_options import StreamConfig
    from aiocomet.events import Clock, ConnectionPolicy, EventOptions, ReconnectPolicy

    owned = {f.name for f in fields(StreamConfig)}
    owned |= {f.name for f in fields(ReconnectPolicy) if f.name != "enabled"}
    owned |= {f.name for f in fields(ConnectionPolicy)} | {"sleep", "monotonic"}
    assert set(EventOptions.__optional_keys__) == owned

    async def nap(_: float) -> None:
        return None

    backoff = Backoff(initial=2.0)
    config = StreamConfig.of(
        {
            "types": [1],
            "reconnect": False,
            "backoff": backoff,
            "max_attempts": 3,
            "healthy_after": 5.0,
            "heartbeat": None,
            "connect_timeout": 4.0,
            "close_timeout": 1.0,
            "max_frame_bytes": 99,
            "compress": False,
            "sleep": nap,
            "monotonic": lambda: 7.0,
            "clock": lambda: 8.0,
            "overflow": "drop_oldest",
            "queue_size": 3,
        }
    )
    assert config.types == frozenset({1}) and config.queue_size == 3
    assert config.reconnect == ReconnectPolicy(False, backoff, 3, 5.0)
    assert config.connection == ConnectionPolicy(None, 4.0, 1.0, 99, False)
    assert config.clock.sleep is nap and config.clock.monotonic() == 7.0
    assert config.clock.time() == 8.0
    # the policy objects themselves, with a flat option applied on top
    policy = ReconnectPolicy(max_attempts=2)
    clock = Clock(sleep=nap)
    config = StreamConfig.of({"reconnect": policy, "healthy_after": 1.0, "clock": clock})
    assert config.reconnect == ReconnectPolicy(max_attempts=2, healthy_after=1.0)
    assert config.clock is clock
    with pytest.raises(TypeError, match="unknown event stream options: colour"):
        StreamConfig.of({"colour": "red"})
