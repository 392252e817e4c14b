"""The firehose: a server process that sends the benchmark's events as fast as a client reads.

``python -m benchmarks._firehose`` listens on two ports of 127.0.0.1 and
prints them as one JSON line:

- ``ws``: the Comet event stream endpoint. It reads the five handshake
  frames, answers ``200 OK`` and then writes pre-framed events in batches
  (one ``transport.write`` per ~100 KB, waiting for the socket to drain),
  cycling through the same frames forever. Nothing is encoded or framed per
  event, so the server's core is never the bottleneck.
- ``lines``: the same events newline-delimited on a raw TCP connection.

Running in its own process, it leaves the client's core to the client.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import signal
import struct
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

from aiohttp import WSMsgType, web

from . import _process
from ._events import POOL, job_events

STREAM_PATH = "/api/v1/events/stream"
BATCH_BYTES = 1 << 17
HANDSHAKE_TIMEOUT = 10.0


def ws_frame(payload: bytes) -> bytes:
    """``payload`` as a server's final text frame (unmasked)."""
    n = len(payload)
    if n < 126:
        return bytes((0x81, n)) + payload
    if n < 65536:
        return struct.pack("!BBH", 0x81, 126, n) + payload
    return struct.pack("!BBQ", 0x81, 127, n) + payload


def batches(frames: Sequence[bytes]) -> list[bytes]:
    """Join whole frames into writes of about BATCH_BYTES."""
    out: list[bytes] = []
    current: list[bytes] = []
    size = 0
    for frame in frames:
        current.append(frame)
        size += len(frame)
        if size >= BATCH_BYTES:
            out.append(b"".join(current))
            current, size = [], 0
    if current:
        out.append(b"".join(current))
    return out


class FirehoseServer:
    def __init__(self, payloads: Sequence[bytes]) -> None:
        self.ws_batches = batches([ws_frame(p) for p in payloads])
        self.line_batches = batches([p + b"\n" for p in payloads])

    async def stream(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(compress=False, autoping=True, max_msg_size=1 << 16)
        await ws.prepare(request)
        try:
            async with asyncio.timeout(HANDSHAKE_TIMEOUT):
                for _ in range(5):
                    msg = await ws.receive()
                    if msg.type is not WSMsgType.TEXT:
                        return ws
        except TimeoutError:
            return ws
        await ws.send_str("200 OK")
        transport = request.transport
        assert transport is not None
        pump = asyncio.ensure_future(self._pump_ws(request, transport))
        try:
            async for _ in ws:  # pings, pongs and the close handshake
                pass
        finally:
            pump.cancel()
            with contextlib.suppress(asyncio.CancelledError, ConnectionError):
                await pump
        return ws

    async def _pump_ws(self, request: web.Request, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.WriteTransport)
        writer = request.writer
        with contextlib.suppress(ConnectionError):
            while not transport.is_closing():
                for batch in self.ws_batches:
                    if transport.is_closing():
                        return
                    transport.write(batch)
                    await writer.drain()

    async def lines(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while not writer.is_closing():
                for batch in self.line_batches:
                    writer.write(batch)
                    await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()


async def _main(pool: int) -> None:
    server = FirehoseServer(job_events(pool))
    app = web.Application()
    app.router.add_get(STREAM_PATH, server.stream)
    runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=1.0)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    lines = await asyncio.start_server(server.lines, "127.0.0.1", 0)
    ws_port = runner.addresses[0][1]
    lines_port = lines.sockets[0].getsockname()[1]
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    print(json.dumps({"firehose": True, "ws": ws_port, "lines": lines_port}), flush=True)
    try:
        await stop.wait()
    finally:
        lines.close()
        await runner.cleanup()


@dataclass(frozen=True, slots=True)
class Firehose:
    """Where a running firehose listens."""

    ws_port: int
    lines_port: int

    @property
    def url(self) -> str:
        """The base URL to give a CometClient."""
        return f"http://127.0.0.1:{self.ws_port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.ws_port}{STREAM_PATH}"


@contextlib.asynccontextmanager
async def firehose(pool: int = POOL) -> AsyncIterator[Firehose]:
    """Start the firehose process; it is stopped when the block ends."""
    args = ["-m", "benchmarks._firehose", "--pool", str(pool)]
    async with _process.server(args, ready='"firehose"') as line:
        ports = json.loads(line)
        yield Firehose(ports["ws"], ports["lines"])


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks._firehose")
    parser.add_argument("--pool", type=int, default=POOL, help="distinct events to cycle through")
    args = parser.parse_args(argv)
    asyncio.run(_main(args.pool))


if __name__ == "__main__":
    main()
