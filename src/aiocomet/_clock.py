"""The one seam for time: wall clock, monotonic clock and sleep, injectable together.

The stream reads the wall clock for :class:`~aiocomet.events.Gap` times, the
monotonic clock for "healthy after" and log throttling, and sleeps between
reconnects. Tests hand one :class:`Clock` with a fake sleep, so reconnect
tests run in milliseconds, instead of three callables on every constructor.
"""

from __future__ import annotations

import time as _time
from collections.abc import Callable
from dataclasses import dataclass

from ._backoff import Sleep, default_sleep

__all__ = ["SYSTEM_CLOCK", "Clock"]


@dataclass(frozen=True, slots=True)
class Clock:
    """``time()`` (Unix seconds), ``monotonic()`` and ``await sleep(seconds)``.

    ``Clock(sleep=fake_sleep)`` keeps the real clocks and replaces only the sleep.
    """

    time: Callable[[], float] = _time.time
    monotonic: Callable[[], float] = _time.monotonic
    sleep: Sleep = default_sleep


SYSTEM_CLOCK = Clock()
"""The real clocks and ``asyncio.sleep``."""
