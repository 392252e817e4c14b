"""EventSocket.receive_batch on both receive paths, against hostile servers on 127.0.0.1.

Every behaviour test runs twice: with the fast path (frames taken from
aiohttp's compiled queue a socket read at a time, aiocomet._frame_queue) and
with it switched off (one ``receive()`` per frame). Both must deliver the
same frames in the same order and end a connection the same way.
"""

from __future__ import annotations

import asyncio
import json
import zlib
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiohttp
import pytest
from aiohttp import WSMsgType, web

from aiocomet import _frame_queue
from aiocomet._event_socket import BinaryFrame, EventSocket, Lost, SocketEnded, ended

from ._raw_ws import BINARY, CLOSE, PING, PONG, TEXT, RawWsServer, frame

STREAM = "/api/v1/events/stream"


@pytest.fixture(params=[True, False], ids=["fast", "receive"])
def fast(request: pytest.FixtureRequest) -> bool:
    flag: bool = request.param
    return flag


def text(n: int, pad: int = 0) -> bytes:
    return json.dumps({"n": n, "pad": "x" * pad}).encode()


async def open_socket(
    session: aiohttp.ClientSession,
    url: str,
    *,
    fast: bool,
    heartbeat: float | None = None,
    max_msg_size: int = 1 << 20,
    compress: int = 0,
) -> EventSocket:
    """The websocket as the stream opens it (autoping off, text as bytes), after the handshake."""
    ws = await session.ws_connect(
        url + STREAM,
        autoping=False,
        decode_text=False,
        heartbeat=heartbeat,
        max_msg_size=max_msg_size,
        compress=compress,
        timeout=aiohttp.ClientWSTimeout(ws_receive=None, ws_close=2.0),
    )
    sock = EventSocket(ws, heartbeat=heartbeat, close_timeout=2.0, fast=fast)
    assert sock.fast is (fast and _frame_queue.supported())
    for field in ("admin", "pw", "admin", "", ""):
        await ws.send_str(field)
    assert (await ws.receive()).data == b"200 OK"
    return sock


async def collect(sock: EventSocket, count: int) -> tuple[list[bytes], list[int]]:
    """``count`` frames and the sizes of the batches they came in."""
    out: list[bytes] = []
    sizes: list[int] = []
    async with asyncio.timeout(20):
        while len(out) < count:
            batch = await sock.receive_batch()
            assert batch
            sizes.append(len(batch))
            out.extend(batch)
    return out, sizes


async def end_of(sock: EventSocket, **kwargs: Any) -> Lost:
    """Receive until the connection ends; how it ended."""
    async with asyncio.timeout(20):
        while True:
            try:
                await sock.receive_batch()
            except SocketEnded as exc:
                options: dict[str, Any] = {
                    "server": "s",
                    "heartbeat": None,
                    "max_frame_bytes": 1 << 20,
                    "redact": str,
                    "now": 100.0,
                    **kwargs,
                }
                return ended(sock, exc.msg, exc.error, **options)


@pytest.fixture
async def raw() -> AsyncIterator[tuple[RawWsServer, aiohttp.ClientSession]]:
    async with RawWsServer(rcvbuf=1 << 16) as server, aiohttp.ClientSession() as session:
        yield server, session


async def test_frames_arrive_in_order_and_batched(raw: Any, fast: bool) -> None:
    server, session = raw
    sock_task = asyncio.ensure_future(open_socket(session, server.url, fast=fast))
    conn = await server.next()
    sock = await sock_task
    first, _ = await collect(sock, 1)  # the HELLO after 200 OK
    assert b"SEVT_META_HELLO" in first[0]
    conn.send(b"".join(frame(TEXT, text(n)) for n in range(500)))
    got, sizes = await collect(sock, 500)
    assert [json.loads(g)["n"] for g in got] == list(range(500))
    assert all(type(g) is bytes for g in got)
    if sock.fast:
        assert max(sizes) > 1  # a socket read's frames come together
    else:
        assert set(sizes) == {1}
    await sock.close()


async def test_pings_answered_pongs_skipped_binary_marked(raw: Any, fast: bool) -> None:
    server, session = raw
    sock_task = asyncio.ensure_future(open_socket(session, server.url, fast=fast))
    conn = await server.next()
    sock = await sock_task
    await collect(sock, 1)
    conn.send(
        frame(PING, b"p1"),
        frame(TEXT, text(1)),
        frame(PONG, b"unasked"),
        frame(PING, b"p2"),
        frame(BINARY, b"\x00bin"),
        frame(TEXT, text(2)),
    )
    got, _ = await collect(sock, 3)
    assert got[0] == text(1) and got[2] == text(2)
    assert type(got[1]) is BinaryFrame and got[1].data == b"\x00bin"
    assert await conn.read_until(PONG) == b"p1"  # every ping gets its pong, in turn
    assert await conn.read_until(PONG) == b"p2"
    await sock.close()


