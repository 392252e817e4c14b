"""EventStream closing: cancelling the consumer, aclose from another task or mid-backoff."""

from __future__ import annotations

import asyncio

from aiocomet import Backoff, CometClient

from . import _events_helpers as helpers
from ._events_helpers import stream_of
from ._ws_server import Collector, WsServer

server = helpers.server
client = helpers.client


# -- closing ------------------------------------------------------------------------------------


async def test_cancelling_the_consumer_closes_the_websocket(
    server: WsServer, client: CometClient
) -> None:
    before = asyncio.all_tasks()
    col = Collector(stream_of(client, heartbeat=0.5))
    await col.count(1)
    await col.close()
    await server.wait(lambda: not server.live and not server._transports)
    assert not col.stream.connected
    left = asyncio.all_tasks() - before - {asyncio.current_task()}
    assert not [t for t in left if not t.done() and "web_protocol" not in repr(t)]


async def test_aclose_from_another_task_ends_iteration(
    server: WsServer, client: CometClient
) -> None:
    col = Collector(stream_of(client))
    await col.count(1)
    await col.stream.aclose()
    await col.finished()
    assert col.error is None
    await server.wait(lambda: not server.live)


async def test_aclose_interrupts_the_backoff_sleep(server: WsServer, client: CometClient) -> None:
    server.faults.extend(["503"] * 3)
    failed = asyncio.Event()
    slow = Backoff(initial=100.0, cap=100.0, floor=100.0)
    col = Collector(client.events(backoff=slow, on_error=lambda _: failed.set()))
    await failed.wait()  # the first attempt failed: the stream now sleeps 100 s
    await col.stream.aclose()
    await col.finished(timeout=2.0)
    assert col.error is None


class SlowToCancelSleep:
    """A sleep that never ends by itself and, when cancelled, ends only once let go."""

    def __init__(self) -> None:
        self.entered = asyncio.Event()
        self.cancelling = asyncio.Event()
        self.let_go = asyncio.Event()

    async def __call__(self, seconds: float) -> None:
        self.entered.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            self.cancelling.set()
            await self.let_go.wait()
            raise


async def test_a_consumer_cancelled_while_aclose_ends_the_backoff_sleep_is_cancelled(
    server: WsServer, client: CometClient
) -> None:
    server.faults.append("503")
    sleep = SlowToCancelSleep()
    stream = client.events(sleep=sleep)

    async def consume() -> None:
        async for _ in stream:
            pass

    consumer = asyncio.ensure_future(consume())
    await sleep.entered.wait()  # the first attempt failed: the stream sleeps
    closer = asyncio.ensure_future(stream.aclose())  # wakes the stream, which ends the sleep
    await sleep.cancelling.wait()
    consumer.cancel()  # arrives while the stream waits for its sleep to end
    sleep.let_go.set()
    done, _ = await asyncio.wait({consumer, closer}, timeout=10.0)
    assert consumer in done and consumer.cancelled()  # not swallowed as the sleep's own cancel
    assert closer in done and closer.exception() is None
