"""Webhook delivery: each configured WebhookOption gets events by HTTP POST.

One worker per webhook sends its queue in order, starting with
SEVT_META_HELLO whenever the webhook is (re)configured or the server
restarts. Each POST carries an ``x-Comet-Tracing-Id`` (the same for every
retry of one event) and the option's CustomHeaders; any answer but 200 is
retried a finite number of times. A webhook that falls ``queue_size``
events behind loses the newest events (they are counted, not queued).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections import deque
from collections.abc import Callable
from typing import Any

import aiohttp

log = logging.getLogger("aiocomet.testing")

TRACING_HEADER = "x-Comet-Tracing-Id"


class _Worker:
    """Delivers the events of one webhook, in order."""

    def __init__(self, owner: WebhookDispatcher, name: str, option: dict[str, Any]) -> None:
        self.owner = owner
        self.name = name
        self.option = option
        self.url: str = option.get("URL") or ""
        whitelist = option.get("WhiteListedEventTypes") or []
        self.whitelist = frozenset(int(t) for t in whitelist)
        self.headers: dict[str, str] = {
            str(k): str(v) for k, v in (option.get("CustomHeaders") or {}).items()
        }
        self.queue: deque[bytes] = deque()
        self.wake = asyncio.Event()
        self.task: asyncio.Task[None] | None = None

    def wants(self, event_type: int) -> bool:
        return not self.whitelist or event_type in self.whitelist

    def put(self, payload: bytes) -> None:
        if len(self.queue) >= self.owner.queue_size:
            self.owner.dropped += 1
            return
        self.queue.append(payload)
        self.wake.set()

    async def run(self) -> None:
        while True:
            await self.wake.wait()
            self.wake.clear()
            while self.queue:
                await self.deliver(self.queue.popleft())

    async def deliver(self, payload: bytes) -> None:
        owner = self.owner
        session = owner.session
        assert session is not None
        tracing_id = str(uuid.uuid4())
        headers = {
            **self.headers,
            "Content-Type": "application/json",
            TRACING_HEADER: tracing_id,
        }
        for attempt in range(owner.retries + 1):
            if attempt:
                await asyncio.sleep(owner.retry_delay)
            try:
                async with session.post(self.url, data=payload, headers=headers) as resp:
                    await resp.read()
                    if resp.status == 200:
                        owner.delivered += 1
                        return
                    why = f"HTTP {resp.status}"
            except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
                why = type(exc).__name__
            log.info(
                "webhook %r: delivery %s failed (%s), attempt %d",
                self.name,
                tracing_id,
                why,
                attempt + 1,
            )
        owner.failed += 1
        log.warning("webhook %r: gave up on delivery %s", self.name, tracing_id)


class WebhookDispatcher:
    """All webhook workers of one emulator."""

    def __init__(
        self,
        *,
        hello: Callable[[], bytes],
        retries: int = 3,
        retry_delay: float = 1.0,
        queue_size: int = 10_000,
        timeout: float = 10.0,
    ) -> None:
        self._hello = hello
        self.retries = retries
        self.retry_delay = retry_delay
        self.queue_size = queue_size
        self.timeout = timeout
        self.session: aiohttp.ClientSession | None = None
        self._workers: dict[str, _Worker] = {}
        self._retired: set[asyncio.Task[None]] = set()
        self.delivered = 0
        self.failed = 0
        self.dropped = 0

    @property
    def active(self) -> bool:
        return bool(self._workers)

    async def start(self) -> None:
        if self.session is None:
            self.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout))

    def configure(self, options: dict[str, Any]) -> None:
        """Apply a new webhook configuration; new or changed webhooks start with a HELLO."""
        for name in list(self._workers):
            if options.get(name) != self._workers[name].option:
                self._stop_worker(name)
        for name, option in options.items():
            if name in self._workers or not isinstance(option, dict) or not option.get("URL"):
                continue
            worker = _Worker(self, name, dict(option))
            worker.put(self._hello())
            worker.task = asyncio.get_running_loop().create_task(worker.run())
            self._workers[name] = worker

    def hello_all(self) -> None:
        """A HELLO to every webhook (after a restart)."""
        for worker in self._workers.values():
            worker.put(self._hello())

    def offer(self, event_type: int, payload: bytes) -> None:
        for worker in self._workers.values():
            if worker.wants(event_type):
                worker.put(payload)

    def _stop_worker(self, name: str) -> None:
        worker = self._workers.pop(name)
        if worker.task is not None:
            worker.task.cancel()
            self._retired.add(worker.task)
            worker.task.add_done_callback(self._retired.discard)

    async def stop(self) -> None:
        for name in list(self._workers):
            self._stop_worker(name)
        await asyncio.gather(*self._retired, return_exceptions=True)
        if self.session is not None:
            with contextlib.suppress(Exception):
                await self.session.close()
            self.session = None
