"""Stream entries, without I/O: what the relay writes and how a consumer reads it back.

An entry's fields (short names, since Redis stores them in every entry):
``s`` the server's URL, ``q`` its per-server sequence number, ``t`` the fencing
token of the writer, ``w`` the relay's wall clock (ms) when it took the event,
then either ``f`` the frame (a ``StreamableEvent`` JSON text; ``r=1`` marks an
event replayed by a resync) or ``g`` a gap marker (JSON: reason, times).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

import msgspec

from .._event_model import Event, EventDecoder
from .._event_protocol import Gap
from ..errors import EventDecodeError

__all__ = [
    "Delivered",
    "Entry",
    "EntryDecoder",
    "GapMarker",
    "SeenWindow",
    "frame_of",
    "gap_entry",
]

Kind = Literal["e", "r", "g"]

_encode: Final = msgspec.json.Encoder().encode


@dataclass(slots=True)
class Entry:
    """One entry on its way out: ``seq`` is given when the entry is queued."""

    seq: int
    kind: Kind
    payload: bytes
    wall_ms: int


class GapMarker(msgspec.Struct, kw_only=True):
    """The JSON of a gap marker entry (``g``)."""

    reason: str
    last_alive: float
    reconnected_at: float
    attempts: int = 1
    dropped: int = 0
    holder: str = ""
    previous: str = ""


class _Envelope(msgspec.Struct):
    """The ``StreamableEvent`` keys of :meth:`Event.wire`, in its order, for one direct encode."""

    Type: int
    Actor: str
    OwnerOrganizationID: str
    ResourceID: str
    Timestamp: int
    TypeString: str
    Data: Any


def frame_of(event: Event) -> bytes:
    """The event as a ``StreamableEvent`` JSON text: the server's own bytes when kept.

    The relay's stream asks for ``keep_frames=True``, so a live event carries
    the frame exactly as the server sent it (keys this SDK does not know
    included, nothing encoded again). Replayed events never had a frame: they
    are encoded from the model, through an envelope struct that lets msgspec
    encode ``Data`` directly (about half the cost of :meth:`Event.wire`).
    """
    frame = event.frame
    if frame:
        return frame
    return _encode(
        _Envelope(
            event.Type,
            event.Actor,
            event.OwnerOrganizationID,
            event.ResourceID,
            event.Timestamp,
            event.TypeString,
            event.Data,
        )
    )


def gap_entry(seq: int, marker: GapMarker, wall_ms: int) -> Entry:
    return Entry(seq, "g", _encode(marker), wall_ms)


class Delivered(msgspec.Struct, frozen=True):
    """One entry read back: the event or gap, and where it stands in its server's sequence.

    (A struct rather than a frozen dataclass: made once per entry, it is made fast.)
    """

    item: Event | Gap
    server: str
    seq: int
    token: int
    wall_ms: int


_gap_decoder: Final = msgspec.json.Decoder(GapMarker)


class EntryDecoder:
    """Stream entry fields -> :class:`Delivered`; EventDecodeError for an entry that is not ours."""

    def __init__(self, *, keep_frames: bool = False) -> None:
        self._events = EventDecoder()
        self._keep_frames = keep_frames  # a live event's frame as ``event.frame``
        self._servers: dict[bytes, str] = {}  # one str per server URL, not one per entry

    def decode(self, fields: Mapping[bytes, bytes]) -> Delivered:
        try:
            raw = fields[b"s"]
            server = self._servers.get(raw) or self._server(raw)
            seq = int(fields[b"q"])
            token = int(fields[b"t"])
            wall_ms = int(fields.get(b"w", b"0"))
        except (KeyError, ValueError, UnicodeDecodeError) as exc:
            keys = sorted(k.decode("utf-8", "replace") for k in fields)
            raise EventDecodeError(
                f"relay entry without valid s/q/t fields ({type(exc).__name__}; keys {keys})"
            ) from None
        frame = fields.get(b"f")
        if frame is not None:
            event = self._events.decode(frame)
            event.server = server
            event.replayed = fields.get(b"r") == b"1"
            if self._keep_frames and not event.replayed:  # a replayed event never had one
                event.frame = frame
            return Delivered(event, server, seq, token, wall_ms)
        marker = fields.get(b"g")
        if marker is None:
            raise EventDecodeError(f"relay entry {server}#{seq} has neither a frame nor a gap")
        try:
            g = _gap_decoder.decode(marker)
        except msgspec.MsgspecError as exc:
            raise EventDecodeError(f"relay entry {server}#{seq}: bad gap marker ({exc})") from None
        reason = g.reason
        gap = Gap(
            server=server,
            reason=reason,
            last_alive=g.last_alive,
            reconnected_at=g.reconnected_at,
            attempts=g.attempts,
            dropped=g.dropped,
        )
        return Delivered(gap, server, seq, token, wall_ms)

    def _server(self, raw: bytes) -> str:
        if len(self._servers) >= 4096:  # a bound, for entries of ever new servers
            self._servers.clear()
        server = self._servers[raw] = raw.decode()
        return server


class SeenWindow:
    """The last ``size`` (server, sequence) pairs, for consumers that drop redeliveries."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("the dedupe window must hold at least 1 entry")
        self.size = size
        self._seen: OrderedDict[tuple[str, int], None] = OrderedDict()
        self.duplicates = 0

    def first_time(self, server: str, seq: int) -> bool:
        """True the first time a pair is seen within the window."""
        key = (server, seq)
        if key in self._seen:
            self.duplicates += 1
            return False
        self._seen[key] = None
        if len(self._seen) > self.size:
            self._seen.popitem(last=False)
        return True
