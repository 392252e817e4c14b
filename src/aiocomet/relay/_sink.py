"""The sink interface: where a relay coordinates its workers and writes entries.

A sink gives leases with fencing tokens (one holder per Comet server), takes
batches of entries for a held server and refuses them from a stale holder,
and keeps what ``aiocomet relay status`` shows. :class:`RedisStreamSink`
is the implementation; docs/guides/relay.md says how a Kafka or NATS
JetStream sink would map onto it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ._entries import Entry

__all__ = ["Claim", "RelaySink", "ServerReport"]


@dataclass(frozen=True, slots=True)
class Claim:
    """A lease this worker holds on one server, and what the previous holder left.

    ``seq`` is the last sequence number written for the server (the new
    holder continues after it); ``previous`` and ``previous_alive`` (Unix
    seconds, 0 if none) name the last holder and when it was last heard of.
    """

    server: str
    worker: str
    token: int
    seq: int
    acquired_at: float
    previous: str = ""
    previous_alive: float = 0.0
    released: bool = False

    @property
    def owner(self) -> str:
        """The lease value: who holds it, and with which token."""
        return f"{self.worker}|{self.token}"


@dataclass(frozen=True, slots=True)
class ServerReport:
    """Counters a holder publishes with each renewal (fenced like the entries)."""

    connected: bool = False
    events: int = 0
    gaps: int = 0
    reconnects: int = 0
    last_event_time: int = 0


class RelaySink(Protocol):
    """What a relay worker needs from the place its entries go."""

    async def heartbeat(self, worker: str, ttl: float, info: dict[str, str]) -> int:
        """Say this worker is alive for ``ttl`` seconds; return how many workers are alive."""
        ...

    async def leave(self, worker: str) -> None:
        """This worker stops (clean exit)."""
        ...

    async def acquire(self, server: str, worker: str, ttl: float) -> Claim | None:
        """Take the lease on ``server`` if nobody holds it, with a new fencing token."""
        ...

    async def renew(
        self, claims: Sequence[Claim], ttl: float, reports: Sequence[ServerReport]
    ) -> list[bool]:
        """Extend the leases; False for each one that is no longer ours."""
        ...

    async def release(self, claim: Claim) -> None:
        """Give the lease back (if it is still ours)."""
        ...

    async def write(self, claim: Claim, batches: Sequence[Sequence[Entry]]) -> int:
        """Append the entries in order, in one round trip; StaleLeaseError if not ours.

        Entries whose sequence number was written before are skipped (a
        retried round trip writes nothing twice). Returns entries written.
        """
        ...

    async def close(self) -> None: ...
