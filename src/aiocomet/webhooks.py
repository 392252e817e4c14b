"""Webhooks: receive Comet's event POSTs as the same typed events as the live stream.

::

    receiver = WebhookReceiver(secret="long random string")
    url = await receiver.serve(host="0.0.0.0", port=8080, public_url="https://me.example/hook")
    await receiver.register(client, "my-app")
    async with receiver:
        async for event in receiver:
            print(event.type_name, event.tracing_id)

Comet sends webhooks in parallel (not in order) and retries a POST that was
not answered 200. The receiver answers 200 once an event is queued (or is
filtered out, or cannot be decoded: a retry would not fix it), 503 while its
bounded queue is full (Comet retries later), and 401 when the shared-secret
header configured through ``CustomHeaders`` does not match.
"""

from __future__ import annotations

import asyncio
import hmac
import inspect
import logging
from collections import deque
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from aiohttp import web

from ._closing import AsyncClosing
from ._event_model import Event, EventDecoder
from ._generated import models as m
from ._serving import PostEndpoint, ServedPostEndpoint
from .errors import CometError, EventDecodeError

if TYPE_CHECKING:
    from .client import CometClient

__all__ = [
    "DEFAULT_SECRET_HEADER",
    "TRACING_HEADER",
    "WebhookReceiver",
    "WebhookStats",
    "register_webhook",
    "unregister_webhook",
]

_logger = logging.getLogger("aiocomet.webhooks")

TRACING_HEADER: Final = "x-Comet-Tracing-Id"
DEFAULT_SECRET_HEADER: Final = "X-Aiocomet-Webhook-Secret"
DEFAULT_MAX_BODY: Final = 16 * 1024 * 1024

OnError = Callable[[CometError], Awaitable[None] | None]


@dataclass(frozen=True, slots=True)
class WebhookStats:
    """A snapshot of a receiver's counters."""

    received: int  # POSTs with a valid secret
    queued: int
    delivered: int  # events yielded to the consumer
    filtered: int
    decode_errors: int
    rejected_full: int  # answered 503: the queue was full
    unauthorized: int  # answered 401: missing or wrong secret
    queue_depth: int


