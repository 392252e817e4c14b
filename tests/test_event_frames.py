"""keep_frames=True: every event carries the exact bytes the server sent, and nothing else does."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest

from aiocomet import CometClient
from aiocomet._event_model import EventDecoder
from aiocomet.constants import SEVT_JOB_NEW, SEVT_META_HELLO

from ._ws_server import WsServer, event

PASSWORD = "pw-frames"


@pytest.fixture
async def server() -> AsyncIterator[WsServer]:
    async with WsServer(password=PASSWORD) as srv:
        yield srv


def raw(kind: int, guid: str, **extra: object) -> bytes:
    """A job event with keys this SDK does not know, on the envelope and in Data."""
    body = json.loads(event(kind, resource_id=guid, data={"GUID": guid, "FutureField": [1, 2]}))
    body.update(extra)
    return json.dumps(body).encode()


async def take(
    server: WsServer, client: CometClient, frames: list[bytes], **options: object
) -> list[tuple[bytes, str]]:
    """Send ``frames`` once the stream is connected; the job events' (frame, ResourceID)."""

    async def consume() -> list[tuple[bytes, str]]:
        got: list[tuple[bytes, str]] = []
        async with client.event_batches(**options) as batches:  # type: ignore[arg-type]
            async for batch in batches:
                got += [(e.frame, e.ResourceID) for e in batch if e.Type == SEVT_JOB_NEW]
                if len(got) >= len(frames):
                    return got
        raise AssertionError("the stream ended")

    task = asyncio.create_task(consume())
    await server.wait_connected()
    await server.send(*frames)
    async with asyncio.timeout(10):
        return await task


async def test_each_event_carries_its_own_frame_with_every_unknown_key(server: WsServer) -> None:
    frames = [raw(SEVT_JOB_NEW, f"g{n}", FutureEnvelopeKey=n) for n in range(5)]
    async with CometClient(server.url, "admin", PASSWORD) as client:
        got = await take(server, client, frames, keep_frames=True)
    assert [guid for _, guid in got] == [f"g{n}" for n in range(5)]
    for (frame, _), sent in zip(got, frames, strict=True):
        assert frame == sent  # the bytes the server wrote, unknown keys included


async def test_per_event_iteration_carries_frames_too(server: WsServer) -> None:
    sent = raw(SEVT_JOB_NEW, "only")
    async with CometClient(server.url, "admin", PASSWORD) as client:
        stream = client.events(keep_frames=True, types={SEVT_JOB_NEW})
        async with stream:
            task = asyncio.create_task(anext(aiter(stream)))
            await server.wait_connected()
            await server.send(sent)
            async with asyncio.timeout(10):
                first = await task
    assert first.frame == sent


async def test_without_keep_frames_a_forged_frame_key_is_not_believed(server: WsServer) -> None:
    forged = raw(SEVT_JOB_NEW, "forged", **{"aiocomet.frame": "Zm9yZ2Vk"})  # base64 "forged"
    async with CometClient(server.url, "admin", PASSWORD) as client:
        got = await take(server, client, [forged, raw(SEVT_JOB_NEW, "plain")])
    assert got == [(b"", "forged"), (b"", "plain")]


async def test_with_keep_frames_a_forged_frame_key_is_replaced_by_the_real_bytes(
    server: WsServer,
) -> None:
    forged = raw(SEVT_JOB_NEW, "forged", **{"aiocomet.frame": "Zm9yZ2Vk"})
    async with CometClient(server.url, "admin", PASSWORD) as client:
        [(frame, _)] = await take(server, client, [forged], keep_frames=True)
    assert frame == forged


def test_the_decoder_never_keeps_a_frame_from_the_wire() -> None:
    decoder = EventDecoder("s")
    for body in (
        raw(SEVT_META_HELLO, "h", **{"aiocomet.frame": "Zm9yZ2Vk"}),
        raw(987654, "unknown-type", **{"aiocomet.frame": "Zm9yZ2Vk"}),  # the untyped fallback
    ):
        assert decoder.decode(body).frame == b""
        [one] = decoder.decode_many([body])
        assert not isinstance(one, Exception) and one.frame == b""
