"""A cancelled relay consumer ends, whatever Redis was doing: killed, restarted, emptied.

Python 3.11's ``asyncio.wait_for`` loses a cancellation that arrives just as the
operation it waits for completes (CPython gh-86296; 3.12 rebuilt ``wait_for`` on
``asyncio.timeout``). redis-py's asyncio connection sends every command through
it when it has a socket timeout (5 s by default in 8.1), so a consumer cancelled at that
moment went on reading as if nothing had happened, and whoever awaited its task
waited forever (the relay chaos test's consumer that did not end after Redis
restarted). The relay now raises such a lost cancellation again
(:class:`~aiocomet.relay._cancel.Uncancelled`).

These tests cancel the consumer's task at exactly that moment, not at a moment
hoped for: a task factory sees the tasks the consumer's task starts (on 3.11,
``wait_for``'s send) and cancels the consumer when the first one completes.
From 3.12 on ``wait_for`` starts no task; the consumer is then cancelled
directly, at the same phase. Redis is a real redis-server on 127.0.0.1, killed
with SIGKILL and restarted on its port while the consumer reads, reconnects or
makes its lost group again. The guard itself, the worker's outbox (whose
writer is cancelled the same way) and the worker's own loop are tested without
Redis in tests/test_relay_cancel_guard.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shutil
import sys
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from typing import Any

import pytest
import redis.asyncio as aioredis

from aiocomet._backoff import Backoff
from aiocomet.constants import SEVT_JOB_NEW
from aiocomet.relay import (
    Claim,
    Entry,
    RedisConfig,
    RedisStreamSink,
    RelayConsumer,
    ServerKeys,
    connect_redis,
    consume,
)
from aiocomet.testing._events import encode_event

from ._redis import RedisServer, own_redis  # noqa: F401
from ._relay_cancel_helpers import ENDS
from ._relay_helpers import Collected

STREAM = ServerKeys.of("comet", "a").stream
WAIT = 30.0  # generous: only a failing test waits this long
SWALLOWING_WAIT_FOR = sys.version_info < (3, 12)


class CancelWhenChildDone:
    """A task factory: once armed, the first task that ``owner`` starts (while ``when()``
    holds) cancels ``owner`` the moment it completes, before ``owner`` runs again: the
    race of gh-86296."""

    def __init__(self) -> None:
        self.owner: asyncio.Task[Any] | None = None
        self.fired = False
        self.bell: asyncio.Event | None = None
        self.when: Callable[[], bool] = lambda: True

    def arm(
        self,
        owner: asyncio.Task[Any],
        bell: asyncio.Event,
        when: Callable[[], bool] = lambda: True,
    ) -> None:
        """Cancel ``owner`` when its next task completes; ring ``bell`` then."""
        self.owner, self.bell, self.when, self.fired = owner, bell, when, False

    def __call__(
        self,
        loop: asyncio.AbstractEventLoop,
        coro: Coroutine[Any, Any, Any],
        **options: Any,
    ) -> asyncio.Task[Any]:
        task: asyncio.Task[Any] = asyncio.Task(coro, loop=loop, **options)
        owner = self.owner
        if owner is not None and asyncio.current_task(loop) is owner and self.when():
            self.owner = None
            task.add_done_callback(lambda _: self._fire(owner))  # before the starter's own
        return task

    def _fire(self, owner: asyncio.Task[Any]) -> None:
        owner.cancel()
        self.fired = True
        if self.bell is not None:
            self.bell.set()


@pytest.fixture
async def trigger() -> AsyncIterator[CancelWhenChildDone]:
    loop = asyncio.get_running_loop()
    previous = loop.get_task_factory()
    factory = CancelWhenChildDone()
    loop.set_task_factory(factory)  # type: ignore[arg-type]
    try:
        yield factory
    finally:
        loop.set_task_factory(previous)


class Sleeps:
    """The consumer's backoff sleeps, counted: a test waits for the consumer to notice."""

    def __init__(self) -> None:
        self.count = 0
        self.changed = asyncio.Event()

    async def __call__(self, seconds: float) -> None:
        self.count += 1
        self.changed.set()
        await asyncio.sleep(seconds)

    async def after(self, count: int) -> None:
        """Wait until more than ``count`` sleeps began."""
        async with asyncio.timeout(WAIT):
            while self.count <= count:
                self.changed.clear()
                await self.changed.wait()


