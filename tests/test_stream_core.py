"""The stream's sans-I/O core, driven by hand: no sockets, no event loop, no sleeping."""

from __future__ import annotations

import json
import random
from typing import Any

import aiohttp
import pytest

from aiocomet import Backoff, Clock, GapKind, ReconnectPolicy
from aiocomet._event_model import EventDecoder, UntypedEvent, make_event
from aiocomet._event_options import StreamConfig
from aiocomet._event_protocol import Gap, JobResync
from aiocomet._event_socket import BinaryFrame, Lost
from aiocomet._stream_core import (
    Connect,
    End,
    GiveUp,
    Relogin,
    State,
    StreamCore,
    Wait,
    gap_kind,
)
from aiocomet.constants import SEVT_JOB_COMPLETED, SEVT_JOB_NEW, SEVT_META_HELLO
from aiocomet.errors import (
    AuthenticationError,
    CredentialsError,
    EventDecodeError,
    HandshakeError,
    RedirectRefusedError,
    TransportError,
)


class Times:
    """A wall clock and a monotonic clock that only move when told."""

    def __init__(self) -> None:
        self.wall = 1_000_000.0
        self.mono = 0.0

    def advance(self, seconds: float) -> None:
        self.wall += seconds
        self.mono += seconds

    def clock(self) -> Clock:
        async def never(_: float) -> None:
            raise AssertionError("the core never sleeps")

        return Clock(time=lambda: self.wall, monotonic=lambda: self.mono, sleep=never)


def frame(type_: int, **fields: Any) -> bytes:
    return json.dumps({"Type": type_, **fields}).encode()


def core_of(times: Times | None = None, **options: Any) -> StreamCore:
    times = times or Times()
    options.setdefault("backoff", Backoff(initial=1.0, cap=8.0, jitter=0.0))
    config = StreamConfig.of({"clock": times.clock(), **options})
    return StreamCore(config, EventDecoder("srv"), "srv")


def lost(reason: str = "closed by the server (code 1000)", **kw: Any) -> Lost:
    kw.setdefault("code", 1000)
    return Lost(reason, kw.pop("error", None), kw.pop("code"), 1.0, **kw)


def open_core(core: StreamCore) -> StreamCore:
    assert core.start() == Connect()
    assert core.connected(compressed=False) is None
    return core


def test_first_connection_opens_without_a_gap_and_counts() -> None:
    core = core_of()
    assert core.state is State.IDLE
    assert core.start() == Connect() and core.state is State.CONNECTING
    assert core.connected(compressed=True) is None
    assert core.state is State.OPEN
    assert (core.connects, core.connections, core.gaps) == (1, 1, 0)


def test_frames_decode_in_order_with_sdk_fields_reset_and_bad_frames_set_aside() -> None:
    core = open_core(core_of())
    forged = frame(SEVT_JOB_NEW, ResourceID="a", **{"aiocomet.replayed": True})
    events = core.frames(
        [
            forged,
            b"not json",
            BinaryFrame(b"\x00\x01"),
            frame(99999, TypeString="SEVT_FUTURE", Data={"x": 1}),
            frame(SEVT_JOB_COMPLETED, ResourceID="b"),
        ]
    )
    assert [e.ResourceID for e in events] == ["a", "", "b"]
    assert all(e.server == "srv" and not e.replayed for e in events)
    assert type(events[1]) is UntypedEvent and events[1].Type == 99999
    assert core.events == 3 and core.decode_errors == 2
    bad = core.take_bad()
    assert [type(e) for e in bad] == [EventDecodeError, EventDecodeError]
    assert "binary frame" in str(bad[1]) and core.take_bad() == []
    assert core.last_event is events[-1]


def test_a_binary_frame_holding_a_valid_event_is_reported_not_delivered() -> None:
    core = open_core(core_of())
    valid = [frame(SEVT_JOB_NEW, ResourceID=str(n)) for n in range(4)]
    events = core.frames([valid[0], valid[1], BinaryFrame(valid[2]), valid[3]])
    assert [e.ResourceID for e in events] == ["0", "1", "3"]
    [bad] = core.take_bad()
    assert "binary frame" in str(bad) and core.decode_errors == 1


def test_a_clean_batch_decodes_at_once_and_still_owns_the_sdk_fields() -> None:
    core = open_core(core_of())
    forged = {"aiocomet.replayed": True, "aiocomet.server": "evil", "aiocomet.tracing_id": "t"}
    batch = [frame(SEVT_JOB_NEW, ResourceID=str(n), **forged) for n in range(50)]
    events = core.frames(batch)
    assert [e.ResourceID for e in events] == [str(n) for n in range(50)]
    assert all(e.server == "srv" and not e.replayed and e.tracing_id == "" for e in events)
    assert core.events == 50 and core.decode_errors == 0


