"""Modify one user's profile: set its PolicyID, keep every other field (the guide's task).

Shows: a read-modify-write of a ``UserProfileConfig``. The profile comes back
as a typed model; fields this SDK version does not know (a newer server's) ride
along on the model and are sent back unchanged. The write is hash-checked
(``AdminSetUserProfileHash``): if someone else changed the profile in between,
the call fails instead of silently overwriting their change.

Run::

    python examples/modify_profile.py [USERNAME] [POLICY]

USERNAME defaults to ``alice``; POLICY is a policy ID or description and
defaults to the example data's ``Example: workstations``. Connection settings
come from COMET_URL / COMET_USERNAME / COMET_PASSWORD; without COMET_URL an
embedded emulator with example data is used.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

import _common

from aiocomet import CometClient


class PolicyNotFound(Exception):
    """No policy has that ID or description."""


async def resolve_policy(client: CometClient, wanted: str) -> tuple[str, str]:
    """(policy ID, description) for a policy ID or an exact description."""
    policies = await client.admin_policies_list_full()  # {policy ID: GroupPolicy}
    if wanted in policies:
        return wanted, policies[wanted].Description
    for policy_id, policy in policies.items():
        if policy.Description == wanted:
            return policy_id, policy.Description
    known = ", ".join(sorted(f"{p.Description!r} ({pid})" for pid, p in policies.items()))
    raise PolicyNotFound(f"no policy {wanted!r}; the server has: {known or 'none'}")


async def set_policy(client: CometClient, username: str, policy_id: str) -> bool:
    """Give ``username`` the policy; every other field is kept. False if it already had it."""
    current = await client.admin_get_user_profile_and_hash(username)
    profile = current.Profile
    if profile is None:
        raise ValueError(f"the server returned no profile for {username!r}")
    if profile.PolicyID == policy_id:
        return False
    profile.PolicyID = policy_id
    await client.admin_set_user_profile_hash(username, profile, current.ProfileHash)
    return True


async def run(client: CometClient, username: str, policy: str, out: TextIO | None = None) -> bool:
    """Set ``policy`` (ID or description) on ``username``; True if the profile changed."""
    out = out or sys.stdout
    policy_id, description = await resolve_policy(client, policy)
    changed = await set_policy(client, username, policy_id)
    state = "set to" if changed else "already"
    print(f"{username}: PolicyID {state} {policy_id} ({description})", file=out)
    unknown = (await client.admin_get_user_profile(username)).unknown_fields()
    if unknown:
        print(f"{username}: kept fields this SDK does not know: {', '.join(unknown)}", file=out)
    return changed


async def main() -> int:
    parser = argparse.ArgumentParser(description="Set the policy of one user account.")
    parser.add_argument("username", nargs="?", default="alice")
    parser.add_argument("policy", nargs="?", default=_common.EXAMPLE_POLICY)
    args = parser.parse_args()
    async with _common.connect() as client:
        try:
            await run(client, args.username, args.policy)
        except PolicyNotFound as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    _common.run_script(main)
