"""Shared fixtures.

``emu`` is a running emulator with one end user (``alice``/``alice-pw``) and
``http`` a plain aiohttp session, for the tests that speak the raw protocol;
a module that needs other accounts or options defines its own ``emu``.

aioresponses 0.7.9 predates aiohttp 3.14, whose ``ClientResponse`` needs a
``stream_writer`` argument (pnuckowski/aioresponses#289); the small shim below
supplies one so unit tests can keep mocking HTTP at the session seam.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from types import SimpleNamespace
from typing import Any

import aiohttp
import aioresponses.core
import pytest
import pytest_asyncio
from aiohttp import ClientResponse
from aioresponses import aioresponses as _aioresponses

from aiocomet.testing import CometEmulator

from ._chromium import Chromium


class _CompatResponse(ClientResponse):
    def __init__(self, method: str, url: Any, **kwargs: Any) -> None:
        kwargs.setdefault("stream_writer", SimpleNamespace(output_size=0))
        super().__init__(method, url, **kwargs)


aioresponses.core.ClientResponse = _CompatResponse  # type: ignore[misc]


@pytest.fixture
def http_mock() -> Iterator[_aioresponses]:
    with _aioresponses() as mock:
        yield mock


@pytest.fixture
async def no_sleep() -> AsyncIterator[list[float]]:
    """Collects requested sleeps instead of sleeping (inject as ``sleep=``)."""
    yield []


@pytest.fixture
async def emu() -> AsyncIterator[CometEmulator]:
    async with CometEmulator(users={"alice": "alice-pw"}) as emulator:
        yield emulator


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def chromium() -> AsyncIterator[Chromium]:
    """A headless Chromium per test module (the browser tests share it, in the module's loop)."""
    browser = await Chromium.start()
    try:
        yield browser
    finally:
        await browser.close()
