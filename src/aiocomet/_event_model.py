"""Live events as typed structs, and frame -> event decoding, without I/O.

Decoding is one pass through a reused msgspec decoder over a tagged union on
``Type``: one struct per ``SEVT_`` type whose ``Data`` field has the type
events.json documents, so ``Data`` is typed in the same pass (a second pass
over ``Data`` would cost about a third more). A frame whose ``Type`` is
unknown or whose ``Data`` does not fit its struct is decoded again into
:class:`UntypedEvent`, which keeps ``Data`` as plain JSON.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Final, Union, cast

import msgspec

from . import _codec
from ._generated import models as m
from ._generated.constants import EVENT_TYPE_NAMES
from ._generated.events import EVENT_DATA_TYPES
from .auth import Credentials, redacted_preview
from .errors import EventDecodeError

__all__ = [
    "EVENT_CLASSES",
    "Event",
    "EventDecoder",
    "UntypedEvent",
    "make_event",
    "redact_nothing",
    "redactor",
]

FRAME_PREVIEW: Final = 200

_OWNED: Final = secrets.token_hex(16)
"""A random token, new in every process, in the JSON names of the fields the SDK owns.

No frame or webhook body can name a field it cannot know the name of, so
decoding always leaves ``replayed``, ``tracing_id`` and ``frame`` at their
defaults and nothing has to reset them per event (a frame's
``"aiocomet.replayed": true`` is an unknown key, ignored). ``server`` is set
after decoding, the one write per event.
"""


class Event(msgspec.Struct, kw_only=True, gc=False):
    """One live event: a ``StreamableEvent`` whose ``Data`` is typed by its ``Type``.

    The wire fields keep their API names (``Type``, ``Actor``, ``ResourceID``,
    ``Timestamp``, ``Data``...). ``server`` names the server it came from,
    ``replayed`` marks events synthesized by a remedial sync, and
    ``tracing_id`` carries a webhook's ``x-Comet-Tracing-Id``, and ``frame``
    holds the exact bytes the server sent when the stream was asked for them
    (``keep_frames=True``; ``b""`` otherwise and for replayed events): these
    four are set by the SDK, never taken from a frame: their JSON names hold
    a random token, new in every process, that no frame can know. Decoding
    keeps only the fields this SDK knows; ``frame`` carries everything, for
    relaying or archiving. Untracked by the garbage collector (``gc=False``):
    an event holds no reference cycles.
    ``TypeString`` is the constant name of ``Type`` on typed events (a class
    attribute, so not stored per event); :meth:`wire` puts it back.
    """

    if TYPE_CHECKING:
        # Class attributes on typed events (``TypeString`` is the constant name of
        # ``Type``, so it is not stored per event); fields on UntypedEvent.
        Type: int
        TypeString: str

    Actor: str = ""
    OwnerOrganizationID: str = ""
    ResourceID: str = ""
    Timestamp: int = 0
    Data: Any = None
    server: str = msgspec.field(default="", name=f"aiocomet.{_OWNED}.server")
    replayed: bool = msgspec.field(default=False, name=f"aiocomet.{_OWNED}.replayed")
    tracing_id: str = msgspec.field(default="", name=f"aiocomet.{_OWNED}.tracing_id")
    frame: bytes = msgspec.field(default=b"", name=f"aiocomet.{_OWNED}.frame")

    def __repr__(self) -> str:
        extra = " replayed" if self.replayed else ""
        return (
            f"Event({self.type_name}{extra}, server={self.server!r}, "
            f"ResourceID={self.ResourceID!r}, Actor={self.Actor!r}, "
            f"Timestamp={self.Timestamp}, Data={self.Data!r})"
        )

    __str__ = __repr__

    @property
    def type(self) -> int:
        """The ``SEVT_`` event type number."""
        return self.Type

    @property
    def type_name(self) -> str:
        """``SEVT_JOB_NEW`` etc.; the server's ``TypeString`` for types this SDK does not know."""
        return EVENT_TYPE_NAMES.get(self.Type) or self.TypeString or f"SEVT_{self.Type}"

    @property
    def typed(self) -> bool:
        """True when ``Data`` was decoded with the struct documented for ``Type``."""
        return type(self) is not UntypedEvent

    @property
    def data(self) -> Any:
        """``Data``: a model for documented types, plain JSON otherwise."""
        return self.Data

    @property
    def job(self) -> m.BackupJobDetail | None:
        """The job of SEVT_JOB_NEW / SEVT_JOB_COMPLETED."""
        d = self.Data
        return d if isinstance(d, m.BackupJobDetail) else None

    @property
    def profile(self) -> m.UserProfileConfig | None:
        """The user profile of SEVT_ACCOUNT_NEW / SEVT_ACCOUNT_UPDATED."""
        d = self.Data
        return d if isinstance(d, m.UserProfileConfig) else None

    @property
    def hello(self) -> m.ServerMetaVersionInfo | None:
        """The server's version info carried by SEVT_META_HELLO."""
        d = self.Data
        return d if isinstance(d, m.ServerMetaVersionInfo) else None

    @property
    def admin(self) -> m.AllowedAdminUser | None:
        """The admin of SEVT_ACCOUNT_ADMIN_NEW."""
        d = self.Data
        return d if isinstance(d, m.AllowedAdminUser) else None

    @property
    def policy(self) -> m.GroupPolicy | None:
        """The policy of SEVT_POLICY_NEW / SEVT_POLICY_UPDATED."""
        d = self.Data
        return d if isinstance(d, m.GroupPolicy) else None

    @property
    def tenant(self) -> m.Organization | None:
        """The organization of SEVT_TENANT_NEW / SEVT_TENANT_UPDATED."""
        d = self.Data
        return d if isinstance(d, m.Organization) else None

    @property
    def device(self) -> m.DeviceConfig | None:
        """The device of SEVT_DEVICE_NEW."""
        d = self.Data
        return d if isinstance(d, m.DeviceConfig) else None

    @property
    def server_config(self) -> m.ServerConfigOptions | None:
        """The configuration of SEVT_SERVER_UPDATED."""
        d = self.Data
        return d if isinstance(d, m.ServerConfigOptions) else None

    def wire(self) -> dict[str, Any]:
        """The ``StreamableEvent`` as the server sent it (without the ``aiocomet.*`` keys)."""
        return {
            "Type": self.Type,
            "Actor": self.Actor,
            "OwnerOrganizationID": self.OwnerOrganizationID,
            "ResourceID": self.ResourceID,
            "Timestamp": self.Timestamp,
            "TypeString": self.TypeString,
            "Data": msgspec.to_builtins(self.Data),
        }


