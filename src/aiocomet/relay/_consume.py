"""Reading relayed events back: consumer groups, acknowledgement after each step, claims.

:func:`consume` yields the same typed :class:`~aiocomet.events.Event` objects
as ``client.events()`` and the relay's gap markers as
:class:`~aiocomet.events.Gap`, from one stream, several, or every stream a
pattern matches (rescanned as servers are added). It reads with
``XREADGROUP`` and acknowledges an entry when the consumer asks for the next
one (its step returned): at least once. It starts with this consumer's own
pending entries (a restart redelivers what was not acknowledged), and every
``claim_idle / 2`` seconds takes over entries that other consumers of the
group have held longer than ``claim_idle`` (``XAUTOCLAIM``). Entries trimmed
away before they were acknowledged come as a :class:`Gap`, never silently.
"""

from __future__ import annotations

import inspect
import logging
import os
import socket
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import redis.asyncio as aioredis
from redis.exceptions import ResponseError

from .._backoff import Backoff, Sleep, default_sleep
from .._event_protocol import Gap
from ..errors import CometError
from ..events import Event
from ._cancel import Uncancelled
from ._entries import Delivered, EntryDecoder, SeenWindow
from ._outbox import RETRIED
from ._redis_sink import connect_redis

__all__ = ["ConsumerStats", "RelayConsumer", "consume"]

log = logging.getLogger("aiocomet.relay")

Item = Event | Gap
OnError = Callable[[CometError], Awaitable[None] | None]
_Read = tuple[bytes, bytes, Delivered | CometError | None]
"""stream, entry id, and the entry, or why it cannot be delivered (None: trimmed away)."""


@dataclass(frozen=True, slots=True)
class ConsumerStats:
    delivered: int
    acknowledged: int
    claimed: int
    duplicates: int
    decode_errors: int
    trimmed: int
    streams: int


