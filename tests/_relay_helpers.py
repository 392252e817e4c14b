"""Helpers of the relay's tests: configurations, a collecting consumer, expected jobs."""

from __future__ import annotations

import asyncio
import gc
import json
import types
from collections.abc import Callable, Sequence
from typing import Any

from aiocomet import CometClient
from aiocomet.constants import SEVT_JOB_COMPLETED, SEVT_JOB_NEW
from aiocomet.events import Event, Gap
from aiocomet.relay import RelayConfig, RelayConsumer, parse_config

PASSWORD_ENV = "AIOCOMET_RELAY_TEST_PW"


def config_dict(
    redis_url: str,
    servers: Sequence[tuple[str, str]],
    *,
    ttl: float = 1.0,
    acquire_interval: float = 0.1,
    margin: float = 30.0,
    batch_size: int = 64,
    max_in_flight: int = 2,
    **redis: Any,
) -> dict[str, Any]:
    return {
        "redis": {"url": redis_url, **redis},
        "lease": {"ttl": ttl, "acquire_interval": acquire_interval},
        "delivery": {
            "batch_size": batch_size,
            "max_in_flight": max_in_flight,
            "retry_initial": 0.01,
            "retry_cap": 0.2,
        },
        "resync": {"margin": margin},
        "servers": [
            {"name": name, "url": url, "username": "admin", "password_env": PASSWORD_ENV}
            for name, url in servers
        ],
    }


def relay_config(redis_url: str, servers: Sequence[tuple[str, str]], **options: Any) -> RelayConfig:
    return parse_config(config_dict(redis_url, servers, **options), source="test")


class Collected:
    """Runs a consumer in a task and keeps what it yields; tests wait on conditions."""

    def __init__(self, consumer: RelayConsumer, changed: asyncio.Event | None = None) -> None:
        """``changed`` may be shared by several: then :meth:`wait` wakes on any of them."""
        self.consumer = consumer
        self.items: list[Event | Gap] = []
        self._changed = changed or asyncio.Event()
        self.task = asyncio.ensure_future(self._run())

    async def _run(self) -> None:
        async for item in self.consumer:
            self.items.append(item)
            self._changed.set()

    async def wait(self, predicate: Callable[[], bool], timeout: float = 60.0) -> None:
        async with asyncio.timeout(timeout):
            while not predicate():
                if self.task.done():
                    self.task.result()
                    raise AssertionError("the consumer ended")
                self._changed.clear()
                await self._changed.wait()

    def events(self) -> list[Event]:
        return [i for i in self.items if isinstance(i, Event)]

    def gaps(self) -> list[Gap]:
        return [i for i in self.items if isinstance(i, Gap)]

    def job_events(self) -> set[tuple[str, int]]:
        return {
            (e.job.GUID, e.Type)
            for e in self.events()
            if e.job is not None and e.Type in (SEVT_JOB_NEW, SEVT_JOB_COMPLETED)
        }

    async def close(self, timeout: float = 30.0) -> None:
        """Cancel the consumer's task and close it; AssertionError if the task does not end
        within ``timeout`` seconds of the cancel (it is not awaited: a task that ignores
        its cancellation would hold the caller, and a timeout around it, forever)."""
        self.task.cancel()
        done, _ = await asyncio.wait({self.task}, timeout=timeout)
        if not done:
            where = await_chain(self.task)
            pending = self.task.cancelling()
            self.task.cancel()  # once more, so that the teardown does not hang as well
            await asyncio.wait({self.task}, timeout=timeout)
            await self.consumer.aclose()
            raise AssertionError(
                f"consumer {self.consumer.group}/{self.consumer.consumer}: its task did not "
                f"end within {timeout} s of being cancelled ({pending} cancel request(s) "
                f"pending); it was at:\n{where}"
            )
        try:
            if not self.task.cancelled():
                self.task.result()  # it failed before the cancel: raised here
        finally:
            await self.consumer.aclose()


_ASYNC_GEN_STEPS = ("async_generator_asend", "async_generator_athrow")


def await_chain(task: asyncio.Task[Any]) -> str:
    """Where a pending task waits: its coroutines and async generators, outermost first.

    (``Task.get_stack()`` gives one frame of a suspended coroutine; this follows what each
    awaits, through the ``asend`` objects of async generators.)
    """
    lines: list[str] = []
    step: Any = task.get_coro()
    for _ in range(200):
        frame = getattr(step, "cr_frame", None) or getattr(step, "ag_frame", None)
        frame = frame or getattr(step, "gi_frame", None)
        if frame is not None:
            code = frame.f_code
            lines.append(f"  {code.co_filename}:{frame.f_lineno} in {code.co_name}")
        awaited = None
        for attr in ("cr_await", "ag_await", "gi_yieldfrom"):
            awaited = awaited or getattr(step, attr, None)
        if awaited is None and type(step).__name__ in _ASYNC_GEN_STEPS:
            gens = [g for g in gc.get_referents(step) if isinstance(g, types.AsyncGeneratorType)]
            awaited = gens[0] if gens else None
        if awaited is None:
            lines.append(f"  -> {step!r}")
            break
        step = awaited
    return "\n".join(lines)


async def expected_job_events(url: str) -> set[tuple[str, int]]:
    """(GUID, SEVT_JOB_NEW) for every job in the server's history, and COMPLETED if it ended."""
    async with CometClient(url, "admin", "admin") as client:
        jobs = await client.admin_get_jobs_for_date_range(0, 2**31 - 1)
    found = {(j.GUID, SEVT_JOB_NEW) for j in jobs}
    found |= {(j.GUID, SEVT_JOB_COMPLETED) for j in jobs if j.EndTime > 0}
    return found


def toml(data: dict[str, object]) -> str:
    """The few TOML shapes a relay config needs (tables, arrays of tables, scalars)."""
    out: list[str] = []

    def scalar(v: object) -> str:
        return json.dumps(v) if isinstance(v, str | bool) else str(v)

    for key, value in data.items():
        if isinstance(value, dict):
            out.append(f"[{key}]")
            out += [f"{k} = {scalar(v)}" for k, v in value.items()]
        elif isinstance(value, list):
            for item in value:
                out.append(f"[[{key}]]")
                out += [f"{k} = {scalar(v)}" for k, v in item.items()]
    return "\n".join(out) + "\n"
