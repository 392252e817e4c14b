"""The Redis Streams sink: one stream per Comet server, leases and the fence in Lua.

Every call is one round trip: a pipeline of script calls, so a batch of
entries and its fence check travel together, and renewals of many leases go
at once. Redis errors (down, slow, restarting) propagate as redis-py's own
``ConnectionError``/``TimeoutError``; the worker retries them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

import msgspec
import redis.asyncio as aioredis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import NoScriptError

from ..errors import StaleLeaseError
from ._config import RedisConfig
from ._entries import Entry
from ._keys import ServerKeys, worker_key, workers_key
from ._scripts import ACQUIRE, APPEND, HEARTBEAT, RELEASE, RENEW
from ._sink import Claim, ServerReport

__all__ = ["RedisStreamSink", "connect_redis"]


READ_SIZE = 1 << 20
"""Bytes per socket read: a reply of 1000 entries is ~1.4 MB; redis-py's 32 KB default reads
it in ~45 event-loop turns, each of which lets the relay's own tasks run first."""


def connect_redis(url: str, **options: Any) -> aioredis.Redis:
    """A redis-py asyncio client for ``url`` (replies as bytes, as the relay reads them)."""
    options.setdefault("socket_read_size", READ_SIZE)
    client: aioredis.Redis = aioredis.Redis.from_url(url, decode_responses=False, **options)
    return client


def _sha(lua: str) -> str:
    return _SHAS.get(lua) or _SHAS.setdefault(lua, hashlib.sha1(lua.encode()).hexdigest())


_SHAS: dict[str, str] = {}
_pack = msgspec.msgpack.Encoder().encode


def _ms(seconds: float) -> int:
    return max(1, round(seconds * 1000))


class RedisStreamSink:
    """Implements :class:`RelaySink` on a Redis server (see :mod:`aiocomet.relay._scripts`)."""

    def __init__(
        self,
        redis: aioredis.Redis,
        config: RedisConfig,
        urls: Mapping[str, str],
        *,
        owns: bool = True,
    ) -> None:
        self.redis = redis
        self.prefix: str = config.prefix
        self.urls: dict[str, str] = dict(urls)
        self._owns = owns
        if config.maxlen is not None:
            self._trim: tuple[str, int] = ("MAXLEN", config.maxlen)
        elif config.minid_age is not None:
            self._trim = ("MINID", _ms(config.minid_age))
        else:
            self._trim = ("", 0)
        self.rejected: int = 0

    async def _run(self, calls: Sequence[tuple[str, Sequence[Any], Sequence[Any]]]) -> list[Any]:
        """Script calls (lua, keys, args) in one pipeline; scripts are loaded when missing.

        EVALSHA without redis-py's per-pipeline SCRIPT EXISTS round trip; after
        a Redis restart (NOSCRIPT, or a pooled connection found closed) the
        round trip is repeated, which the append script makes harmless. After
        NOSCRIPT the scripts go in full (EVAL, which also caches them again),
        so a script cache that is still empty cannot fail the retry.
        """
        by_sha = True
        for attempt in range(3):
            pipe = self.redis.pipeline(transaction=False)
            for lua, keys, args in calls:
                if by_sha:
                    pipe.evalsha(_sha(lua), len(keys), *keys, *args)
                else:
                    pipe.eval(lua, len(keys), *keys, *args)
            try:
                return list(await pipe.execute())
            except NoScriptError:
                if attempt == 2:
                    raise
                by_sha = False
            except RedisConnectionError:
                # a pooled connection to a Redis that restarted: one more try on a fresh one
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def keys(self, server: str) -> ServerKeys:
        return ServerKeys.of(self.prefix, server)

    async def heartbeat(self, worker: str, ttl: float, info: dict[str, str]) -> int:
        (alive,) = await self._run([(HEARTBEAT, [workers_key(self.prefix)], [worker, _ms(ttl)])])
        key = worker_key(self.prefix, worker)
        pipe = self.redis.pipeline(transaction=False)
        mapping: dict[Any, Any] = {**info, "rejected": str(self.rejected)}
        pipe.hset(key, mapping=mapping)
        pipe.pexpire(key, _ms(ttl) * 10)
        await pipe.execute()
        return int(alive)

    async def leave(self, worker: str) -> None:
        pipe = self.redis.pipeline(transaction=False)
        pipe.zrem(workers_key(self.prefix), worker)
        pipe.delete(worker_key(self.prefix, worker))
        await pipe.execute()

    async def acquire(self, server: str, worker: str, ttl: float) -> Claim | None:
        k = self.keys(server)
        (reply,) = await self._run([(ACQUIRE, [k.lease, k.fence, k.state], [worker, _ms(ttl)])])
        if reply is None:
            return None
        token, holder, seq, alive_ms, released, now_ms = reply
        return Claim(
            server=server,
            worker=worker,
            token=int(token),
            seq=int(seq),
            acquired_at=int(now_ms) / 1000,
            previous=holder.decode() if isinstance(holder, bytes) else str(holder),
            previous_alive=int(alive_ms) / 1000,
            released=released in (b"1", "1"),
        )

    async def renew(
        self, claims: Sequence[Claim], ttl: float, reports: Sequence[ServerReport]
    ) -> list[bool]:
        if not claims:
            return []
        calls: list[tuple[str, Sequence[Any], Sequence[Any]]] = []
        for claim, report in zip(claims, reports, strict=True):
            k = self.keys(claim.server)
            args = [
                claim.owner,
                _ms(ttl),
                int(report.connected),
                report.events,
                report.gaps,
                report.reconnects,
                report.last_event_time,
            ]
            calls.append((RENEW, [k.lease, k.state], args))
        return [bool(int(r)) for r in await self._run(calls)]

    async def release(self, claim: Claim) -> None:
        k = self.keys(claim.server)
        await self._run([(RELEASE, [k.lease, k.state], [claim.owner])])

    async def write(self, claim: Claim, batches: Sequence[Sequence[Entry]]) -> int:
        k = self.keys(claim.server)
        head: list[Any] = [
            claim.owner,
            claim.token,
            self.urls.get(claim.server, claim.server),
            *self._trim,
        ]
        calls: list[tuple[str, Sequence[Any], Sequence[Any]]] = []
        for batch in batches:
            # Redis' Lua MessagePack reads str, not bin: payloads are UTF-8 JSON texts
            blob = _pack([(str(e.seq), e.kind, e.payload.decode(), str(e.wall_ms)) for e in batch])
            calls.append((APPEND, [k.lease, k.stream, k.state], [*head, blob]))
        replies = await self._run(calls)
        if any(int(r) < 0 for r in replies):
            self.rejected += 1
            raise StaleLeaseError(claim.server, claim.token)
        return sum(int(r) for r in replies)

    async def close(self) -> None:
        if self._owns:
            await self.redis.aclose()
