"""A Go server's ``null`` for an empty slice, map or []byte decodes as an empty value.

A real Comet Server is written in Go, which encodes a nil slice or map as JSON
``null`` (the PHP SDK's v3.7.0 changelog and the Ruby SDK's ``json_body.nil?``
guards exist because of it). Spec struct fields are never pointers, so Go never
sends ``null`` for a struct: a ``null`` answer where a struct is expected stays a
:class:`ResponseDecodeError`.
"""

from __future__ import annotations

import json
import sys
import types
import typing
from pathlib import Path
from typing import Any

import msgspec
import pytest
from aioresponses import aioresponses

from aiocomet import CometAccountClient, CometClient, ResponseDecodeError, models
from aiocomet._generated.account import ENDPOINTS
from aiocomet._generated.methods import METHODS
from aiocomet._methodspec import MethodSpec
from aiocomet._model import CometModel

from ._fake_comet import FakeComet, Reply
from ._samples import sample
from .test_judgements import load_script
from .test_wire import BASE, client_for

mi = msgspec.inspect
STRUCTS = sorted(models.STRUCTS.items())
CONTAINERS = (mi.ListType, mi.DictType, mi.BytesType)
EMPTY: dict[type, Any] = {mi.ListType: [], mi.DictType: {}, mi.BytesType: b""}


def go_fields(cls: type[CometModel]) -> dict[str, tuple[str, Any]]:
    """Wire key -> (attribute, empty value) of every field Go may send as ``null``."""
    info = mi.type_info(cls)
    assert isinstance(info, mi.StructType)
    found = {}
    for f in info.fields:
        options = f.type.types if isinstance(f.type, mi.UnionType) else (f.type,)
        kinds = [type(t) for t in options if isinstance(t, CONTAINERS)]
        if kinds:
            found[f.encode_name] = (f.name, EMPTY[kinds[0]])
    return found


def result_type(spec: MethodSpec[Any]) -> type | None:
    """``list``/``dict`` for a method whose JSON result is one, else None."""
    origin = typing.get_origin(spec.decode_type)
    return None if spec.returns_bytes or origin not in (list, dict) else origin


CONTAINER_METHODS = sorted(
    (s for s in METHODS.values() if result_type(s) is not None), key=lambda s: s.name
)


def test_container_fields_are_typed_without_none() -> None:
    """To mypy a container field is a plain list/dict/bytes: decoded models never hold None."""
    total = 0
    for _, cls in STRUCTS:
        hints = {
            name: ann
            for klass in reversed(cls.__mro__)
            for name, ann in getattr(klass, "__annotations__", {}).items()
        }
        for attr, _ in go_fields(cls).values():
            assert hints[attr].startswith(("GoList[", "GoMap[", "GoBytes")), (cls, attr)
            total += 1
        for attr in set(cls.__struct_fields__) - {a for a, _ in go_fields(cls).values()}:
            assert not hints[attr].startswith("Go"), (cls, attr)
    assert total == 115 + 39 + 8  # the spec's []T, map[K]V and bytes fields


@pytest.mark.parametrize(("name", "cls"), STRUCTS, ids=[n for n, _ in STRUCTS])
def test_null_container_fields_decode_empty(name: str, cls: type[CometModel]) -> None:
    fields = go_fields(cls)
    value = models.decode(json.dumps(dict.fromkeys(fields)).encode(), cls)
    for attr, empty in fields.values():
        got = getattr(value, attr)
        assert got == empty and type(got) is type(empty), attr
    out = json.loads(models.encode(value))  # what goes back: [] / {} / "", all fine for Go
    for key, (_, empty) in fields.items():
        assert out[key] == ("" if empty == b"" else empty)
    assert cls(**{attr: None for attr, _ in fields.values()}) == cls()  # built by hand, too


def test_counts_of_models_with_go_fields() -> None:
    with_fields = [n for n, cls in STRUCTS if go_fields(cls)]
    assert len(with_fields) == 101
    assert all("__post_init__" in vars(models.STRUCTS[n]) for n in with_fields)
    flat = [n for n, cls in STRUCTS if not go_fields(cls)]
    assert not any("__post_init__" in vars(models.STRUCTS[n]) for n in flat)  # no cost there


