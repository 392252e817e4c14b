"""Live events: ``async for event in client.events(): ...``.

:class:`EventStream` connects to ``/api/v1/events/stream`` on the client's own
aiohttp session, authenticates with the five handshake frames and yields
typed :class:`Event` structs. Dropped connections reconnect with jittered
exponential backoff; every reconnect is a possible gap (the server replays
nothing), so ``on_gap`` is awaited before the first event of the new
connection, and :func:`resync_jobs` can replay the job events of the gap.

The single-stream path reads the socket in the consumer's own task (no reader
task, no queue): aiohttp's bounded read buffer and TCP hold memory, and a
consumer slower than the server is back-pressured until the server drops it,
which is then a gap. ``overflow="drop_oldest"`` puts a bounded queue in
between instead (see :mod:`aiocomet.merge`).
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
import weakref
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable
from contextlib import aclosing, suppress
from typing import TYPE_CHECKING, Final

import msgspec
from aiohttp import WSMsgType
from aiohttp.http import WSMessageNoDecodeText

from ._backoff import Backoff, Sleep, default_sleep
from ._closing import AsyncClosing
from ._event_connection import ThrottledLog, connect_and_authenticate
from ._event_model import EVENT_CLASSES, Event, EventDecoder, UntypedEvent
from ._event_options import (
    DEFAULT_BACKOFF,
    DEFAULT_MAX_FRAME_BYTES,
    EventOptions,
    OnError,
    OnGap,
    Overflow,
    StreamOptions,
    StreamStats,
)
from ._event_protocol import STREAM_PATH, Gap, JobResync, resync_jobs
from ._event_socket import EventSocket, Lost, WebSocket, ended
from .errors import (
    AuthenticationError,
    ClientClosedError,
    CometError,
    CredentialsError,
    EventDecodeError,
    HandshakeError,
    ProtocolError,
    RedirectRefusedError,
    TransportError,
)

if TYPE_CHECKING:
    from .client import CometClient

__all__ = [
    "Event",
    "EventDecodeError",
    "EventOptions",
    "EventStream",
    "Gap",
    "HandshakeError",
    "JobResync",
    "RedirectRefusedError",
    "StreamOptions",
    "StreamStats",
    "UntypedEvent",
    "resync_jobs",
]

_logger = logging.getLogger("aiocomet.events")

_TEXT: Final = WSMsgType.TEXT
_BINARY: Final = WSMsgType.BINARY
_PING: Final = WSMsgType.PING
_PONG: Final = WSMsgType.PONG


class EventStream(AsyncClosing):
    """The live events of one Comet Server, as an async iterator and context manager.

    ::

        async with client.events(types={SEVT_JOB_COMPLETED}, on_gap=resync) as stream:
            async for event in stream:
                print(event.server, event.type_name, event.job)

    ``types`` filters on the client side. ``on_gap(gap)`` is awaited before
    the first event of every new connection after the first (``Gap``);
    ``on_error(error)`` receives frames that do not decode and connection
    failures that will be retried. Reconnects use ``backoff`` (first retry
    within 1 s, then doubling up to 60 s; every delay at least half its
    ceiling, so even a server that keeps refusing or accepting-then-closing
    sees at most 25 attempts in 10 minutes); the backoff resets only after a
    connection stayed up ``healthy_after`` seconds, and ``max_attempts``
    bounds consecutive failures. Warnings are logged at most once a minute
    per kind (``on_error`` sees every error). ``403 Unauth`` is final (after
    one fresh login when a rejected session key can be replaced by the
    password), and so is a redirected upgrade. ``heartbeat`` pings after
    that many silent seconds and replaces a connection that sends no pong
    within half of it, or one whose pong cannot be sent within half of it.
    Closing waits ``close_timeout`` for the close handshake, then aborts.
    ``resync=resync_jobs()`` replays job events of a gap.
    """

    def __init__(
        self,
        client: CometClient,
        *,
        types: Iterable[int] | None = None,
        on_gap: OnGap | None = None,
        on_error: OnError | None = None,
        reconnect: bool = True,
        backoff: Backoff | None = None,
        max_attempts: int | None = None,
        healthy_after: float = 60.0,
        heartbeat: float | None = 30.0,
        connect_timeout: float = 30.0,
        close_timeout: float = 2.0,
        max_frame_bytes: int = DEFAULT_MAX_FRAME_BYTES,
        resync: JobResync | None = None,
        overflow: Overflow = "block",
        queue_size: int = 1000,
        compress: bool = True,
        sleep: Sleep = default_sleep,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if overflow not in ("block", "drop_oldest"):
            raise ValueError(f"overflow must be 'block' or 'drop_oldest', not {overflow!r}")
        if min(queue_size, max_frame_bytes) < 1 or min(connect_timeout, close_timeout) <= 0:
            raise ValueError(
                "queue_size, max_frame_bytes, connect_timeout and close_timeout must be positive"
            )
        if max_attempts is not None and max_attempts < 1:
            raise ValueError("max_attempts must be at least 1 (or None for no limit)")
        if heartbeat is not None and heartbeat <= 0:
            raise ValueError("heartbeat must be positive (or None to disable pings)")
        self.client = client
        self.server: str = client.base_url
        self.url: str = client.base_url + STREAM_PATH
        self.types: frozenset[int] | None = None if types is None else frozenset(types)
        self.on_gap = on_gap
        self.on_error = on_error
        self.reconnect = reconnect
        self.backoff: Backoff = backoff or DEFAULT_BACKOFF
        self.max_attempts = max_attempts
        self.healthy_after = healthy_after
        self.heartbeat = heartbeat
        self.connect_timeout = connect_timeout
        self.close_timeout = close_timeout
        self.max_frame_bytes = max_frame_bytes
        self.resync = resync
        self.overflow: Overflow = overflow
        self.queue_size = queue_size
        self.compress = compress
        self._sleep = sleep
        self._clock = clock
        self._monotonic = monotonic
        self._decoder = EventDecoder(self.server, redact=client.credentials.redact)
        self._log = ThrottledLog(_logger, monotonic)
        self._type_classes: frozenset[type] | None = None
        if self.types is not None:
            self._type_classes = frozenset(
                EVENT_CLASSES[t] for t in self.types if t in EVENT_CLASSES
            )
        self._agen: AsyncGenerator[Event, None] | None = None  # held strongly when managed
        self._agen_ref: weakref.ref[AsyncGenerator[Event, None]] | None = None
        self._managed = False
        self._iterations = 0
        self._closed_at = 0.0  # when the last connection ended (wall clock)
        self._sock: EventSocket | None = None
        self._wakers: set[asyncio.Future[None]] = set()  # pauses that aclose() ends early
        self._closing = False
        self._last_event: Event | None = None
        self.pending_gap: Gap | None = None
        """A gap whose ``on_gap``/resync has not completed yet (stays set while a resync fails)."""
        self.queue_depth: Callable[[], int] = _zero
        # counters (plain ints; read them through .stats)
        self._events = 0
        self._skipped = 0  # filtered out or removed as duplicates
        self._decode_errors = 0
        self._connects = 0
        self._connections = 0
        self._gaps = 0
        self._dropped = 0
        self._replayed = 0
        self._resync_failures = 0

    def __repr__(self) -> str:
        return f"EventStream({self.server!r}, connected={self.connected})"

    # -- public surface ----------------------------------------------------------------

    @property
    def connected(self) -> bool:
        sock = self._sock
        return sock is not None and not sock.closed

    @property
    def stats(self) -> StreamStats:
        resync = self.resync
        return StreamStats(
            server=self.server,
            connected=self.connected,
            events=self._events,
            delivered=self._events + self._replayed - self._skipped - self._dropped,
            decode_errors=self._decode_errors,
            untyped=self._decoder.untyped,
            connects=self._connects,
            reconnects=max(0, self._connections - 1),
            gaps=self._gaps,
            dropped=self._dropped,
            replayed=self._replayed,
            duplicates=resync.duplicates if resync is not None else 0,
            resync_failures=self._resync_failures,
            queue_depth=self.queue_depth(),
        )

    def __aiter__(self) -> AsyncGenerator[Event, None]:
        """The iterator; outside ``async with`` the stream holds it only weakly.

        The iterator holds the stream, so a strong reference back would be a
        cycle that only the garbage collector breaks: after ``async for ...:
        break`` the websocket would stay open until it runs. Held weakly, the
        iterator is finalized (its websocket closed) as soon as the loop lets
        go of it; iterating again connects again and reports a gap.
        """
        agen = self._current()
        if agen is None:
            agen = self._live() if self.overflow == "block" else self._buffered()
            self._agen_ref = weakref.ref(agen)
            if self._managed:
                self._agen = agen
        return agen

    def __anext__(self) -> Awaitable[Event]:
        agen = self.__aiter__()
        self._agen = agen  # the caller holds no iterator: keep it until aclose()
        return agen.__anext__()

    def _current(self) -> AsyncGenerator[Event, None] | None:
        if self._agen is not None:
            return self._agen
        return self._agen_ref() if self._agen_ref is not None else None

    async def __aenter__(self) -> EventStream:
        self._managed = True  # closed by __aexit__: the iterator may be held strongly
        self._agen = self._current()
        return self

    async def aclose(self) -> None:
        """Close the websocket and end the iterator; safe from any task, idempotent."""
        self._closing = True
        for waker in self._wakers:
            if not waker.done():
                waker.set_result(None)
        agen = self._current()
        if agen is not None and not agen.ag_running:  # type: ignore[attr-defined]
            await agen.aclose()
            return
        sock = self._sock
        if sock is not None:
            await sock.close()  # bounded by close_timeout, then aborted

    # -- the connection loop ---------------------------------------------------------------

    async def _live(self, *, admit: bool = True) -> AsyncGenerator[Event, None]:
        """Connect, handshake, yield events; reconnect and settle gaps until closed."""
        retry = 0  # consecutive failures since the last healthy connection
        attempts = 0  # connection attempts since the last connection was lost
        lost: Lost | None = None
        if self._iterations:  # an earlier iteration ended, and closed its connection
            reason = "a new iteration: the previous one ended and closed its connection"
            lost = Lost(reason, None, None, self._closed_at or self._clock())
        self._iterations += 1
        relogged = False
        while not self._closing:
            self._connects += 1
            attempts += 1
            used_key = self.client.credentials.session_key
            ticket = self.client.session_ticket()
            try:
                sock = await self._connect()
            except AuthenticationError:
                if relogged or not used_key or not self.client.credentials.has_password:
                    raise
                relogged = True
                await self._relogin(used_key, ticket)
                continue
            except (ClientClosedError, CredentialsError, RedirectRefusedError):
                raise
            except CometError as exc:
                await self._report(exc)
                if not self.reconnect:
                    raise
                retry += 1
                self._give_up_after(retry, exc)
                await self._pause(self.backoff.delay(retry - 1))
                continue
            relogged = False
            self._connections += 1
            started = self._monotonic()
            event: Event | None = None  # the last event received, kept in a local
            try:
                if lost is not None:
                    gap = Gap(
                        server=self.server,
                        reason=lost.reason,
                        last_alive=lost.last_alive,
                        reconnected_at=self._clock(),
                        last_event=self._last_event,
                        error=lost.error,
                        close_code=lost.code,
                        attempts=attempts,
                    )
                    for replayed in await self._settle_gap(gap):
                        if not admit or self._deliverable(replayed):
                            yield replayed
                lost = None
                attempts = 0
                # -- the hot path: one receive, one decode, one yield per event --
                receive = sock.ws.receive
                decode = self._decoder.decode_typed
                server = self.server
                classes = self._type_classes
                types = self.types or frozenset()
                resync = self.resync if admit else None
                inflated_limit = self.max_frame_bytes if sock.ws.compress else 0
                while True:
                    try:
                        msg = await receive()
                    except Exception as exc:  # whatever fails while receiving ends the connection
                        lost = await self._ended(sock, None, exc)
                        break
                    if msg.type is _TEXT:
                        data = msg.data
                        if inflated_limit and len(data) > inflated_limit:
                            await self._bad_frame(self._too_large(len(data)))
                            continue
                        try:
                            event = decode(data)
                        except msgspec.ValidationError:
                            fallen = await self._fallback(data)
                            if fallen is None:
                                continue
                            event = fallen
                        except (msgspec.DecodeError, RecursionError, UnicodeDecodeError) as exc:
                            await self._bad_frame(self._decoder.error(data, exc))
                            continue
                        # fields the SDK owns never come from the wire (see EventDecoder.claim)
                        event.server = server
                        event.replayed = False
                        event.tracing_id = ""
                        self._events += 1
                        if resync is not None and not resync.admit(event):
                            self._skipped += 1
                            continue
                        if classes is not None and type(event) not in classes:
                            if type(event) is not UntypedEvent or event.Type not in types:
                                self._skipped += 1
                                continue
                        yield event
                    elif msg.type is _PING:
                        sock.answer_ping(msg.data)
                    elif msg.type is _BINARY:
                        await self._bad_frame(
                            self._decoder.error(
                                msg.data, ProtocolError("binary frame; events are text frames")
                            )
                        )
                    elif msg.type is not _PONG:
                        lost = await self._ended(sock, msg, None)
                        break
            finally:
                if event is not None:
                    self._last_event = event
                if self._sock is sock:
                    self._sock = None
                self._closed_at = self._clock()
                await sock.close()
            if self._closing:
                return
            healthy = self._monotonic() - started >= self.healthy_after
            retry = 0 if healthy else retry + 1
            assert lost is not None
            if not self.reconnect:
                if lost.clean:
                    return
                raise TransportError(f"event stream {self.server}: {lost.reason}") from lost.error
            self._log.warning("lost", "event stream %s: %s; reconnecting", self.server, lost.reason)
            if retry:
                self._give_up_after(retry, lost.error)
            await self._pause(self.backoff.delay(max(0, retry - 1)))

    async def _connect(self) -> EventSocket:
        """Open the websocket and authenticate; raise a CometError on any failure."""

        def opened(ws: WebSocket | None) -> bool:
            # held at once, so that aclose() can close it mid-handshake
            self._sock = (
                None
                if ws is None
                else EventSocket(ws, heartbeat=self.heartbeat, close_timeout=self.close_timeout)
            )
            return self._closing

        ws = await connect_and_authenticate(
            self.client.stream_session,
            self.url,
            self.client.credentials,
            server=self.server,
            heartbeat=self.heartbeat,
            max_frame_bytes=self.max_frame_bytes,
            compress=self.compress,
            connect_timeout=self.connect_timeout,
            close_timeout=self.close_timeout,
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

    async def _ended(
        self, sock: EventSocket, msg: WSMessageNoDecodeText | None, error: BaseException | None
    ) -> Lost:
        """Why the connection ended (a frame too large is reported as a bad frame too)."""
        lost = ended(
            sock,
            msg,
            error,
            server=self.server,
            heartbeat=self.heartbeat,
            max_frame_bytes=self.max_frame_bytes,
            redact=self.client.credentials.redact,
            now=self._clock(),
        )
        if lost.too_large and isinstance(lost.error, CometError):
            await self._bad_frame(lost.error)
        return lost

    def _too_large(self, size: int) -> EventDecodeError:
        return EventDecodeError(
            f"event stream {self.server}: a frame inflated to {size} bytes, more than "
            f"max_frame_bytes ({self.max_frame_bytes}); skipped",
            server=self.server,
        )

    def _give_up_after(self, retry: int, error: BaseException | None) -> None:
        if self.max_attempts is not None and retry >= self.max_attempts:
            raise TransportError(
                f"event stream {self.server}: giving up after {retry} failed attempts"
            ) from error

    async def _pause(self, delay: float) -> None:
        """Sleep ``delay`` with the injected sleep; :meth:`aclose` from another task wakes it."""
        if self._closing or delay <= 0:
            return
        waker = asyncio.get_running_loop().create_future()
        self._wakers.add(waker)
        sleeper = asyncio.ensure_future(self._sleep(delay))
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

    # -- errors, gaps, delivery ----------------------------------------------------------------

    async def _report(self, error: CometError) -> None:
        self._log.warning(type(error).__name__, "%s", error)
        if self.on_error is not None:
            result = self.on_error(error)
            if inspect.isawaitable(result):
                await result

    async def _bad_frame(self, error: CometError) -> None:
        self._decode_errors += 1
        await self._report(error)

    async def _fallback(self, data: bytes) -> Event | None:
        try:
            return self._decoder.fallback(data)
        except EventDecodeError as exc:
            await self._bad_frame(exc)
            return None

    def _deliverable(self, event: Event) -> bool:
        """Dedupe (with a resync) and filter an event taken from outside the hot path."""
        resync = self.resync
        if (resync is not None and not resync.admit(event)) or (
            self.types is not None and event.Type not in self.types
        ):
            self._skipped += 1
            return False
        return True

    async def _settle_gap(self, gap: Gap) -> list[Event]:
        """Await ``on_gap``, then the resync (retried with backoff); return replayed events."""
        self._gaps += 1
        self.pending_gap = gap
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
        if self.resync is not None:
            retry = 0
            while not self._closing:
                try:
                    replay = await self.resync.replay(self.client, gap)
                    break
                except (AuthenticationError, CredentialsError, ClientClosedError):
                    raise
                except CometError as exc:
                    self._resync_failures += 1
                    await self._report(exc)
                    await self._pause(self.backoff.delay(retry))
                    retry += 1
        self._replayed += len(replay)
        self.pending_gap = None
        return replay

    # -- overflow="drop_oldest" --------------------------------------------------------------

    async def _buffered(self) -> AsyncGenerator[Event, None]:
        from .merge import Pump

        pump = Pump([self], queue_size=self.queue_size, overflow="drop_oldest")
        async with aclosing(pump.run()) as events:
            async for event in events:
                yield event


def _zero() -> int:
    return 0
