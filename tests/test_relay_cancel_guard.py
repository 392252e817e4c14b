"""Lost cancellations without Redis: the guard that raises them again, and its users.

:class:`~aiocomet.relay._cancel.Uncancelled` raises a cancellation that an
operation lost (as Python 3.11's ``asyncio.wait_for`` can, CPython gh-86296) and
leaves everything else alone; ``finish`` gives a task its time, then cancels it,
without swallowing its caller's cancellation. The worker's outbox (whose
writer's sink write loses the cancellation) and the worker's own loop (whose
heartbeat loses it) still end when cancelled. The same race against a real
Redis is in tests/test_relay_cancel.py.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Sequence
from typing import Any, cast

import pytest

from aiocomet._backoff import Backoff
from aiocomet.relay import Claim, Entry, RelaySink, RelayWorker
from aiocomet.relay._cancel import Uncancelled, finish
from aiocomet.relay._outbox import Outbox

from ._relay_cancel_helpers import ENDS
from ._relay_helpers import relay_config


class Swallower:
    """An operation that loses the cancellation it gets, as 3.11's wait_for can."""

    def __init__(self, then: BaseException | None = None) -> None:
        self.entered = asyncio.Event()
        self.then = then

    async def __call__(self) -> int:
        self.entered.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            pass  # lost: no uncancel(), no raise
        if self.then is not None:
            raise self.then
        return 1


async def guarded(operation: Callable[[], Coroutine[Any, Any, int]]) -> str:
    with Uncancelled():
        await operation()
    return "went on"


@pytest.mark.parametrize("then", [None, ConnectionError("the round trip after it failed")])
async def test_uncancelled_raises_a_lost_cancellation_again(then: BaseException | None) -> None:
    op = Swallower(then)
    task = asyncio.ensure_future(guarded(op))
    await op.entered.wait()
    task.cancel()
    done, _ = await asyncio.wait({task}, timeout=ENDS)
    assert done and task.cancelled()


async def test_uncancelled_leaves_everything_else_alone() -> None:
    async def ok() -> int:
        return 2

    async def failing() -> int:
        raise ConnectionError("down")

    async def timing_out() -> int:  # a timeout's own cancellation is no lost one
        async with asyncio.timeout(0):
            await asyncio.Event().wait()
        return 3

    assert await guarded(ok) == "went on"
    with pytest.raises(ConnectionError):
        await guarded(failing)
    with pytest.raises(TimeoutError):
        await guarded(timing_out)
    with Uncancelled():  # no cancellation asked for: nothing
        pass


async def test_finish_gives_a_task_its_time_then_cancels_it() -> None:
    release = asyncio.Event()

    async def flushing() -> None:
        await release.wait()

    ended = asyncio.ensure_future(flushing())
    release.set()
    assert await finish(ended, ENDS) is None and ended.done() and not ended.cancelled()

    stuck = asyncio.ensure_future(asyncio.Event().wait())
    assert await finish(stuck, 0) is None and stuck.cancelled()

    async def failing() -> None:
        raise ConnectionError("sink gone")

    failed = asyncio.ensure_future(failing())
    assert isinstance(await finish(failed, ENDS), ConnectionError)


async def test_finish_does_not_swallow_the_callers_cancellation() -> None:
    flush = asyncio.ensure_future(asyncio.Event().wait())
    waiting = asyncio.Event()

    async def ending() -> str:
        waiting.set()
        await finish(flush, ENDS)
        return "went on"

    caller = asyncio.ensure_future(ending())
    await waiting.wait()
    caller.cancel()
    done, _ = await asyncio.wait({caller}, timeout=ENDS)
    assert done and caller.cancelled()  # wait_for in suppress(CancelledError) returned "went on"
    await asyncio.wait({flush}, timeout=ENDS)
    assert flush.cancelled()  # and the task it waited for does not run on alone


class SwallowingSink:
    """A sink whose write loses the cancellation (as redis-py's send on 3.11 could)."""

    def __init__(self) -> None:
        self.swallow = Swallower()
        self.writes = 0

    async def write(self, claim: Claim, batches: Sequence[Sequence[Entry]]) -> int:
        self.writes += 1
        return await self.swallow()


async def test_a_cancelled_outbox_ends_when_the_write_lost_the_cancellation() -> None:
    sink = SwallowingSink()
    claim = Claim("one", "w", token=1, seq=0, acquired_at=0.0)
    box = Outbox(
        cast(RelaySink, sink), claim, batch_size=2, max_in_flight=1, backoff=Backoff(initial=0.01)
    )
    writer = asyncio.ensure_future(box.run())
    await box.put_many("e", [b"1", b"2", b"3"])
    await sink.swallow.entered.wait()
    writer.cancel()
    done, _ = await asyncio.wait({writer}, timeout=ENDS)
    assert done and writer.cancelled() and sink.writes == 1


class HeartbeatSwallowingSink:
    """A sink holding no leases whose first heartbeat loses the cancellation."""

    def __init__(self) -> None:
        self.swallow = Swallower()
        self.heartbeats = 0
        self.left = False

    async def heartbeat(self, worker: str, ttl: float, info: dict[str, str]) -> int:
        self.heartbeats += 1
        return await self.swallow() if self.heartbeats == 1 else 1

    async def leave(self, worker: str) -> None:
        self.left = True

    async def acquire(self, server: str, worker: str, ttl: float) -> Claim | None:
        return None

    async def renew(
        self, claims: Sequence[Claim], ttl: float, reports: Sequence[Any]
    ) -> list[bool]:
        return [True] * len(claims)

    async def release(self, claim: Claim) -> None:
        pass

    async def write(self, claim: Claim, batches: Sequence[Sequence[Entry]]) -> int:
        return 0

    async def close(self) -> None:
        pass


async def test_a_cancelled_worker_ends_when_its_heartbeat_lost_the_cancellation() -> None:
    sink = HeartbeatSwallowingSink()
    config = relay_config("redis://unused", [("one", "http://127.0.0.1:1")])
    worker = RelayWorker(config, worker_id="w1", sink=cast(RelaySink, sink))
    task = asyncio.ensure_future(worker.run())
    await sink.swallow.entered.wait()
    task.cancel()
    done, _ = await asyncio.wait({task}, timeout=ENDS)
    if not done:
        worker.stop()  # let it end, so the failure below is the only thing that happens
        await asyncio.wait({task}, timeout=ENDS)
    assert done and task.cancelled() and sink.left  # shut down as on any cancel