def test_null_list_inside_a_map_decodes_empty() -> None:
    body = b'{"SnapshotFiles": {"a": null, "b": [{"path": "/x"}]}, "Status": 200}'
    value = models.decode(body, models.SearchSnapshotsResponse)
    assert value.SnapshotFiles["a"] == []
    assert [f.Path for f in value.SnapshotFiles["b"]] == ["/x"]
    untouched = models.decode(b'{"SnapshotFiles": {"b": []}}', models.SearchSnapshotsResponse)
    assert untouched.SnapshotFiles == {"b": []}


def test_null_struct_field_stays_none() -> None:
    """Go never sends it (struct fields are values); kept lenient rather than an error."""
    value = models.decode(b'{"Profile": null}', models.GetProfileAndHashResponseMessage)
    assert value.Profile is None


def test_null_any_decodes_as_none() -> None:
    options = models.decode(
        b'{"extensions": {"a": null}}', models.WebAuthnPublicKeyCredentialRequestOptions
    )
    assert options.Extensions == {"a": None}  # map[string]any: the null is a value
    assert models.decode(b'{"Data": null}', models.StreamableEvent).Data is None


def test_unknown_keys_survive_next_to_nulls() -> None:
    body = json.dumps(
        {
            "Username": "bob",
            "Emails": None,
            "BackupRules": None,
            "FutureTop": [1, None],
            "Sources": {"s1": {"PreExec": None, "EngineProps": None, "FutureSource": None}},
            "Devices": {"d1": {"Sources": None, "FutureDevice": {"x": None}}},
        }
    ).encode()
    profile = models.decode(body, models.UserProfileConfig)
    assert (profile.Emails, profile.BackupRules) == ([], {})
    assert profile.Sources["s1"].PreExec == [] and profile.Sources["s1"].EngineProps == {}
    assert profile.Devices["d1"].Sources == {}
    assert profile.unknown_fields() == {"FutureTop": [1, None]}
    out = json.loads(models.encode(profile))
    assert out["FutureTop"] == [1, None]
    assert out["Sources"]["s1"]["FutureSource"] is None
    assert out["Devices"]["d1"]["FutureDevice"] == {"x": None}
    assert (out["Emails"], out["Devices"]["d1"]["Sources"]) == ([], {})


def test_every_container_method_is_listed() -> None:
    """A golden list: a spec update that adds one shows up here."""
    assert len(CONTAINER_METHODS) == 34
    assert {"AdminListUsers", "AdminGetJobsRecent", "AdminListUsersFull"} <= {
        s.name for s in CONTAINER_METHODS
    }
    assert typing.get_origin(METHODS["AdminStorageListBuckets"].decode_type) is dict  # an alias
    assert typing.get_args(METHODS["AdminMetaStats"].decode_type)[0] is int  # map[int64]...


def call_args(spec: MethodSpec[Any]) -> list[Any]:
    return [sample(p.python_type) for p in spec.params if not p.optional]


@pytest.mark.parametrize("spec", CONTAINER_METHODS, ids=[s.name for s in CONTAINER_METHODS])
async def test_null_answer_is_an_empty_container(
    spec: MethodSpec[Any], http_mock: aioresponses
) -> None:
    http_mock.add(BASE + spec.path, spec.http_method, body=b" null\n")
    async with client_for(spec) as client:
        result = await getattr(client, spec.python_name)(*call_args(spec))
    assert type(result) is result_type(spec) and not result


async def test_null_answers_over_loopback() -> None:
    """Every container method against a real server on 127.0.0.1 that answers ``null``."""
    async with FakeComet() as server:
        for spec in CONTAINER_METHODS:
            server.always(spec.path, Reply(raw=b"null", headers={"Content-Type": "text/plain"}))
        for spec in CONTAINER_METHODS:
            kind = "user" if spec.auth == "user" else "admin"
            async with CometClient(server.url, "someone", "pw", account_type=kind) as client:
                result = await getattr(client, spec.python_name)(*call_args(spec))
            assert type(result) is result_type(spec) and not result, spec.name
        assert len(server.seen) == len(CONTAINER_METHODS)


async def test_null_profile_list_over_loopback_keeps_nested_nulls_empty() -> None:
    users = {"bob": {"Username": "bob", "Emails": None, "Devices": None, "Sources": None}}
    async with FakeComet() as server:
        server.always("/api/v1/admin/list-users-full", Reply(body=users))
        async with CometClient(server.url, "admin", "pw") as client:
            found = await client.admin_list_users_full()
    assert found["bob"].Emails == [] and found["bob"].Devices == {}


