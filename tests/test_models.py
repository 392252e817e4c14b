"""Every model: defaults round-trip, nulls decode, unknown keys survive a round trip."""

from __future__ import annotations

import json
import urllib.parse
from typing import Any

import msgspec
import pytest
from aioresponses import aioresponses

from aiocomet import CometClient, models
from aiocomet._codec import decode, encode

STRUCTS = sorted(models.STRUCTS.items())
BASE = "http://comet.test:8060"


@pytest.mark.parametrize(("name", "cls"), STRUCTS, ids=[n for n, _ in STRUCTS])
def test_default_round_trip(name: str, cls: type[models.CometModel]) -> None:
    value = cls()
    assert decode(encode(value), cls) == value
    assert msgspec.json.decode(msgspec.json.encode(value), type=cls) == value


def _nullable_keys(cls: type[models.CometModel]) -> list[str]:
    """Struct and ``any`` fields; a ``null`` for a list/map/bytes field is tested in
    test_go_nulls (it decodes as an empty one)."""
    info = msgspec.inspect.type_info(cls)
    assert isinstance(info, msgspec.inspect.StructType)
    keys = []
    for f in info.fields:
        t = f.type
        options = t.types if isinstance(t, msgspec.inspect.UnionType) else (t,)
        if any(
            isinstance(x, msgspec.inspect.StructType | msgspec.inspect.AnyType) for x in options
        ):
            keys.append(f.encode_name)
    return keys


@pytest.mark.parametrize(("name", "cls"), STRUCTS, ids=[n for n, _ in STRUCTS])
def test_null_struct_and_any_fields_decode(name: str, cls: type[models.CometModel]) -> None:
    body = json.dumps({k: None for k in _nullable_keys(cls)}).encode()
    value = decode(body, cls)
    for attr, key in zip(cls.__struct_fields__, cls.__struct_encode_fields__, strict=True):
        if key in _nullable_keys(cls):
            assert getattr(value, attr) is None
    # and it goes back out as null, unchanged
    out = json.loads(encode(value))
    for key in _nullable_keys(cls):
        assert out[key] is None


def test_every_container_field_is_nullable() -> None:
    for _, cls in STRUCTS:
        info = msgspec.inspect.type_info(cls)
        assert isinstance(info, msgspec.inspect.StructType)
        for f in info.fields:
            if isinstance(f.type, msgspec.inspect.ListType | msgspec.inspect.DictType):
                pytest.fail(f"{cls.__name__}.{f.name} cannot decode null")
            if isinstance(f.type, msgspec.inspect.StructType):
                pytest.fail(f"{cls.__name__}.{f.name} cannot decode null")


PROFILE: dict[str, Any] = {
    "Username": "bob",
    "AccountName": "Bob",
    "PolicyID": "old-policy",
    "Emails": None,
    "FutureTopLevel": {"a": [1, 2, {"b": None}], "n": 12345678901234567890},
    "Destinations": {
        "dest1": {
            "Description": "vault",
            "DestinationType": 1003,
            "FutureInDestination": "keep me",
            "Statistics": {"ClientProvidedSize": {"Size": 10, "FutureDeep": [True]}},
        }
    },
    "Sources": {"src1": {"Engine": "engine1/file", "FutureSource": 1.5}},
    "BackupRules": None,
    "Devices": {"dev1": {"FriendlyName": "laptop", "FutureDevice": {"x": "y"}}},
    "Policy": {"Description": "inline", "FuturePolicy": 7},
}


def test_unknown_fields_survive_decode_modify_encode() -> None:
    profile = decode(json.dumps(PROFILE).encode(), models.UserProfileConfig)
    assert profile.unknown_fields() == {"FutureTopLevel": PROFILE["FutureTopLevel"]}
    assert profile.Destinations is not None
    assert profile.Destinations["dest1"].unknown_fields() == {"FutureInDestination": "keep me"}
    profile.PolicyID = "new-policy"
    out = json.loads(encode(profile))
    assert out["PolicyID"] == "new-policy"
    for path in (
        ["FutureTopLevel"],
        ["Destinations", "dest1", "FutureInDestination"],
        ["Destinations", "dest1", "Statistics", "ClientProvidedSize", "FutureDeep"],
        ["Sources", "src1", "FutureSource"],
        ["Devices", "dev1", "FutureDevice"],
        ["Policy", "FuturePolicy"],
    ):
        sent, got = out, PROFILE
        for key in path:
            sent, got = sent[key], got[key]
        assert sent == got, path
    assert (out["Emails"], out["BackupRules"]) == ([], {})  # Go's nil slice/map: empty ones
    for key, value in PROFILE.items():
        if key not in ("PolicyID", "Emails", "BackupRules"):
            assert out[key] == value or isinstance(value, dict), key


async def test_profile_round_trip_through_the_api(http_mock: aioresponses) -> None:
    http_mock.post(BASE + "/api/v1/admin/get-user-profile", body=json.dumps(PROFILE))
    http_mock.post(
        BASE + "/api/v1/admin/set-user-profile", payload={"Status": 200, "Message": "OK"}
    )
    async with CometClient(BASE, "admin", "pw") as client:
        profile = await client.admin_get_user_profile("bob")
        profile.PolicyID = "new-policy"
        await client.admin_set_user_profile("bob", profile)
    calls = [c for (m, u), cs in http_mock.requests.items() if "set-user" in str(u) for c in cs]
    form = dict(urllib.parse.parse_qsl(calls[0].kwargs["data"].decode("ascii")))
    sent = json.loads(form["ProfileData"])
    expected = {**PROFILE, "PolicyID": "new-policy", "Emails": [], "BackupRules": {}}
    for key, value in expected.items():
        if isinstance(value, dict) and key != "FutureTopLevel":
            continue
        assert sent[key] == value, key
    assert sent["Destinations"]["dest1"]["FutureInDestination"] == "keep me"
    assert sent["Policy"]["FuturePolicy"] == 7


def test_list_of_structs_keeps_unknowns() -> None:
    body = json.dumps([{"GUID": "j1", "FutureJob": 1}, {"GUID": "j2"}]).encode()
    jobs = decode(body, list[models.BackupJobDetail])
    assert jobs[0].unknown_fields() == {"FutureJob": 1}
    assert jobs[1].unknown_fields() == {}
    out = json.loads(encode(jobs))
    assert out[0]["FutureJob"] == 1 and "FutureJob" not in out[1]


def test_secret_fields_are_redacted_in_repr() -> None:
    key = models.SessionKeyRegeneratedResponse(Status=200, SessionKey="sk-SENTINEL")
    assert "sk-SENTINEL" not in repr(key) and "sk-SENTINEL" not in str(key)
    assert "<redacted>" in repr(key)
    assert "Status=200" in repr(key)
