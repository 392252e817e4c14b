"""A realtime backup dashboard in the browser, fed by the servers' live events.

Shows: one ``client.events(...)`` per server with ``on_gap`` and
``resync=resync_jobs()``, folded into one :class:`board.Board`, pushed to
the browser as server-sent events (``GET /events``): jobs running now with
their progress, completions and failures per minute, the recent jobs (the
ones the remedial sync replayed after a gap are marked), every gap, and each
stream's connection state and reconnects (``stream.stats``).

Run::

    python examples/dashboard/dashboard.py [--port 8080] [--duration SECONDS]

then open the printed URL. Connection settings come from COMET_URL (several
servers: comma-separated) / COMET_USERNAME / COMET_PASSWORD, for instance
against ``aiocomet emulator --simulate-jobs 2``; without COMET_URL an
embedded emulator with simulated backup jobs is used.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from pathlib import Path
from typing import TextIO

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # examples/, for _common

import _common
from aiohttp import web
from board import Board

from aiocomet import CometClient, CometError, EventStream, Gap, resync_jobs
from aiocomet.constants import SEVT_JOB_COMPLETED, SEVT_JOB_NEW

HERE = Path(__file__).resolve().parent
JOB_EVENTS = frozenset({SEVT_JOB_NEW, SEVT_JOB_COMPLETED})
PUSH_INTERVAL = 0.2  # at most five snapshots a second per browser, however busy the servers
TICK = 1.0  # connection state and the minute window refresh this often
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Dashboard:
    """The board, the event streams that fill it, and the browsers that watch it."""

    def __init__(
        self,
        clients: Sequence[CometClient],
        *,
        clock: Callable[[], float] = time.time,
        out: TextIO | None = None,
    ) -> None:
        self.clients = list(clients)
        self.board = Board(clock=clock)
        self.streams: list[EventStream] = []
        self.errors: list[str] = []
        self.out = out or sys.stdout
        self._version = 0
        self._changed = asyncio.Condition()
        self._closing = False

    async def changed(self) -> None:
        async with self._changed:
            self._version += 1
            self._changed.notify_all()

    async def consume(self, client: CometClient) -> None:
        """Fold one server's job events into the board, across gaps, until cancelled."""

        async def on_gap(gap: Gap) -> None:
            self.board.gap(gap)
            print(
                f"{gap.server}: gap ({gap.reason}), replaying missed job events",
                file=self.out,
                flush=True,
            )
            await self.changed()

        try:
            if client.credentials.has_password:
                await client.login()  # one login: the stream and the resync calls use its key
            stream = client.events(types=JOB_EVENTS, on_gap=on_gap, resync=resync_jobs())
            async with stream:
                self.streams.append(stream)
                async for event in stream:
                    if self.board.add(event):
                        await self.changed()
        except CometError as exc:  # the stream stopped for good (e.g. credentials refused)
            self.errors.append(f"{client.base_url}: {exc}")
            print(f"{client.base_url}: stream stopped: {exc}", file=self.out, flush=True)
            await self.changed()

    async def tick(self) -> None:
        while True:
            for stream in self.streams:
                self.board.stream(stream.stats)
            await self.changed()
            await asyncio.sleep(TICK)

    def _newer_than(self, seen: int) -> bool:
        return self._version != seen or self._closing

    def snapshot(self) -> bytes:
        return json.dumps({**self.board.snapshot(), "errors": self.errors}).encode()

    async def events(self, request: web.Request) -> web.StreamResponse:
        """Server-sent events: a fresh snapshot whenever the board changed."""
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "Cache-Control": "no-store"}
        )
        await response.prepare(request)
        seen = -1
        while not self._closing:
            async with self._changed:
                await self._changed.wait_for(functools.partial(self._newer_than, seen))
                seen = self._version
            if self._closing:
                break
            try:
                await response.write(b"data: " + self.snapshot() + b"\n\n")
            except ConnectionResetError:  # the browser went away
                break
            await asyncio.sleep(PUSH_INTERVAL)
        return response

    async def lifetime(self, app: web.Application) -> AsyncIterator[None]:
        """aiohttp cleanup context: the streams run while the app does."""
        tasks = [asyncio.create_task(self.consume(c)) for c in self.clients]
        tasks.append(asyncio.create_task(self.tick()))
        yield
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def on_shutdown(self, app: web.Application) -> None:
        async with self._changed:
            self._closing = True
            self._changed.notify_all()


def make_app(dashboard: Dashboard) -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(dashboard.lifetime)
    app.on_shutdown.append(dashboard.on_shutdown)
    for name, content_type in (("index.html", "text/html"), ("dashboard.js", "text/javascript")):
        text = (HERE / name).read_text(encoding="utf-8")
        app.router.add_get("/" if name == "index.html" else f"/{name}", _static(text, content_type))
    app.router.add_get("/events", dashboard.events)
    return app


def _static(text: str, content_type: str) -> Handler:
    async def handler(request: web.Request) -> web.Response:
        return web.Response(text=text, content_type=content_type)

    return handler


async def main() -> None:
    parser = argparse.ArgumentParser(description="A realtime backup dashboard.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    parser.add_argument("--duration", type=float, help="stop after this many seconds")
    args = parser.parse_args()
    async with _common.connect_many(1, activity=True) as clients:
        runner = web.AppRunner(make_app(Dashboard(clients)), access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, args.host, args.port).start()
            port = runner.addresses[0][1]
            print(f"open http://{args.host}:{port}/ (Ctrl-C stops)", flush=True)
            async with _common.at_most(args.duration):
                await asyncio.Event().wait()
        finally:
            await runner.cleanup()


if __name__ == "__main__":
    _common.run_script(main)
