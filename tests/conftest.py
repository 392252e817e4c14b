"""Shared fixtures.

aioresponses 0.7.9 predates aiohttp 3.14, whose ``ClientResponse`` needs a
``stream_writer`` argument (pnuckowski/aioresponses#289); the small shim below
supplies one so unit tests can keep mocking HTTP at the session seam.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from types import SimpleNamespace
from typing import Any

import aioresponses.core
import pytest
from aiohttp import ClientResponse
from aioresponses import aioresponses as _aioresponses


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
