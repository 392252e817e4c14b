"""A relay worker: membership, leases, one :class:`ServerTail` per held server.

Every tick (``acquire_interval``) the worker says it is alive, renews its
leases when due, notices leases lost or lapsed, and moves toward its fair
share of the servers (``ceil(servers / live workers)``): it takes free
leases, or gives one back (cleanly, after flushing) when it holds too many.
A dead worker's leases expire in Redis after ``ttl``; the next tick of a
survivor takes them, so a takeover comes within ``ttl + acquire_interval``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
import zlib
from collections.abc import Callable

from .._backoff import Backoff, Sleep, default_sleep
from ..client import CometClient
from ..errors import StaleLeaseError
from ._cancel import Uncancelled, finish
from ._config import RelayConfig
from ._lease import LeaseBook
from ._outbox import RETRIED
from ._sink import Claim, RelaySink, ServerReport
from ._tail import ServerTail, make_client

__all__ = ["RelayWorker", "default_worker_id"]

log = logging.getLogger("aiocomet.relay")


def default_worker_id() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"


class RelayWorker:
    """Runs until :meth:`stop`; then flushes, releases its leases and leaves.

    ``sink`` defaults to a :class:`RedisStreamSink` on the configured Redis.
    ``clock``/``monotonic``/``sleep`` are injectable; ``stream_backoff`` is
    the reconnect backoff of the event streams.
    """

    def __init__(
        self,
        config: RelayConfig,
        *,
        sink: RelaySink | None = None,
        worker_id: str | None = None,
        stream_backoff: Backoff | None = None,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Sleep = default_sleep,
    ) -> None:
        self.config = config
        self.worker_id: str = worker_id or default_worker_id()
        if sink is None:
            from ._redis_sink import RedisStreamSink, connect_redis

            urls = {s.name: make_client_url(s.url) for s in config.servers}
            sink = RedisStreamSink(connect_redis(config.redis.url), config.redis, urls)
        self.sink: RelaySink = sink
        lease = config.lease
        self.book: LeaseBook = LeaseBook(lease.ttl, lease.renew_every, monotonic)
        self._stream_backoff = stream_backoff
        self._clock = clock
        self._monotonic = monotonic
        self._sleep = sleep
        self._stop = asyncio.Event()
        self._ticked = asyncio.Condition()
        self._tails: dict[str, tuple[ServerTail, asyncio.Task[None]]] = {}
        self._clients: dict[str, CometClient] = {}
        self.alive: int = 1
        self.started: float = clock()
        self.takeovers: int = 0
        self.ticks: int = 0
        self.lost: int = 0
        offset = zlib.crc32(self.worker_id.encode()) % max(1, len(config.servers))
        names = [s.name for s in config.servers]
        self._order = names[offset:] + names[:offset]  # workers try servers in different orders

    def __repr__(self) -> str:
        return f"RelayWorker({self.worker_id!r}, holds={sorted(self._tails)})"

    @property
    def held(self) -> list[str]:
        return sorted(self._tails)

    def tail(self, server: str) -> ServerTail | None:
        entry = self._tails.get(server)
        return None if entry is None else entry[0]

    def stop(self) -> None:
        """Ask :meth:`run` to finish: flush, release every lease, leave."""
        self._stop.set()

    async def wait_until(self, predicate: Callable[[], bool], timeout: float | None = None) -> None:
        """Wait until ``predicate()`` holds, checking after each of this worker's ticks.

        For tests and supervisors: ``await worker.wait_until(lambda: worker.held)``.
        TimeoutError after ``timeout`` seconds.
        """
        async with asyncio.timeout(timeout), self._ticked:
            await self._ticked.wait_for(predicate)

    async def run(self) -> None:
        try:
            while not self._stop.is_set():
                with Uncancelled():  # a cancellation a Redis round trip lost: raised here
                    await self._tick()
                self.ticks += 1
                async with self._ticked:
                    self._ticked.notify_all()
                # asyncio.timeout, not wait_for: on 3.11 wait_for can lose a cancellation
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(self._interval()):
                        await self._stop.wait()
        finally:
            await self._shutdown()

    def _interval(self) -> float:
        return min(self.config.lease.acquire_interval, self.config.lease.renew_every)

    async def _tick(self) -> None:
        ttl = self.config.lease.ttl
        try:
            self.alive = await self.sink.heartbeat(self.worker_id, ttl, self._info())
        except RETRIED as exc:
            log.warning("relay worker %s: heartbeat failed (%s)", self.worker_id, exc)
        await self._renew()
        for claim in self.book.lapsed():
            log.warning("relay %s: lease lapsed (renewals failed); stopping", claim.server)
            await self._end(claim.server, release=False)
        for server, (_tail, task) in list(self._tails.items()):
            if task.done():
                await self._ended(server, task)
        await self._balance()

    async def _renew(self) -> None:
        if not self.book.due():
            return
        claims = self.book.claims()
        reports = [self._report(c.server) for c in claims]
        sent = self._monotonic()
        try:
            results = await self.sink.renew(claims, self.config.lease.ttl, reports)
        except RETRIED as exc:
            log.warning("relay worker %s: renewing leases failed (%s)", self.worker_id, exc)
            return
        for claim in self.book.renewed(zip(claims, results, strict=True), sent):
            log.warning("relay %s: lease lost (token %d)", claim.server, claim.token)
            self.lost += 1
            await self._end(claim.server, release=False)

    def _report(self, server: str) -> ServerReport:
        tail = self.tail(server)
        return tail.report() if tail is not None else ServerReport()

    async def _balance(self) -> None:
        want = self.book.wanted(len(self.config.servers), self.alive)
        if want < 0:
            server = sorted(self._tails)[-1]
            log.info("relay %s: giving the lease back (fair share)", server)
            await self._end(server, release=True)
            return
        for server in self._order:
            if want <= 0 or self._stop.is_set():
                break
            if server in self.book:
                continue
            sent = self._monotonic()
            try:
                claim = await self.sink.acquire(server, self.worker_id, self.config.lease.ttl)
            except RETRIED as exc:
                log.warning(
                    "relay worker %s: acquiring %s failed (%s)", self.worker_id, server, exc
                )
                return
            if claim is None:
                continue
            self.book.acquired(claim, sent)
            self._start(claim)
            want -= 1

    def _start(self, claim: Claim) -> None:
        self.takeovers += 1
        server = self.config.server(claim.server)
        client = self._clients.get(server.name)
        if client is None:
            client = self._clients[server.name] = make_client(server, clock=self._clock)
        tail = ServerTail(
            self.config,
            server,
            client,
            self.sink,
            claim,
            stream_backoff=self._stream_backoff,
            sleep=self._sleep,
            clock=self._clock,
        )
        task = asyncio.ensure_future(tail.run())
        self._tails[claim.server] = (tail, task)
        log.info(
            "relay %s: held by %s (token %d, after %s)",
            claim.server,
            self.worker_id,
            claim.token,
            claim.previous or "nobody",
        )

    async def _ended(self, server: str, task: asyncio.Task[None]) -> None:
        """A tail stopped by itself: a lost lease (fenced) or a failure."""
        exc = task.exception()
        if isinstance(exc, StaleLeaseError):
            self.lost += 1
            await self._end(server, release=False)
            return
        log.error("relay %s: tailing failed (%r); giving the lease back", server, exc)
        await self._end(server, release=True)

    async def _end(self, server: str, *, release: bool) -> None:
        entry = self._tails.pop(server, None)
        claim = self.book.drop(server)
        if entry is not None:
            tail, task = entry
            reported = task.done()  # a tail that ended by itself was reported by _ended
            if release:
                tail.stop()  # flush what is queued, then return
            else:
                task.cancel()
            # a flush waits for the sink at most one lease time (then the lease is gone)
            failed = await finish(task, self.config.lease.ttl)
            if failed is not None and not reported and not isinstance(failed, StaleLeaseError):
                log.warning("relay %s: the tail ended with %r", server, failed)
        if release and claim is not None:
            try:
                await self.sink.release(claim)
            except RETRIED as exc:
                log.warning("relay %s: releasing the lease failed (%s)", server, exc)

    async def _shutdown(self) -> None:
        await asyncio.gather(*(self._end(s, release=True) for s in list(self._tails)))
        with contextlib.suppress(*RETRIED):
            await self.sink.leave(self.worker_id)
        for client in self._clients.values():
            await client.close()
        await self.sink.close()

    def _info(self) -> dict[str, str]:
        return {
            "held": ",".join(sorted(self._tails)),
            "pid": str(os.getpid()),
            "host": socket.gethostname(),
            "started": f"{self.started:.3f}",
            "takeovers": str(self.takeovers),
            "lost": str(self.lost),
        }

    def metrics(self) -> str:
        """Prometheus text format: this worker's counters, per held server."""
        lines = [
            "# TYPE aiocomet_relay_servers_held gauge",
            f'aiocomet_relay_servers_held{{worker="{self.worker_id}"}} {len(self._tails)}',
            "# TYPE aiocomet_relay_takeovers_total counter",
            f'aiocomet_relay_takeovers_total{{worker="{self.worker_id}"}} {self.takeovers}',
            "# TYPE aiocomet_relay_leases_lost_total counter",
            f'aiocomet_relay_leases_lost_total{{worker="{self.worker_id}"}} {self.lost}',
        ]
        per_server = (
            ("events_total", "counter", lambda t: t.events),
            ("gaps_total", "counter", lambda t: t.gaps),
            ("reconnects_total", "counter", lambda t: t.reconnects),
            ("written_total", "counter", lambda t: t.outbox.written),
            ("write_failures_total", "counter", lambda t: t.outbox.failures),
            ("outbox_entries", "gauge", lambda t: len(t.outbox)),
            ("connected", "gauge", lambda t: int(t.connected)),
            ("last_event_timestamp_seconds", "gauge", lambda t: t.last_event_time),
        )
        for name, kind, value in per_server:
            lines.append(f"# TYPE aiocomet_relay_{name} {kind}")
            for server, (tail, _) in sorted(self._tails.items()):
                lines.append(f'aiocomet_relay_{name}{{server="{server}"}} {value(tail)}')
        return "\n".join(lines) + "\n"


def make_client_url(url: str) -> str:
    """The URL as a client reports it (``event.server``): without a trailing slash."""
    return url.rstrip("/")
