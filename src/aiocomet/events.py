"""Live events: ``async for event in client.events(): ...``.

:class:`EventStream` connects to ``/api/v1/events/stream`` on the client's own
aiohttp session, authenticates with the five handshake frames and yields
typed :class:`Event` structs; :class:`EventBatches` (``client.event_batches()``)
yields them in small lists, from the same engine. Dropped connections
reconnect with jittered exponential backoff; every reconnect is a possible
gap (the server replays nothing), so ``on_gap`` is awaited before the first
event of the new connection, and :func:`resync_jobs` can replay the job
events of the gap.

This module is the I/O driver: it opens sockets, sleeps, awaits callbacks
and yields; every decision (reconnect or give up, which gap, which events
go out, the counters) is taken by the sans-I/O :class:`~aiocomet._stream_core.StreamCore`.
The single-stream path reads the socket in the consumer's own task (no reader
task, no queue): aiohttp's bounded read buffer and TCP hold memory, and a
consumer slower than the server is back-pressured until the server drops it,
which is then a gap. ``overflow="drop_oldest"`` puts the bounded buffer of
:mod:`aiocomet._event_buffer` in between instead.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import AsyncGenerator, Callable
from contextlib import aclosing, suppress
from typing import TYPE_CHECKING, Unpack

from ._clock import Clock
from ._event_buffer import EventBuffer
from ._event_connection import ThrottledLog, connect_and_authenticate
from ._event_model import Event, EventDecoder, UntypedEvent
from ._event_options import (
    DEFAULT_MAX_BATCH,
    ConnectionPolicy,
    EventOptions,
    ReconnectPolicy,
    StreamConfig,
    StreamOptions,
    StreamStats,
)
from ._event_protocol import STREAM_PATH, Gap, GapKind, JobResync, resync_jobs
from ._event_socket import EventSocket, SocketEnded, WebSocket, ended
from ._iteration import Iterated
from ._stream_core import Connect, End, GiveUp, Relogin, State, StreamCore, Wait, gap_kind
from .errors import (
    AuthenticationError,
    ClientClosedError,
    CometError,
    CredentialsError,
    EventDecodeError,
    HandshakeError,
    RedirectRefusedError,
)

if TYPE_CHECKING:
    from ._backoff import Backoff
    from .client import CometClient

__all__ = [
    "Clock",
    "ConnectionPolicy",
    "Event",
    "EventBatches",
    "EventDecodeError",
    "EventOptions",
    "EventStream",
    "Gap",
    "GapKind",
    "HandshakeError",
    "JobResync",
    "ReconnectPolicy",
    "RedirectRefusedError",
    "StreamOptions",
    "StreamStats",
    "UntypedEvent",
    "resync_jobs",
]

_logger = logging.getLogger("aiocomet.events")


class EventStream(Iterated[Event]):
    """The live events of one Comet Server, as an async iterator and context manager.

    ::

        async with client.events(types={SEVT_JOB_COMPLETED}, on_gap=resync) as stream:
            async for event in stream:
                print(event.server, event.type_name, event.job)

    ``types`` filters on the client side. ``on_gap(gap)`` is awaited before
    the first event of every new connection after the first (:class:`Gap`);
    ``on_error(error)`` receives frames that do not decode and connection
    failures that will be retried. ``reconnect`` takes a
    :class:`ReconnectPolicy` (or ``False``; ``backoff``, ``max_attempts``
    and ``healthy_after`` set one of its fields), ``connection`` a
    :class:`ConnectionPolicy` (``heartbeat``, ``connect_timeout``,
    ``close_timeout``, ``max_frame_bytes``, ``compress``), ``clock`` a
    :class:`Clock` (tests: a fake sleep). Warnings are logged at most once
    a minute per kind (``on_error`` sees every error). ``403 Unauth`` is
    final (after one fresh login through the client when a rejected session
    key can be replaced by the password), and so is a redirected upgrade.
    ``resync=resync_jobs()`` replays job events of a gap.
    ``overflow="drop_oldest"`` keeps up to ``queue_size`` events in a buffer
    and drops the oldest when the consumer falls behind (a gap).
    """

    def __init__(
        self,
        client: CometClient,
        config: StreamConfig | None = None,
        **options: Unpack[EventOptions],
    ) -> None:
        if config is not None and options:
            raise TypeError("pass either a StreamConfig or keyword options, not both")
        super().__init__()
        self.config = config = config if config is not None else StreamConfig.of(options)
        self.client = client
        self.server: str = client.base_url
        self.url: str = client.base_url + STREAM_PATH
        self.on_gap = config.on_gap
        self.on_error = config.on_error
        decoder = EventDecoder(self.server, redact=client.credentials.redact)
        self._decoder = decoder
        self.core = StreamCore(config, decoder, self.server)
        self.source = StreamSource(self)
        """This stream as an :class:`~aiocomet._event_buffer.EventSource` of a buffer."""
        self._log = ThrottledLog(_logger, config.clock.monotonic)
        self._sock: EventSocket | None = None
        self._wakers: set[asyncio.Future[None]] = set()  # pauses that aclose() ends early
        self.queue_depth: Callable[[], int] = _zero

    def __repr__(self) -> str:
        return f"EventStream({self.server!r}, connected={self.connected})"

    # -- public surface ----------------------------------------------------------------

    @property
    def types(self) -> frozenset[int] | None:
        return self.config.types

    @property
    def resync(self) -> JobResync | None:
        return self.config.resync

    @property
    def backoff(self) -> Backoff:
        return self.config.reconnect.backoff

    @property
    def pending_gap(self) -> Gap | None:
        """A gap whose ``on_gap``/resync has not completed yet (stays set while a resync fails)."""
        return self.core.pending_gap

    @property
    def connected(self) -> bool:
        sock = self._sock
        return sock is not None and not sock.closed

    @property
    def stats(self) -> StreamStats:
        core = self.core
        skipped = core.admission.skipped
        resync = self.config.resync
        return StreamStats(
            server=self.server,
            connected=self.connected,
            events=core.events,
            delivered=core.events + core.replayed - skipped - core.dropped,
            decode_errors=core.decode_errors,
            untyped=self._decoder.untyped,
            connects=core.connects,
            reconnects=max(0, core.connections - 1),
            gaps=core.gaps,
            dropped=core.dropped,
            replayed=core.replayed,
            duplicates=resync.duplicates if resync is not None else 0,
            resync_failures=core.resync_failures,
            queue_depth=self.queue_depth(),
        )

    async def aclose(self) -> None:
        """Close the websocket and end the iterator; safe from any task, idempotent."""
        self.core.close()
        for waker in self._wakers:
            if not waker.done():
                waker.set_result(None)
        await super().aclose()  # left alone while running: closing its socket ends it
        sock = self._sock
        if sock is not None:
            await sock.close()  # bounded by close_timeout, then aborted

    # -- iteration -------------------------------------------------------------------------

    async def _generate(self) -> AsyncGenerator[Event, None]:
        # one event at a time from a buffer, so that queue_size bounds what waits
        async with aclosing(self.batches(1 if self.config.overflow != "block" else 0)) as batches:
            async for batch in batches:
                for event in batch:
                    yield event

    def batches(self, max_batch: int = 0) -> AsyncGenerator[list[Event], None]:
        """The admitted events in lists of at most ``max_batch`` (0: the default size)."""
        size = max_batch or DEFAULT_MAX_BATCH
        if self.config.overflow == "block":
            return self.source.batches(admit=True, max_batch=size)
        buffer = EventBuffer(
            [self.source],
            queue_size=self.config.queue_size,
            overflow=self.config.overflow,
            clock=self.config.clock,
        )
        return buffer.batches(size)

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
                    replay = await self._settle(gap, admit=admit)
                    for start in range(0, len(replay), max_batch):
                        yield replay[start : start + max_batch]
                # -- the hot path: one receive, one decode and one yield per batch --
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
                    if len(frames) <= max_batch:
                        events = decode(frames, admit=admit)
                        if core.bad:
                            await self._report_bad()
                        if events:
                            yield events
                        continue
                    for start in range(0, len(frames), max_batch):
                        events = decode(frames[start : start + max_batch], admit=admit)
                        if core.bad:
                            await self._report_bad()
                        if events:
                            yield events
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
                with suppress(asyncio.CancelledError):
                    await sleeper
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
        return await self._settle(gap, admit=admit)

    async def _settle(self, gap: Gap, *, admit: bool) -> list[Event]:
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


class StreamSource:
    """An :class:`EventStream` as the :class:`~aiocomet._event_buffer.EventSource` of a buffer."""

    __slots__ = ("stream",)

    def __init__(self, stream: EventStream) -> None:
        self.stream = stream

    @property
    def server(self) -> str:
        return self.stream.server

    def batches(self, *, admit: bool, max_batch: int) -> AsyncGenerator[list[Event], None]:
        return self.stream.feed(admit, max_batch)

    def admit(self, event: Event) -> bool:
        return self.stream.core.admission.admit(event)

    def note_dropped(self, count: int) -> None:
        self.stream.core.dropped += count

    async def settle_drops(
        self, dropped: int, first: Event, at: float, last: Event | None
    ) -> list[Event]:
        core = self.stream.core
        gap = core.open_gap(core.drop_gap(dropped, first, at, last))
        return await self.stream.settle(gap)

    def attach(self, depth: Callable[[], int]) -> None:
        self.stream.queue_depth = depth


class EventBatches(Iterated[list[Event]]):
    """The live events of one Comet Server in small lists: ``client.event_batches()``.

    ::

        async with client.event_batches(max_batch=256) as batches:
            async for batch in batches:
                for event in batch:
                    ...

    The same guarantees as :class:`EventStream` (it runs one): gaps and
    ``on_gap`` before the next batch, resync, filters, dedupe, heartbeat,
    reconnects, ``overflow="drop_oldest"``. Each batch holds events already
    received, decoded just before it is handed out, at most ``max_batch`` of
    them: a loop over batches saves an async-generator step per event.
    """

    def __init__(self, stream: EventStream, max_batch: int = DEFAULT_MAX_BATCH) -> None:
        if max_batch < 1:
            raise ValueError("max_batch must be at least 1")
        super().__init__()
        self.stream = stream
        self.max_batch = max_batch

    def __repr__(self) -> str:
        return f"EventBatches({self.stream.server!r}, max_batch={self.max_batch})"

    @property
    def server(self) -> str:
        return self.stream.server

    @property
    def stats(self) -> StreamStats:
        return self.stream.stats

    @property
    def connected(self) -> bool:
        return self.stream.connected

    @property
    def pending_gap(self) -> Gap | None:
        return self.stream.pending_gap

    def _generate(self) -> AsyncGenerator[list[Event], None]:
        return self.stream.batches(self.max_batch)

    async def aclose(self) -> None:
        """Close the websocket and end the iterator; safe from any task, idempotent."""
        await super().aclose()
        await self.stream.aclose()


def _zero() -> int:
    return 0
