"""Helpers of the reliability suite (tests/test_reliability_*.py): fake time and leak checks."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import time
from collections.abc import Callable

import pytest


class VirtualTime:
    """A fake clock that moves only when the client sleeps.

    Inject ``sleep`` (and ``monotonic``) into the code under test: every sleep
    is recorded in ``sleeps`` and advances ``now`` at once. A fake server can
    wait for the clock with :meth:`server_sleep`, which returns when the
    client's sleeps have moved the clock far enough.
    """

    def __init__(self, start: float = 1_000.0) -> None:
        self.start = start
        self.now = start
        self.sleeps: list[float] = []
        self._moved: asyncio.Event | None = None

    def monotonic(self) -> float:
        return self.now

    @property
    def elapsed(self) -> float:
        return self.now - self.start

    def advance(self, seconds: float) -> None:
        self.now += seconds
        if self._moved is not None:
            self._moved.set()

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.advance(seconds)
        await asyncio.sleep(0)

    async def server_sleep(self, seconds: float) -> None:
        """Wait until the clock moved ``seconds`` (moved by someone else's sleeps)."""
        until = self.now + seconds
        while self.now < until:
            self._moved = self._moved or asyncio.Event()
            self._moved.clear()
            await self._moved.wait()


async def wait_until(predicate: Callable[[], bool], timeout: float, step: float = 0.005) -> float:
    """Poll an outside condition (a socket state) until it holds; returns the time it took.

    Used only where there is nothing to wait on (the kernel closing a socket);
    bounded by ``timeout``.
    """
    started = time.monotonic()
    async with asyncio.timeout(timeout):
        while not predicate():  # noqa: ASYNC110 - nothing to wait on but the kernel
            await asyncio.sleep(step)
    return time.monotonic() - started


LEAK_MARKERS = ("Task was destroyed", "Unclosed", "never retrieved", "was never awaited")


def assert_no_leak_reports(caplog: pytest.LogCaptureFixture) -> None:
    """Collect garbage, then fail on asyncio's "Task was destroyed"/"Unclosed ..." reports."""
    gc.collect()
    found = [
        r.getMessage()
        for r in caplog.records
        if r.levelno >= logging.ERROR and any(m in r.getMessage() for m in LEAK_MARKERS)
    ]
    assert not found, found


def rss_bytes() -> int:
    """Resident set size of this process (Linux /proc; 0 where it is not available)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def env_number(name: str, default: float) -> float:
    """A test size from the environment (``AIOCOMET_SOAK_EVENTS=20000``), else the default."""
    value = os.environ.get(name)
    return float(value) if value else default
