"""``aiocomet relay status``: who holds which server, lag, last event, gaps, reconnects.

Read from Redis only (any host can ask): the workers' membership, each
server's lease and status hash (written by its holder with every renewal),
its stream's length, and each consumer group's pending entries and lag.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Any

import redis.asyncio as aioredis

from ._config import RelayConfig
from ._keys import ServerKeys, workers_key

__all__ = [
    "GroupStatus",
    "RelayStatus",
    "ServerStatus",
    "format_status",
    "prometheus",
    "read_status",
]


@dataclass(frozen=True, slots=True)
class GroupStatus:
    name: str
    pending: int
    lag: int | None  # entries not yet delivered to the group (None: Redis cannot tell)


@dataclass(frozen=True, slots=True)
class ServerStatus:
    name: str
    holder: str  # "" when no lease is held
    token: int
    lease_ms: int  # time left on the lease
    seq: int
    entries: int
    last_write: float  # Unix seconds of the last entry written (0: never)
    last_event_time: int  # the server's Timestamp of the last event relayed
    connected: bool
    events: int
    gaps: int
    reconnects: int
    groups: list[GroupStatus] = field(default_factory=list)

    def age(self, now: float) -> float | None:
        """Seconds since the last entry was written (the relay's lag when events flow)."""
        return None if not self.last_write else max(0.0, now - self.last_write)


@dataclass(frozen=True, slots=True)
class RelayStatus:
    workers: list[str]
    servers: list[ServerStatus]
    at: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


async def read_status(redis: aioredis.Redis, config: RelayConfig) -> RelayStatus:
    prefix = config.redis.prefix
    now_ms = int(time.time() * 1000)
    members: list[Any] = await redis.zrangebyscore(workers_key(prefix), now_ms, "+inf")
    workers = [bytes(w).decode() for w in members]
    servers: list[ServerStatus] = []
    for server in config.servers:
        k = ServerKeys.of(prefix, server.name)
        pipe = redis.pipeline(transaction=False)
        pipe.get(k.lease)
        pipe.pttl(k.lease)
        pipe.hgetall(k.state)
        pipe.xlen(k.stream)
        lease, pttl, state, length = await pipe.execute()
        groups: list[GroupStatus] = []
        if length:
            for g in await redis.xinfo_groups(k.stream):
                name = g.get("name", b"")
                groups.append(
                    GroupStatus(
                        name=name.decode() if isinstance(name, bytes) else str(name),
                        pending=_int(g.get("pending")),
                        lag=None if g.get("lag") is None else _int(g.get("lag")),
                    )
                )
        holder = lease.decode().rpartition("|")[0] if lease else ""
        st = {key.decode(): value for key, value in state.items()}
        servers.append(
            ServerStatus(
                name=server.name,
                holder=holder,
                token=_int(lease.decode().rpartition("|")[2]) if lease else 0,
                lease_ms=max(0, _int(pttl)) if lease else 0,
                seq=_int(st.get("seq")),
                entries=_int(length),
                last_write=_int(st.get("written_ms")) / 1000,
                last_event_time=_int(st.get("event_time")),
                connected=bool(lease) and st.get("connected") == b"1",
                events=_int(st.get("events")),
                gaps=_int(st.get("gaps")),
                reconnects=_int(st.get("reconnects")),
                groups=groups,
            )
        )
    return RelayStatus(workers=workers, servers=servers, at=now_ms / 1000)


def format_status(status: RelayStatus) -> str:
    """A table for people."""
    lines = [f"workers alive: {len(status.workers)} ({', '.join(status.workers) or 'none'})"]
    head = f"{'server':<16} {'holder':<24} {'token':>5} {'conn':>4} {'entries':>8} "
    head += f"{'age s':>7} {'last event':>10} {'gaps':>5} {'reconn':>6}  groups (pending/lag)"
    lines.append(head)
    for s in status.servers:
        age = s.age(status.at)
        groups = ", ".join(
            f"{g.name} {g.pending}/{'?' if g.lag is None else g.lag}" for g in s.groups
        )
        lines.append(
            f"{s.name:<16} {s.holder or '-':<24} {s.token:>5} {'yes' if s.connected else 'no':>4} "
            f"{s.entries:>8} {'-' if age is None else f'{age:.1f}':>7} "
            f"{s.last_event_time or '-':>10} {s.gaps:>5} {s.reconnects:>6}  {groups or '-'}"
        )
    return "\n".join(lines)


def prometheus(status: RelayStatus) -> str:
    """The status in Prometheus' text format (for a textfile collector or a scrape)."""
    out = [
        "# TYPE aiocomet_relay_workers gauge",
        f"aiocomet_relay_workers {len(status.workers)}",
    ]
    metrics: list[tuple[str, str, Any]] = [
        ("held", "gauge", lambda s: int(bool(s.holder))),
        ("connected", "gauge", lambda s: int(s.connected)),
        ("entries", "gauge", lambda s: s.entries),
        ("sequence", "counter", lambda s: s.seq),
        ("gaps", "gauge", lambda s: s.gaps),
        ("reconnects", "gauge", lambda s: s.reconnects),
        ("last_write_timestamp_seconds", "gauge", lambda s: s.last_write),
        ("last_event_timestamp_seconds", "gauge", lambda s: s.last_event_time),
    ]
    for name, kind, value in metrics:
        out.append(f"# TYPE aiocomet_relay_server_{name} {kind}")
        for s in status.servers:
            out.append(f'aiocomet_relay_server_{name}{{server="{s.name}"}} {value(s)}')
    out.append("# TYPE aiocomet_relay_group_pending gauge")
    out += [
        f'aiocomet_relay_group_pending{{server="{s.name}",group="{g.name}"}} {g.pending}'
        for s in status.servers
        for g in s.groups
    ]
    out.append("# TYPE aiocomet_relay_group_lag gauge")
    out += [
        f'aiocomet_relay_group_lag{{server="{s.name}",group="{g.name}"}} {g.lag}'
        for s in status.servers
        for g in s.groups
        if g.lag is not None
    ]
    return "\n".join(out) + "\n"
