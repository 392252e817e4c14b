"""``aiocomet relay run|status|check``: the relay's worker, its health, its configuration."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import signal
import sys
from typing import TYPE_CHECKING

from aiohttp import web

if TYPE_CHECKING:
    from ..relay import RelayConfig, RelayWorker


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "relay", help="relay live events of many servers into Redis Streams (see 'relay -h')"
    )
    rsub = p.add_subparsers(dest="relay_command", required=True)
    run = rsub.add_parser(
        "run", help="run one relay worker (start K of them, on any hosts, with one config)"
    )
    run.add_argument("config", help="the relay's TOML configuration file")
    run.add_argument("--worker-id", help="this worker's name (default: host-pid)")
    run.add_argument(
        "--metrics",
        metavar="HOST:PORT",
        help="serve Prometheus metrics at http://HOST:PORT/metrics",
    )
    run.set_defaults(run=cmd_run, is_async=True)
    status = rsub.add_parser("status", help="who holds which server, lag, gaps, reconnects")
    status.add_argument("config")
    how = status.add_mutually_exclusive_group()
    how.add_argument("--json", action="store_true", help="one JSON document")
    how.add_argument("--prometheus", action="store_true", help="Prometheus text format")
    status.set_defaults(run=cmd_status, is_async=True)
    check = rsub.add_parser("check", help="check the configuration and its secret references")
    check.add_argument("config")
    check.set_defaults(run=cmd_check, is_async=False)


def _load(path: str) -> RelayConfig:
    from ..relay import load_config

    return load_config(path)


def cmd_check(args: argparse.Namespace) -> int:
    config = _load(args.config)
    for server in config.servers:
        for ref in (server.password, server.session_key, server.totp_secret):
            if ref is not None:
                ref.read()  # a missing variable or file is an error now, not at the first takeover
    print(f"{args.config}: ok; redis {config.redis.shown_url()}, prefix {config.redis.prefix!r}")
    for server in config.servers:
        print(f"  {server.name}: {server.url} as {server.username!r}")
    return 0


async def cmd_status(args: argparse.Namespace) -> int:
    from ..relay import connect_redis, format_status, prometheus, read_status

    config = _load(args.config)
    redis = connect_redis(config.redis.url)
    try:
        status = await read_status(redis, config)
    finally:
        await redis.aclose()
    if args.json:
        print(json.dumps(status.as_dict(), indent=2))
    elif args.prometheus:
        sys.stdout.write(prometheus(status))
    else:
        print(format_status(status))
    return 0


async def cmd_run(args: argparse.Namespace) -> int:
    from ..relay import RelayWorker

    config = _load(args.config)
    worker = RelayWorker(config, worker_id=args.worker_id)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, worker.stop)
    runner = await _serve_metrics(worker, args.metrics) if args.metrics else None
    print(
        f"aiocomet relay: worker {worker.worker_id} started; {len(config.servers)} servers, "
        f"redis {config.redis.shown_url()}",
        file=sys.stderr,
        flush=True,
    )
    try:
        await worker.run()
    finally:
        if runner is not None:
            await runner.cleanup()
    print(f"aiocomet relay: worker {worker.worker_id} stopped", file=sys.stderr, flush=True)
    return 0


async def _serve_metrics(worker: RelayWorker, where: str) -> web.AppRunner:
    host, _, port = where.rpartition(":")
    if not port.isdigit():
        raise ValueError(f"--metrics needs HOST:PORT, not {where!r}")

    async def metrics(request: web.Request) -> web.Response:
        return web.Response(text=worker.metrics(), content_type="text/plain")

    app = web.Application()
    app.router.add_get("/metrics", metrics)
    runner = web.AppRunner(app, handle_signals=False, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host or "127.0.0.1", int(port)).start()
    return runner
