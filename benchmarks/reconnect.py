"""Figure 9: from a server-side drop to the next event delivered, default settings.

A :class:`CometEmulator` runs in this process (this is a latency, not a
throughput figure). Each round opens a fresh ``client.events()`` with default
settings, reads the ``SEVT_META_HELLO`` the emulator sends to every new
subscriber, drops the connection from the server side
(``emu.faults.drop_websockets()``) and times until the next event arrives:
the HELLO of the new connection. Most of it is the first reconnect delay,
drawn uniformly from 0.1-1 s by design (so that many clients do not
reconnect in lockstep).
"""

from __future__ import annotations

import asyncio
import time

from aiocomet import CometClient
from aiocomet.testing import CometEmulator

from ._harness import Figure, Stat, Target

ROUND_TIMEOUT = 30.0


async def recovery_ms(emu: CometEmulator, client: CometClient) -> float:
    """One drop on a fresh stream: milliseconds until the next event is delivered."""
    async with client.events() as stream:
        events = aiter(stream)
        async with asyncio.timeout(ROUND_TIMEOUT):
            await anext(events)
            started = time.perf_counter()
            if emu.faults.drop_websockets() != 1:
                raise RuntimeError("expected exactly one subscriber to drop")
            await anext(events)
            elapsed = time.perf_counter() - started
        if stream.stats.reconnects != 1:
            raise RuntimeError("the event after the drop did not come from a new connection")
    return elapsed * 1000


async def reconnect_figure(*, rounds: int = 12) -> Figure:
    """``reconnect_recovery_ms``: median, min and max over ``rounds`` drops."""
    samples: list[float] = []
    async with CometEmulator() as emu:
        async with CometClient(emu.url, emu.admin_username, emu.admin_password) as client:
            for _ in range(rounds):
                samples.append(await recovery_ms(emu, client))
    return Figure("reconnect_recovery_ms", Stat.of(samples), Target("<", 1500.0), unit="ms")
