"""The strict twin that lets ``_codec.decode`` skip its unknown-key walk finds every unknown key.

The walk (Python) parks unknown keys; the twin (models with
``forbid_unknown_fields``, decoded in C) only says whether there are any. If
the twin ever missed a key the walk would park, a round trip would lose it.
"""

from __future__ import annotations

import copy
import types
import typing
from typing import Any

import msgspec
import pytest

from aiocomet import _codec, models
from aiocomet._model import CometModel


def _walked(body: bytes, t: Any) -> Any:
    """Decode and always walk (the reference the twin is checked against)."""
    value = _codec.typed_decoder(t).decode(body)
    _codec._walk(value, msgspec.json.decode(body), _codec._type_info(t), _codec._park)
    return value


def _populated(t: Any, depth: int = 0) -> Any:
    """JSON for ``t`` with every nested model present (recursive models cut at depth 5)."""
    origin, args = typing.get_origin(t), typing.get_args(t)
    if origin in (typing.Union, types.UnionType):
        return _populated(next(a for a in args if a is not type(None)), depth)
    if origin is list:
        return [_populated(args[0], depth)] if depth < 5 else []
    if origin is dict:
        return {(1 if args[0] is int else "k"): _populated(args[1], depth)} if depth < 5 else {}
    if isinstance(t, type) and issubclass(t, msgspec.Struct):
        if depth >= 5:
            return {}
        return {f.encode_name: _populated(f.type, depth + 1) for f in msgspec.structs.fields(t)}
    return {str: "x", int: 7, bool: True, float: 1.5, bytes: "AAE="}.get(t)


def _objects(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [value, *(o for v in value.values() for o in _objects(v))]
    if isinstance(value, list):
        return [o for v in value for o in _objects(v)]
    return []


def _parked(value: Any) -> bool:
    if isinstance(value, CometModel):
        return bool(value.unknown_fields()) or any(
            _parked(getattr(value, f)) for f in value.__struct_fields__
        )
    if isinstance(value, list | dict):
        return any(_parked(v) for v in (value.values() if isinstance(value, dict) else value))
    return False


@pytest.mark.parametrize(
    "t",
    [
        models.UserProfileConfig,
        models.GetProfileAndHashResponseMessage,
        list[models.BackupJobDetail],
        dict[str, models.UserProfileConfig],
        models.DestinationConfig,
        models.SearchClause,
    ],
)
def test_strict_twin_finds_every_unknown_key_the_walk_parks(t: Any) -> None:
    strict = _codec._strict_decoder(t)
    assert strict is not None
    clean = _populated(t)
    strict.decode(msgspec.json.encode(clean))
    for i in range(len(_objects(clean))):
        tainted = copy.deepcopy(clean)
        _objects(tainted)[i]["FutureKey"] = [1]
        body = msgspec.json.encode(tainted)
        try:
            parked = _parked(_walked(body, t))
        except msgspec.ValidationError:
            continue  # a map of models, not a model: the key is not a field name there
        try:
            strict.decode(body)
            found = False
        except msgspec.ValidationError:
            found = True
        assert found == parked, (t, i)
        if found:
            assert _parked(_codec.decode(body, t))