@pytest.mark.parametrize(
    ("spec", "body"),
    [
        (METHODS["AdminGetUserProfile"], b"null"),  # a struct: Go never encodes one as null
        (METHODS["AdminListUsers"], b"nul"),
        (METHODS["AdminListUsers"], b'{"a": 1}'),
        (METHODS["AdminListUsersFull"], b"[]"),
    ],
    ids=["struct-null", "truncated", "object-for-list", "list-for-map"],
)
async def test_other_bodies_still_fail_clearly(
    spec: MethodSpec[Any], body: bytes, http_mock: aioresponses
) -> None:
    http_mock.add(BASE + spec.path, spec.http_method, body=body)
    async with client_for(spec) as client:
        with pytest.raises(ResponseDecodeError) as err:
            await getattr(client, spec.python_name)(*call_args(spec))
    assert err.value.body_start == body
    assert f"not a valid {spec.returns}" in str(err.value)


def test_models_decode_null_containers_at_the_top() -> None:
    assert models.decode(b"null", list[models.BackupJobDetail]) == []
    assert models.decode(b"null", dict[int, models.StatResult]) == {}
    assert models.decode(b"null", typing.Any) is None
    with pytest.raises(ResponseDecodeError):
        models.decode(b"null", models.UserProfileConfig)


ACCOUNT_JSON = sorted(
    n for n, s in ENDPOINTS.items() if s.decode_type is not str and not s.returns_bytes
)


@pytest.mark.parametrize("name", ACCOUNT_JSON)
async def test_account_null_answers(name: str, http_mock: aioresponses) -> None:
    spec = ENDPOINTS[name]
    http_mock.add("https://account.test" + spec.path, spec.http_method, body=b"null")
    params = {p.python_name: sample(p.python_type) for p in spec.params if not p.optional}
    if "format" in params:
        params["format"] = "json"
    async with CometAccountClient(
        email="a@example.com", password="pw", base_url="https://account.test"
    ) as client:
        result = await getattr(client, spec.python_name)(**params)
    expected = {} if typing.get_origin(spec.decode_type) is dict else None
    assert result == expected and type(result) is type(expected)


def generated_models(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fields: list[tuple[str, str]]
) -> dict[str, Any]:
    """Run the generator's model emission on a one-struct spec and execute the result."""
    judgements = load_script("judgements")  # before generate, which imports it
    gen = load_script("generate")
    struct = {"name": "Thing", "fields": [{"name": n, "json": n, "type": t} for n, t in fields]}
    (tmp_path / "spec.json").write_text(
        json.dumps({"comet_version": "0", "types": {"Names": "[]string"}, "structs": [struct]})
    )
    (tmp_path / "events.json").write_text("{}")
    spec = gen.Spec(tmp_path / "spec.json", tmp_path / "events.json")
    no_secrets = judgements.Judgements({}, {}, {}, {}, {}, {})
    source = gen.gen_models(spec, no_secrets)
    module = types.ModuleType("generated_for_test")  # msgspec reads annotations from it
    monkeypatch.setitem(sys.modules, module.__name__, module)
    exec(source.replace("from .._model import", "from aiocomet._model import"), vars(module))
    return vars(module)


def test_generator_handles_containers_of_containers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ns = generated_models(
        tmp_path,
        monkeypatch,
        [("Grid", "[]Names"), ("ByKey", "map[string]bytes"), ("Free", "map[string]any")],
    )
    thing = msgspec.json.decode(
        b'{"Grid": [null, ["a"]], "ByKey": {"k": null, "j": "AAE="}, "Free": {"x": null}}',
        type=ns["Thing"],
    )
    assert thing.Grid == [[], ["a"]]
    assert thing.ByKey == {"k": b"", "j": b"\x00\x01"}
    assert thing.Free == {"x": None}
    empty = msgspec.json.decode(b'{"Grid": null, "ByKey": null, "Free": null}', type=ns["Thing"])
    assert (empty.Grid, empty.ByKey, empty.Free) == ([], {}, {})


def test_generator_refuses_deeper_nesting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="nested deeper"):
        generated_models(tmp_path, monkeypatch, [("Cube", "[][]Names")])
