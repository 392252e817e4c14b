"""Exponential backoff with jitter and a floor, shared by retries and reconnects.

The ``attempt``-th delay is drawn from ``[max(floor, ceiling * (1 - jitter)),
ceiling]`` where ``ceiling = min(cap, initial * multiplier**attempt)``: spread
out so many clients do not reconnect in lockstep, and never shorter than
``floor`` so that a server that accepts and then closes is not hammered.
``jitter=1`` is "full jitter" (any delay down to the floor); ``jitter=0.5``
("equal jitter") keeps every delay at least half its ceiling, which bounds
the attempt rate in the worst case, not only on average.
The clock, the sleep and the random source are injectable so tests run in
milliseconds.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Backoff:
    """Backoff policy. ``floor`` is the shortest delay ever used; ``jitter`` (0..1) is the
    randomized fraction of each delay's ceiling."""

    initial: float = 1.0
    cap: float = 30.0
    multiplier: float = 2.0
    floor: float = 0.1
    jitter: float = 1.0
    rng: random.Random = field(default_factory=random.Random, compare=False)

    def __post_init__(self) -> None:
        if (
            self.initial <= 0
            or self.cap < self.initial
            or self.multiplier < 1
            or self.floor < 0
            or not 0 <= self.jitter <= 1
        ):
            raise ValueError(
                "Backoff needs 0 < initial <= cap, multiplier >= 1, floor >= 0 and "
                f"0 <= jitter <= 1, got initial={self.initial} cap={self.cap} "
                f"multiplier={self.multiplier} floor={self.floor} jitter={self.jitter}"
            )

    def ceiling(self, attempt: int) -> float:
        """The largest delay for the ``attempt``-th retry (0-based)."""
        return min(self.cap, self.initial * self.multiplier ** min(attempt, 64))

    def delay(self, attempt: int) -> float:
        top = self.ceiling(attempt)
        low = max(min(self.floor, top), top * (1.0 - self.jitter))
        return self.rng.uniform(low, top)


Sleep = Callable[[float], Awaitable[None]]


async def default_sleep(seconds: float) -> None:
    await asyncio.sleep(seconds)
