"""Fault injection: the knobs tests turn to make the emulator misbehave on purpose.

Handshake faults and method failures queue up in call order and are used
by the next handshakes / calls; connection faults act on the websockets that
are subscribed when the knob is turned.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from .._generated.methods import METHODS
from ._auth import Accounts
from ._stream import HandshakeFault, StreamHub
from ._stream_connection import Action, DropHow

Sleep = Callable[[float], Awaitable[None]]

_HOWS = ("close", "abort", "reset")


@dataclass(frozen=True, slots=True)
class MethodFailure:
    """One injected failure of an API method."""

    status: int
    delay: float = 0.0
    headers: Mapping[str, str] = field(default_factory=dict)
    in_body: bool | None = None


def _check_how(how: str) -> None:
    if how not in _HOWS:
        raise ValueError(f"how must be one of {', '.join(_HOWS)}, not {how!r}")


def _check_count(name: str, value: int) -> None:
    if value < 1:
        raise ValueError(f"{name} must be at least 1, not {value}")


class EmulatorFaults:
    """Fault knobs of one :class:`CometEmulator` (``emu.faults``)."""

    def __init__(
        self,
        hub: StreamHub,
        accounts: Accounts,
        restart: Callable[[float, Sleep | None], Awaitable[None]],
    ) -> None:
        self._hub = hub
        self._accounts = accounts
        self._restart = restart
        self._handshakes: deque[HandshakeFault] = deque()
        self._methods: dict[str, deque[MethodFailure]] = {}

    # -- consumed by the emulator ----------------------------------------------------------

    def next_handshake(self) -> HandshakeFault | None:
        return self._handshakes.popleft() if self._handshakes else None

    def take_method_failure(self, name: str) -> MethodFailure | None:
        queue = self._methods.get(name)
        if not queue:
            return None
        failure = queue.popleft()
        if not queue:
            del self._methods[name]
        return failure

    # -- websocket connections ---------------------------------------------------------------

    def drop_websockets(self, *, how: DropHow = "close", code: int = 1000) -> int:
        """Drop every subscribed websocket now; returns how many were dropped."""
        _check_how(how)
        return self._hub.act_all(Action(how, code))

    def drop_after(
        self, n_events: int, *, how: DropHow = "close", code: int = 1000, repeat: bool = False
    ) -> None:
        """Drop each subscribed websocket once it was sent ``n_events`` more events.

        With ``repeat`` every later connection is dropped after ``n_events`` too.
        """
        _check_how(how)
        _check_count("n_events", n_events)
        action = Action(how, code)
        self._hub.countdown_all(n_events, action)
        if repeat:
            self._hub.repeat_drop = action
            self._hub.repeat_drop_after = n_events

    def stall_websockets(self) -> None:
        """Subscribed websockets stop sending and stop answering pings (half-open)."""
        self._hub.act_all(Action("stall"))

    def stall_after(self, n_events: int) -> None:
        _check_count("n_events", n_events)
        self._hub.countdown_all(n_events, Action("stall"))

    def send_raw(self, frame: str | bytes) -> None:
        """A raw text (``str``) or binary (``bytes``) frame to every subscriber, in order."""
        self._hub.broadcast_raw(frame)

    # -- handshakes -------------------------------------------------------------------------

    def refuse_handshakes(self, count: int, *, status: Literal[403, 503] = 403) -> None:
        """403: ``403 Unauth`` after the five frames; 503: HTTP 503 instead of the upgrade."""
        _check_count("count", count)
        if status not in (403, 503):
            raise ValueError(f"status must be 403 or 503, not {status}")
        self._handshakes.extend([HandshakeFault("refuse", status=status)] * count)

    def accept_then_close(self, count: int) -> None:
        _check_count("count", count)
        self._handshakes.extend([HandshakeFault("accept_close")] * count)

    def no_auth_reply(self, count: int) -> None:
        _check_count("count", count)
        self._handshakes.extend([HandshakeFault("no_reply")] * count)

    def auth_reply(self, frame: str | bytes, count: int = 1) -> None:
        """Answer the five frames with ``frame`` (text for str, binary for bytes)."""
        _check_count("count", count)
        self._handshakes.extend([HandshakeFault("reply", frame=frame)] * count)

    # -- the server ---------------------------------------------------------------------------

    async def restart(self, down_for: float, *, sleep: Sleep | None = None) -> None:
        """Stop listening (connections dropped), listen on the same port after ``down_for`` s.

        ``sleep`` waits out the downtime instead of ``asyncio.sleep`` (a test's fake clock).
        """
        await self._restart(down_for, sleep)

    def fail_method(
        self,
        name: str,
        status: int,
        *,
        count: int = 1,
        delay: float = 0.0,
        headers: Mapping[str, str] | None = None,
        in_body: bool | None = None,
    ) -> None:
        """The next ``count`` calls of API method ``name`` answer ``status`` after ``delay`` s.

        ``in_body=True`` sends the status inside an HTTP 200 ``CometAPIResponseMessage``
        (a real server's application error), ``False`` as the HTTP status. ``None``
        follows the emulator's ``error_mode`` for application statuses (4xx but 429 and
        449); throttling, 449 and 5xx are always HTTP statuses.
        """
        if name not in METHODS:
            raise ValueError(
                f"unknown API method {name!r} (use the spec name, e.g. AdminListUsers)"
            )
        _check_count("count", count)
        failure = MethodFailure(status, delay, dict(headers or {}), in_body)
        self._methods.setdefault(name, deque()).extend([failure] * count)

    def revoke_sessions(self) -> None:
        """Every session key stops working."""
        self._accounts.revoke_all()

    def clear(self) -> None:
        """Forget every pending fault (stalled or dropped connections stay as they are)."""
        self._handshakes.clear()
        self._methods.clear()
        self._hub.repeat_drop = None
        for conn in self._hub.subscribers:
            conn.countdowns.clear()
