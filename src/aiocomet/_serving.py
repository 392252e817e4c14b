"""One POST endpoint served on a TCP port of its own, for the endpoints Comet calls.

Webhook receivers and Custom Remote Bucket providers both answer POSTs from a
Comet Server on one path; this serves such a handler, says the URL to
register, and stops it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web

__all__ = ["PostEndpoint", "ServedPostEndpoint"]

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class PostEndpoint:
    """``handler`` on POST ``path`` with bodies up to ``max_body_bytes``; ``what`` names it."""

    __slots__ = ("handler", "max_body_bytes", "path", "runner", "url", "what")

    def __init__(self, handler: Handler, *, path: str, max_body_bytes: int, what: str) -> None:
        self.handler: Handler = handler
        self.path: str = path
        self.max_body_bytes: int = max_body_bytes
        self.what: str = what
        self.url: str | None = None
        self.runner: web.AppRunner | None = None

    def app(self) -> web.Application:
        """An aiohttp application that serves the handler on ``path`` (POST)."""
        app = web.Application(client_max_size=self.max_body_bytes)
        app.router.add_post(self.path, self.handler)
        return app

    async def serve(self, host: str, port: int, public_url: str | None) -> str:
        """Start on ``host:port`` (0: a free port); the URL to register."""
        if self.runner is not None:
            raise RuntimeError(f"this {self.what} is already serving")
        runner = web.AppRunner(self.app(), handle_signals=False, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, host, port)
        try:
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self.runner = runner
        bound = runner.addresses[0][1] if runner.addresses else port
        self.url = public_url or f"http://{host}:{bound}{self.path}"
        return self.url

    async def stop(self) -> None:
        """Stop serving. Idempotent."""
        runner, self.runner = self.runner, None
        if runner is not None:
            await runner.cleanup()


class ServedPostEndpoint:
    """What an object serving a :class:`PostEndpoint` (its ``endpoint``) offers its users."""

    endpoint: PostEndpoint

    def app(self) -> web.Application:
        """An aiohttp application that serves the handler on ``path`` (POST), to mount."""
        return self.endpoint.app()

    async def serve(
        self, host: str = "127.0.0.1", port: int = 0, *, public_url: str | None = None
    ) -> str:
        """Serve :meth:`app` until ``aclose()``; returns the URL to register."""
        return await self.endpoint.serve(host, port, public_url)

    @property
    def url(self) -> str | None:
        """The URL to register, once :meth:`serve` started (or the ``public_url`` given)."""
        return self.endpoint.url
