"""Encoding of live events: StreamableEvent JSON and websocket frames.

An event is encoded to JSON once and the same bytes go to every websocket and
webhook. Server-to-client websocket frames are never masked, so one frame
header per event serves every connection as well.

The JSON is what the Go-written server writes: ``Data`` as Go encodes its
struct (nil slices and maps as ``null``, ``omitempty`` fields dropped; see
:mod:`aiocomet._gojson`), and the envelope's own ``omitempty`` fields
(``ResourceID``, ``Timestamp``, ``TypeString``, ``Data``) left out when empty.
"""

from __future__ import annotations

import struct
from typing import Any

import msgspec

from .._generated.constants import EVENT_TYPE_NAMES
from .._generated.events import EVENT_DATA_TYPES
from .._generated.models import StreamableEvent
from .._generated.omitempty import OMITEMPTY
from .._gojson import go_shaped

OPCODE_TEXT = 0x1
OPCODE_BINARY = 0x2
OPCODE_CLOSE = 0x8

_encoder = msgspec.json.Encoder()
_OMITTED_WHEN_EMPTY = OMITEMPTY["StreamableEvent"]


def encode_event(
    event_type: int,
    data: Any,
    *,
    timestamp: int,
    resource_id: str = "",
    actor: str = "",
    organization_id: str = "",
) -> bytes:
    """The JSON text of one StreamableEvent, as a Comet Server writes it."""
    data_type = EVENT_DATA_TYPES.get(event_type)
    if data is not None and data_type is not None:
        data = go_shaped(data, data_type)
    event = StreamableEvent(
        Actor=actor,
        OwnerOrganizationID=organization_id,
        ResourceID=resource_id,
        Type=event_type,
        Timestamp=timestamp,
        TypeString=EVENT_TYPE_NAMES.get(event_type, ""),
    )
    fields: dict[str, Any] = msgspec.to_builtins(event)
    fields["Data"] = data
    for key in _OMITTED_WHEN_EMPTY:
        value = fields[key]
        # Go omits an interface only when it is nil: a struct in Data always goes out
        if value is None or (key != "Data" and not value):
            del fields[key]
    return _encoder.encode(fields)


def frame_header(length: int, opcode: int = OPCODE_TEXT) -> bytes:
    """The header of one unmasked, final websocket frame with a payload of ``length``."""
    first = 0x80 | opcode
    if length < 126:
        return bytes((first, length))
    if length < 65536:
        return struct.pack("!BBH", first, 126, length)
    return struct.pack("!BBQ", first, 127, length)


def text_frame(payload: bytes) -> bytes:
    return frame_header(len(payload)) + payload


def raw_frame(frame: str | bytes) -> bytes:
    """A text frame for ``str``, a binary frame for ``bytes``."""
    if isinstance(frame, str):
        return text_frame(frame.encode())
    return frame_header(len(frame), OPCODE_BINARY) + frame


def close_frame(code: int, reason: str = "") -> bytes:
    payload = struct.pack("!H", code) + reason.encode()[:120]
    return frame_header(len(payload), OPCODE_CLOSE) + payload
