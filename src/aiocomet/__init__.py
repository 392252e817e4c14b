"""aiocomet: an asyncio SDK for the Comet Backup Comet Server API."""

from . import constants, models
from ._backoff import Backoff
from ._transport import RetryPolicy
from ._version import __version__
from .account import CometAccountClient
from .auth import Credentials
from .buckets import (
    BucketProvider,
    BucketRequest,
    register_bucket_provider,
    unregister_bucket_provider,
)
from .client import CometClient
from .errors import (
    AccessDeniedError,
    AuthenticationError,
    BucketAllocationError,
    ClientClosedError,
    CometAPIError,
    CometError,
    CredentialsError,
    EventDecodeError,
    HandshakeError,
    InvalidParameterError,
    MFARequiredError,
    ProtocolError,
    RedirectRefusedError,
    ResponseDecodeError,
    ResponseTooLargeError,
    ServerError,
    TimeoutError,
    TransportError,
)
from .events import (
    Clock,
    ConnectionPolicy,
    Event,
    EventBatches,
    EventStream,
    Gap,
    GapKind,
    JobResync,
    ReconnectPolicy,
    StreamStats,
    UntypedEvent,
    resync_jobs,
)
from .merge import MergedEventBatches, MergedEvents, merge_event_batches, merge_events
from .policies import PolicyNotFoundError, create_policy
from .webhooks import WebhookReceiver, register_webhook, unregister_webhook

__all__ = [
    "AccessDeniedError",
    "AuthenticationError",
    "Backoff",
    "BucketAllocationError",
    "BucketProvider",
    "BucketRequest",
    "ClientClosedError",
    "Clock",
    "CometAPIError",
    "CometAccountClient",
    "CometClient",
    "CometError",
    "ConnectionPolicy",
    "Credentials",
    "CredentialsError",
    "Event",
    "EventBatches",
    "EventDecodeError",
    "EventStream",
    "Gap",
    "GapKind",
    "HandshakeError",
    "InvalidParameterError",
    "JobResync",
    "MFARequiredError",
    "MergedEventBatches",
    "MergedEvents",
    "PolicyNotFoundError",
    "ProtocolError",
    "ReconnectPolicy",
    "RedirectRefusedError",
    "ResponseDecodeError",
    "ResponseTooLargeError",
    "RetryPolicy",
    "ServerError",
    "StreamStats",
    "TimeoutError",
    "TransportError",
    "UntypedEvent",
    "WebhookReceiver",
    "__version__",
    "constants",
    "create_policy",
    "merge_event_batches",
    "merge_events",
    "models",
    "register_bucket_provider",
    "register_webhook",
    "resync_jobs",
    "unregister_bucket_provider",
    "unregister_webhook",
]