def test_inflated_frames_over_the_limit_are_skipped_only_when_compressed() -> None:
    big = frame(SEVT_JOB_NEW, ResourceID="x" * 200)
    core = core_of(max_frame_bytes=100)
    core.start()
    core.connected(compressed=True)
    assert core.frames([big]) == [] and core.decode_errors == 1
    assert "inflated to" in str(core.take_bad()[0])
    core = core_of(max_frame_bytes=100)
    core.start()
    core.connected(compressed=False)  # aiohttp enforces the limit itself
    assert len(core.frames([big])) == 1


def test_one_admission_filters_types_and_dedupes_job_events() -> None:
    core = open_core(core_of(types={SEVT_JOB_NEW, 99999}, resync=JobResync()))
    batch = [
        frame(SEVT_META_HELLO),
        frame(SEVT_JOB_NEW, Data={"GUID": "g"}),
        frame(SEVT_JOB_NEW, Data={"GUID": "g"}),  # a duplicate
        frame(99999),  # untyped, but asked for
    ]
    assert [e.Type for e in core.frames(batch)] == [SEVT_JOB_NEW, 99999]
    assert core.admission.skipped == 2 and core.events == 4
    # admit=False leaves the filter to whoever takes the events later
    assert len(core.frames(batch, admit=False)) == 4


def test_a_lost_connection_waits_by_the_backoff_then_reports_a_typed_gap() -> None:
    times = Times()
    core = open_core(core_of(times))
    hello = core.frames([frame(SEVT_META_HELLO, Timestamp=5)])[0]
    times.advance(3)
    core.disconnected()
    decision = core.lost(lost(), gap_kind(lost()))
    assert decision == Wait(
        1.0, None, "event stream srv: closed by the server (code 1000); reconnecting"
    )
    assert core.state is State.WAITING
    assert core.timer_fired() == Connect()
    gap = core.connected(compressed=False)
    assert isinstance(gap, Gap) and gap.kind is GapKind.CLOSED
    assert gap.last_event is hello and gap.attempts == 1 and gap.close_code == 1000
    assert gap.reconnected_at == times.wall and core.pending_gap is gap and core.gaps == 1
    replay = [make_event(SEVT_JOB_NEW, server="srv", replayed=True)]
    assert core.gap_settled(replay) == replay
    assert core.pending_gap is None and core.replayed == 1


def test_backoff_grows_while_connections_are_short_lived_and_resets_when_healthy() -> None:
    times = Times()
    core = open_core(core_of(times, healthy_after=60.0))
    delays = []
    for _ in range(4):
        decision = core.lost(lost(), GapKind.CLOSED)
        assert isinstance(decision, Wait)
        delays.append(decision.delay)
        core.timer_fired()
        core.connected(compressed=False)
    assert delays == [1.0, 2.0, 4.0, 8.0]
    times.advance(60)
    decision = core.lost(lost(), GapKind.CLOSED)
    assert isinstance(decision, Wait) and decision.delay == 1.0


def test_connect_failures_are_reported_and_bounded_by_max_attempts() -> None:
    core = core_of(max_attempts=3)
    core.start()
    error = HandshakeError("bad reply")
    first = core.connect_failed(error, used_key=False, has_password=True)
    assert first == Wait(1.0, error)
    core.timer_fired()
    assert isinstance(core.connect_failed(error, used_key=False, has_password=True), Wait)
    core.timer_fired()
    given_up = core.connect_failed(error, used_key=False, has_password=True)
    assert isinstance(given_up, GiveUp) and given_up.report is error
    assert isinstance(given_up.error, TransportError)
    assert "giving up after 3 failed attempts" in str(given_up.error)
    assert given_up.error.__cause__ is error
    assert core.state is State.CLOSED and core.connects == 3
    assert core.timer_fired() == End()


def test_a_refused_session_key_asks_for_one_relogin_then_gives_up() -> None:
    core = core_of()
    core.start()
    refused = AuthenticationError("403 Unauth")
    assert core.connect_failed(refused, used_key=True, has_password=True) == Relogin()
    assert core.relogged() == Connect()
    assert core.connect_failed(refused, used_key=True, has_password=True) == GiveUp(refused)
    # no key to replace, or no password to replace it with: final at once
    for used_key, has_password in ((False, True), (True, False)):
        core = core_of()
        core.start()
        decision = core.connect_failed(refused, used_key=used_key, has_password=has_password)
        assert decision == GiveUp(refused)


