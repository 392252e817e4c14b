"""The Redis Streams sink and the consumer against a real redis-server on 127.0.0.1."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import redis.asyncio as aioredis

from aiocomet.constants import SEVT_JOB_NEW
from aiocomet.errors import CometError
from aiocomet.events import Event, Gap
from aiocomet.relay import (
    Entry,
    GapMarker,
    RedisConfig,
    RedisStreamSink,
    ServerKeys,
    ServerReport,
    StaleLeaseError,
    consume,
)
from aiocomet.relay._entries import gap_entry
from aiocomet.testing._events import encode_event

from ._redis import redis_server, redis_url  # noqa: F401

URLS = {"a": "http://a.example", "b": "http://b.example"}


@pytest.fixture
async def r(redis_url: str) -> AsyncIterator[aioredis.Redis]:  # noqa: F811
    client = aioredis.Redis.from_url(redis_url)
    yield client
    await client.aclose()


def sink_for(r: aioredis.Redis, **options: object) -> RedisStreamSink:
    return RedisStreamSink(r, RedisConfig(url="redis://unused", **options), URLS, owns=False)  # type: ignore[arg-type]


def frame(n: int) -> bytes:
    return encode_event(SEVT_JOB_NEW, None, timestamp=n, resource_id=f"job-{n}")


def entries(first: int, count: int) -> list[Entry]:
    return [Entry(first + i, "e", frame(first + i), 1000 + i) for i in range(count)]


async def stream_tokens(r: aioredis.Redis, server: str = "a") -> list[tuple[int, int]]:
    rows = await r.xrange(ServerKeys.of("comet", server).stream)
    return [(int(f[b"q"]), int(f[b"t"])) for _, f in rows]


async def test_one_holder_at_a_time_and_tokens_grow(r: aioredis.Redis) -> None:
    sink = sink_for(r)
    one = await sink.acquire("a", "w1", 5.0)
    assert one is not None and one.token == 1 and one.seq == 0 and one.previous == ""
    assert await sink.acquire("a", "w2", 5.0) is None
    assert await sink.acquire("b", "w2", 5.0) is not None  # other servers are independent
    assert await sink.renew([one], 5.0, [ServerReport(connected=True, events=3)]) == [True]
    assert await sink.write(one, [entries(1, 3)]) == 3
    await sink.release(one)
    assert await r.get(ServerKeys.of("comet", "a").lease) is None
    two = await sink.acquire("a", "w2", 5.0)
    assert two is not None and two.token == 2 and two.seq == 3
    assert two.previous == "w1" and two.released and two.previous_alive > 0
    assert await sink.renew([one, two], 5.0, [ServerReport(), ServerReport()]) == [False, True]
    await sink.release(one)  # not ours any more: nothing happens
    assert await r.get(ServerKeys.of("comet", "a").lease) == b"w2|2"


async def test_the_fence_refuses_a_writer_whose_lease_expired(r: aioredis.Redis) -> None:
    sink = sink_for(r)
    old = await sink.acquire("a", "w1", 60.0)
    assert old is not None
    await sink.write(old, [entries(1, 2)])
    await r.pexpire(ServerKeys.of("comet", "a").lease, 0)  # Redis expires it now
    with pytest.raises(StaleLeaseError) as info:
        await sink.write(old, [entries(3, 2)])  # expired, nobody else yet: refused
    assert info.value.token == 1 and isinstance(info.value, CometError)
    new = await sink.acquire("a", "w2", 60.0)
    assert new is not None and new.token == 2 and new.seq == 2 and not new.released
    await sink.write(
        new, [[gap_entry(3, GapMarker(reason="t", last_alive=1, reconnected_at=2), 5)]]
    )
    with pytest.raises(StaleLeaseError):
        await sink.write(old, [entries(4, 5)])  # the late writer, after a takeover
    assert await stream_tokens(r) == [(1, 1), (2, 1), (3, 2)]
    assert sink.rejected == 2


async def test_a_repeated_round_trip_writes_nothing_twice(r: aioredis.Redis) -> None:
    sink = sink_for(r)
    claim = await sink.acquire("a", "w1", 60.0)
    assert claim is not None
    batch = entries(1, 5)
    assert await sink.write(claim, [batch[:3], batch[3:]]) == 5
    assert await sink.write(claim, [batch]) == 0  # the reply was lost, the worker retries
    assert await sink.write(claim, [entries(4, 4)]) == 2  # 4, 5 written before; 6, 7 are new
    assert [q for q, _ in await stream_tokens(r)] == [1, 2, 3, 4, 5, 6, 7]


async def test_scripts_are_loaded_again_after_a_script_flush(r: aioredis.Redis) -> None:
    sink = sink_for(r)
    claim = await sink.acquire("a", "w1", 60.0)
    assert claim is not None
    await r.script_flush()  # what a Redis restart does
    assert await sink.write(claim, [entries(1, 1)]) == 1


async def test_maxlen_trimming(r: aioredis.Redis) -> None:
    sink = sink_for(r, maxlen=50)
    claim = await sink.acquire("a", "w1", 60.0)
    assert claim is not None
    for start in range(1, 1001, 100):
        await sink.write(claim, [entries(start, 100)])
    length = await r.xlen(ServerKeys.of("comet", "a").stream)
    assert 50 <= length < 300  # approximate (~): whole nodes go


async def test_minid_trimming_drops_entries_older_than_the_age(r: aioredis.Redis) -> None:
    sink = sink_for(r, minid_age=60.0)
    stream = ServerKeys.of("comet", "a").stream
    for n in range(1, 501):  # entries from 1970
        await r.xadd(stream, {b"old": b"1"}, id=f"{n}-1")
    claim = await sink.acquire("a", "w1", 60.0)
    assert claim is not None
    await sink.write(claim, [entries(1, 10)])
    rows = await r.xrange(stream)
    assert (
        sum(1 for _, f in rows if b"old" in f) < 200 and sum(1 for _, f in rows if b"q" in f) == 10
    )


async def test_heartbeats_count_live_workers(r: aioredis.Redis) -> None:
    sink = sink_for(r)
    assert await sink.heartbeat("w1", 30.0, {"pid": "1"}) == 1
    assert await sink.heartbeat("w2", 30.0, {}) == 2
    assert await sink.heartbeat("w1", 30.0, {}) == 2
    await sink.leave("w2")
    assert await sink.heartbeat("w1", 30.0, {}) == 1
    await r.zadd("comet:relay:workers", {"dead": 1})  # expired long ago
    assert await sink.heartbeat("w1", 30.0, {}) == 1


# -- the consumer ----------------------------------------------------------------------------


async def fill(r: aioredis.Redis, server: str, count: int, *, first: int = 1) -> None:
    sink = sink_for(r)
    claim = await sink.acquire(server, "w", 60.0) or None
    if claim is None:  # a later batch: the same worker's lease (the test keeps it)
        lease = await r.get(ServerKeys.of("comet", server).lease)
        from aiocomet.relay import Claim

        worker, _, token = lease.decode().rpartition("|")
        claim = Claim(server, worker, int(token), first - 1, 0.0)
    await sink.write(claim, [entries(first, count)])


async def take(it: AsyncIterator[Event | Gap], n: int) -> list[Event | Gap]:
    got: list[Event | Gap] = []
    async with asyncio.timeout(30):
        while len(got) < n:
            got.append(await anext(it))
    return got


async def test_every_group_gets_every_entry_as_typed_events(r: aioredis.Redis) -> None:
    await fill(r, "a", 20)
    stream = ServerKeys.of("comet", "a").stream
    for group in ("psa", "monitor"):
        async with consume(r, stream, group=group, consumer="c1") as c:
            got = await take(aiter(c), 20)
            await c.commit()
        assert all(isinstance(e, Event) and e.type == SEVT_JOB_NEW for e in got)
        assert [e.ResourceID for e in got if isinstance(e, Event)] == [
            f"job-{n}" for n in range(1, 21)
        ]
        assert {e.server for e in got} == {URLS["a"]}
    info = {g["name"]: g for g in await r.xinfo_groups(stream)}
    assert info[b"psa"]["pending"] == 0 and info[b"monitor"]["pending"] == 0


async def test_an_item_is_acknowledged_only_when_the_next_is_asked_for(r: aioredis.Redis) -> None:
    await fill(r, "a", 3)
    stream = ServerKeys.of("comet", "a").stream
    c = consume(r, stream, group="g", consumer="c1", count=1)
    it = aiter(c)
    await take(it, 1)
    assert (await r.xpending(stream, "g"))["pending"] == 1
    await take(it, 1)  # the first step returned: acknowledged with this read
    assert (await r.xpending(stream, "g"))["pending"] == 1
    await c.commit()
    assert (await r.xpending(stream, "g"))["pending"] == 0
    await it.aclose()  # type: ignore[attr-defined]


async def test_a_restarted_consumer_gets_its_unacknowledged_entries_first(
    r: aioredis.Redis,
) -> None:
    await fill(r, "a", 10)
    stream = ServerKeys.of("comet", "a").stream
    first = consume(r, stream, group="g", consumer="c1", count=4)
    batches = first.batches()
    done = await anext(batches)
    assert len(done) == 4
    await batches.aclose()  # "crashed" mid-step: nothing acknowledged
    again = consume(r, stream, group="g", consumer="c1", count=4)
    got = await take(aiter(again), 10)
    ids = [e.ResourceID for e in got if isinstance(e, Event)]
    assert ids == [f"job-{n}" for n in range(1, 11)]


async def test_entries_of_a_dead_consumer_are_claimed_after_the_idle_time(
    r: aioredis.Redis,
) -> None:
    await fill(r, "a", 6)
    stream = ServerKeys.of("comet", "a").stream
    dead = consume(r, stream, group="g", consumer="dead", count=6).batches()
    assert len(await anext(dead)) == 6
    await dead.aclose()
    alive = consume(r, stream, group="g", consumer="alive", claim_idle=0.05, block=0.05)
    got = await take(aiter(alive), 6)
    assert sorted(e.ResourceID for e in got if isinstance(e, Event)) == sorted(
        f"job-{n}" for n in range(1, 7)
    )
    assert alive.stats.claimed == 6


async def test_dedupe_drops_redelivered_sequence_numbers(r: aioredis.Redis) -> None:
    await fill(r, "a", 3)
    stream = ServerKeys.of("comet", "a").stream
    rows = await r.xrange(stream)
    await r.xadd(stream, rows[1][1])  # the same (server, seq) again
    await fill(r, "a", 1, first=4)
    plain = await take(aiter(consume(r, stream, group="plain")), 5)
    assert len(plain) == 5
    deduped = consume(r, stream, group="dedupe", dedupe=100)
    got = await take(aiter(deduped), 4)
    assert [e.ResourceID for e in got if isinstance(e, Event)] == [
        "job-1",
        "job-2",
        "job-3",
        "job-4",
    ]
    assert deduped.stats.duplicates == 1


async def test_a_pattern_finds_streams_made_later(r: aioredis.Redis) -> None:
    await fill(r, "a", 2)
    c = consume(r, pattern="comet:{*}:events", group="g", rescan=0.01, block=0.02)
    it = aiter(c)
    first = await take(it, 2)
    assert {e.server for e in first} == {URLS["a"]}
    await fill(r, "b", 2)
    later = await take(it, 2)
    assert {e.server for e in later} == {URLS["b"]}
    assert c.streams == ["comet:{a}:events", "comet:{b}:events"]


async def test_trimmed_pending_entries_come_as_a_gap(r: aioredis.Redis) -> None:
    await fill(r, "a", 5)
    stream = ServerKeys.of("comet", "a").stream
    crashed = consume(r, stream, group="g", consumer="c1").batches()
    assert len(await anext(crashed)) == 5
    await crashed.aclose()
    await r.xtrim(stream, maxlen=0)
    again = consume(r, stream, group="g", consumer="c1", block=0.02)
    (gap,) = await take(aiter(again), 1)
    assert isinstance(gap, Gap) and gap.dropped == 5 and "trimmed" in gap.reason
    assert again.stats.trimmed == 5
    await again.commit()
    assert (await r.xpending(stream, "g"))["pending"] == 0


async def test_bad_entries_go_to_on_error_and_are_acknowledged(r: aioredis.Redis) -> None:
    stream = ServerKeys.of("comet", "a").stream
    await r.xadd(stream, {b"s": b"x", b"q": b"1", b"t": b"1", b"f": b"not json"})
    await fill(r, "a", 1, first=2)
    errors: list[CometError] = []
    c = consume(r, stream, group="g", on_error=errors.append)
    (event,) = await take(aiter(c), 1)
    await c.commit()
    assert isinstance(event, Event) and event.ResourceID == "job-2"
    assert len(errors) == 1 and c.stats.decode_errors == 1
    assert (await r.xpending(stream, "g"))["pending"] == 0


def test_consume_needs_streams_and_positive_settings() -> None:
    with pytest.raises(ValueError, match="streams or a pattern"):
        consume("redis://127.0.0.1:1", group="g")
    with pytest.raises(ValueError):
        consume("redis://127.0.0.1:1", "s", group="g", count=0)
