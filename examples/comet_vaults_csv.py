"""Find every Comet-type Storage Vault of every user, as CSV (the guide's task).

Shows: one ``AdminListUsersFull`` call, typed ``DestinationConfig`` models,
and the SDK's constants (``DESTINATIONTYPE_COMET`` is 1003) instead of magic
numbers. The CSV has the username, the vault's description, its Comet Server
URL and bucket ID. The bucket key is a secret and is never written.

Run::

    python examples/comet_vaults_csv.py [--output vaults.csv]

Connection settings come from COMET_URL / COMET_USERNAME / COMET_PASSWORD;
without COMET_URL an embedded emulator with example data is used.
"""

from __future__ import annotations

import argparse
import csv
import sys
from typing import TextIO

import _common

from aiocomet import CometClient
from aiocomet.constants import DESTINATIONTYPE_COMET

HEADER = ("Username", "Storage Vault Description", "Comet Server URL", "Comet Bucket")


async def run(client: CometClient, out: TextIO | None = None) -> list[tuple[str, str, str, str]]:
    """Write the CSV (header first) to ``out``; return its data rows."""
    out = out or sys.stdout
    rows = []
    for username, profile in (await client.admin_list_users_full()).items():
        for vault in (profile.Destinations or {}).values():
            if vault.DestinationType == DESTINATIONTYPE_COMET:
                rows.append((username, vault.Description, vault.CometServer, vault.CometBucket))
    rows.sort()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return rows


async def main() -> None:
    parser = argparse.ArgumentParser(description="Comet-type Storage Vaults of all users as CSV.")
    parser.add_argument("--output", "-o", help="write the CSV to this file (default: stdout)")
    args = parser.parse_args()
    async with _common.connect() as client:
        if args.output:
            with open(args.output, "w", newline="", encoding="utf-8") as out:
                await run(client, out)
        else:
            await run(client)


if __name__ == "__main__":
    _common.run_script(main)
