"""Issue 9, the live stream: bad frames, hostile input, redirects and TLS (docs/reliability.md).

Each test is one scenario of the issue; the pass marks are asserted. Time that
would make a test slow is fake (``VirtualTime``: injected sleep and monotonic
clock); real time is used only where the scenario is about real time.
"""

from __future__ import annotations

import json
import ssl
from pathlib import Path

import pytest
from aiohttp import WSMsgType, web

from aiocomet import (
    CometClient,
    CometError,
    TransportError,
)
from aiocomet._event_model import EventDecoder
from aiocomet.constants import (
    SEVT_JOB_NEW,
)
from aiocomet.events import (
    EventDecodeError,
    RedirectRefusedError,
)
from aiocomet.testing import CometEmulator

from . import _stream_scenarios as scenarios
from ._fake_comet import FakeComet, Reply
from ._stream_scenarios import seeded
from ._ws_server import STREAM_PATH, Collector, SleepLog, WsServer, event
from .test_client_tls import make_cert
from .test_events_e2e import FAST, FIREHOSE, numbered

# -- 13.-16. bad frames ----------------------------------------------------------------------------

emu = scenarios.emu  # the fixtures, as pytest finds them
client = scenarios.client


async def test_one_malformed_frame_among_1000(emu: CometEmulator, client: CometClient) -> None:
    errors: list[CometError] = []
    stream = client.events(types={FIREHOSE}, on_error=errors.append)
    col = Collector(stream)
    await emu.wait_for_subscribers(1)
    bad = '{"Type": 4200, "ResourceID": "' + "m" * 1000  # cut off: not JSON
    emu.publish_encoded([numbered(n) for n in range(500)])
    emu.faults.send_raw(bad)
    emu.publish_encoded([numbered(n) for n in range(500, 999)])
    await col.count(999)
    assert [int(e.ResourceID) for e in col.events] == list(range(999))
    (error,) = errors
    assert isinstance(error, EventDecodeError)
    assert error.frame_start == bad.encode()[:200]
    assert bad[:201] not in str(error) and bad[:200] in str(error)
    assert stream.stats.reconnects == 0 and stream.stats.decode_errors == 1
    await col.close()


async def test_unknown_types_wrong_field_types_and_nulls_affect_only_their_event(
    emu: CometEmulator, client: CometClient
) -> None:
    errors: list[CometError] = []
    stream = client.events(on_error=errors.append)
    col = Collector(stream)
    await col.count(1)
    odd = [
        {"Type": 4998, "TypeString": "SEVT_FUTURE", "Data": {"new": [1, 2]}},  # unknown type
        {"Type": SEVT_JOB_NEW, "Data": {"GUID": 12, "StartTime": "soon"}},  # wrong Data types
        {"Type": SEVT_JOB_NEW, "Data": None},
        {"Type": SEVT_JOB_NEW, "Data": [None]},
        {"Type": SEVT_JOB_NEW, "Actor": None},
        {"Type": SEVT_JOB_NEW, "Timestamp": None},
        {"Type": None},
        {"Type": "4200"},
        {"Actor": "no type at all"},
        {"Type": SEVT_JOB_NEW, "Timestamp": 1.5},
    ]
    for n, body in enumerate(odd):
        emu.faults.send_raw(json.dumps(body))
        emu.publish_encoded([numbered(n)])
    await col.wait(lambda: sum(e.Type == FIREHOSE for e in col.events) == len(odd))
    good = [int(e.ResourceID) for e in col.events if e.Type == FIREHOSE]
    odd_delivered = [e for e in col.events[1:] if e.Type != FIREHOSE]
    assert good == list(range(len(odd)))
    assert len(odd_delivered) + len(errors) == len(odd)  # each odd frame: delivered or reported
    assert all(isinstance(e, EventDecodeError) for e in errors)
    unknown = odd_delivered[0]
    assert unknown.Type == 4998 and not unknown.typed and unknown.Data == {"new": [1, 2]}
    assert not odd_delivered[1].typed and odd_delivered[1].Data["GUID"] == 12
    assert odd_delivered[2].typed and odd_delivered[2].Data is None
    assert stream.stats.reconnects == 0
    await col.close()


async def test_binary_and_invalid_utf8_frames_are_reported_and_skipped() -> None:
    errors: list[CometError] = []
    async with WsServer(password="pw") as server, CometClient(server.url, "admin", "pw") as c:
        stream = c.events(on_error=errors.append)
        col = Collector(stream)
        await server.wait_connected()
        live = server.live[0]
        await live.send_bytes(b"\x00\xff binary")
        await live.send_frame(b'{"Type": 4200, "Actor": "\xff\xfe"}', WSMsgType.TEXT)
        await live.send_frame(b'{"Type": 4998, "Data": ["\xc3\x28"]}', WSMsgType.TEXT)
        await live.send_frame(b"\xff\xfe\xfd", WSMsgType.TEXT)
        await server.send(event(SEVT_JOB_NEW, resource_id="after"))
        await col.count(2)
        assert col.events[1].ResourceID == "after"
        assert [type(e) for e in errors] == [EventDecodeError] * 4
        assert stream.stats.decode_errors == 4 and stream.stats.reconnects == 0
        await col.close()


