"""Creating a policy and learning its ID.

``AdminPoliciesNew`` answers ``CreateGroupPolicyResponse`` (Status, Message,
PolicyHash): a real Comet Server does not say which ID it gave the new policy.
:func:`create_policy` creates it and finds the ID by listing the policies
before and after; when that is not conclusive (another admin created a policy
with the same description at the same moment) it raises instead of guessing.
"""

from __future__ import annotations

from ._generated.models import GroupPolicy
from .client import CometClient
from .errors import CometError

__all__ = ["PolicyNotFoundError", "create_policy"]


class PolicyNotFoundError(CometError, LookupError):
    """The new policy was created, but its ID could not be told apart from others."""

    def __init__(self, description: str, candidates: list[str]) -> None:
        found = f"{len(candidates)} new policies" if candidates else "no new policy"
        super().__init__(
            f"created policy {description!r}, but found {found} with that description: "
            "list the policies (admin_policies_list) to see which one it is"
        )
        self.description = description
        self.candidates = candidates


async def create_policy(
    client: CometClient, policy: GroupPolicy, *, organization: str | None = None
) -> str:
    """Create ``policy`` with ``AdminPoliciesNew`` and return the new policy's ID.

    ``organization`` limits the listing to one organization (``TargetOrganization``),
    for admins who see more than one.
    """
    before = await client.admin_policies_list(target_organization=organization)
    await client.admin_policies_new(policy)
    after = await client.admin_policies_list(target_organization=organization)
    candidates = sorted(
        pid
        for pid, description in after.items()
        if pid not in before and description == policy.Description
    )
    if len(candidates) != 1:
        raise PolicyNotFoundError(policy.Description, candidates)
    return candidates[0]
