"""The event stream protocol without sockets: handshake frames, reply check, decoding."""

from __future__ import annotations

import gc
import json
from typing import Any

import msgspec
import pyotp
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aiocomet import AuthenticationError, CometError, Credentials, ProtocolError, models
from aiocomet._event_model import EVENT_CLASSES, Event, EventDecoder, UntypedEvent, make_event
from aiocomet._event_protocol import check_auth_reply, handshake_frames
from aiocomet._generated.constants import EVENT_TYPE_NAMES
from aiocomet._generated.events import EVENT_DATA_TYPES
from aiocomet.constants import SEVT_ACCOUNT_LOGIN, SEVT_JOB_NEW, SEVT_META_HELLO
from aiocomet.errors import EventDecodeError, HandshakeError

SECRET_TOTP = pyotp.random_base32()


def frame(body: dict[str, Any]) -> bytes:
    return json.dumps(body).encode()


# -- handshake --------------------------------------------------------------------------------


def test_five_frames_with_password() -> None:
    creds = Credentials("admin", "pw")
    assert handshake_frames(creds) == ["admin", "Password", "pw", "", ""]


def test_session_key_is_used_instead_of_password() -> None:
    creds = Credentials("admin", "pw", session_key="sk")
    assert handshake_frames(creds) == ["admin", "SessionKey", "", "sk", ""]


def test_totp_is_fresh_per_call() -> None:
    now = [990.0]

    def clock() -> float:
        now[0] += 30
        return now[0]

    creds = Credentials("admin", "pw", totp_secret=SECRET_TOTP, clock=clock)
    first, second = handshake_frames(creds), handshake_frames(creds)
    totp = pyotp.TOTP(SECRET_TOTP)
    assert first == ["admin", "PasswordTOTP", "pw", "", totp.at(1020)]
    assert second[4] == totp.at(1050)


@pytest.mark.parametrize("reply", ["200 OK", b"200 OK", "200 OK\n"])
def test_ok_reply(reply: str | bytes) -> None:
    check_auth_reply(reply)


@pytest.mark.parametrize("reply", ["403 Unauth", b"403 Unauth"])
def test_unauth_reply(reply: str | bytes) -> None:
    with pytest.raises(AuthenticationError) as info:
        check_auth_reply(reply, server="s")
    assert info.value.status == 403


def test_other_reply_is_a_protocol_error_with_the_frame_redacted() -> None:
    creds = Credentials("admin", "hunter2-secret")
    with pytest.raises(HandshakeError) as info:
        check_auth_reply("500 echo hunter2-secret", redact=creds.redact)
    assert isinstance(info.value, ProtocolError)
    assert info.value.frame == "500 echo <redacted>"
    assert "hunter2-secret" not in str(info.value)


# -- decoding ----------------------------------------------------------------------------------


def test_every_event_type_has_a_struct_typed_per_events_json() -> None:
    assert set(EVENT_CLASSES) == set(EVENT_TYPE_NAMES)
    for code, cls in EVENT_CLASSES.items():
        assert cls.Type == code  # type: ignore[attr-defined]
        data_type = EVENT_DATA_TYPES.get(code)
        fields = {f.name: f.type for f in msgspec.structs.fields(cls)}
        if data_type is not None:
            assert fields["Data"] == data_type | None
        else:
            assert fields["Data"] is Any


def test_typed_decode_in_one_pass() -> None:
    dec = EventDecoder("https://a")
    body = {
        "Actor": "bob",
        "OwnerOrganizationID": "org",
        "ResourceID": "j1",
        "Type": SEVT_JOB_NEW,
        "Timestamp": 7,
        "TypeString": "SEVT_JOB_NEW",
        "Data": {"GUID": "j1", "StartTime": 5, "Progress": {"BytesDone": 3}},
    }
    ev = dec.decode(frame(body))
    assert isinstance(ev, Event) and ev.typed and ev.server == "https://a"
    assert ev.Type == ev.type == SEVT_JOB_NEW and ev.type_name == "SEVT_JOB_NEW"
    assert isinstance(ev.job, models.BackupJobDetail) and ev.job.Progress is not None
    assert ev.job.Progress.BytesDone == 3 and ev.data is ev.Data is ev.job
    assert (ev.Actor, ev.OwnerOrganizationID, ev.ResourceID, ev.Timestamp) == (
        "bob",
        "org",
        "j1",
        7,
    )
    assert ev.profile is None and ev.hello is None and not ev.replayed
    assert not gc.is_tracked(ev)
    assert ev.wire() == {**body, "Data": ev.wire()["Data"]}
    assert ev.wire()["Data"]["GUID"] == "j1"


