"""CometEmulator: a local Comet Server on 127.0.0.1 that speaks the real wire protocol.

This module wires the parts together and owns the lifecycle: the aiohttp
app (API routes from the method table plus the event stream), the listening
socket (kept separately so :meth:`EmulatorFaults.restart` can drop it and
bind the same port again), publishing, and the helpers tests use.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import Any

from aiohttp import web

from .._generated import constants as c
from .._generated.methods import METHODS
from . import _buckets, _job_handlers, _meta_handlers, _sso_handlers  # noqa: F401  (importing registers their handlers)
from ._auth import Accounts, AuthError
from ._downloads import DEFAULT_DOWNLOAD_SIZE
from ._events import encode_event, frame_header
from ._faults import EmulatorFaults
from ._handlers import HANDLERS, StatefulAPI
from ._http import MAX_UPLOAD, ApiRoutes, ErrorMode
from ._seed import seed as seed_server
from ._simulator import JobSimulator
from ._state import ServerState
from ._stream import StreamHub
from ._webhooks import WebhookDispatcher

EVENT_STREAM_PATH = "/api/v1/events/stream"
CLOSE_SERVICE_RESTART = 1012

__all__ = ["CometEmulator"]


class CometEmulator:
    """A local Comet Server emulator.

    ::

        async with CometEmulator(users={"alice": "pw"}) as emu:
            async with CometClient(emu.url, emu.admin_username, emu.admin_password) as client:
                print(await client.admin_list_users())

    The methods listed by :meth:`coverage` as ``stateful`` behave like a
    server and publish live events; every other method checks auth and
    parameters and answers the zero value of its return type.

    It answers like the real (Go) server: application errors in the body of
    an HTTP 200 answer (``error_mode="http"`` sends HTTP statuses instead),
    empty lists and maps as ``null``, binary methods with ``download_size``
    deterministic bytes. ``seed=True`` starts with demo users, devices,
    vaults, a policy and job history (what ``aiocomet emulator`` does).
    A Custom Remote Bucket request POSTs to the provider's URL and gives up
    after ``bucket_timeout`` seconds.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        admins: Mapping[str, str] | None = None,
        admin_totp_secrets: Mapping[str, str] | None = None,
        users: Mapping[str, str] | None = None,
        user_totp_secrets: Mapping[str, str] | None = None,
        session_ttl: float = 3600.0,
        ws_send_queue: int = 10_000,
        clock: Callable[[], float] = time.time,
        webhook_retries: int = 3,
        webhook_retry_delay: float = 1.0,
        max_jobs: int = 100_000,
        error_mode: ErrorMode = "body",
        seed: bool = False,
        download_size: int = DEFAULT_DOWNLOAD_SIZE,
        bucket_timeout: float = 30.0,
    ) -> None:
        if download_size < 1:
            raise ValueError("download_size must be at least 1 byte")
        admins = dict(admins) if admins is not None else {"admin": "admin"}
        self.host = host
        self.port: int = port
        self.admin_username: str = next(iter(admins), "")
        self.admin_password: str = admins.get(self.admin_username, "")
        self._clock = clock
        self.accounts: Accounts = Accounts(
            admins,
            admin_totp_secrets or {},
            session_ttl=session_ttl,
            clock=clock,
            user_totp_secrets=user_totp_secrets,
        )
        self.state: ServerState = ServerState(clock=clock, max_jobs=max_jobs)
        if seed:
            seed_server(self.state, self.accounts)
        for name, password in (users or {}).items():
            if name not in self.state.profiles:  # a seeded user only gets the new password
                self.state.add_user(name)
            self.accounts.set_user_password(name, password)
        self._hub = StreamHub(
            send_queue=ws_send_queue,
            authenticate=lambda fields: self.accounts.authenticate(fields, "admin"),
            hello=self._hello_payload,
            on_auth_failed=self._stream_auth_failed,
            next_fault=lambda: self.faults.next_handshake(),
        )
        self.faults: EmulatorFaults = EmulatorFaults(self._hub, self.accounts, self._restart)
        self.webhooks: WebhookDispatcher = WebhookDispatcher(
            hello=self._hello_payload, retries=webhook_retries, retry_delay=webhook_retry_delay
        )
        self.api: StatefulAPI = StatefulAPI(
            self.state,
            self.accounts,
            self.publish,
            self._webhooks_changed,
            download_size,
            bucket_timeout,
        )
        self._routes = ApiRoutes(self.accounts, self.api, self.faults, error_mode)
        self._simulator = JobSimulator(self.state, self._emit, self._hub_writable)
        self.events_published: int = 0
        self._runner: web.AppRunner | None = None
        self._server: asyncio.Server | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread = 0
        self._tasks: set[asyncio.Task[None]] = set()

    def __repr__(self) -> str:
        return f"CometEmulator(url={self.url!r}, subscribers={self.subscriber_count})"

    # -- lifecycle --------------------------------------------------------------------------

    @property
    def error_mode(self) -> ErrorMode:
        """``"body"`` (the real server's 200 + error message) or ``"http"`` (HTTP statuses)."""
        return self._routes.error_mode

    @property
    def url(self) -> str:
        """Base URL of the server, without a trailing slash."""
        return f"http://{self.host}:{self.port}"

    @property
    def loop(self) -> asyncio.AbstractEventLoop | None:
        """The event loop the emulator runs on (after :meth:`start`)."""
        return self._loop

    async def start(self) -> None:
        """Listen on ``host:port`` (port 0 picks a free one, see :attr:`port`)."""
        if self._runner is not None:
            raise RuntimeError("the emulator is already running")
        self._loop = asyncio.get_running_loop()
        self._loop_thread = threading.get_ident()
        app = web.Application(client_max_size=MAX_UPLOAD)
        app.router.add_routes(self._routes.routes())
        app.router.add_get(EVENT_STREAM_PATH, self._hub.handle)
        runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=2.0)
        await runner.setup()
        self._runner = runner
        try:
            await self._listen()
            await self.webhooks.start()
            self.webhooks.configure(self.state.webhooks())
        except BaseException:
            await self.stop()
            raise

    async def stop(self) -> None:
        """Stop the simulator, drop every connection, stop listening. Idempotent."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await self._hub.close_all()
        await self.webhooks.stop()
        server, self._server = self._server, None
        if server is not None:
            server.close()
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
        if server is not None:
            await server.wait_closed()

    async def __aenter__(self) -> CometEmulator:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    async def _listen(self) -> None:
        assert self._runner is not None and self._runner.server is not None
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(
            self._runner.server, self.host, self.port, reuse_address=True
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def _restart(
        self, down_for: float, sleep: Callable[[float], Awaitable[None]] | None = None
    ) -> None:
        """Drop the listener and every connection, then listen on the same port again."""
        if self._runner is None or self._server is None:
            raise RuntimeError("the emulator is not running")
        server, self._server = self._server, None
        server.close()
        await self._hub.close_all(CLOSE_SERVICE_RESTART)
        handlers = self._runner.server
        if handlers is not None:
            for conn in handlers.connections:
                conn.force_close()
            await handlers.shutdown(0.5)
        await server.wait_closed()
        await (sleep or asyncio.sleep)(down_for)
        self.state.restarted()
        await self._listen()
        self.webhooks.hello_all()

    @contextlib.contextmanager
    def run_in_thread(self, timeout: float = 10.0) -> Iterator[CometEmulator]:
        """Run the emulator on an event loop in a background thread (for sync code).

        ``publish`` and ``publish_encoded`` may be called from any thread;
        other methods belong on :attr:`loop` (``asyncio.run_coroutine_threadsafe``).
        """
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="comet-emulator", daemon=True)
        thread.start()
        try:
            asyncio.run_coroutine_threadsafe(self.start(), loop).result(timeout)
            try:
                yield self
            finally:
                asyncio.run_coroutine_threadsafe(self.stop(), loop).result(timeout)
        finally:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    # -- live events ------------------------------------------------------------------------

    def _off_loop(self) -> bool:
        return self._loop is not None and threading.get_ident() != self._loop_thread

    def publish(
        self, event_type: int, data: Any = None, *, resource_id: str = "", actor: str = ""
    ) -> None:
        """Send a StreamableEvent to every subscribed websocket and webhook, in order."""
        if self._off_loop():
            assert self._loop is not None
            self._loop.call_soon_threadsafe(
                functools.partial(
                    self.publish, event_type, data, resource_id=resource_id, actor=actor
                )
            )
            return
        payload = encode_event(
            event_type, data, timestamp=int(self._clock()), resource_id=resource_id, actor=actor
        )
        self._emit((event_type,), (payload,))

    def publish_encoded(self, frames: Sequence[bytes]) -> None:
        """Already encoded StreamableEvent JSON texts, to every websocket (not webhooks)."""
        if self._off_loop():
            assert self._loop is not None
            self._loop.call_soon_threadsafe(self.publish_encoded, list(frames))
            return
        self._hub.broadcast([frame_header(len(f)) + f for f in frames])
        self.events_published += len(frames)

    def _emit(self, types: Sequence[int], payloads: Sequence[bytes]) -> None:
        if self._hub.subscriber_count:
            self._hub.broadcast([frame_header(len(p)) + p for p in payloads])
        if self.webhooks.active:
            for event_type, payload in zip(types, payloads, strict=True):
                self.webhooks.offer(event_type, payload)
        self.events_published += len(payloads)

    def _hello_payload(self) -> bytes:
        return encode_event(
            c.SEVT_META_HELLO, self.state.version_info(), timestamp=int(self._clock())
        )

    def _stream_auth_failed(self, exc: AuthError, path: str) -> None:
        self.api.auth_failed(exc, path, "admin")

    def _webhooks_changed(self) -> None:
        if self._runner is not None:
            self.webhooks.configure(self.state.webhooks())

    async def _hub_writable(self) -> None:
        await self._hub.wait_writable()

    async def drain(self, timeout: float | None = None) -> None:
        """Wait until every subscriber's socket took all events published so far.

        Paces a firehose: ``publish_encoded(chunk); await emu.drain()`` keeps
        send queues short, so fast consumers are never dropped.
        """
        async with asyncio.timeout(timeout):
            await self._hub.drain()

    @property
    def subscriber_count(self) -> int:
        """Authenticated websockets that currently receive events."""
        return self._hub.subscriber_count

    @property
    def open_connections(self) -> int:
        """TCP connections the server holds open: HTTP (keep-alive too) and websockets."""
        runner = self._runner
        server = runner.server if runner is not None else None
        if server is None:
            return 0
        return sum(1 for handler in server.connections if handler.transport is not None)

    @property
    def slow_consumers_dropped(self) -> int:
        """Websockets dropped because their send queue overflowed."""
        return self._hub.slow_consumers_dropped

    async def wait_for_subscribers(self, count: int = 1, timeout: float = 5.0) -> None:
        """Wait until at least ``count`` websockets are subscribed; TimeoutError otherwise."""
        await self._hub.wait_for_subscribers(count, timeout)

    def simulate_jobs(
        self,
        count: int | None,
        *,
        rate: float | None = None,
        users: Sequence[str] | None = None,
    ) -> asyncio.Task[None]:
        """Run ``count`` simulated backup jobs (None: until cancelled).

        ``rate`` is jobs per second (each job is two events); None runs as fast
        as the slowest subscriber takes them. Jobs go to ``users`` (default:
        every user account) and into job history.
        """
        task = asyncio.get_running_loop().create_task(
            self._simulator.run(count, rate, users), name="comet-emulator-jobs"
        )
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    # -- introspection --------------------------------------------------------------------

    @staticmethod
    def coverage() -> dict[str, list[str]]:
        """Which API methods keep state (``stateful``) and which answer zero values."""
        stateful = sorted(HANDLERS)
        return {
            "stateful": stateful,
            "schema_only": sorted(set(METHODS) - set(stateful)),
        }
