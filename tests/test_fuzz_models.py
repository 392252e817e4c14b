"""Property tests: untrusted input never escapes as anything but aiocomet's typed errors."""

from __future__ import annotations

import json
import urllib.parse
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aiocomet import ResponseDecodeError, models
from aiocomet._generated.methods import METHODS
from aiocomet._params import encode_params

STRUCTS = sorted(models.STRUCTS.items())

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=json_values, raw=st.binary(max_size=64))
@pytest.mark.parametrize(("name", "cls"), STRUCTS, ids=[n for n, _ in STRUCTS])
def test_any_input_decodes_or_raises_typed(
    name: str, cls: type[models.CometModel], value: Any, raw: bytes
) -> None:
    for data in (json.dumps(value).encode(), raw):
        try:
            models.decode(data, cls)
        except ResponseDecodeError:
            pass


def test_hostile_shapes_are_rejected_quickly() -> None:
    for data in (b"[" * 100_000, b'{"TotalSize": ' + b"9" * 5000 + b"}"):
        with pytest.raises(ResponseDecodeError):
            models.decode(data, models.BackupJobDetail)
        with pytest.raises(ResponseDecodeError):
            models.decode(data, models.StreamableEvent)


def _struct_strategy(cls: type[models.CometModel]) -> st.SearchStrategy[Any]:
    return st.builds(cls)


@settings(max_examples=5, deadline=None)
@given(data=st.data())
@pytest.mark.parametrize(("name", "cls"), STRUCTS, ids=[n for n, _ in STRUCTS])
def test_models_survive_encode_decode(
    name: str, cls: type[models.CometModel], data: st.DataObject
) -> None:
    # Fill the scalar fields with arbitrary values of their types.
    info = msgspec.inspect.type_info(cls)
    assert isinstance(info, msgspec.inspect.StructType)
    kwargs: dict[str, Any] = {}
    for f in info.fields:
        t = f.type
        if isinstance(t, msgspec.inspect.StrType):
            kwargs[f.name] = data.draw(st.text(max_size=20))
        elif isinstance(t, msgspec.inspect.BoolType):
            kwargs[f.name] = data.draw(st.booleans())
        elif isinstance(t, msgspec.inspect.IntType):
            kwargs[f.name] = data.draw(st.integers(-(2**63), 2**64 - 1))
        elif isinstance(t, msgspec.inspect.FloatType):
            kwargs[f.name] = data.draw(st.floats(allow_nan=False, allow_infinity=False))
    value = cls(**kwargs)
    assert models.decode(models.encode(value), cls) == value


SCALAR_PARAMS = [
    (spec, p)
    for spec in sorted(METHODS.values(), key=lambda s: s.name)
    for p in spec.params
    if p.encoding in ("raw", "bool") or p.python_type is int or p.python_type == list[str]
]
_seen: set[tuple[str, str]] = set()
PARAM_KINDS = []
for spec, p in SCALAR_PARAMS:
    key = (p.encoding, repr(p.python_type))
    if key not in _seen:
        _seen.add(key)
        PARAM_KINDS.append((spec, p))


@settings(max_examples=50, deadline=None)
@given(
    text=st.text(),
    number=st.integers(-(2**63), 2**63),
    flag=st.booleans(),
    strs=st.lists(st.text()),
)
@pytest.mark.parametrize(
    ("spec", "param"), PARAM_KINDS, ids=[f"{p.encoding}-{p.type}" for _, p in PARAM_KINDS]
)
def test_form_encoding_round_trips_through_url_parser(
    spec: Any, param: Any, text: str, number: int, flag: bool, strs: list[str]
) -> None:
    value: Any
    if param.encoding == "raw":
        value = text
    elif param.encoding == "bool":
        value = flag
    elif param.python_type is int:
        value = number
    else:
        value = strs
    values = {p.name: value if p is param else _filler(p) for p in spec.params}
    form, _ = encode_params(spec, values, "http://h")
    wire = urllib.parse.urlencode(form)
    parsed = dict(urllib.parse.parse_qsl(wire, keep_blank_values=True))
    got = parsed[param.name]
    if param.encoding == "raw":
        assert got == text
    elif param.encoding == "bool":
        assert got == ("1" if flag else "0")
    elif param.python_type is int:
        assert int(got) == number
    else:
        assert json.loads(got) == strs


def _filler(p: Any) -> Any:
    from ._samples import sample

    return None if p.optional else sample(p.python_type)
