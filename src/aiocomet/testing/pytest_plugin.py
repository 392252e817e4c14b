"""Opt-in pytest plugin: ``pytest_plugins = ["aiocomet.testing.pytest_plugin"]``.

Gives the async fixture ``comet_emulator``: a fresh :class:`CometEmulator`
on a free 127.0.0.1 port for each test, stopped afterwards. Needs
pytest-asyncio. Tests that want other accounts or options build their own
``CometEmulator`` with ``async with``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from .emulator import CometEmulator

__all__ = ["comet_emulator"]


@pytest_asyncio.fixture
async def comet_emulator() -> AsyncIterator[CometEmulator]:
    """A running emulator with admin ``admin``/``admin`` and no end users."""
    async with CometEmulator() as emu:
        yield emu
