"""The bounded outbox of one held server: entries wait here for their round trip to the sink.

The reader awaits :meth:`Outbox.put`, which blocks while ``batch_size *
max_in_flight`` entries wait besides the round trip in flight (so the next
round trip fills while one is under way; at most ``limit``, twice that, are
held): a slow or unreachable sink stops the reading
of the websocket (the Comet server then drops the connection, a gap the
resync repairs). Nothing is dropped: a failed round trip is retried, in
order, with backoff, and a retried entry is never written twice (the append
script skips sequence numbers it has seen). Only a lost lease (the fence
refused the batch) ends the outbox; its entries are then counted as
``abandoned`` and the new holder's takeover gap covers them.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable
from itertools import islice

from redis.exceptions import RedisError

from .._backoff import Backoff, Sleep, default_sleep
from ..errors import StaleLeaseError
from ._cancel import Uncancelled
from ._entries import Entry, GapMarker, Kind, gap_entry
from ._sink import Claim, RelaySink

__all__ = ["Outbox"]

log = logging.getLogger("aiocomet.relay")

RETRIED = (OSError, asyncio.TimeoutError, RedisError)
"""Failures of a round trip that are waited out (the sink is down, slow or full)."""


class Outbox:
    """Entries of one server in sequence order, written by :meth:`run` in pipelined batches."""

    def __init__(
        self,
        sink: RelaySink,
        claim: Claim,
        *,
        batch_size: int,
        max_in_flight: int,
        backoff: Backoff,
        sleep: Sleep = default_sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.sink = sink
        self.claim = claim
        self.batch_size = batch_size
        self.max_in_flight = max_in_flight
        self.per_trip: int = batch_size * max_in_flight
        self.limit: int = 2 * self.per_trip  # one round trip in flight, the next one filling
        self.backoff = backoff
        self._sleep = sleep
        self._clock = clock
        self.next_seq: int = claim.seq + 1
        self._pending: deque[Entry] = deque()
        self._ready = asyncio.Event()
        self._space = asyncio.Event()
        self._space.set()
        self._idle = asyncio.Event()
        self._idle.set()
        self.written: int = 0
        self.failures: int = 0
        self.blocked: int = 0  # times the reader had to wait for room
        self.abandoned: int = 0

    def __len__(self) -> int:
        return len(self._pending)

    def wall_ms(self) -> int:
        return int(self._clock() * 1000)

    async def put(self, kind: Kind, payload: bytes) -> None:
        """Queue one entry; waits while the outbox is full (that is the back-pressure)."""
        await self._room()
        self._pending.append(Entry(self.next_seq, kind, payload, self.wall_ms()))
        self.next_seq += 1
        self._queued()

    async def put_many(self, kind: Kind, payloads: list[bytes]) -> None:
        """Queue entries of one kind in order (one clock reading), waiting for room as needed."""
        wall = self.wall_ms()
        pending = self._pending
        i = 0
        while i < len(payloads):
            await self._room()
            take = payloads[i : i + self.limit - len(pending)]
            seq = self.next_seq
            pending.extend(Entry(seq + j, kind, p, wall) for j, p in enumerate(take))
            self.next_seq = seq + len(take)
            i += len(take)
            self._queued()

    async def put_gap(self, marker: GapMarker) -> None:
        await self._room(count=False)
        self._pending.append(gap_entry(self.next_seq, marker, self.wall_ms()))
        self.next_seq += 1
        self._queued()

    async def _room(self, *, count: bool = True) -> None:
        while len(self._pending) >= self.limit:
            if count:
                self.blocked += 1
            self._space.clear()
            await self._space.wait()

    def _queued(self) -> None:
        self._idle.clear()
        self._ready.set()

    async def drained(self) -> None:
        """Wait until every queued entry is written."""
        await self._idle.wait()

    async def run(self) -> None:
        """Write until cancelled; raise StaleLeaseError when the fence refuses a batch."""
        retry = 0
        pending = self._pending
        while True:
            if not pending:
                self._idle.set()
                self._ready.clear()
                await self._ready.wait()
                continue
            take = list(islice(pending, self.per_trip))
            size = self.batch_size
            batches = [take[i : i + size] for i in range(0, len(take), size)]
            try:
                with Uncancelled():  # a cancellation that redis-py's send lost: raised here
                    self.written += await self.sink.write(self.claim, batches)
            except StaleLeaseError:
                self.abandoned += len(pending)
                log.warning(
                    "relay %s: lease lost (token %d); %d entries not written, the next "
                    "holder's takeover gap covers them",
                    self.claim.server,
                    self.claim.token,
                    len(pending),
                )
                raise
            except RETRIED as exc:  # Redis down, restarting, slow or full: wait and repeat
                await self._failed(exc, retry)
                retry += 1
                continue
            retry = 0
            for _ in take:
                pending.popleft()
            self._space.set()

    async def _failed(self, exc: BaseException, retry: int) -> None:
        self.failures += 1
        if retry % 20:
            await self._sleep(self.backoff.delay(retry))
            return
        log.warning(
            "relay %s: writing %d entries failed (%s: %s); retrying",
            self.claim.server,
            len(self._pending),
            type(exc).__name__,
            exc,
        )
        await self._sleep(self.backoff.delay(retry))