def test_type_string_is_a_constant_of_typed_events() -> None:
    """Typed events do not store ``TypeString`` (it is the name of ``Type``); untyped ones do."""
    for code, name in EVENT_TYPE_NAMES.items():
        cls = EVENT_CLASSES[code]
        assert "TypeString" not in cls.__struct_fields__ and cls.TypeString == name
    assert "TypeString" in UntypedEvent.__struct_fields__
    dec = EventDecoder()
    body = {"Type": SEVT_JOB_NEW, "TypeString": "SEVT_JOB_NEW", "Data": {"GUID": "g"}}
    ev = dec.decode(frame(body))
    assert ev.typed and ev.TypeString == ev.type_name == "SEVT_JOB_NEW"
    assert list(ev.wire()) == [
        "Type",
        "Actor",
        "OwnerOrganizationID",
        "ResourceID",
        "Timestamp",
        "TypeString",
        "Data",
    ]
    assert ev.wire()["TypeString"] == "SEVT_JOB_NEW"
    future = dec.decode(frame({"Type": 4998, "TypeString": "SEVT_FUTURE", "Data": None}))
    assert future.TypeString == "SEVT_FUTURE" and future.wire()["TypeString"] == "SEVT_FUTURE"
    assert list(future.wire()) == list(ev.wire())
    assert make_event(4998).TypeString == "" and make_event(4998).type_name == "SEVT_4998"
    assert make_event(SEVT_JOB_NEW).wire()["TypeString"] == "SEVT_JOB_NEW"
    misfit = make_event(SEVT_JOB_NEW, "nope")
    assert not misfit.typed and misfit.TypeString == "SEVT_JOB_NEW"


def test_hello_and_undocumented_data() -> None:
    dec = EventDecoder()
    hello = dec.decode(frame({"Type": SEVT_META_HELLO, "Data": {"Version": "25.9.8"}}))
    assert hello.hello is not None and hello.hello.Version == "25.9.8"
    login = dec.decode(frame({"Type": SEVT_ACCOUNT_LOGIN, "ResourceID": "/api", "Data": [1]}))
    assert login.typed and login.Data == [1]


def test_unknown_type_and_misfit_data_fall_back_to_plain_json() -> None:
    dec = EventDecoder()
    unknown = dec.decode(frame({"Type": 4998, "TypeString": "SEVT_FUTURE", "Data": {"a": 1}}))
    assert isinstance(unknown, UntypedEvent) and not unknown.typed
    assert unknown.Type == 4998 and unknown.type_name == "SEVT_FUTURE" and unknown.Data == {"a": 1}
    misfit = dec.decode(frame({"Type": SEVT_JOB_NEW, "Data": {"GUID": 12}}))
    assert isinstance(misfit, UntypedEvent) and misfit.job is None
    assert misfit.type_name == "SEVT_JOB_NEW" and misfit.Data == {"GUID": 12}
    assert dec.untyped == 2


@pytest.mark.parametrize(
    "data",
    [b"", b"{", b"[1, 2]", b'"str"', b"null", b'{"Type": "4200"}', b'{"Actor": 5, "Type": 1}'],
)
def test_bad_frames_raise_event_decode_error(data: bytes) -> None:
    with pytest.raises(EventDecodeError) as info:
        EventDecoder("srv").decode(data)
    assert info.value.server == "srv" and info.value.frame_start == data[:200]


