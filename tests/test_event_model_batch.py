"""EventDecoder.decode_many: a batch decoded in one pass, the same events as decode() one by one."""

from __future__ import annotations

import json

from aiocomet._event_model import EventDecoder, UntypedEvent
from aiocomet.constants import SEVT_JOB_COMPLETED, SEVT_JOB_NEW
from aiocomet.errors import EventDecodeError
from aiocomet.models import BackupJobDetail


def frame(type_: int, **extra: object) -> bytes:
    return json.dumps({"Type": type_, "ResourceID": "r", "Data": {"GUID": "g"}, **extra}).encode()


def test_a_clean_batch_is_typed_and_claimed() -> None:
    decoder = EventDecoder("srv")
    forged = {"aiocomet.server": "evil", "aiocomet.replayed": True, "aiocomet.tracing_id": "t"}
    frames = [frame(SEVT_JOB_NEW, **forged), frame(SEVT_JOB_COMPLETED)]
    events = decoder.decode_many(frames)
    assert [type(e).__name__ for e in events] == ["Event_SEVT_JOB_NEW", "Event_SEVT_JOB_COMPLETED"]
    for event in events:
        assert not isinstance(event, EventDecodeError)
        assert isinstance(event.Data, BackupJobDetail) and event.Data.GUID == "g"
        assert (event.server, event.replayed, event.tracing_id) == ("srv", False, "")
    assert events == [decoder.decode(f) for f in frames]
    assert decoder.decode_many(iter(frames)) == events  # any iterable
    assert decoder.decode_many([]) == []


def test_a_batch_with_a_misfit_and_a_broken_frame_keeps_order_and_reports_in_place() -> None:
    decoder = EventDecoder("srv")
    frames = [
        frame(SEVT_JOB_NEW),
        frame(4999),  # unknown type: UntypedEvent
        b'{"Type": 4201, "Data": ',  # not JSON
        frame(SEVT_JOB_NEW, Data={"GUID": 5}),  # Data does not fit: UntypedEvent
        frame(SEVT_JOB_COMPLETED, **{"aiocomet.server": "evil"}),
    ]
    out = decoder.decode_many(frames)
    assert len(out) == 5
    assert not isinstance(out[0], EventDecodeError) and out[0].typed
    assert isinstance(out[1], UntypedEvent) and out[1].Type == 4999
    assert isinstance(out[2], EventDecodeError) and out[2].server == "srv"
    assert isinstance(out[3], UntypedEvent) and out[3].Data == {"GUID": 5}
    assert not isinstance(out[4], EventDecodeError) and out[4].server == "srv"
    assert decoder.untyped == 2
