"""Shared by the test_examples*.py files: the loaded examples, a seeded emulator, wire capture.

``EX`` holds every script of examples/ imported once (``EX["_common"]`` is their
shared ``_common``); ``server`` is a fresh emulator with the examples' seed data and
an admin client for it. Test modules bind the fixture under its own name
(``server = helpers.server``).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import aiohttp
import pytest

from aiocomet import CometClient
from aiocomet.constants import SEVT_JOB_COMPLETED, SEVT_JOB_NEW
from aiocomet.testing import CometEmulator

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SCRIPTS = sorted(p.stem for p in EXAMPLES.glob("*.py") if not p.stem.startswith("_"))
PASSWORD = "example-admin-password"
JOB_EVENTS = {SEVT_JOB_NEW, SEVT_JOB_COMPLETED}
WAIT = 10.0  # upper bound for anything the tests wait for


def _load_examples() -> dict[str, ModuleType]:
    """Import every example (they import ``_common`` and each other from their directory)."""
    sys.path.insert(0, str(EXAMPLES))
    try:
        return {name: importlib.import_module(name) for name in ["_common", *SCRIPTS]}
    finally:
        sys.path.remove(str(EXAMPLES))


EX = _load_examples()
common = EX["_common"]


@asynccontextmanager
async def seeded(**options: Any) -> AsyncIterator[tuple[CometEmulator, CometClient]]:
    """A fresh emulator with the examples' seed data, and an admin client for it."""
    async with (
        CometEmulator(admins={"admin": PASSWORD}, **options) as emu,
        CometClient(emu.url, "admin", PASSWORD) as client,
    ):
        await common.seed(client, emu)
        yield emu, client


@pytest.fixture
async def server() -> AsyncIterator[tuple[CometEmulator, CometClient]]:
    async with seeded() as pair:
        yield pair


def assert_no_secrets(text: str, *secrets: str) -> None:
    for secret in (PASSWORD, *secrets):
        assert secret not in text


async def policy_id(client: CometClient, description: str) -> str:
    policies = await client.admin_policies_list_full()
    return next(pid for pid, p in policies.items() if p.Description == description)


# -- wire capture: what the client really sent ---------------------------------------------------


@dataclass
class Wire:
    """Requests sent on a session (path and form fields) and the most in flight at once."""

    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0

    def trace(self) -> aiohttp.TraceConfig:
        config = aiohttp.TraceConfig()
        config.on_request_start.append(self._start)
        config.on_request_chunk_sent.append(self._chunk)
        config.on_request_end.append(self._end)
        config.on_request_exception.append(self._end)
        return config

    async def _start(self, _: object, ctx: SimpleNamespace, params: Any) -> None:
        ctx.path, ctx.body = urlsplit(str(params.url)).path, bytearray()
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)

    async def _chunk(self, _: object, ctx: SimpleNamespace, params: Any) -> None:
        ctx.body += params.chunk

    async def _end(self, _: object, ctx: SimpleNamespace, params: Any) -> None:
        self.in_flight -= 1
        self.requests.append((ctx.path, dict(parse_qsl(ctx.body.decode()))))


@asynccontextmanager
async def traced_client(
    emu: CometEmulator, wire: Wire, **options: Any
) -> AsyncIterator[CometClient]:
    async with (
        aiohttp.ClientSession(trace_configs=[wire.trace()]) as session,
        CometClient(emu.url, "admin", PASSWORD, session=session, **options) as client,
    ):
        yield client
