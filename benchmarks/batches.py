"""Readers that take the firehose's events in batches, for figures 2-4 (see ``stream``).

- ``aiocomet_batches``: ``async for batch in client.event_batches()`` with default
  settings (``max_batch`` included); measured only where the client has ``event_batches``.
- ``aiocomet_socket_batches``: the stream's receive path alone, without its
  engine: :meth:`EventSocket.receive_batch` (every frame aiohttp parsed from a
  socket read at once, see ``aiocomet._frame_queue``) and
  :meth:`EventDecoder.decode_many` (the stream's own union decoder, the fields
  the SDK owns set on every event). It shows what the receive path leaves for the engine, and
  whether the fast path is in use (``fast_receive`` in the notes);
  ``aiocomet_socket_receive`` is the same with the fast path switched off, and
  ``frames_aiocomet_fast`` the fast path without decoding: the floor of the receive path.

Each reader reads "about n" events: a batch is never split, so a read may
return a few more; the rates count what was read.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp

from aiocomet import CometClient
from aiocomet._event_model import EventDecoder
from aiocomet._event_options import DEFAULT_MAX_BATCH
from aiocomet._event_socket import EventSocket

from ._firehose import Firehose
from .readers import HANDSHAKE, ended_early

MAX_BATCH: int = DEFAULT_MAX_BATCH  # the client's own default
HEARTBEAT = 30.0  # client.events()'s default: aiohttp's heartbeat runs in every variant

Read = Callable[[int], Any]


def batches_available() -> bool:
    """Whether this checkout's client has ``event_batches`` (added with the new event engine)."""
    return hasattr(CometClient, "event_batches")


@contextlib.asynccontextmanager
async def batches_reader(fh: Firehose) -> AsyncIterator[Read]:
    """``client.event_batches()``, default settings; touches every ``event.Data``."""
    async with CometClient(fh.url, "admin", "admin") as client:
        opened: Any = client.event_batches(max_batch=MAX_BATCH)  # type: ignore[attr-defined,unused-ignore]
        async with opened as batches:
            stream = aiter(batches)

            async def read(n: int) -> tuple[int, float]:
                seen = 0
                started = time.perf_counter()
                async for batch in stream:
                    for event in batch:
                        event.Data.Status  # noqa: B018 - touch the typed payload
                    seen += len(batch)
                    if seen >= n:
                        return seen, time.perf_counter() - started
                raise ended_early()

            yield read


FAST_RECEIVE: dict[str, bool] = {}  # the socket reader's path, for the notes


@contextlib.asynccontextmanager
async def socket_reader(
    fh: Firehose, fast: bool = True, decode: bool = True
) -> AsyncIterator[Read]:
    """EventSocket.receive_batch + EventDecoder.decode_many: the receive path alone.

    Frames are decoded ``MAX_BATCH`` at a time, as the engine does.
    ``fast=False``: the same with the fast path off (one ``receive()`` per frame),
    the public path the socket falls back to. ``decode=False``: frames received
    and not decoded, the floor of the receive path.
    """
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(
            fh.ws_url,
            autoping=False,
            decode_text=False,
            heartbeat=HEARTBEAT,
            max_msg_size=1 << 24,
        ) as ws,
    ):
        for field in HANDSHAKE:
            await ws.send_str(field)
        await ws.receive()
        sock = EventSocket(ws, heartbeat=HEARTBEAT, close_timeout=1.0, fast=fast)
        FAST_RECEIVE["fast" if fast else "receive"] = sock.fast
        decode_many = EventDecoder(fh.url).decode_many
        receive_batch = sock.receive_batch

        async def read(n: int) -> tuple[int, float]:
            seen = 0
            started = time.perf_counter()
            while seen < n:
                batch = await receive_batch()
                for start in range(0, len(batch), MAX_BATCH):
                    for event in decode_many(batch[start : start + MAX_BATCH]):
                        event.Data.Status  # type: ignore[union-attr]  # noqa: B018
                seen += len(batch)
            return seen, time.perf_counter() - started

        async def read_frames(n: int) -> tuple[int, float]:
            seen = 0
            started = time.perf_counter()
            while seen < n:
                seen += len(await receive_batch())
            return seen, time.perf_counter() - started

        try:
            yield read if decode else read_frames
        finally:
            await sock.close()
