"""Receive a server's events as webhooks.

Shows: ``WebhookReceiver`` serving the HTTP endpoint Comet POSTs to and
yielding the same typed events as the live stream (plus each POST's
``x-Comet-Tracing-Id``); ``receiver.register()`` adding the webhook to the
server's configuration without touching other webhooks, with a random shared
secret sent back by Comet in a custom header (POSTs without it get 401);
``unregister_webhook()`` removing it again at the end.

Run::

    python examples/receive_webhooks.py [--limit N] [--duration SECONDS]
    python examples/receive_webhooks.py --listen 0.0.0.0:8080 --public-url https://me.example/

A real Comet Server must be able to reach the receiver: listen on an address
it can reach and give that URL as ``--public-url``. Connection settings come
from COMET_URL / COMET_USERNAME / COMET_PASSWORD; without COMET_URL an
embedded emulator with simulated backup jobs is used (it POSTs to 127.0.0.1).
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import sys
from collections import Counter
from collections.abc import Iterable
from typing import TextIO

import _common

from aiocomet import CometClient, WebhookReceiver
from aiocomet.webhooks import unregister_webhook

WEBHOOK_NAME = "aiocomet-example"


async def run(
    client: CometClient,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    public_url: str | None = None,
    types: Iterable[int] | None = None,
    limit: int | None = None,
    duration: float | None = None,
    registered: asyncio.Event | None = None,
    out: TextIO | None = None,
) -> Counter[str]:
    """Print webhook events until ``limit`` events or ``duration`` seconds; count per type.

    ``registered`` (if given) is set once the server knows the webhook.
    """
    out = out or sys.stdout
    counts: Counter[str] = Counter()
    async with WebhookReceiver(secret=secrets.token_urlsafe(32), types=types) as receiver:
        url = await receiver.serve(host, port, public_url=public_url)
        await receiver.register(client, WEBHOOK_NAME)
        print(f"webhook {WEBHOOK_NAME!r} registered: the server POSTs to {url}", file=out)
        if registered is not None:
            registered.set()
        try:
            async with _common.at_most(duration):
                async for event in receiver:
                    counts[event.type_name] += 1
                    print(
                        f"{event.type_name:<28} actor={event.Actor or '-':<10} "
                        f"resource={event.ResourceID or '-'} tracing-id={event.tracing_id}",
                        file=out,
                    )
                    if limit is not None and counts.total() >= limit:
                        break
        finally:
            await unregister_webhook(client, WEBHOOK_NAME)
            print(f"webhook {WEBHOOK_NAME!r} unregistered; {counts.total()} events", file=out)
    return counts


async def main() -> None:
    parser = argparse.ArgumentParser(description="Receive Comet events as webhooks.")
    parser.add_argument("--listen", default="127.0.0.1:0", help="HOST:PORT (127.0.0.1:0)")
    parser.add_argument("--public-url", help="the URL the server should POST to")
    parser.add_argument("--limit", type=int, help="stop after this many events")
    parser.add_argument("--duration", type=float, help="stop after this many seconds")
    args = parser.parse_args()
    host, _, port = args.listen.rpartition(":")
    async with _common.connect(activity=True) as client:
        await run(
            client,
            host=host or "127.0.0.1",
            port=int(port),
            public_url=args.public_url,
            limit=args.limit,
            duration=args.duration,
        )


if __name__ == "__main__":
    _common.run_script(main)