class _TaggedEvent(Event, tag_field="Type"):
    """Base of the per-type event structs: ``Type`` is the tag of the union."""


class UntypedEvent(Event):
    """An event whose ``Type`` this SDK does not know, or whose ``Data`` does not fit.

    ``Data`` holds the payload as plain JSON (dicts, lists, strings...).
    """

    Type: int = 0
    TypeString: str = ""


def _event_class(code: int, name: str) -> type[Event]:
    data_type = EVENT_DATA_TYPES.get(code)
    annotation: Any = Any if data_type is None else Union[data_type, None]  # noqa: UP007
    cls: Any = msgspec.defstruct(
        f"Event_{name}",
        [("Data", annotation, None)],
        bases=(_TaggedEvent,),
        tag=code,
        kw_only=True,
        namespace={
            "Type": code,
            "TypeString": name,
            "__doc__": f"A {name} event.",
            "__module__": __name__,
        },
    )
    result: type[Event] = cls
    return result


EVENT_CLASSES: Final[dict[int, type[Event]]] = {
    code: _event_class(code, name) for code, name in sorted(EVENT_TYPE_NAMES.items())
}
"""Event type number -> the struct its frames decode into."""

_EventUnion: Any = Union[tuple(EVENT_CLASSES.values())]  # noqa: UP007


def make_event(
    type_: int,
    data: Any = None,
    *,
    resource_id: str = "",
    actor: str = "",
    timestamp: int = 0,
    server: str = "",
    replayed: bool = False,
    owner_organization_id: str = "",
) -> Event:
    """Build an event in memory (remedial syncs and tests); unknown types become UntypedEvent."""
    fields: dict[str, Any] = {
        "Actor": actor,
        "OwnerOrganizationID": owner_organization_id,
        "ResourceID": resource_id,
        "Timestamp": timestamp,
        "Data": data,
        "server": server,
        "replayed": replayed,
    }
    cls: Any = EVENT_CLASSES.get(type_)
    data_type = EVENT_DATA_TYPES.get(type_)
    if cls is None or (
        data is not None and data_type is not None and not isinstance(data, data_type)
    ):
        return UntypedEvent(Type=type_, TypeString=EVENT_TYPE_NAMES.get(type_, ""), **fields)
    event: Event = cls(**fields)
    return event


