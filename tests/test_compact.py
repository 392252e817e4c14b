"""StringSharer: buffered job events share repeated strings without changing any value."""

from __future__ import annotations

import msgspec
import pytest

from aiocomet._compact import MAX_SHARED_CHARS, StringSharer
from aiocomet._event_model import EventDecoder, make_event
from aiocomet.constants import SEVT_ACCOUNT_LOGIN, SEVT_JOB_COMPLETED, SEVT_JOB_NEW


def frame(kind: int, guid: str, user: str = "alice", device: str = "dev-1") -> bytes:
    """A job event as a server frames it: every event decodes into fresh strings."""
    return msgspec.json.encode(
        {
            "Actor": user,
            "ResourceID": guid,
            "Type": kind,
            "Timestamp": 1700000000,
            "Data": {
                "GUID": guid,
                "Username": user,
                "SourceGUID": "src-" + user,
                "DestinationGUID": "dst-" + user,
                "DeviceID": device,
                "ClientVersion": "25.9.8",
                "BackupRuleGUID": "rule-" + user,
                "Status": 6001,
            },
        }
    )


def test_values_stay_equal_and_repeats_become_one_object() -> None:
    decode = EventDecoder("s").decode
    first, second = decode(frame(SEVT_JOB_NEW, "g1")), decode(frame(SEVT_JOB_COMPLETED, "g2"))
    before = (first.wire(), second.wire())
    assert first.Actor is not second.Actor  # decoding alone shares nothing
    sharer = StringSharer()
    sharer.share(first)
    sharer.share(second)
    assert (first.wire(), second.wire()) == before
    a, b = first.Data, second.Data
    for name in ("SourceGUID", "DestinationGUID", "DeviceID", "ClientVersion", "BackupRuleGUID"):
        assert getattr(a, name) is getattr(b, name), name
    assert first.Actor is a.Username is second.Actor is b.Username
    assert first.ResourceID is a.GUID and second.ResourceID is b.GUID
    assert a.GUID != b.GUID


def test_a_resource_id_that_differs_from_the_job_guid_is_kept() -> None:
    event = EventDecoder().decode(frame(SEVT_JOB_NEW, "g1"))
    event.ResourceID = "other"
    StringSharer().share(event)
    assert event.ResourceID == "other" and event.Data.GUID == "g1"


def test_other_events_and_empty_strings_are_left_alone() -> None:
    sharer = StringSharer()
    login = make_event(SEVT_ACCOUNT_LOGIN, None, actor="alice")
    sharer.share(login)
    untyped = make_event(99999, {"Username": "x"}, actor="alice")
    sharer.share(untyped)
    assert sharer._known == {}
    empty = EventDecoder().decode(b'{"Type":4200,"Data":{"Status":1}}')
    sharer.share(empty)
    assert sharer._known == {} and empty.Data.Username == ""


def test_the_table_starts_afresh_when_full() -> None:
    decode = EventDecoder().decode
    sharer = StringSharer(limit=8)
    for i in range(10):
        sharer.share(decode(frame(SEVT_JOB_NEW, f"g{i}", user=f"user{i}", device=f"d{i}")))
        assert len(sharer._known) <= 8 + 7  # cleared before an event adds its at most 7
    late = decode(frame(SEVT_JOB_NEW, "g", user="user9", device="d9"))
    sharer.share(late)
    assert late.Data.Username == "user9"


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="limit"):
        StringSharer(limit=0)


def test_the_table_is_bounded_in_bytes_whatever_the_strings() -> None:
    """Long strings are not shared: the table cannot keep megabytes alive (issue 14, item 5)."""
    decode = EventDecoder().decode
    sharer = StringSharer(limit=16)
    big = "u" * 100_000
    for i in range(50):
        sharer.share(decode(frame(SEVT_JOB_NEW, f"g{i}", user=f"{i}{big}", device=f"{i}{big}")))
    assert sharer.held_chars <= (16 + 7) * MAX_SHARED_CHARS
    short = decode(frame(SEVT_JOB_NEW, "g", user="x" * MAX_SHARED_CHARS))
    again = decode(frame(SEVT_JOB_NEW, "h", user="x" * MAX_SHARED_CHARS))
    sharer.share(short)
    sharer.share(again)
    assert short.Data.Username is again.Data.Username  # up to the bound, still shared
