"""A hostile event-stream server on raw asyncio streams (127.0.0.1, port 0).

Unlike tests/_ws_server.py (aiohttp, which answers pings and close frames by
itself), this server does only what the test says: it speaks the upgrade and
the five-frame handshake, then the test sends frames byte by byte, pings,
stops reading, ignores close frames or drops the TCP connection. The listening
socket has a small receive buffer, so a client writing to a peer that stopped
reading blocks after a few kilobytes rather than a few megabytes.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import json
import socket
import struct

WS_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
HELLO = {"Type": 4000, "TypeString": "SEVT_META_HELLO", "Data": {"Version": "25.9.8"}}
TEXT, BINARY, CLOSE, PING, PONG = 0x1, 0x2, 0x8, 0x9, 0xA


def frame(opcode: int, payload: bytes) -> bytes:
    """One final, unmasked server frame."""
    first = 0x80 | opcode
    n = len(payload)
    if n < 126:
        return bytes((first, n)) + payload
    if n < 65536:
        return struct.pack("!BBH", first, 126, n) + payload
    return struct.pack("!BBQ", first, 127, n) + payload


def numbered(n: int, *, pad: int = 0) -> bytes:
    """A text frame of an unknown-type event whose ResourceID is ``n`` (padded to ``pad``)."""
    body = {"Type": 4999, "ResourceID": str(n), "Timestamp": 1, "Data": "x" * pad}
    return frame(TEXT, json.dumps(body).encode())


class RawConnection:
    """One accepted connection, driven by the test."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.handshake: list[str] = []

    async def accept(self, *, ping_first: bool = False) -> None:
        """Answer the upgrade and the five handshake frames with ``200 OK`` and a HELLO."""
        head = await self.reader.readuntil(b"\r\n\r\n")
        key = b""
        for line in head.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"sec-websocket-key":
                key = value.strip()
        accept = base64.b64encode(hashlib.sha1(key + WS_GUID).digest())
        self.writer.write(
            b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            b"Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + b"\r\n\r\n"
        )
        while len(self.handshake) < 5:
            opcode, payload = await self.read_frame()
            if opcode == TEXT:
                self.handshake.append(payload.decode())
        if ping_first:
            self.send(frame(PING, b"before the reply"))
        self.send(frame(TEXT, b"200 OK"), frame(TEXT, json.dumps(HELLO).encode()))

    async def read_frame(self) -> tuple[int, bytes]:
        """The next client frame (clients mask theirs), unmasked."""
        first, second = await self.reader.readexactly(2)
        n = second & 0x7F
        if n == 126:
            (n,) = struct.unpack("!H", await self.reader.readexactly(2))
        elif n == 127:
            (n,) = struct.unpack("!Q", await self.reader.readexactly(8))
        mask = await self.reader.readexactly(4) if second & 0x80 else b"\0\0\0\0"
        data = await self.reader.readexactly(n)
        return first & 0x0F, bytes(b ^ mask[i % 4] for i, b in enumerate(data))

    async def read_until(self, opcode: int) -> bytes:
        """Read client frames until one with ``opcode``; its payload."""
        while True:
            got, payload = await self.read_frame()
            if got == opcode:
                return payload

    async def eof(self) -> None:
        """Read and discard until the client's end of TCP is gone (EOF or reset)."""
        with contextlib.suppress(ConnectionError):
            while await self.reader.read(65536):
                pass

    def send(self, *frames: bytes) -> None:
        for data in frames:
            self.writer.write(data)

    def stop_reading(self) -> None:
        """Half-open from our side: the client's writes pile up in the kernel, then block."""
        self.writer.transport.pause_reading()

    def drop(self) -> None:
        """Close TCP without a websocket close frame."""
        self.writer.transport.abort()


class RawWsServer:
    """Accepts connections and hands each (after the handshake) to the test."""

    def __init__(self, *, rcvbuf: int = 4096, ping_first: bool = False) -> None:
        self.rcvbuf = rcvbuf
        self.ping_first = ping_first
        self.connections: asyncio.Queue[RawConnection] = asyncio.Queue()
        self.all: list[RawConnection] = []
        self._server: asyncio.Server | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def __aenter__(self) -> RawWsServer:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, self.rcvbuf)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        self._server = await asyncio.start_server(self._accept, sock=sock)
        return self

    async def __aexit__(self, *exc: object) -> None:
        for conn in self.all:
            conn.drop()
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await self._server.wait_closed()

    async def next(self, timeout: float = 10.0) -> RawConnection:
        """The next connection that completed the handshake."""
        async with asyncio.timeout(timeout):
            return await self.connections.get()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        conn = RawConnection(reader, writer)
        self.all.append(conn)
        try:
            await conn.accept(ping_first=self.ping_first)
        except (asyncio.IncompleteReadError, ConnectionError):
            return
        await self.connections.put(conn)
