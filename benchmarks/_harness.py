"""Interleaved rounds, statistics, targets and the figure record every benchmark returns.

A figure is a ratio (or a size, or a latency) measured in several rounds.
In each round every variant runs once, in an order that rotates from round
to round, so slow phases of a shared machine hit all variants alike; a
ratio is taken per round from the rates of that same round, and the median,
min and max of the rounds are reported.
"""

from __future__ import annotations

import math
import operator
import statistics
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Variant = Callable[[], Awaitable[float]]
Op = Literal[">=", "<=", "<"]

_OPS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    "<": operator.lt,
}


@dataclass(frozen=True, slots=True)
class Stat:
    """Median, min and max of the samples of one measurement."""

    median: float
    min: float
    max: float
    samples: tuple[float, ...]

    @classmethod
    def of(cls, samples: Sequence[float]) -> Stat:
        if not samples:
            raise ValueError("no samples")
        values = tuple(float(s) for s in samples)
        return cls(statistics.median(values), min(values), max(values), values)

    def as_dict(self) -> dict[str, Any]:
        return {
            "median": self.median,
            "min": self.min,
            "max": self.max,
            "samples": list(self.samples),
        }


@dataclass(frozen=True, slots=True)
class Target:
    op: Op
    value: float

    def met(self, x: float) -> bool:
        return _OPS[self.op](x, self.value)

    def __str__(self) -> str:
        return f"{self.op} {self.value:g}"


@dataclass(frozen=True, slots=True)
class Figure:
    """One headline number of the suite, with the measurements it was computed from."""

    name: str
    stat: Stat
    target: Target
    unit: str = "x"
    details: Mapping[str, Stat] = field(default_factory=dict)
    notes: Mapping[str, float | str] = field(default_factory=dict)
    measured: bool = True

    @classmethod
    def not_measured(cls, name: str, target: Target, why: str) -> Figure:
        """A figure this checkout cannot measure: recorded as such, never as a number."""
        nan = math.nan
        return cls(
            name, Stat(nan, nan, nan, ()), target, notes={"not_measured": why}, measured=False
        )

    @property
    def met(self) -> bool:
        """The target is judged on the median of the rounds."""
        return self.measured and self.target.met(self.stat.median)

    def as_dict(self) -> dict[str, Any]:
        stat = self.stat.as_dict() if self.measured else dict.fromkeys(("median", "min", "max"))
        return {
            **stat,
            "measured": self.measured,
            "unit": self.unit,
            "target": str(self.target),
            "met": self.met,
            "details": {k: v.as_dict() for k, v in self.details.items()},
            "notes": dict(self.notes),
        }


async def interleaved(
    variants: Mapping[str, Variant], *, rounds: int, warmup: bool = True
) -> dict[str, list[float]]:
    """Run every variant once per round, rotating the order; a warm-up pass is discarded."""
    if rounds < 1:
        raise ValueError("rounds must be at least 1")
    names = list(variants)
    if warmup:
        for name in names:
            await variants[name]()
    results: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        shift = r % len(names)
        for name in names[shift:] + names[:shift]:
            value = await variants[name]()
            if not math.isfinite(value) or value <= 0:
                raise RuntimeError(f"benchmark variant {name!r} measured {value!r}")
            results[name].append(value)
    return results


def ratios(top: Sequence[float], bottom: Sequence[float]) -> list[float]:
    """Per-round ratios ``top[i] / bottom[i]``."""
    return [a / b for a, b in zip(top, bottom, strict=True)]


def stats(results: Mapping[str, Sequence[float]], prefix: str = "") -> dict[str, Stat]:
    return {prefix + name: Stat.of(values) for name, values in results.items()}
