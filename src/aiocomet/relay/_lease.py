"""Lease bookkeeping of one worker, without I/O: validity, renewal times, fair shares.

Redis expires a lease on its own clock; the worker keeps a conservative
local view with an injectable monotonic clock: a lease counts as valid until
``ttl`` after the *sending* of the request that acquired or last renewed it,
so the worker stops tailing a server no later than Redis lets another worker
take it. (The fence in the append script makes a late write harmless anyway.)
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ._sink import Claim

__all__ = ["HeldLease", "LeaseBook", "fair_share"]


def fair_share(servers: int, workers: int) -> int:
    """How many servers one of ``workers`` live workers should hold at most."""
    return math.ceil(servers / max(1, workers))


@dataclass(slots=True)
class HeldLease:
    claim: Claim
    valid_until: float  # local monotonic time
    renewed_at: float


class LeaseBook:
    """The leases this worker holds, as it knows them."""

    def __init__(
        self, ttl: float, renew_every: float, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        if not 0 < renew_every < ttl:
            raise ValueError("renew_every must be positive and shorter than ttl")
        self.ttl = ttl
        self.renew_every = renew_every
        self._now = monotonic
        self.held: dict[str, HeldLease] = {}

    def __len__(self) -> int:
        return len(self.held)

    def __contains__(self, server: object) -> bool:
        return server in self.held

    def now(self) -> float:
        return self._now()

    def acquired(self, claim: Claim, sent_at: float) -> None:
        self.held[claim.server] = HeldLease(claim, sent_at + self.ttl, sent_at)

    def claims(self) -> list[Claim]:
        return [h.claim for h in self.held.values()]

    def due(self) -> bool:
        """Whether a renewal round is due (the oldest renewal is ``renew_every`` old)."""
        now = self._now()
        return any(now - h.renewed_at >= self.renew_every for h in self.held.values())

    def renewed(self, results: Iterable[tuple[Claim, bool]], sent_at: float) -> list[Claim]:
        """Record a renewal round sent at ``sent_at``; return the claims found lost."""
        lost: list[Claim] = []
        for claim, ok in results:
            held = self.held.get(claim.server)
            if held is None or held.claim.token != claim.token:
                continue
            if ok:
                held.valid_until = sent_at + self.ttl
                held.renewed_at = sent_at
            else:
                lost.append(self.held.pop(claim.server).claim)
        return lost

    def lapsed(self) -> list[Claim]:
        """Leases whose local validity ran out (renewals failed, e.g. Redis is down): dropped."""
        now = self._now()
        gone = [s for s, h in self.held.items() if now >= h.valid_until]
        return [self.held.pop(s).claim for s in gone]

    def valid(self, server: str) -> bool:
        held = self.held.get(server)
        return held is not None and self._now() < held.valid_until

    def drop(self, server: str) -> Claim | None:
        held = self.held.pop(server, None)
        return None if held is None else held.claim

    def wanted(self, total: int, workers: int) -> int:
        """How many more leases to try for (negative: how many to give back)."""
        return fair_share(total, workers) - len(self.held)
