"""The event stream's decisions, without I/O: a state machine fed with what happened.

The driver in :mod:`aiocomet.events` opens sockets, sleeps and awaits
callbacks; everything it must decide it asks :class:`StreamCore`, feeding it
inputs (:meth:`~StreamCore.start`, :meth:`~StreamCore.connect_failed`,
:meth:`~StreamCore.connected`, :meth:`~StreamCore.frames`,
:meth:`~StreamCore.lost`, :meth:`~StreamCore.timer_fired`,
:meth:`~StreamCore.close`) and acting on the decisions it returns
(:class:`Connect`, :class:`Relogin`, :class:`Wait`, :class:`GiveUp`,
:class:`End`, a :class:`~aiocomet.events.Gap` to settle, events to deliver).
The counters live here, where things happen. Tests drive it without a
network (tests/test_stream_core.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import cast

import aiohttp
import msgspec

from ._admission import Admission
from ._clock import Clock
from ._event_model import Event, EventDecoder
from ._event_options import StreamConfig
from ._event_protocol import Gap, GapKind
from ._event_socket import BinaryFrame, Lost
from .errors import (
    AuthenticationError,
    ClientClosedError,
    CometError,
    CredentialsError,
    EventDecodeError,
    ProtocolError,
    RedirectRefusedError,
    TransportError,
)

__all__ = [
    "Connect",
    "Decision",
    "End",
    "GiveUp",
    "Relogin",
    "State",
    "StreamCore",
    "Wait",
    "gap_kind",
]

_FINAL = (ClientClosedError, CredentialsError, RedirectRefusedError)
_BAD_JSON = (msgspec.DecodeError, RecursionError, UnicodeDecodeError)
_DECODE_ERRORS = (msgspec.MsgspecError, RecursionError, UnicodeDecodeError)


class State(Enum):
    IDLE = "idle"  # not iterated yet, or between iterations
    CONNECTING = "connecting"  # a connection (and its handshake) is under way
    OPEN = "open"  # authenticated: frames flow
    WAITING = "waiting"  # between connections, until the timer fires
    CLOSED = "closed"  # closed by the consumer, or given up: final


@dataclass(frozen=True, slots=True)
class Connect:
    """Open a connection and authenticate now."""


@dataclass(frozen=True, slots=True)
class Relogin:
    """The session key was refused: replace it (the client's shared login), then connect."""


@dataclass(frozen=True, slots=True)
class Wait:
    """Connect again after ``delay`` seconds.

    ``report`` goes to ``on_error`` first; ``warning`` says why, for the log.
    """

    delay: float
    report: CometError | None = None
    warning: str = ""


@dataclass(frozen=True, slots=True)
class GiveUp:
    """The stream ends with ``error`` raised to the consumer (``report`` to ``on_error`` first)."""

    error: BaseException
    report: CometError | None = None


@dataclass(frozen=True, slots=True)
class End:
    """The stream ends without an error (closed, or closed cleanly without reconnect)."""


Decision = Connect | Relogin | Wait | GiveUp | End

_CONNECT = Connect()
_END = End()


def gap_kind(lost: Lost, heartbeat_verdict: bool = False) -> GapKind:
    """Classify a connection's end (``heartbeat_verdict``: this side declared the peer dead)."""
    if lost.too_large:
        return GapKind.TOO_LARGE
    if heartbeat_verdict or isinstance(lost.error, aiohttp.ServerTimeoutError):
        return GapKind.HEARTBEAT
    if lost.error is None and lost.code is not None:
        return GapKind.CLOSED
    return GapKind.LOST


class StreamCore:
    """One stream's state, counters and decisions; no I/O, no awaiting."""

    def __init__(self, config: StreamConfig, decoder: EventDecoder, server: str) -> None:
        self.config = config
        self.server = server
        self.clock: Clock = config.clock
        self.admission = Admission(config.types, config.resync)
        self.state = State.IDLE
        self.last_event: Event | None = None
        self.pending_gap: Gap | None = None
        self.bad: list[CometError] = []  # frames to report to on_error (the driver drains it)
        self._decoder = decoder
        self._retry = 0  # consecutive failures since the last healthy connection
        self._attempts = 0  # connection attempts since the last connection was lost
        self._relogged = False
        self._lost: tuple[Lost, GapKind] | None = None
        self._started = 0.0
        self._closed_at = 0.0
        self._inflated_limit = 0
        # counters (read through EventStream.stats)
        self.iterations = 0
        self.events = 0
        self.decode_errors = 0
        self.connects = 0
        self.connections = 0
        self.gaps = 0
        self.dropped = 0
        self.replayed = 0
        self.resync_failures = 0

    # -- connecting ------------------------------------------------------------------------

    def start(self) -> Decision:
        """An iteration begins: connect (a second iteration first notes the gap between)."""
        if self.state is State.CLOSED:
            return _END
        if self.iterations:
            reason = "a new iteration: the previous one ended and closed its connection"
            lost = Lost(reason, None, None, self._closed_at or self.clock.time())
            self._lost = (lost, GapKind.NEW_ITERATION)
        self.iterations += 1
        self._retry = self._attempts = 0
        self._relogged = False
        return self._connect()

    def _connect(self) -> Decision:
        if self.state is State.CLOSED:
            return _END
        self.state = State.CONNECTING
        self.connects += 1
        self._attempts += 1
        return _CONNECT

    def connect_failed(self, error: CometError, *, used_key: bool, has_password: bool) -> Decision:
        """A connection or its handshake failed with ``error`` (report it unless given up)."""
        if self.state is State.CLOSED:
            return _END
        if isinstance(error, AuthenticationError):
            if self._relogged or not used_key or not has_password:
                return self._give_up(error)
            self._relogged = True
            return Relogin()
        if isinstance(error, _FINAL):
            return self._give_up(error)
        if not self.config.reconnect.enabled:
            return self._give_up(error, error)
        self._retry += 1
        return self._retry_or_give_up(error, error)

    def relogged(self) -> Decision:
        """The re-login is done (or failed for a transient reason): connect again."""
        return self._connect()

    def connected(self, *, compressed: bool) -> Gap | None:
        """Authenticated; returns the gap to settle before the first frame, if any."""
        self.state = State.OPEN
        self._relogged = False
        self.connections += 1
        self._started = self.clock.monotonic()
        limit = self.config.connection.max_frame_bytes
        self._inflated_limit = limit if compressed else 0
        if self._lost is None:
            self._attempts = 0
            return None
        lost, kind = self._lost
        gap = Gap(
            server=self.server,
            reason=lost.reason,
            last_alive=lost.last_alive,
            reconnected_at=self.clock.time(),
            last_event=self.last_event,
            error=lost.error,
            close_code=lost.code,
            attempts=self._attempts,
            kind=kind,
        )
        self._lost = None
        self._attempts = 0
        return self.open_gap(gap)

    # -- frames --------------------------------------------------------------------------

    def frames(self, frames: list[bytes | BinaryFrame], *, admit: bool = True) -> list[Event]:
        """Decode ``frames`` into events, in order; bad frames go to :attr:`bad`.

        ``admit=False`` leaves the filter and dedupe to whoever takes the
        events later (a buffer that may drop them).
        """
        out = self._decode_at_once(frames)
        if out is None:
            out = self._decode_one_by_one(frames)
        else:
            self._decoder.claim_all(out)  # fields the SDK owns never come from the wire
            if self.config.keep_frames:  # decoded at once: every frame was bytes
                for event, data in zip(out, cast("list[bytes]", frames), strict=True):
                    event.frame = data
        if out:
            self.events += len(out)
            self.last_event = out[-1]
            if admit:
                return self.admission.admit_all(out)
        return out

    def _decode_at_once(self, frames: list[bytes | BinaryFrame]) -> list[Event] | None:
        """Every frame through the typed decoder in one C loop; None if one needs care."""
        limit = self._inflated_limit
        if not frames or (limit and max(map(len, frames)) > limit):
            return None
        try:
            return list(map(self._decoder.decode_typed, frames))  # type: ignore[arg-type]
        except _DECODE_ERRORS:
            return None  # an unknown type, a bad frame: each on its own
        except TypeError:
            return None  # a BinaryFrame, which is not bytes so that decoding refuses it

    def _decode_one_by_one(self, frames: list[bytes | BinaryFrame]) -> list[Event]:
        decoder = self._decoder
        decode = decoder.decode_typed
        limit = self._inflated_limit
        keep = self.config.keep_frames
        out: list[Event] = []
        for data in frames:
            if isinstance(data, BinaryFrame):
                self._bad(
                    decoder.error(data.data, ProtocolError("binary frame; events are text frames"))
                )
                continue
            if limit and len(data) > limit:
                self._bad(self._too_large(len(data)))
                continue
            try:
                event = decode(data)
            except msgspec.ValidationError:
                try:
                    event = decoder.fallback(data)  # claimed by the decoder
                except EventDecodeError as exc:
                    self._bad(exc)
                    continue
            except _BAD_JSON as exc:
                self._bad(decoder.error(data, exc))
                continue
            else:
                decoder.claim(event)
            if keep:
                event.frame = data
            out.append(event)
        return out

    def _bad(self, error: CometError) -> None:
        self.decode_errors += 1
        self.bad.append(error)

    def take_bad(self) -> list[CometError]:
        bad, self.bad = self.bad, []
        return bad

    def _too_large(self, size: int) -> EventDecodeError:
        return EventDecodeError(
            f"event stream {self.server}: a frame inflated to {size} bytes, more than "
            f"max_frame_bytes ({self.config.connection.max_frame_bytes}); skipped",
            server=self.server,
        )

    # -- losing the connection --------------------------------------------------------------

    def disconnected(self) -> None:
        """The connection is closed (lost, or its iteration ended)."""
        self._closed_at = self.clock.time()
        if self.state is State.OPEN:
            self.state = State.IDLE

    def lost(self, lost: Lost, kind: GapKind) -> Decision:
        """The connection ended as ``lost`` says: end, give up, or wait and reconnect."""
        if lost.too_large and isinstance(lost.error, CometError):
            self._bad(lost.error)
        if self.state is State.CLOSED:
            return _END
        healthy = self.clock.monotonic() - self._started >= self.config.reconnect.healthy_after
        self._retry = 0 if healthy else self._retry + 1
        self._lost = (lost, kind)
        if not self.config.reconnect.enabled:
            self.state = State.CLOSED
            if lost.clean:
                return _END
            error = TransportError(f"event stream {self.server}: {lost.reason}")
            error.__cause__ = lost.error
            return GiveUp(error)
        warning = f"event stream {self.server}: {lost.reason}; reconnecting"
        return self._retry_or_give_up(lost.error, None, warning)

    def _retry_or_give_up(
        self, error: BaseException | None, report: CometError | None, warning: str = ""
    ) -> Decision:
        limit = self.config.reconnect.max_attempts
        if self._retry and limit is not None and self._retry >= limit:
            given_up = TransportError(
                f"event stream {self.server}: giving up after {self._retry} failed attempts"
            )
            given_up.__cause__ = error
            return self._give_up(given_up, report)
        self.state = State.WAITING
        delay = self.config.reconnect.backoff.delay(max(0, self._retry - 1))
        return Wait(delay, report, warning)

    def _give_up(self, error: BaseException, report: CometError | None = None) -> GiveUp:
        self.state = State.CLOSED
        return GiveUp(error, report)

    def timer_fired(self) -> Decision:
        """The wait of a :class:`Wait` is over."""
        return self._connect()

    def close(self) -> None:
        """The consumer closed the stream: every later input answers :class:`End`."""
        self.state = State.CLOSED

    # -- gaps ----------------------------------------------------------------------------

    def open_gap(self, gap: Gap) -> Gap:
        """``gap`` is being settled (``on_gap``, then the resync): count it, keep it visible."""
        self.gaps += 1
        self.pending_gap = gap
        return gap

    def resync_failed(self, retry: int) -> float:
        """The resync failed for the ``retry``-th time (0-based): the delay before the next."""
        self.resync_failures += 1
        return self.config.reconnect.backoff.delay(retry)

    def gap_settled(self, replay: list[Event], *, admit: bool = True) -> list[Event]:
        """The gap is settled; returns the replayed events that go to the consumer."""
        self.replayed += len(replay)
        self.pending_gap = None
        return self.admission.admit_all(replay) if admit else replay

    def drop_gap(self, dropped: int, first: Event, at: float, last: Event | None) -> Gap:
        """The gap of ``dropped`` events dropped from a buffer since ``first`` (at ``at``)."""
        since = min(float(first.Timestamp), at) if first.Timestamp else at
        return Gap(
            server=self.server,
            reason=(
                f"dropped {dropped} events: the consumer is slower than the stream "
                "(overflow='drop_oldest')"
            ),
            last_alive=since,
            reconnected_at=self.clock.time(),
            last_event=last,
            dropped=dropped,
            attempts=0,
            kind=GapKind.DROPPED,
        )
