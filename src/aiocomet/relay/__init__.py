"""``aiocomet relay``: Comet live events into Redis Streams, sharded across workers.

Producer side: :class:`RelayWorker` (``aiocomet relay run config.toml``) holds
leases on some of the configured servers and appends their events to one
stream per server, fenced so that a worker whose lease ended cannot write.
Consumer side: :func:`consume` reads them back as typed events and gaps
through Redis consumer groups, at least once. Needs ``pip install
"aiocomet[relay]"`` (redis-py). See docs/guides/relay.md.
"""

from __future__ import annotations

from ..errors import RelayConfigError, RelayError, StaleLeaseError
from ._config import (
    DeliveryConfig,
    LeaseConfig,
    RedisConfig,
    RelayConfig,
    ResyncConfig,
    SecretRef,
    ServerConfig,
    load_config,
    parse_config,
)
from ._consume import ConsumerStats, RelayConsumer, consume
from ._entries import Delivered, Entry, EntryDecoder, GapMarker
from ._keys import ServerKeys, stream_name, stream_pattern
from ._lease import LeaseBook, fair_share
from ._redis_sink import RedisStreamSink, connect_redis
from ._sink import Claim, RelaySink, ServerReport
from ._status import GroupStatus, RelayStatus, ServerStatus, format_status, prometheus, read_status
from ._worker import RelayWorker, default_worker_id

__all__ = [
    "Claim",
    "ConsumerStats",
    "Delivered",
    "DeliveryConfig",
    "Entry",
    "EntryDecoder",
    "GapMarker",
    "GroupStatus",
    "LeaseBook",
    "LeaseConfig",
    "RedisConfig",
    "RedisStreamSink",
    "RelayConfig",
    "RelayConfigError",
    "RelayConsumer",
    "RelayError",
    "RelaySink",
    "RelayStatus",
    "RelayWorker",
    "ResyncConfig",
    "SecretRef",
    "ServerConfig",
    "ServerKeys",
    "ServerReport",
    "ServerStatus",
    "StaleLeaseError",
    "connect_redis",
    "consume",
    "default_worker_id",
    "fair_share",
    "format_status",
    "load_config",
    "parse_config",
    "prometheus",
    "read_status",
    "stream_name",
    "stream_pattern",
]
