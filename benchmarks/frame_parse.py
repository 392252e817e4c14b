"""Why the receive path is aiohttp's: its compiled frame parser against a scan of our own.

The stream pays about 0.3-0.45 µs an event more than the limit's raw reads
(``frames_aiocomet_fast`` against ``limit_tcp_no_decode`` in ``stream``), and
that is aiohttp's frame parser. The one way around it without a compiled
extension of our own is to read the socket ourselves and find the frames in
Python. This measures that design without a network, in CPU time: the same
4,096 job events as unmasked text frames (what a server sends), in reads of
256 KiB (asyncio's read size), either

- ``aiohttp_reader``: fed to aiohttp's compiled ``WebSocketReader`` and taken
  from its queue as the stream's fast path takes them (the whole deque at
  once), or
- ``python_scan``: split by a Python loop over the frame headers (2 or 4
  bytes; each payload sliced out as ``bytes``, the tail kept for the next
  read), the least a Python parser can do;

each alone and followed by ``decode_typed`` in batches of 64, as the stream
decodes. A ratio above 1 would make our own parser worth building.
"""

from __future__ import annotations

import asyncio
import importlib
import time
from collections.abc import Callable
from functools import partial
from operator import itemgetter
from typing import Any

from aiocomet._event_model import EventDecoder
from aiocomet._frame_queue import SelfTestProtocol

from ._firehose import ws_frame
from ._harness import Stat, interleaved, ratios

READ = 1 << 18  # asyncio's selector transport reads at most this much at once
BATCH = 64
_TEXT_FIN = 0x81
_KIND = itemgetter(0)
_DATA = itemgetter(1)

Parse = Callable[[], list[list[bytes]]]
"""Every read's frame payloads, in order."""


def wire(payloads: list[bytes]) -> list[bytes]:
    """``payloads`` as a server's text frames, cut into socket reads."""
    stream = b"".join(map(ws_frame, payloads))
    return [stream[i : i + READ] for i in range(0, len(stream), READ)]


def scan(data: bytes, out: list[bytes]) -> int:
    """Append every whole text frame's payload in ``data``; return where the rest starts.

    Only what the benchmark's frames need (final text frames under 64 KiB):
    a real parser would check more per frame, never less.
    """
    end_of_data = len(data)
    pos = 0
    while pos + 2 <= end_of_data:
        size = data[pos + 1]
        start = pos + 2
        if size == 126:
            start = pos + 4
            if start > end_of_data:
                break
            size = (data[pos + 2] << 8) | data[pos + 3]
        elif size > 126 or data[pos] != _TEXT_FIN:
            raise ValueError("the scan handles final text frames under 64 KiB only")
        end = start + size
        if end > end_of_data:
            break
        out.append(data[start:end])
        pos = end
    return pos


def _aiohttp_parse(reads: list[bytes], loop: asyncio.AbstractEventLoop) -> Parse:
    reader_c = importlib.import_module("aiohttp._websocket.reader_c")
    queue = reader_c.WebSocketDataQueue(SelfTestProtocol(), 1 << 30, loop=loop)
    parser = reader_c.WebSocketReader(queue, 1 << 24, False, False)
    buf = queue._buffer

    def parse() -> list[list[bytes]]:
        out: list[list[bytes]] = []
        for data in reads:
            parser.feed_data(data)
            messages = list(map(_KIND, buf))
            buf.clear()
            out.append(list(map(_DATA, messages)))
        return out

    return parse


def scan_reads(reads: list[bytes]) -> list[list[bytes]]:
    """Each read's whole frames, by :func:`scan`; a frame cut by a read waits for the next."""
    out: list[list[bytes]] = []
    tail = b""
    for chunk in reads:
        data = tail + chunk if tail else chunk
        payloads: list[bytes] = []
        tail = data[scan(data, payloads) :]
        out.append(payloads)
    if tail:
        raise ValueError(f"the reads end inside a frame ({len(tail)} bytes left)")
    return out


def _rate(parse: Parse, events: int, repeat: int, decode: Callable[[bytes], Any] | None) -> float:
    started = time.process_time()
    for _ in range(repeat):
        for payloads in parse():
            if decode is not None:
                for start in range(0, len(payloads), BATCH):
                    decoded = list(map(decode, payloads[start : start + BATCH]))
                    del decoded
    return repeat * events / (time.process_time() - started)


async def parse_details(payloads: list[bytes], *, repeat: int, rounds: int) -> dict[str, Stat]:
    """Frames (and events) per CPU second through each parser, and their ratios."""
    reads = wire(payloads)
    loop = asyncio.get_running_loop()
    aiohttp_parse = _aiohttp_parse(reads, loop)
    python_parse = partial(scan_reads, reads)
    if [p for r in python_parse() for p in r] != payloads:
        raise RuntimeError("the Python scan does not give back the frames it was given")
    if [p for r in aiohttp_parse() for p in r] != payloads:
        raise RuntimeError("aiohttp's parser does not give back the frames it was given")
    decode = EventDecoder("http://127.0.0.1").decode_typed
    n = len(payloads)

    async def run(parse: Parse, decoding: bool) -> float:
        return _rate(parse, n, repeat, decode if decoding else None)

    results = await interleaved(
        {
            "aiohttp_reader": lambda: run(aiohttp_parse, False),
            "python_scan": lambda: run(python_parse, False),
            "aiohttp_reader_decode": lambda: run(aiohttp_parse, True),
            "python_scan_decode": lambda: run(python_parse, True),
        },
        rounds=rounds,
    )
    details = {
        f"frame_parse_us.{name}": Stat.of([1e6 / rate for rate in rates])
        for name, rates in results.items()
    }
    details["python_scan_vs_aiohttp_parse_ratio"] = Stat.of(
        ratios(results["python_scan"], results["aiohttp_reader"])
    )
    details["python_scan_vs_aiohttp_parse_decode_ratio"] = Stat.of(
        ratios(results["python_scan_decode"], results["aiohttp_reader_decode"])
    )
    return details