async def test_close_frame_after_data(raw: Any, fast: bool) -> None:
    server, session = raw
    sock_task = asyncio.ensure_future(open_socket(session, server.url, fast=fast))
    conn = await server.next()
    sock = await sock_task
    await collect(sock, 1)
    close = frame(CLOSE, (1001).to_bytes(2, "big") + b"bye")
    conn.send(b"".join(frame(TEXT, text(n)) for n in range(50)) + close + frame(TEXT, text(99)))
    got, _ = await collect(sock, 50)
    assert [json.loads(g)["n"] for g in got] == list(range(50))
    lost = await end_of(sock)
    assert (lost.reason, lost.code, lost.clean) == ("closed by the server (code 1001)", 1001, True)
    assert await conn.read_until(CLOSE)  # the close was answered
    assert sock.closed


async def test_frame_over_the_limit_ends_after_the_frames_before_it(raw: Any, fast: bool) -> None:
    server, session = raw
    sock_task = asyncio.ensure_future(
        open_socket(session, server.url, fast=fast, max_msg_size=1001)
    )
    conn = await server.next()
    sock = await sock_task
    await collect(sock, 1)
    conn.send(frame(TEXT, text(1)), frame(TEXT, text(2)), frame(TEXT, b"y" * 5000))
    got, _ = await collect(sock, 2)
    assert got == [text(1), text(2)]
    lost = await end_of(sock, max_frame_bytes=1000)
    assert lost.too_large and lost.reason == "frame too large"
    assert "max_frame_bytes (1000)" in str(lost.error)


async def test_tcp_drop_without_close(raw: Any, fast: bool) -> None:
    server, session = raw
    sock_task = asyncio.ensure_future(open_socket(session, server.url, fast=fast))
    conn = await server.next()
    sock = await sock_task
    await collect(sock, 1)
    conn.send(b"".join(frame(TEXT, text(n)) for n in range(20)))
    await conn.writer.drain()
    got, _ = await collect(sock, 20)
    assert len(got) == 20
    conn.drop()
    lost = await end_of(sock)
    assert lost.reason.startswith("connection lost") and not lost.clean


async def test_heartbeat_without_pongs_is_a_heartbeat_timeout(raw: Any, fast: bool) -> None:
    server, session = raw
    sock_task = asyncio.ensure_future(open_socket(session, server.url, fast=fast, heartbeat=0.2))
    conn = await server.next()
    sock = await sock_task
    await collect(sock, 1)
    lost = await end_of(sock, heartbeat=0.2)  # the server reads our pings, never answers
    assert lost.reason == "heartbeat timeout: no pong within 0.1 s"
    assert isinstance(lost.error, aiohttp.ServerTimeoutError)
    assert await conn.read_until(PING) == b""


async def test_close_from_another_task_while_waiting(raw: Any, fast: bool) -> None:
    server, session = raw
    sock_task = asyncio.ensure_future(open_socket(session, server.url, fast=fast))
    conn = await server.next()
    sock = await sock_task
    await collect(sock, 1)
    waiting = asyncio.ensure_future(end_of(sock))
    async with asyncio.timeout(10):
        while not sock.ws._waiting:  # noqa: ASYNC110 - the reader's own flag; a yield, no delay
            await asyncio.sleep(0)
    closer = asyncio.ensure_future(sock.close())
    assert await conn.read_until(CLOSE)
    conn.send(frame(CLOSE, (1000).to_bytes(2, "big")))
    async with asyncio.timeout(10):
        await closer
        lost = await waiting
    assert lost.reason == "closed locally" and lost.clean
    assert sock.closed


async def test_a_flood_larger_than_the_queue_limit_is_delivered_whole(raw: Any, fast: bool) -> None:
    """Tiny frames: one socket read holds more than aiohttp's queue accepts before it stalls."""
    server, session = raw
    sock_task = asyncio.ensure_future(open_socket(session, server.url, fast=fast))
    conn = await server.next()
    sock = await sock_task
    await collect(sock, 1)
    count = 60_000  # 2 bytes of payload each, 128 bytes of overhead each in aiohttp's count
    conn.send(b"".join(frame(TEXT, b"%d" % (n % 10)) for n in range(count)))
    conn.send(frame(TEXT, b"last"))
    got, sizes = await collect(sock, count + 1)
    assert got[-1] == b"last" and got[:20] == [b"%d" % (n % 10) for n in range(20)]
    if sock.fast:
        # the queue's own limit (bytes + 128 per frame) still bounds a batch: several batches
        assert max(sizes) * 130 <= 2 * sock.ws._reader._limit < count * 130 // 4
    await sock.close()


