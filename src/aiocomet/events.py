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

from collections.abc import AsyncGenerator
from contextlib import aclosing
from typing import TYPE_CHECKING, Unpack

from ._clock import Clock
from ._event_buffer import EventBuffer, EventSource
from ._event_model import Event, UntypedEvent
from ._event_options import (
    DEFAULT_MAX_BATCH,
    ConnectionPolicy,
    EventOptions,
    OnError,
    OnGap,
    ReconnectPolicy,
    StreamConfig,
    StreamOptions,
    StreamStats,
)
from ._event_protocol import STREAM_PATH, Gap, GapKind, JobResync, resync_jobs
from ._iteration import Iterated
from ._stream_driver import StreamDriver
from .errors import (
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
    ``keep_frames=True`` sets ``event.frame`` to the bytes the server sent
    (decoding keeps only the fields this SDK knows; the frame keeps all).
    """

    def __init__(
        self,
        client: CometClient,
        config: StreamConfig | None = None,
        **options: Unpack[EventOptions],
    ) -> None:
        if config is not None and options:
            raise TypeError("pass either a StreamConfig or keyword options, not both")
        super().__init__(self._iterate)
        if config is None:
            config = StreamConfig.of(options)
        self.config: StreamConfig = config
        self.client = client
        self.server: str = client.base_url
        self.url: str = client.base_url + STREAM_PATH
        self._driver = StreamDriver(client, config)

    def __repr__(self) -> str:
        return f"EventStream({self.server!r}, connected={self.connected})"

    # -- public surface ----------------------------------------------------------------

    @property
    def on_gap(self) -> OnGap | None:
        return self._driver.on_gap

    @on_gap.setter
    def on_gap(self, on_gap: OnGap | None) -> None:
        self._driver.on_gap = on_gap

    @property
    def on_error(self) -> OnError | None:
        return self._driver.on_error

    @on_error.setter
    def on_error(self, on_error: OnError | None) -> None:
        self._driver.on_error = on_error

    @property
    def source(self) -> EventSource:
        """This stream as the source of a buffer (see :func:`aiocomet.merge_events`)."""
        return self._driver

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
        return self._driver.core.pending_gap

    @property
    def connected(self) -> bool:
        return self._driver.connected

    @property
    def stats(self) -> StreamStats:
        core = self._driver.core
        skipped = core.admission.skipped
        resync = self.config.resync
        return StreamStats(
            server=self.server,
            connected=self.connected,
            events=core.events,
            delivered=core.events + core.replayed - skipped - core.dropped,
            decode_errors=core.decode_errors,
            untyped=self._driver.decoder.untyped,
            connects=core.connects,
            reconnects=max(0, core.connections - 1),
            gaps=core.gaps,
            dropped=core.dropped,
            replayed=core.replayed,
            duplicates=resync.duplicates if resync is not None else 0,
            resync_failures=core.resync_failures,
            queue_depth=self._driver.queue_depth(),
        )

    async def aclose(self) -> None:
        """Close the websocket and end the iterator; safe from any task, idempotent."""
        await self._driver.close()
        await super().aclose()  # left alone while running: closing its socket ends it
        await self._driver.close_socket()

    # -- iteration -------------------------------------------------------------------------

    async def _iterate(self) -> AsyncGenerator[Event, None]:
        # one event at a time from a buffer, so that queue_size bounds what waits
        size = DEFAULT_MAX_BATCH if self.config.overflow == "block" else 1
        async with aclosing(self.batches(size)) as batches:
            async for batch in batches:
                for event in batch:
                    yield event
                del batch  # freed before the next is decoded (see DEFAULT_MAX_BATCH)

    def batches(self, max_batch: int = DEFAULT_MAX_BATCH) -> AsyncGenerator[list[Event], None]:
        """A new iterator of the admitted events in lists of at most ``max_batch``.

        Its lifetime is the caller's (``client.event_batches()`` manages it for you).
        """
        if max_batch < 1:
            raise ValueError("max_batch must be at least 1")
        size = max_batch
        if self.config.overflow == "block":
            return self._driver.feed(True, size)
        buffer = EventBuffer(
            [self.source],
            queue_size=self.config.queue_size,
            overflow=self.config.overflow,
            clock=self.config.clock,
        )
        return buffer.batches(size)


class EventBatches(Iterated[list[Event]]):
    """The live events of one Comet Server in small lists: ``client.event_batches()``.

    ::

        async with client.event_batches(max_batch=64) as batches:
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
        super().__init__(self._iterate)
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

    def _iterate(self) -> AsyncGenerator[list[Event], None]:
        return self.stream.batches(self.max_batch)

    async def aclose(self) -> None:
        """Close the websocket and end the iterator; safe from any task, idempotent."""
        await super().aclose()
        await self.stream.aclose()
