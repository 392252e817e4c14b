"""Figure: the CPU one hostile body or frame costs before it is refused.

A server, or whoever sits between it and the client, can send JSON built
to be expensive: arrays nested 100,000 deep, integers thousands of digits
long. The REST decoder (``models.decode``) and the event decoder
(``EventDecoder.decode``, whose error shows the frame's start with secrets
redacted) must refuse them with a typed error, in a time that stays small
whatever the nesting or the length. ``hostile_reject_ms`` is the worst, over
the inputs below, of the median CPU milliseconds to refuse one. Its bound
is absolute (as ``reconnect_recovery_ms``'s is): an honest body of the same
shape, to take a ratio against, does not exist. It lived in the tests as a
timed assertion before; speed belongs here.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from aiocomet import models
from aiocomet._event_model import EventDecoder
from aiocomet.errors import EventDecodeError, ResponseDecodeError

from ._harness import Figure, Stat, Target

DEEP = 100_000
DIGITS = 5_000


def frames() -> dict[str, bytes]:
    """Event frames a hostile server could send (``4998``: a job event type)."""
    nested = b"[" * DEEP
    return {
        "frame_nested_data": b'{"Type": 4998, "Data": ' + nested + b"]" * DEEP + b"}",
        "frame_nested_open": b'{"Type": 4998, "Data": ' + nested,
        "frame_big_int_field": b'{"Type": 4200, "Timestamp": ' + b"9" * DIGITS + b"}",
        "frame_big_int_data": b'{"Type": 4998, "Data": ' + b"7" * DIGITS + b"}",
        "frame_nested_array": nested,
    }


def bodies() -> dict[str, bytes]:
    """REST bodies a hostile server could answer with, for a ``BackupJobDetail``."""
    return {
        "body_nested_array": b"[" * DEEP,
        "body_nested_object": b'{"Progress": ' + b'{"a": ' * DEEP,
        "body_big_int": b'{"StartTime": ' + b"9" * DIGITS + b"}",
    }


def _reject_ms(refuse: Callable[[], object], expected: type[Exception], repeat: int) -> float:
    """Median CPU milliseconds for ``refuse`` to raise ``expected`` (anything else fails)."""
    times = []
    for _ in range(repeat):
        started = time.process_time()
        try:
            refuse()
        except expected:
            times.append(time.process_time() - started)
        else:
            raise RuntimeError("a hostile input was accepted")
    return Stat.of(times).median * 1000


async def hostile_figure(*, repeat: int = 21) -> Figure:
    """``hostile_reject_ms``: the costliest hostile input's median time to be refused."""
    decoder = EventDecoder("http://127.0.0.1")
    results: dict[str, float] = {}
    for name, frame in frames().items():
        results[name] = _reject_ms(partial(decoder.decode, frame), EventDecodeError, repeat)
    for name, body in bodies().items():
        refuse = partial(models.decode, body, models.BackupJobDetail)
        results[name] = _reject_ms(refuse, ResponseDecodeError, repeat)
    worst = max(results.values())
    return Figure(
        "hostile_reject_ms",
        Stat.of([worst]),
        Target("<", 10.0),
        unit="ms",
        details={f"hostile_reject_ms.{k}": Stat.of([v]) for k, v in results.items()},
        notes={"worst": max(results, key=results.__getitem__)},
    )