async def test_compressed_frames_and_the_inflated_limit(fast: bool) -> None:
    """permessage-deflate: inflated frames come through; one inflating past the limit ends it."""
    big = b"z" * 50_000

    async def handler(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(compress=True)
        await ws.prepare(request)
        for _ in range(5):
            await ws.receive()
        await ws.send_str("200 OK")
        for n in range(30):
            await ws.send_str(text(n, pad=200).decode())
        await ws.send_str(big.decode())
        async for _ in ws:
            pass
        return ws

    app = web.Application()
    app.router.add_get(STREAM, handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        async with aiohttp.ClientSession() as session:
            sock = await open_socket(
                session, f"http://127.0.0.1:{port}", fast=fast, compress=15, max_msg_size=10_001
            )
            assert sock.ws.compress
            got, _ = await collect(sock, 30)
            assert [json.loads(g)["n"] for g in got] == list(range(30))
            lost = await end_of(sock, max_frame_bytes=10_000)
            assert lost.too_large
            assert len(zlib.compress(big)) < 10_000  # the frame was small on the wire
    finally:
        await runner.cleanup()


# -- the fast path's own checks --------------------------------------------------------------


@pytest.fixture
def support(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """The support check re-run from scratch, whatever the suite's environment says."""
    monkeypatch.delenv(_frame_queue.SWITCH, raising=False)
    _frame_queue.supported.cache_clear()
    yield monkeypatch
    _frame_queue.supported.cache_clear()  # before the environment is restored


def test_switched_off_by_the_environment(support: pytest.MonkeyPatch) -> None:
    assert _frame_queue.supported()  # aiohttp 3.14.5 in the development environment
    for value in ("0", "off", "false"):
        support.setenv(_frame_queue.SWITCH, value)
        _frame_queue.supported.cache_clear()
        assert not _frame_queue.supported()


def test_an_untested_aiohttp_version_falls_back(support: pytest.MonkeyPatch) -> None:
    for version in ("3.15.0", "3.14.4", "3.13.2", "4.0.0a1"):
        support.setattr(aiohttp, "__version__", version)
        _frame_queue.supported.cache_clear()
        assert not _frame_queue.supported()


async def test_a_websocket_whose_internals_differ_falls_back(
    raw: Any, support: pytest.MonkeyPatch
) -> None:
    server, session = raw
    sock_task = asyncio.ensure_future(open_socket(session, server.url, fast=True))
    conn = await server.next()
    sock = await sock_task
    assert _frame_queue.attach(sock.ws) is not None

    class Other:
        _reader = sock.ws._reader  # the queue is fine, the websocket is not
        _waiting = "no"

    assert _frame_queue.attach(Other()) is None  # type: ignore[arg-type]
    conn.send(frame(TEXT, text(1)))
    await collect(sock, 2)
    await sock.close()


def test_settle_brings_the_count_back_to_zero() -> None:
    queue_type = _frame_queue.compiled_queue_type()
    assert queue_type is not None
    loop = asyncio.new_event_loop()
    try:
        protocol = _frame_queue.SelfTestProtocol()
        queue = queue_type(protocol, 1 << 16, loop=loop)
        for size in (1, 1000, 70_000):
            queue.feed_data((WSMsgType.TEXT, b"", ""), size)
            queue._buffer.clear()
            assert queue._size > 0
            _frame_queue.settle(queue, queue._buffer)
            assert queue._size == 0 and not queue._buffer
    finally:
        loop.close()


# -- frames split across reads, fragmented messages, a consumer that stops taking -------------


async def test_frames_split_byte_by_byte_and_fragmented(raw: Any, fast: bool) -> None:
    server, session = raw
    sock_task = asyncio.ensure_future(open_socket(session, server.url, fast=fast))
    conn = await server.next()
    sock = await sock_task
    await collect(sock, 1)
    whole = frame(TEXT, text(1, pad=300))
    first_part = bytes((0x01, 5)) + b'{"n":'  # TEXT, not final
    ping = frame(PING, b"mid")  # a control frame between the fragments
    last_part = bytes((0x80, 12)) + b' 2, "p": ""}'  # CONTINUATION, final
    data = whole + first_part + ping + last_part + frame(TEXT, text(3))
    for i in range(len(data)):
        conn.send(data[i : i + 1])
        await conn.writer.drain()
    got, _ = await collect(sock, 3)
    assert [json.loads(g)["n"] for g in got] == [1, 2, 3]
    assert await conn.read_until(PONG) == b"mid"
    await sock.close()


async def test_a_consumer_that_stops_taking_bounds_the_buffer(raw: Any, fast: bool) -> None:
    """aiohttp's queue limit still stops reading the socket while nobody takes frames."""
    server, session = raw
    sock_task = asyncio.ensure_future(open_socket(session, server.url, fast=fast))
    conn = await server.next()
    sock = await sock_task
    await collect(sock, 1)
    count = 20_000
    payload = b"".join(frame(TEXT, text(n, pad=400)) for n in range(count))  # about 8.5 MB
    conn.send(payload)
    queue = sock.ws._reader
    async with asyncio.timeout(20):
        while not queue._protocol._reading_paused:  # noqa: ASYNC110 - aiohttp's own flag
            await asyncio.sleep(0)
    assert queue._size <= 2 * queue._limit  # frames parsed and held: bounded
    got, _ = await collect(sock, count)
    assert [json.loads(g)["n"] for g in got[:: count // 10]] == list(range(0, count, count // 10))
    assert json.loads(got[-1])["n"] == count - 1
    await sock.close()