class WebhookReceiver(ServedPostEndpoint, AsyncClosing):
    """An aiohttp handler for Comet webhooks, and an async iterator of their events.

    ``secret`` (sent by Comet in ``secret_header`` when registered with
    :meth:`register`) is checked in constant time; ``types`` filters events;
    ``server`` labels every event (default: the sender's address).
    ``queue_size`` bounds memory.
    """

    def __init__(
        self,
        *,
        secret: str | None = None,
        secret_header: str = DEFAULT_SECRET_HEADER,
        types: Iterable[int] | None = None,
        server: str | None = None,
        queue_size: int = 1000,
        path: str = "/",
        max_body_bytes: int = DEFAULT_MAX_BODY,
        on_error: OnError | None = None,
    ) -> None:
        if queue_size < 1:
            raise ValueError("queue_size must be positive")
        if secret is not None and not secret:
            raise ValueError("secret must not be empty (use None for no secret)")
        self._secret = secret.encode() if secret is not None else None
        self._secret_text = secret
        self.secret_header = secret_header
        self.types: frozenset[int] | None = None if types is None else frozenset(types)
        self.server = server
        self.queue_size = queue_size
        self.path = path
        self.max_body_bytes = max_body_bytes
        self.on_error = on_error
        self._decoder = EventDecoder(server or "")
        self._items: deque[Event] = deque()
        self._waiter: asyncio.Future[None] | None = None
        self._agen: AsyncGenerator[Event, None] | None = None
        self.endpoint: PostEndpoint = PostEndpoint(
            self.handle, path=path, max_body_bytes=max_body_bytes, what="receiver"
        )
        self._closed = False
        self._received = self._queued = self._delivered = self._filtered = 0
        self._decode_errors = self._rejected = self._unauthorized = 0

    def __repr__(self) -> str:
        return f"WebhookReceiver(url={self.url!r}, secret={'set' if self._secret else 'none'})"

    @property
    def stats(self) -> WebhookStats:
        return WebhookStats(
            received=self._received,
            queued=self._queued,
            delivered=self._delivered,
            filtered=self._filtered,
            decode_errors=self._decode_errors,
            rejected_full=self._rejected,
            unauthorized=self._unauthorized,
            queue_depth=len(self._items),
        )

    # -- the HTTP side -------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.Response:
        """The aiohttp handler for Comet's webhook POSTs."""
        if self._secret is not None:
            given = request.headers.get(self.secret_header, "").encode()
            if not hmac.compare_digest(given, self._secret):
                self._unauthorized += 1
                _logger.warning("webhook from %s: missing or wrong secret header", request.remote)
                return web.Response(status=401, text="unauthorized")
        self._received += 1
        if self._closed:
            return web.Response(status=503, text="closed")
        body = await request.read()
        tracing_id = request.headers.get(TRACING_HEADER, "")
        try:
            event = self._decoder.decode(body)
        except EventDecodeError as exc:
            self._decode_errors += 1
            _logger.warning("%s (tracing id %s)", exc, tracing_id)
            if self.on_error is not None:
                result = self.on_error(exc)
                if inspect.isawaitable(result):
                    await result
            return web.Response(text="undecodable event ignored")
        event.tracing_id = tracing_id
        if self.server is None:
            event.server = request.remote or ""
        if self.types is not None and event.Type not in self.types:
            self._filtered += 1
            return web.Response(text="OK")
        if len(self._items) >= self.queue_size:
            self._rejected += 1
            return web.Response(status=503, text="queue full; retry later")
        self._items.append(event)
        self._queued += 1
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)
        return web.Response(text="OK")

    async def register(self, client: CometClient, name: str, *, url: str | None = None) -> None:
        """Register this receiver (its URL, types and secret) on the server as ``name``."""
        target = url or self.url
        if not target:
            raise ValueError("register() needs a url (or call serve() first)")
        await register_webhook(
            client,
            name,
            target,
            types=self.types,
            secret=self._secret_text,
            secret_header=self.secret_header,
        )

    # -- the iterator side -------------------------------------------------------------------

    def __aiter__(self) -> AsyncGenerator[Event, None]:
        if self._agen is None:
            self._agen = self._iterate()
        return self._agen

    def __anext__(self) -> Awaitable[Event]:
        return self.__aiter__().__anext__()

    async def _iterate(self) -> AsyncGenerator[Event, None]:
        items = self._items
        while True:
            if items:
                self._delivered += 1
                yield items.popleft()
            elif self._closed:
                return
            else:
                self._waiter = asyncio.get_running_loop().create_future()
                try:
                    await self._waiter
                finally:
                    self._waiter = None

    async def aclose(self) -> None:
        """Stop serving; the iterator yields what is queued, then ends. Idempotent."""
        self._closed = True
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)
        await self.endpoint.stop()
        agen = self._agen
        if agen is not None and not agen.ag_running:  # type: ignore[attr-defined]
            await agen.aclose()


# -- configuration on the server ----------------------------------------------------------------


async def register_webhook(
    client: CometClient,
    name: str,
    url: str,
    *,
    types: Iterable[int] | None = None,
    secret: str | None = None,
    secret_header: str = DEFAULT_SECRET_HEADER,
    headers: Mapping[str, str] | None = None,
) -> None:
    """Add or update webhook ``name`` without touching the server's other webhooks.

    Read-modify-write through AdminMetaWebhookOptionsGet/Set: other entries,
    and fields of this entry the SDK does not know, go back unchanged.
    ``types`` becomes ``WhiteListedEventTypes`` (empty: every event type);
    ``secret`` goes into ``CustomHeaders`` as ``secret_header``.
    """
    options = await client.admin_meta_webhook_options_get()
    option = options.get(name)
    if option is None:
        option = options[name] = m.WebhookOption()
    option.URL = url
    option.WhiteListedEventTypes = sorted(types) if types is not None else []
    custom = dict(option.CustomHeaders or {})
    custom.update(headers or {})
    if secret is not None:
        custom[secret_header] = secret
    option.CustomHeaders = custom
    await client.admin_meta_webhook_options_set(options)
    _logger.info("webhook %r registered for %s", name, url)


async def unregister_webhook(client: CometClient, name: str) -> bool:
    """Remove webhook ``name`` (others stay as they are); False if it was not there."""
    options = await client.admin_meta_webhook_options_get()
    if name not in options:
        return False
    del options[name]
    await client.admin_meta_webhook_options_set(options)
    _logger.info("webhook %r unregistered", name)
    return True
