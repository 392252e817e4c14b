"""The opt-in pytest plugin: ``comet_emulator`` is a running emulator per test."""

from __future__ import annotations

import aiohttp

from aiocomet.testing import CometEmulator

from ._emulator_helpers import ok

pytest_plugins = ["aiocomet.testing.pytest_plugin"]


async def test_comet_emulator_fixture(comet_emulator: CometEmulator) -> None:
    assert comet_emulator.url.startswith("http://127.0.0.1:")
    assert (comet_emulator.admin_username, comet_emulator.admin_password) == ("admin", "admin")
    async with aiohttp.ClientSession() as http:
        assert await ok(http, comet_emulator, "AdminListUsers") is None  # empty: no users