class RelayConsumer:
    """Relayed events from Redis, through the consumer group ``group``.

    ::

        async with consume("redis://localhost", pattern="comet:{*}:events", group="psa") as c:
            async for item in c:  # Event or Gap
                await handle(item)  # acknowledged when the loop asks for the next item

    ``redis`` is a URL or a redis-py asyncio client (``decode_responses=False``);
    ``streams`` names streams and/or ``pattern`` matches them (rescanned every
    ``rescan`` seconds). A new group starts at ``start`` (``"0"``: all that
    the stream holds; ``"$"``: new entries only). ``consumer`` names this
    consumer in the group (default host-pid; reuse a name after a restart to
    get its pending entries first). ``claim_idle`` seconds: take over
    entries other consumers held that long (None: never). ``dedupe=N``
    drops redeliveries of the last N (server, sequence) pairs. ``block``
    is how long one read waits for new entries. ``c.batches()`` yields lists
    instead; ``await c.commit()`` acknowledges the current item or batch too.
    Bad entries go to ``on_error`` and are acknowledged, as are duplicates.
    ``keep_frames=True`` sets ``event.frame`` of a live event to the bytes the
    server sent, as ``client.events(keep_frames=True)`` does.
    """

    def __init__(
        self,
        redis: str | aioredis.Redis,
        streams: str | Sequence[str] | None = None,
        *,
        group: str,
        pattern: str | None = None,
        consumer: str | None = None,
        count: int = 256,
        block: float = 1.0,
        claim_idle: float | None = 60.0,
        dedupe: int = 0,
        start: str = "0",
        rescan: float = 10.0,
        on_error: OnError | None = None,
        backoff: Backoff | None = None,
        sleep: Sleep = default_sleep,
        monotonic: Callable[[], float] = time.monotonic,
        keep_frames: bool = False,
    ) -> None:
        names = [streams] if isinstance(streams, str) else list(streams or [])
        if not names and pattern is None:
            raise ValueError("consume() needs streams or a pattern")
        if count < 1 or block <= 0 or (claim_idle is not None and claim_idle <= 0):
            raise ValueError("count, block and claim_idle must be positive")
        self._owns = isinstance(redis, str)
        self.redis: aioredis.Redis = connect_redis(redis) if isinstance(redis, str) else redis
        self.group = group
        self.consumer: str = consumer or f"{socket.gethostname()}-{os.getpid()}"
        self.pattern = pattern
        self.count = count
        self.block_ms: int = max(1, round(block * 1000))
        self.claim_idle = claim_idle
        self.start = start
        self.rescan = rescan
        self.on_error = on_error
        self.backoff: Backoff = backoff or Backoff(initial=0.05, cap=2.0, floor=0.0, jitter=0.5)
        self._sleep = sleep
        self._now = monotonic
        self._streams: dict[bytes, bytes] = {n.encode(): b"0" for n in names}  # next id to read
        self._fixed = set(self._streams)
        self._decoder = EntryDecoder(keep_frames=keep_frames)
        self._seen = SeenWindow(dedupe) if dedupe else None
        self._acks: dict[bytes, list[bytes]] = {}
        self._unacked: list[tuple[bytes, bytes]] = []
        self._last_claim = monotonic()
        self._last_scan = float("-inf")
        self._groups_ready = False
        self._delivered = self._acked = self._claimed = self._errors = self._trimmed = 0

    @property
    def stats(self) -> ConsumerStats:
        return ConsumerStats(
            delivered=self._delivered,
            acknowledged=self._acked,
            claimed=self._claimed,
            duplicates=self._seen.duplicates if self._seen else 0,
            decode_errors=self._errors,
            trimmed=self._trimmed,
            streams=len(self._streams),
        )

    @property
    def streams(self) -> list[str]:
        return sorted(s.decode() for s in self._streams)

    async def __aenter__(self) -> RelayConsumer:
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the Redis client (if made here); what was not acknowledged is redelivered."""
        if self._owns:
            await self.redis.aclose()

    async def commit(self) -> None:
        """Acknowledge everything delivered so far, the current item or batch included."""
        self._ack_delivered()
        with Uncancelled():
            await self._flush_acks()

    def __aiter__(self) -> AsyncGenerator[Item, None]:
        return self._items()

    async def _items(self) -> AsyncGenerator[Item, None]:
        async for batch in self.batches():
            for item in batch[:-1]:
                yield item
            if batch:
                yield batch[-1]

    async def batches(self) -> AsyncGenerator[list[Item], None]:
        """Lists of items as read (up to ``count`` per stream); each acknowledged on the next."""
        async for entries in self.entries():
            yield [entry.item for entry in entries]

    async def entries(self) -> AsyncGenerator[list[Delivered], None]:
        """Like :meth:`batches`, with each entry's server, sequence, token and relay time."""
        while True:
            reads = await self._next_reads()
            found: list[Delivered] = []
            for stream, entry_id, delivered in reads:
                assert isinstance(delivered, Delivered)
                found.append(delivered)
                self._unacked.append((stream, entry_id))
            self._delivered += len(found)
            if found:
                yield found
            self._ack_delivered()

    # -- reading ---------------------------------------------------------------------------

    def _ack_delivered(self) -> None:
        for stream, entry_id in self._unacked:
            self._acks.setdefault(stream, []).append(entry_id)
        self._unacked.clear()

    async def _next_reads(self) -> list[_Read]:
        retry = 0
        while True:
            try:
                with Uncancelled():  # a cancellation that redis-py's send lost: raised here
                    reads = await self._read_once()
                retry = 0
            except RETRIED as exc:
                if isinstance(exc, ResponseError) and "NOGROUP" in str(exc):
                    self._groups_ready = (
                        False  # Redis lost the group (or the stream): make it again
                    )
                log.warning("relay consumer %s: reading failed (%s); retrying", self.consumer, exc)
                await self._sleep(self.backoff.delay(retry))
                retry += 1
                continue
            kept = await self._filter(reads)
            if kept:
                return kept

    async def _read_once(self) -> list[_Read]:
        now = self._now()
        if self.pattern is not None and now - self._last_scan >= self.rescan:
            await self._scan()
            self._last_scan = now
        if not self._groups_ready:
            await self._ensure_groups()
        if not self._streams:
            await self._sleep(self.block_ms / 1000)
            return []
        if self.claim_idle is not None and now - self._last_claim >= self.claim_idle / 2:
            self._last_claim = now
            await self._flush_acks()
            claimed = await self._claim()
            if claimed:
                return claimed
        pending = {s: i for s, i in self._streams.items() if i != b">"}
        block = None if pending else self.block_ms
        ids: dict[Any, Any] = pending or dict(self._streams)
        reply = await self._ack_and_read(ids, block)
        reads: list[_Read] = []
        got = {bytes(stream): entries for stream, entries in reply or []}
        for stream in pending:
            if not got.get(stream):
                self._streams[stream] = b">"  # own pending entries all delivered: now new ones
        for stream, entries in got.items():
            for entry_id, fields in entries:
                if stream in pending:
                    self._streams[stream] = entry_id
                reads.append(self._decode(stream, entry_id, fields))
        return reads

    def _decode(self, stream: bytes, entry_id: bytes, fields: dict[bytes, bytes]) -> _Read:
        if not fields:
            return (stream, entry_id, None)  # deleted (trimmed) while pending
        try:
            return (stream, entry_id, self._decoder.decode(fields))
        except CometError as exc:
            return (stream, entry_id, exc)

    async def _filter(self, reads: list[_Read]) -> list[_Read]:
        """Drop (and acknowledge) duplicates and bad entries; trimmed ones become a Gap."""
        kept: list[_Read] = []
        trimmed: dict[bytes, int] = {}
        for stream, entry_id, delivered in reads:
            if not isinstance(delivered, Delivered):
                self._acks.setdefault(stream, []).append(entry_id)
                if delivered is None:
                    trimmed[stream] = trimmed.get(stream, 0) + 1
                else:
                    self._errors += 1
                    log.warning(
                        "relay consumer: entry %s of %s skipped: %s", entry_id, stream, delivered
                    )
                    await self._tell(delivered)
                continue
            if self._seen is not None and not self._seen.first_time(
                delivered.server, delivered.seq
            ):
                self._acks.setdefault(stream, []).append(entry_id)
                continue
            kept.append((stream, entry_id, delivered))
        for stream, n in trimmed.items():
            self._trimmed += n
            now = time.time()
            gap = Gap(
                server=stream.decode(),
                reason=f"{n} entries were trimmed from {stream.decode()} before this group "
                "acknowledged them",
                last_alive=now,
                reconnected_at=now,
                dropped=n,
            )
            kept.append((stream, b"", Delivered(gap, stream.decode(), 0, 0, 0)))
        return kept

    async def _tell(self, error: CometError) -> None:
        if self.on_error is not None:
            result = self.on_error(error)
            if inspect.isawaitable(result):
                await result

    def _queue_acks(self, pipe: Any) -> list[tuple[bytes, list[bytes]]]:
        """XACKs of what was delivered, added to ``pipe``; returns them in pipeline order."""
        queued: list[tuple[bytes, list[bytes]]] = []
        for stream, ids in self._acks.items():
            real = [i for i in ids if i]
            if real:
                pipe.xack(stream, self.group, *real)
                queued.append((stream, real))
        return queued

    async def _flush_acks(self) -> None:
        if not self._acks:
            return
        pipe = self.redis.pipeline(transaction=False)
        queued = self._queue_acks(pipe)
        if queued:
            await pipe.execute()
        self._acked += sum(len(real) for _, real in queued)
        self._acks.clear()

    async def _ack_and_read(self, ids: dict[Any, Any], block: int | None) -> Any:
        """The pending XACKs and the next XREADGROUP in one round trip.

        A failed acknowledgement stays queued for the next round trip; a
        failed read raises (after the acknowledgements that succeeded).
        """
        pipe = self.redis.pipeline(transaction=False)
        queued = self._queue_acks(pipe)
        self._acks.clear()  # entries without an id (trimmed gaps) need no XACK
        pipe.xreadgroup(self.group, self.consumer, ids, count=self.count, block=block)
        *acks, reply = await pipe.execute(raise_on_error=False)
        for (stream, real), result in zip(queued, acks, strict=True):
            if isinstance(result, Exception):
                self._acks.setdefault(stream, []).extend(real)
            else:
                self._acked += len(real)
        if isinstance(reply, Exception):
            raise reply
        return reply

    async def _ensure_groups(self) -> None:
        for stream in self._streams:
            try:
                await self.redis.xgroup_create(stream, self.group, id=self.start, mkstream=True)
            except ResponseError as exc:
                if "BUSYGROUP" not in str(exc):
                    raise
        self._groups_ready = True

    async def _scan(self) -> None:
        assert self.pattern is not None
        found: set[bytes] = set()
        async for key in self.redis.scan_iter(match=self.pattern, _type="stream", count=1000):
            found.add(bytes(key))
        new = found - set(self._streams)
        for stream in sorted(new):
            self._streams[stream] = b"0"
        if new:
            self._groups_ready = False

    async def _claim(self) -> list[_Read]:
        assert self.claim_idle is not None
        idle_ms = max(1, round(self.claim_idle * 1000))
        reads: list[_Read] = []
        for stream in list(self._streams):
            reply: Any = await self.redis.xautoclaim(
                stream, self.group, self.consumer, idle_ms, start_id="0-0", count=self.count
            )
            entries = reply[1] if len(reply) > 1 else []
            deleted = reply[2] if len(reply) > 2 else []
            for entry_id, fields in entries:
                if entry_id is not None:
                    reads.append(self._decode(stream, entry_id, fields))
            reads.extend((stream, entry_id, None) for entry_id in deleted)
            self._claimed += len(entries) + len(deleted)
        return reads


consume = RelayConsumer
"""``consume(redis, streams, group=..., ...)``: a :class:`RelayConsumer` (the one spelling)."""
