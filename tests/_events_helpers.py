"""Shared by the EventStream tests (test_events*.py): the scripted server, a client, stream_of."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from aiocomet import Backoff, CometClient
from aiocomet.events import EventStream

from ._ws_server import WsServer

PASSWORD = "pw-s3cret-for-tests"
FAST = Backoff(initial=0.001, cap=0.004, floor=0.0)


@pytest.fixture
async def server() -> AsyncIterator[WsServer]:
    async with WsServer(password=PASSWORD) as srv:
        yield srv


@pytest.fixture
async def client(server: WsServer) -> AsyncIterator[CometClient]:
    async with CometClient(server.url, "admin", PASSWORD) as c:
        yield c


def stream_of(client: CometClient, **kw: Any) -> EventStream:
    kw.setdefault("backoff", FAST)
    kw.setdefault("healthy_after", 0.0)
    return client.events(**kw)