class Writer:
    """Entries of server ``a``, written as the worker holding its lease writes them."""

    def __init__(self, r: aioredis.Redis) -> None:
        config = RedisConfig(url="redis://unused")
        self.sink = RedisStreamSink(r, config, {"a": "http://a.example"}, owns=False)
        self.claim: Claim | None = None
        self.seq = 0

    async def write(self, count: int) -> None:
        if self.claim is None:
            self.claim = await self.sink.acquire("a", "w1", 600.0)
            assert self.claim is not None
        first = self.seq + 1
        self.seq += count
        entries = [
            Entry(n, "e", encode_event(SEVT_JOB_NEW, None, timestamp=n, resource_id=f"job-{n}"), n)
            for n in range(first, self.seq + 1)
        ]
        await self.sink.write(self.claim, [entries])


@pytest.fixture
async def r(own_redis: RedisServer) -> AsyncIterator[aioredis.Redis]:  # noqa: F811
    client = own_redis.client()
    yield client
    await client.aclose()


@contextlib.contextmanager
def on_log(text: str, then: Callable[[], None]) -> Iterator[None]:
    """Call ``then`` (once, in the logging task) when the relay logs a message with ``text``."""

    called = False

    class Handler(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            nonlocal called
            if not called and text in record.getMessage():
                called = True
                then()

    handler = Handler()
    logger = logging.getLogger("aiocomet.relay")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


def consumer(
    redis: str | aioredis.Redis, sleeps: Sleeps, *, group: str = "g", name: str = "c1"
) -> RelayConsumer:
    return consume(
        redis,
        STREAM,
        group=group,
        consumer=name,
        block=0.1,
        claim_idle=None,
        backoff=Backoff(initial=0.01, cap=0.05, floor=0.0, jitter=0.5),
        sleep=sleeps,
    )


async def restart(server: RedisServer, r: aioredis.Redis, *, lose_data: bool = False) -> None:
    """Start the killed server again on its port (in a thread: the consumers keep running)."""
    if lose_data:
        shutil.rmtree(server.dir / "appendonlydir")
    await asyncio.to_thread(server.start)
    await r.connection_pool.disconnect()  # the test's own connections to the dead server


async def killed(server: RedisServer, sleeps: Sleeps) -> None:
    """SIGKILL Redis; return once the consumer noticed (it began a backoff sleep)."""
    before = sleeps.count
    server.stop(kill=True)
    await sleeps.after(before)


async def in_the_race(col: Collected, trigger: CancelWhenChildDone, delivered: int) -> None:
    """Wait for the armed trigger to cancel the consumer. From 3.12 on (no task started
    by wait_for), cancel it directly once it delivered ``delivered`` items, if the trigger
    has not fired by then."""
    if SWALLOWING_WAIT_FOR:
        await col.wait(lambda: trigger.fired, timeout=WAIT)
        return
    await col.wait(lambda: trigger.fired or len(col.items) >= delivered, timeout=WAIT)
    if not trigger.fired:
        col.task.cancel()


async def assert_ends(col: Collected) -> None:
    """The cancelled consumer's task ends, cancelled, promptly (close() says where it hung)."""
    await col.close(timeout=ENDS)
    assert col.task.cancelled(), col.task


async def reading_then_killed(
    server: RedisServer, r: aioredis.Redis
) -> tuple[Writer, asyncio.Event, Collected]:
    """A consumer that read three entries, then Redis killed (and the consumer noticed)."""
    writer, sleeps, bell = Writer(r), Sleeps(), asyncio.Event()
    await writer.write(3)
    col = Collected(consumer(server.url, sleeps), bell)
    await col.wait(lambda: len(col.items) >= 3, timeout=WAIT)
    await killed(server, sleeps)
    return writer, bell, col


# -- the tests ---------------------------------------------------------------------------


async def test_cancelled_while_reconnecting_after_a_restart_it_ends(
    own_redis: RedisServer,  # noqa: F811
    r: aioredis.Redis,
    trigger: CancelWhenChildDone,
) -> None:
    writer, bell, col = await reading_then_killed(own_redis, r)
    trigger.arm(col.task, bell)  # its first task after the restart: the connection's handshake
    await restart(own_redis, r)
    await writer.write(1)
    await in_the_race(col, trigger, delivered=4)
    await assert_ends(col)


async def test_cancelled_in_a_blocking_read_on_a_fresh_connection_it_ends(
    own_redis: RedisServer,  # noqa: F811
    r: aioredis.Redis,
    trigger: CancelWhenChildDone,
) -> None:
    writer, bell, col = await reading_then_killed(own_redis, r)
    await restart(own_redis, r)
    await writer.write(1)
    await col.wait(lambda: len(col.items) >= 4, timeout=WAIT)  # reading again
    # its first task once it delivered the next item: the send of XACK + XREADGROUP BLOCK
    trigger.arm(col.task, bell, when=lambda: len(col.items) >= 5)
    await writer.write(1)
    await in_the_race(col, trigger, delivered=5)
    await assert_ends(col)


async def test_cancelled_while_making_its_lost_group_again_it_ends(
    own_redis: RedisServer,  # noqa: F811
    r: aioredis.Redis,
    trigger: CancelWhenChildDone,
) -> None:
    writer, bell, col = await reading_then_killed(own_redis, r)
    # Redis comes back empty: the read fails with NOGROUP, the consumer waits, then makes
    # the group again (XGROUP CREATE): the trigger is armed when it logs the NOGROUP
    with on_log("NOGROUP", lambda: trigger.arm(col.task, bell)):
        await restart(own_redis, r, lose_data=True)
        writer = Writer(r)  # the lease went with the data
        await writer.write(1)
        await in_the_race(col, trigger, delivered=4)
    await assert_ends(col)


async def test_a_cancelled_consumer_sharing_a_client_ends_and_the_other_reads_on(
    own_redis: RedisServer,  # noqa: F811
    r: aioredis.Redis,
    trigger: CancelWhenChildDone,
) -> None:
    shared = connect_redis(own_redis.url)
    try:
        writer, sleeps, bell = Writer(r), Sleeps(), asyncio.Event()
        await writer.write(3)
        one = Collected(consumer(shared, sleeps, group="g1"), bell)
        two = Collected(consumer(shared, sleeps, group="g2"), bell)
        await one.wait(lambda: len(one.items) >= 3 and len(two.items) >= 3, timeout=WAIT)
        await killed(own_redis, sleeps)
        await restart(own_redis, r)
        await writer.write(1)
        await one.wait(lambda: len(one.items) >= 4 and len(two.items) >= 4, timeout=WAIT)
        trigger.arm(one.task, bell, when=lambda: len(one.items) >= 5)
        await writer.write(1)
        await in_the_race(one, trigger, delivered=5)
        await assert_ends(one)  # (closing it leaves the shared client open)
        await writer.write(1)
        await two.wait(lambda: len(two.items) >= 6, timeout=WAIT)
        # cancelled by the task its delivery woke: before 3.12, without the trigger, this
        # often lands in the race too (wait_for's send task runs after the cancel)
        await two.close(timeout=ENDS)
    finally:
        await shared.aclose()


async def test_cancelled_while_redis_is_down_it_ends(
    own_redis: RedisServer,  # noqa: F811
    r: aioredis.Redis,
) -> None:
    writer, sleeps = Writer(r), Sleeps()
    await writer.write(1)
    col = Collected(consumer(own_redis.url, sleeps))
    await col.wait(lambda: len(col.items) >= 1, timeout=WAIT)
    await killed(own_redis, sleeps)
    await sleeps.after(sleeps.count)  # in its backoff, again and again
    col.task.cancel()
    await assert_ends(col)