def test_decode_error_redacts_secrets() -> None:
    creds = Credentials("admin", "pw-very-secret")
    dec = EventDecoder(redact=creds.redact)
    with pytest.raises(EventDecodeError) as info:
        dec.decode(b'{"Type": 1, "Actor": ["pw-very-secret"]}')
    assert "pw-very-secret" not in str(info.value)
    assert b"pw-very-secret" not in info.value.frame_start


def test_make_event() -> None:
    job = models.BackupJobDetail(GUID="g")
    ev = make_event(SEVT_JOB_NEW, job, resource_id="g", server="s", replayed=True)
    assert ev.typed and ev.job is job and ev.replayed and ev.TypeString == "SEVT_JOB_NEW"
    assert not make_event(SEVT_JOB_NEW, "nope").typed
    assert make_event(4998).Type == 4998
    assert "replayed" in repr(ev) and "SEVT_JOB_NEW" in str(ev)


def test_event_repr_hides_secrets_of_data() -> None:
    body = {"Type": 4100, "Data": {"Username": "u", "PasswordHash": "x", "TOTPKey": "totp-s3cret"}}
    ev = EventDecoder().decode(frame(body))
    assert ev.profile is not None and "totp-s3cret" not in repr(ev)


# -- fuzzing --------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children),
    max_leaves=20,
)
envelopes = st.fixed_dictionaries(
    {"Type": st.sampled_from([*EVENT_TYPE_NAMES, 0, 4998, -1, 2**70])},
    optional={
        "Data": json_values,
        "Actor": json_values,
        "Timestamp": json_values,
        "ResourceID": st.text(),
    },
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_arbitrary_bytes_only_raise_comet_errors(data: bytes) -> None:
    try:
        ev = EventDecoder().decode(data)
    except CometError as exc:
        assert isinstance(exc, EventDecodeError)
    else:
        assert isinstance(ev, Event)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(json_values | envelopes)
def test_arbitrary_json_only_raises_comet_errors(value: Any) -> None:
    data = json.dumps(value).encode()
    try:
        ev = EventDecoder().decode(data)
    except EventDecodeError:
        return
    assert isinstance(ev, Event) and isinstance(ev.Type, int)
    if ev.typed:
        expected = EVENT_DATA_TYPES.get(ev.Type)
        assert expected is None or ev.Data is None or isinstance(ev.Data, expected)


def test_deep_nesting_is_a_decode_error_not_a_crash() -> None:
    deep = b'{"Type": 4998, "Data": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    try:
        EventDecoder().decode(deep)
    except EventDecodeError:
        pass


class _Jobs:
    def __init__(self, jobs: list[models.BackupJobDetail]) -> None:
        self.jobs = jobs

    async def admin_get_jobs_for_date_range(
        self, start: int, end: int
    ) -> list[models.BackupJobDetail]:
        return [j for j in self.jobs if start <= j.StartTime <= end]


async def test_resync_never_replays_what_happened_before_the_stream_began() -> None:
    from aiocomet._event_model import make_event
    from aiocomet._event_protocol import Gap, JobResync

    now = 1_800_000_000
    resync = JobResync(clock=lambda: float(now))
    resync.admit(make_event(SEVT_META_HELLO, None, timestamp=now - 50))
    old = models.BackupJobDetail(GUID="old", StartTime=now - 100, EndTime=now - 90, Status=5000)
    spans = models.BackupJobDetail(GUID="spans", StartTime=now - 60, EndTime=now - 5, Status=5000)
    new = models.BackupJobDetail(GUID="new", StartTime=now - 20, EndTime=now - 10, Status=5000)
    gap = Gap(server="s", reason="closed", last_alive=now - 30, reconnected_at=now)
    replayed = await resync.replay(_Jobs([old, spans, new]), gap)
    got = [(e.job.GUID if e.job else "", e.type_name) for e in replayed]
    assert got == [  # in time order; "old" and the NEW of "spans" predate the stream
        ("new", "SEVT_JOB_NEW"),
        ("new", "SEVT_JOB_COMPLETED"),
        ("spans", "SEVT_JOB_COMPLETED"),
    ]
