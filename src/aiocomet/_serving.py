"""Serving an aiohttp application on a TCP port, for endpoints Comet calls."""

from __future__ import annotations

from aiohttp import web

__all__ = ["serve_app"]


async def serve_app(app: web.Application, host: str, port: int) -> tuple[web.AppRunner, int]:
    """Start ``app`` on ``host:port`` (0: a free port); the runner and the bound port."""
    runner = web.AppRunner(app, handle_signals=False, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    try:
        await site.start()
    except BaseException:
        await runner.cleanup()
        raise
    addresses = runner.addresses
    return runner, addresses[0][1] if addresses else port
