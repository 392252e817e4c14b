"""Set one policy on every user account, a few at a time (the guide's bulk task).

Shows: many API calls at once with bounded concurrency. Each user gets the
same hash-checked read-modify-write as ``modify_profile.py`` (every other
profile field, known or not, is kept); an ``asyncio.Semaphore`` caps how many
run at the same time, and one user's failure does not stop the others.

Run::

    python examples/set_policy_all_users.py [POLICY] [--concurrency N]

POLICY is a policy ID or description (default: the example data's
``Example: workstations``). Exits 1 if any user could not be updated.
Connection settings come from COMET_URL / COMET_USERNAME / COMET_PASSWORD;
without COMET_URL an embedded emulator with example data is used.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TextIO

import _common
from modify_profile import PolicyNotFound, resolve_policy, set_policy

from aiocomet import CometClient, CometError


async def run(
    client: CometClient, policy: str, *, concurrency: int = 8, out: TextIO | None = None
) -> dict[str, str]:
    """Apply ``policy`` to every user; ``{username: "set" | "unchanged" | "failed: ..."}``."""
    out = out or sys.stdout
    policy_id, description = await resolve_policy(client, policy)
    usernames = await client.admin_list_users()
    slots = asyncio.Semaphore(concurrency)

    async def update(username: str) -> str:
        async with slots:
            try:
                changed = await set_policy(client, username, policy_id)
            except CometError as exc:  # report it, go on with the others
                return f"failed: {exc}"
        return "set" if changed else "unchanged"

    outcomes = await asyncio.gather(*(update(name) for name in usernames))
    results = dict(zip(usernames, outcomes, strict=True))
    for username, outcome in sorted(results.items()):
        print(f"{username:<24} {outcome}", file=out)
    failed = sum(outcome.startswith("failed") for outcome in outcomes)
    print(
        f"policy {description!r} ({policy_id}): {len(results) - failed} of {len(results)} "
        f"users done, {failed} failed",
        file=out,
    )
    return results


async def main() -> int:
    parser = argparse.ArgumentParser(description="Set one policy on every user account.")
    parser.add_argument("policy", nargs="?", default=_common.EXAMPLE_POLICY)
    parser.add_argument("--concurrency", type=int, default=8, help="parallel updates (8)")
    args = parser.parse_args()
    async with _common.connect() as client:
        try:
            results = await run(client, args.policy, concurrency=args.concurrency)
        except PolicyNotFound as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    return 1 if any(r.startswith("failed") for r in results.values()) else 0


if __name__ == "__main__":
    _common.run_script(main)
