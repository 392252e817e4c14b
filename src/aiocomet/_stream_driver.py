"""The I/O driver of one event stream: sockets, sleeps, callbacks; the core decides.

:class:`StreamDriver` opens the websocket, reads it in batches
(:meth:`EventSocket.receive_batch <aiocomet._event_socket.EventSocket.receive_batch>`),
sleeps between attempts, logs in again through the client, awaits
``on_gap``/``on_error`` and the resync, and does whatever the sans-I/O
:class:`~aiocomet._stream_core.StreamCore` answers. It is also the stream's
:class:`~aiocomet._event_buffer.EventSource` when a buffer sits between it
and the consumer.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import AsyncGenerator, Callable
from typing import TYPE_CHECKING

from ._event_connection import ThrottledLog, connect_and_authenticate
from ._event_model import Event, EventDecoder
from ._event_options import StreamConfig
from ._event_protocol import STREAM_PATH, Gap
from ._event_socket import EventSocket, SocketEnded, WebSocket, ended
from ._stream_core import Connect, End, GiveUp, Relogin, State, StreamCore, Wait, gap_kind
from .errors import AuthenticationError, ClientClosedError, CometError, CredentialsError

if TYPE_CHECKING:
    from .client import CometClient

__all__ = ["StreamDriver"]

_logger = logging.getLogger("aiocomet.events")


class StreamDriver:
    """Runs one stream's connections for :class:`aiocomet.events.EventStream`."""

    def __init__(self, client: CometClient, config: StreamConfig) -> None:
        self.client = client
        self.config = config
        self.server: str = client.base_url
        self.url: str = client.base_url + STREAM_PATH
        self.on_gap = config.on_gap
        self.on_error = config.on_error
        self.decoder = EventDecoder(self.server, redact=client.credentials.redact)
        self.core = StreamCore(config, self.decoder, self.server)
        self.queue_depth: Callable[[], int] = _zero
        self._log = ThrottledLog(_logger, config.clock.monotonic)
        self._sock: EventSocket | None = None
        self._wakers: set[asyncio.Future[None]] = set()  # pauses that close() ends early

    @property
    def connected(self) -> bool:
        sock = self._sock
        return sock is not None and not sock.closed

    async def close(self) -> None:
        """Closing: end every pause now, and close the socket of a running iteration."""
        self.core.close()
        for waker in self._wakers:
            if not waker.done():
                waker.set_result(None)

    async def close_socket(self) -> None:
        sock = self._sock
        if sock is not None:
            await sock.close()  # bounded by close_timeout, then aborted

    # -- the EventSource protocol (a buffer in between) --------------------------------------

    def batches(self, *, admit: bool, max_batch: int) -> AsyncGenerator[list[Event], None]:
        return self.feed(admit, max_batch)

    def admit(self, event: Event) -> bool:
        return self.core.admission.admit(event)

    def note_dropped(self, count: int) -> None:
        self.core.dropped += count

    async def settle_drops(
        self, dropped: int, first: Event, at: float, last: Event | None
    ) -> list[Event]:
        core = self.core
        return await self.settle(core.open_gap(core.drop_gap(dropped, first, at, last)))

    def attach(self, depth: Callable[[], int]) -> None:
        self.queue_depth = depth

    # -- the connection loop -----------------------------------------------------------------

    async def feed(self, admit: bool, max_batch: int) -> AsyncGenerator[list[Event], None]:
        """Connect, handshake, yield batches; reconnect and settle gaps as the core decides."""
        core = self.core
        decision = core.start()
        used_key: str | None = None
        ticket = 0
        while True:
            if isinstance(decision, Wait):
                if decision.report is not None:
                    await self._report(decision.report)
                if decision.warning:
                    self._log.warning("lost", "%s", decision.warning)
                await self._pause(decision.delay)
                decision = core.timer_fired()
                continue
            if isinstance(decision, GiveUp):
                if decision.report is not None:
                    await self._report(decision.report)
                raise decision.error
            if isinstance(decision, End):
                return
            if isinstance(decision, Relogin):
                await self._relogin(used_key or "", ticket)
                decision = core.relogged()
                continue
            assert isinstance(decision, Connect)
            used_key = self.client.credentials.session_key
            ticket = self.client.session_ticket()
            try:
                sock = await self._connect()
            except CometError as exc:
                decision = core.connect_failed(
                    exc,
                    used_key=bool(used_key),
                    has_password=self.client.credentials.has_password,
                )
                continue
            gap = core.connected(compressed=bool(sock.ws.compress))
            try:
                if gap is not None:
                    replay = await self.settle(gap, admit=admit)
                    for start in range(0, len(replay), max_batch):
                        yield replay[start : start + max_batch]
                # -- the hot path: one receive, then one decode and one yield per batch --
                receive = sock.receive_batch
                decode = core.frames
                while True:
                    try:
                        frames = await receive()
                    except SocketEnded as end:
                        lost = ended(
                            sock,
                            end.msg,
                            end.error,
                            server=self.server,
                            heartbeat=self.config.connection.heartbeat,
                            max_frame_bytes=self.config.connection.max_frame_bytes,
                            redact=self.client.credentials.redact,
                            now=core.clock.time(),
                        )
                        break
                    # decoded at most max_batch at a time, just before each is handed out,
                    # and never held here once it is: see DEFAULT_MAX_BATCH
                    for start in range(0, len(frames), max_batch):
                        events = decode(frames[start : start + max_batch], admit=admit)
                        if core.bad:
                            await self._report_bad()
                        if events:
                            yield events
                        del events
                    del frames
            finally:
                if self._sock is sock:
                    self._sock = None
                core.disconnected()
                await sock.close()
            decision = core.lost(lost, gap_kind(lost, sock.verdict is not None))
            if core.bad:
                await self._report_bad()

    async def _connect(self) -> EventSocket:
        """Open the websocket and authenticate; raise a CometError on any failure."""
        policy = self.config.connection

        def opened(ws: WebSocket | None) -> bool:
            # held at once, so that aclose() can close it mid-handshake
            self._sock = (
                None
                if ws is None
                else EventSocket(ws, heartbeat=policy.heartbeat, close_timeout=policy.close_timeout)
            )
            return self.core.state is State.CLOSED

        ws = await connect_and_authenticate(
            self.client.stream_session,
            self.url,
            self.client.credentials,
            server=self.server,
            heartbeat=policy.heartbeat,
            max_frame_bytes=policy.max_frame_bytes,
            compress=policy.compress,
            connect_timeout=policy.connect_timeout,
            close_timeout=policy.close_timeout,
            opened=opened,
            headers=self.client.request_headers,
        )
        sock = self._sock
        assert sock is not None and sock.ws is ws
        return sock

    async def _relogin(self, rejected_key: str, ticket: int) -> None:
        """After ``403 Unauth`` with a session key: the client's one shared login.

        The stream joins the login of any call or stream that saw the same key
        refused (:meth:`CometClient.replace_session_key`). A login refused
        ends the stream; if it fails for a transient reason, the next attempt
        authenticates the stream with the password directly.
        """
        _logger.info("event stream %s: session key rejected; logging in again", self.server)
        try:
            await self.client.replace_session_key(rejected_key, ticket)
        except AuthenticationError:
            raise
        except CometError as exc:
            self.client.credentials.session_key = None  # the password, directly, from now on
            await self._report(exc)

    async def _pause(self, delay: float) -> None:
        """Sleep ``delay`` with the clock's sleep; :meth:`aclose` from another task wakes it."""
        if self.core.state is State.CLOSED or delay <= 0:
            return
        waker = asyncio.get_running_loop().create_future()
        self._wakers.add(waker)
        sleeper = asyncio.ensure_future(self.config.clock.sleep(delay))
        try:
            await asyncio.wait((sleeper, waker), return_when=asyncio.FIRST_COMPLETED)
        finally:
            self._wakers.discard(waker)
            if not sleeper.done():
                sleeper.cancel()
                await asyncio.wait((sleeper,))  # not suppress(): a cancel of this task goes on up
        if not sleeper.cancelled():
            sleeper.result()  # an error of the injected sleep is raised, not lost

    # -- errors and gaps ---------------------------------------------------------------------

    async def _report(self, error: CometError) -> None:
        self._log.warning(type(error).__name__, "%s", error)
        if self.on_error is not None:
            result = self.on_error(error)
            if inspect.isawaitable(result):
                await result

    async def _report_bad(self) -> None:
        for error in self.core.take_bad():
            await self._report(error)

    async def settle(self, gap: Gap, *, admit: bool = True) -> list[Event]:
        """Await ``on_gap``, then the resync (retried with backoff); return replayed events."""
        self._log.warning(
            "gap",
            "event stream %s: possible gap since %.0f (%s)",
            gap.server,
            gap.last_alive,
            gap.reason,
        )
        if self.on_gap is not None:
            result = self.on_gap(gap)
            if inspect.isawaitable(result):
                await result
        replay: list[Event] = []
        resync = self.config.resync
        if resync is not None:
            retry = 0
            while self.core.state is not State.CLOSED:
                try:
                    replay = await resync.replay(self.client, gap)
                    break
                except (AuthenticationError, CredentialsError, ClientClosedError):
                    raise
                except CometError as exc:
                    delay = self.core.resync_failed(retry)
                    await self._report(exc)
                    await self._pause(delay)
                    retry += 1
        return self.core.gap_settled(replay, admit=admit)


def _zero() -> int:
    return 0
