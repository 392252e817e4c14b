"""Key names in Redis: every key of one Comet server shares a ``{hash tag}``.

So the lease, the fencing counter, the status hash and the stream of a server
sit in one Redis Cluster slot, and one script can check the lease and append.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ServerKeys", "stream_name", "stream_pattern", "worker_key", "workers_key"]


@dataclass(frozen=True, slots=True)
class ServerKeys:
    """The Redis keys of one server (named in the configuration)."""

    stream: str
    lease: str
    fence: str
    state: str

    @classmethod
    def of(cls, prefix: str, name: str) -> ServerKeys:
        base = f"{prefix}:{{{name}}}"
        return cls(
            stream=f"{base}:events",
            lease=f"{base}:lease",
            fence=f"{base}:fence",
            state=f"{base}:relay",
        )


def stream_name(prefix: str, name: str) -> str:
    """The stream a consumer reads for one server: ``comet:{eu1}:events``."""
    return ServerKeys.of(prefix, name).stream


def stream_pattern(prefix: str) -> str:
    """A SCAN pattern matching every server's stream under ``prefix``."""
    return f"{prefix}:{{*}}:events"


def workers_key(prefix: str) -> str:
    return f"{prefix}:relay:workers"


def worker_key(prefix: str, worker: str) -> str:
    return f"{prefix}:relay:worker:{worker}"