def test_a_successful_connection_allows_a_later_relogin_again() -> None:
    core = core_of()
    core.start()
    refused = AuthenticationError("403 Unauth")
    assert core.connect_failed(refused, used_key=True, has_password=True) == Relogin()
    core.relogged()
    core.connected(compressed=False)
    core.lost(lost(), GapKind.CLOSED)
    core.timer_fired()
    assert core.connect_failed(refused, used_key=True, has_password=True) == Relogin()


@pytest.mark.parametrize(
    "error", [RedirectRefusedError("redirected"), CredentialsError("wrong account")]
)
def test_final_errors_give_up_without_a_report(error: Exception) -> None:
    core = core_of()
    core.start()
    assert core.connect_failed(error, used_key=False, has_password=True) == GiveUp(error)  # type: ignore[arg-type]


def test_without_reconnect_a_clean_close_ends_and_anything_else_raises() -> None:
    core = open_core(core_of(reconnect=False))
    assert core.lost(lost(clean=True), GapKind.CLOSED) == End()
    core = open_core(core_of(reconnect=ReconnectPolicy(enabled=False)))
    reset = ConnectionResetError("reset")
    decision = core.lost(lost("connection lost", error=reset, code=None), GapKind.LOST)
    assert isinstance(decision, GiveUp) and isinstance(decision.error, TransportError)
    assert decision.error.__cause__ is reset and decision.report is None
    core = core_of(reconnect=False)
    core.start()
    error = HandshakeError("bad")
    assert core.connect_failed(error, used_key=False, has_password=True) == GiveUp(error, error)


def test_closing_ends_every_later_decision() -> None:
    core = open_core(core_of())
    core.close()
    assert core.lost(lost(), GapKind.CLOSED) == End()
    assert core.timer_fired() == End()
    assert core.start() == End()
    assert core.connect_failed(HandshakeError("x"), used_key=False, has_password=True) == End()


def test_a_new_iteration_is_a_gap_since_the_previous_one_closed() -> None:
    times = Times()
    core = open_core(core_of(times))
    core.disconnected()
    closed_at = times.wall
    assert core.state is State.IDLE
    times.advance(10)
    assert core.start() == Connect()
    gap = core.connected(compressed=False)
    assert gap is not None and gap.kind is GapKind.NEW_ITERATION
    assert gap.last_alive == closed_at and "iteration" in gap.reason


def test_a_frame_too_large_is_a_decode_error_and_its_own_gap_kind() -> None:
    core = open_core(core_of())
    error = EventDecodeError("frame larger than max_frame_bytes")
    too_large = Lost("frame too large", error, 1009, 1.0, too_large=True)
    assert gap_kind(too_large) is GapKind.TOO_LARGE
    assert isinstance(core.lost(too_large, GapKind.TOO_LARGE), Wait)
    assert core.decode_errors == 1 and core.take_bad() == [error]


def test_gap_kinds_of_connection_ends() -> None:
    timeout = aiohttp.ServerTimeoutError("no pong")
    assert gap_kind(Lost("heartbeat timeout", timeout, None, 1.0)) is GapKind.HEARTBEAT
    assert gap_kind(Lost("pong not sent", None, None, 1.0), True) is GapKind.HEARTBEAT
    assert gap_kind(Lost("closed by the server", None, 1011, 1.0)) is GapKind.CLOSED
    reset = ConnectionResetError()
    assert gap_kind(Lost("connection lost", reset, None, 1.0)) is GapKind.LOST
    assert gap_kind(Lost("connection lost", None, None, 1.0)) is GapKind.LOST


def test_drop_gaps_and_resync_failures() -> None:
    times = Times()
    core = open_core(core_of(times, backoff=Backoff(rng=random.Random(1))))
    first = make_event(SEVT_JOB_NEW, timestamp=500)
    gap = core.open_gap(core.drop_gap(7, first, at=900.0, last=None))
    assert gap.kind is GapKind.DROPPED and gap.dropped == 7 and gap.last_alive == 500.0
    assert "drop_oldest" in gap.reason and gap.attempts == 0 and core.gaps == 1
    twin = Backoff(rng=random.Random(1))
    assert [core.resync_failed(n) for n in range(3)] == [twin.delay(n) for n in range(3)]
    assert core.resync_failures == 3