async def test_oversized_frames_close_the_connection_and_count_toward_backoff() -> None:
    errors: list[CometError] = []
    sleeps = SleepLog()
    async with WsServer(password="pw") as server, CometClient(server.url, "admin", "pw") as c:
        backoff, twin = seeded(15)
        stream = c.events(
            max_frame_bytes=4096, sleep=sleeps, on_error=errors.append, backoff=backoff
        )
        col = Collector(stream)
        for n in range(1, 5):
            await server.wait_connected(n)
            await server.send(event(SEVT_JOB_NEW, data={"GUID": "y" * 5000}))
        await server.wait_connected(5)
        await server.send(event(SEVT_JOB_NEW, resource_id="fits"))
        await col.wait(lambda: col.events[-1].ResourceID == "fits")
        assert sleeps.delays == [twin.delay(n) for n in range(4)]  # growing, not reset
        assert [type(e) for e in errors] == [EventDecodeError] * 4
        assert all("max_frame_bytes" in str(e) for e in errors)
        await col.close()


HOSTILE = {
    "nested_array": b"[" * 100_000,
    "nested_data": b'{"Type": 4998, "Data": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "nested_open": b'{"Type": 4998, "Data": ' + b"[" * 100_000,
    "big_int_field": b'{"Type": 4200, "Timestamp": ' + b"9" * 5000 + b"}",
    "big_int_data": b'{"Type": 4998, "Data": ' + b"7" * 5000 + b"}",
    "big_int_alone": b"1" * 5000,
}


STOPPED_BY = {
    "nested_array": "Expected `object`, got `array`",  # at the first byte
    "nested_data": "maximum recursion depth exceeded",
    "nested_open": "maximum recursion depth exceeded",
    "big_int_field": "Integer value out of range",
    "big_int_data": "Integer value out of range",
    "big_int_alone": "Number out of range",
}
"""What refuses each hostile input early: the decoder's depth and number bounds.

How long refusing takes is a benchmark figure (``hostile_reject_ms``), not a test.
"""


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_frame_is_refused_by_a_decoder_bound_with_a_short_error(name: str) -> None:
    decoder = EventDecoder("s")
    with pytest.raises(EventDecodeError) as caught:
        decoder.decode(HOSTILE[name])
    message = str(caught.value)
    assert STOPPED_BY[name] in message
    assert f"{len(HOSTILE[name])} bytes starting" in message
    assert len(message) < 400  # the frame's start, not the frame
    assert caught.value.frame_start == HOSTILE[name][: len(caught.value.frame_start)]


async def test_hostile_frames_leave_the_stream_running(
    emu: CometEmulator, client: CometClient
) -> None:
    errors: list[CometError] = []
    stream = client.events(types={FIREHOSE}, on_error=errors.append)
    col = Collector(stream)
    await emu.wait_for_subscribers(1)
    for n, name in enumerate(sorted(HOSTILE)):
        emu.faults.send_raw(HOSTILE[name].decode())
        emu.publish_encoded([numbered(n)])
    await col.count(len(HOSTILE))
    assert len(errors) == len(HOSTILE) and stream.stats.reconnects == 0
    await col.close()


# -- 23./24. (stream side) redirects and TLS ------------------------------------------------------


@pytest.mark.parametrize("status", [302, 307])
async def test_redirected_upgrade_is_refused_before_the_credentials_are_sent(status: int) -> None:
    async with WsServer(password="pw") as other, FakeComet() as server:
        target = other.url + STREAM_PATH
        server.always(STREAM_PATH, Reply(status=status, raw=b"", headers={"Location": target}))
        async with CometClient(server.url, "admin", "pw") as c:
            col = Collector(c.events(backoff=FAST))
            await col.finished()
        assert isinstance(col.error, RedirectRefusedError)
        assert isinstance(col.error, TransportError) and "redirected" in str(col.error)
        assert col.stream.stats.connects == 1  # final: a redirect is not retried
        assert other.handshakes == []  # the upgrade may have reached it; no frame did


async def test_stream_over_tls_verifies_the_certificate_by_default(tmp_path: Path) -> None:
    key, cert = make_cert(tmp_path, "loopback", "IP:127.0.0.1")
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    async with WsServer(password="pw") as server:
        runner = web.AppRunner(server.app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=ctx)
        await site.start()
        url = f"https://127.0.0.1:{runner.addresses[0][1]}"
        try:
            errors: list[CometError] = []
            async with CometClient(url, "admin", "pw") as c:
                col = Collector(c.events(max_attempts=1, on_error=errors.append))
                await col.finished()
            assert isinstance(col.error, TransportError) and "certificate" in str(errors[0])
            assert server.handshakes == []
            async with CometClient(url, "admin", "pw", ca_file=str(cert)) as c:
                col = Collector(c.events())
                await col.count(1)
                await col.close()
            assert len(server.handshakes) == 1
        finally:
            await runner.cleanup()
