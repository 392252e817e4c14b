"""List the user accounts of a Comet Server (the API guide's Quick Start task).

Shows: a ``CometClient`` as an async context manager, and one typed call
(``AdminListUsersFull``) whose result is a dict of ``UserProfileConfig`` models.

Run::

    python examples/list_users.py
    COMET_URL=https://comet.example.com COMET_USERNAME=admin COMET_PASSWORD=... \\
        python examples/list_users.py

Without COMET_URL it starts an embedded emulator with a few example users.
"""

from __future__ import annotations

import sys
from typing import TextIO

import _common

from aiocomet import CometClient


async def run(client: CometClient, out: TextIO | None = None) -> list[str]:
    """Print one line per user account; return the usernames."""
    out = out or sys.stdout
    profiles = await client.admin_list_users_full()  # {username: UserProfileConfig}
    print(f"{'USERNAME':<20} {'ACCOUNT NAME':<24} VAULTS", file=out)
    for username, profile in sorted(profiles.items()):
        vaults = len(profile.Destinations or {})
        print(f"{username:<20} {profile.AccountName:<24} {vaults:>6}", file=out)
    print(f"{len(profiles)} user accounts", file=out)
    return sorted(profiles)


async def main() -> None:
    async with _common.connect() as client:
        await run(client)


if __name__ == "__main__":
    _common.run_script(main)