class EventDecoder:
    """Frame -> :class:`Event`, with reused decoders; ``server`` tags every event.

    :meth:`decode` raises :class:`EventDecodeError` (a ``CometError``) for a
    frame that is not JSON or not a ``StreamableEvent`` envelope, whatever the
    input.
    """

    __slots__ = ("decode_typed", "redact", "server", "untyped")

    def __init__(self, server: str = "", *, redact: Callable[[str], str] = str) -> None:
        self.server = server
        self.redact = redact
        self.decode_typed: Callable[[bytes | str], Event] = _codec.typed_decoder(_EventUnion).decode
        self.untyped = 0  # events that fell back to UntypedEvent

    def decode(self, frame: bytes | str) -> Event:
        """Decode one frame; the fast path is a single typed decode."""
        try:
            event = self.decode_typed(frame)
        except msgspec.ValidationError:
            return self.fallback(frame)
        except (msgspec.DecodeError, RecursionError, UnicodeDecodeError) as exc:
            raise self.error(frame, exc) from None
        event.server = self.server  # claim(), inline: this path is what decode_ratio measures
        return event

    def decode_many(self, frames: Iterable[bytes | str]) -> list[Event | EventDecodeError]:
        """Decode a batch of frames in order: one event, or the error of its frame, per frame.

        The whole batch goes through the typed decoder in one C loop; only a
        batch holding a frame that needs the fallback (or is not an event) is
        decoded again frame by frame.
        """
        frames = frames if isinstance(frames, list) else list(frames)
        try:
            events: list[Event] = list(map(self.decode_typed, frames))
        except _codec.DECODE_ERRORS:
            return [self._decode_or_error(frame) for frame in frames]
        self.claim_all(events)
        return cast("list[Event | EventDecodeError]", events)

    def _decode_or_error(self, frame: bytes | str) -> Event | EventDecodeError:
        try:
            return self.decode(frame)
        except EventDecodeError as exc:
            return exc

    def fallback(self, frame: bytes | str) -> Event:
        """Decode what the tagged union refused: an unknown ``Type`` or ``Data`` that won't fit."""
        try:
            event: Event = _codec.typed_decoder(UntypedEvent).decode(frame)
        except _codec.DECODE_ERRORS as exc:
            raise self.error(frame, exc) from None
        self.untyped += 1
        return self.claim(event)

    def claim(self, event: Event) -> Event:
        """Tag a decoded event with its server.

        The other fields the SDK owns need nothing: ``replayed`` is the SDK's
        own mark, ``tracing_id`` comes from a webhook's header and ``frame``
        from the stream, and no frame can set them (their JSON names hold
        a random token, new in every process).
        """
        event.server = self.server
        return event

    def claim_all(self, events: list[Event]) -> None:
        """:meth:`claim` for a whole batch in one loop (the stream's hot path)."""
        server = self.server
        for event in events:
            event.server = server

    def error(self, frame: bytes | str, exc: BaseException) -> EventDecodeError:
        """An EventDecodeError for ``frame`` that shows its start with secrets redacted."""
        raw = frame.encode("utf-8", "replace") if isinstance(frame, str) else bytes(frame)
        shown = redacted_preview(raw, self.redact, FRAME_PREVIEW)
        reason = self.redact(str(exc))
        message = (
            f"event stream {self.server}: frame is not a StreamableEvent ({reason}); "
            f"{len(raw)} bytes starting {shown!r}"
        )
        return EventDecodeError(
            message, server=self.server, frame_start=shown.encode("utf-8")[:FRAME_PREVIEW]
        )


def redact_nothing(text: str) -> str:
    """The identity; the default when no credentials are involved (webhooks)."""
    return text


def redactor(credentials: Credentials | None) -> Callable[[str], str]:
    """``credentials.redact`` or the identity."""
    return credentials.redact if credentials is not None else redact_nothing
