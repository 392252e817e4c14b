"""Be a Custom Remote Bucket provider: allocate a Storage Vault when Comet asks.

Shows: ``BucketProvider`` serving the endpoint a Comet Server POSTs to when
a vault is requested from a ``REMOTESERVER_CUSTOM`` provider, with your
``allocate`` function creating the storage (here: a pretend S3 platform that
hands out numbered buckets) and answering its ``DestinationLocation``;
``provider.register()`` adding the provider to the server's Requestable
Storage Vault settings without touching the other providers, with a random
shared secret in a custom header and a JSON body; an admin then requesting a
vault for a user (``AdminRequestStorageVault``), which the server adds to the
user's profile; ``unregister_bucket_provider()`` removing the provider again.

Run::

    python examples/custom_bucket.py [--user alice] [--requests N]
    python examples/custom_bucket.py --listen 0.0.0.0:8080 --public-url https://me.example/

A real Comet Server must be able to reach the endpoint: listen on an address
it can reach and give that URL as ``--public-url``. Connection settings come
from COMET_URL / COMET_USERNAME / COMET_PASSWORD; without COMET_URL an
embedded emulator is used (it POSTs to 127.0.0.1 like a real server would).
"""

from __future__ import annotations

import argparse
import secrets
import sys
from typing import TextIO

import _common

from aiocomet import CometClient, models
from aiocomet.buckets import BucketProvider, BucketRequest, unregister_bucket_provider
from aiocomet.constants import CUSTOMREMOTEBUCKET_CUSTOMBODY_JSON, DESTINATIONTYPE_S3

PROVIDER_NAME = "aiocomet example storage"
S3_SERVER = "s3.example.com"


class PretendStorage:
    """Stands in for your storage platform's API: every call makes a new bucket."""

    def __init__(self) -> None:
        self.buckets: list[str] = []

    async def allocate(self, request: BucketRequest) -> models.DestinationLocation:
        """Called for each request of the Comet Server (its body says which plan)."""
        plan = request.json.get("plan", "standard") if isinstance(request.json, dict) else ""
        name = f"comet-{plan}-{len(self.buckets) + 1:04}"
        self.buckets.append(name)
        return models.DestinationLocation(
            DestinationType=DESTINATIONTYPE_S3,
            S3Server=S3_SERVER,
            S3UsesTLS=True,
            S3BucketName=name,
            S3AccessKey=secrets.token_hex(10),  # credentials only this bucket accepts
            S3SecretKey=secrets.token_urlsafe(30),
        )


async def run(
    client: CometClient,
    user: str,
    *,
    requests: int = 1,
    host: str = "127.0.0.1",
    port: int = 0,
    public_url: str | None = None,
    out: TextIO | None = None,
) -> list[str]:
    """Register the provider, request ``requests`` vaults for ``user``; the new vault IDs."""
    out = out or sys.stdout
    storage = PretendStorage()
    created: list[str] = []
    async with BucketProvider(
        storage.allocate,
        secret=secrets.token_urlsafe(32),
        body='{"plan": "gold"}',
        body_type=CUSTOMREMOTEBUCKET_CUSTOMBODY_JSON,
    ) as provider:
        url = await provider.serve(host, port, public_url=public_url)
        provider_id = await provider.register(client, PROVIDER_NAME)
        print(
            f"provider {PROVIDER_NAME!r} registered (ID {provider_id}): Comet POSTs to {url}",
            file=out,
        )
        try:
            for _ in range(requests):
                answer = await client.admin_request_storage_vault(user, provider_id)
                profile = answer.Profile or await client.admin_get_user_profile(user)
                vault = profile.Destinations[answer.DestinationID]
                created.append(answer.DestinationID)
                print(
                    f"{user}: new Storage Vault {answer.DestinationID} {vault.Description!r} "
                    f"-> s3://{vault.S3Server}/{vault.S3BucketName}",
                    file=out,
                )
        finally:
            await unregister_bucket_provider(client, PROVIDER_NAME)
            print(
                f"provider {PROVIDER_NAME!r} unregistered; {provider.allocated} allocated", file=out
            )
    profile = await client.admin_get_user_profile(user)
    print(f"{user} now has {len(profile.Destinations)} Storage Vaults", file=out)
    return created


async def main() -> None:
    parser = argparse.ArgumentParser(description="Allocate Storage Vaults for Comet.")
    parser.add_argument("--user", default="alice", help="the user who gets the vault (alice)")
    parser.add_argument("--requests", type=int, default=1, help="how many vaults to request")
    parser.add_argument("--listen", default="127.0.0.1:0", help="HOST:PORT (127.0.0.1:0)")
    parser.add_argument("--public-url", help="the URL the server should POST to")
    args = parser.parse_args()
    host, _, port = args.listen.rpartition(":")
    async with _common.connect() as client:
        await run(
            client,
            args.user,
            requests=args.requests,
            host=host or "127.0.0.1",
            port=int(port),
            public_url=args.public_url,
        )


if __name__ == "__main__":
    _common.run_script(main)
