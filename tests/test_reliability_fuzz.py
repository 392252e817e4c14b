"""Issue 9, input fuzzing: extends tests/test_fuzz_models.py and tests/test_event_protocol.py.

What those test already (arbitrary JSON and short byte strings into every
model and the event decoder, scalar fields through encode/decode, scalar and
list params through the form) is not repeated. Added here:

- JSON whose strings hold invalid UTF-8, and hostile shapes spliced into a
  valid envelope, into the event decoders (the hot path's typed decoder must
  raise only what the stream catches), the handshake reply check, the model
  decoder and CometClient's response decoding of every method's return type;
- every model, nested structs/lists/dicts included (values drawn from its
  type), through encode -> decode unchanged;
- every struct-, list- and dict-typed JSON parameter through the form
  encoding and a URL-decoding parser.
"""

from __future__ import annotations

import json
import urllib.parse
from functools import cache
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgspec import inspect as mi

from aiocomet import (
    AuthenticationError,
    CometClient,
    CometError,
    ResponseDecodeError,
    models,
)
from aiocomet._event_model import EventDecoder
from aiocomet._event_protocol import check_auth_reply as check_reply
from aiocomet._generated.constants import EVENT_TYPE_NAMES
from aiocomet._generated.methods import METHODS
from aiocomet._params import encode_params
from aiocomet.errors import EventDecodeError, HandshakeError

STRUCTS = sorted(models.STRUCTS.items())

# what EventStream's hot path catches around the typed decode (events.py)
HOT_PATH_ERRORS = (msgspec.ValidationError, msgspec.DecodeError, RecursionError, UnicodeDecodeError)

small_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**64 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def spliced(draw: st.DrawFn, base: st.SearchStrategy[Any]) -> bytes:
    """Valid JSON with hostile bytes put inside it: invalid UTF-8, deep nesting, huge numbers."""
    text = json.dumps(draw(base)).encode()
    junk = draw(
        st.sampled_from(
            [b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x00", b"\\ud800"]
        )
        | st.binary(min_size=1, max_size=8)
        | st.just(b"[" * 2000)
        | st.just(b"9" * 400)
    )
    quotes = [i for i, b in enumerate(text) if b == ord('"')]
    where = draw(st.sampled_from(quotes)) + 1 if quotes else draw(st.integers(0, len(text)))
    return text[:where] + junk + text[where:]


envelopes = st.fixed_dictionaries(
    {"Type": st.sampled_from([*EVENT_TYPE_NAMES, 0, 4998])},
    optional={"Data": small_json, "Actor": st.text(max_size=8), "ResourceID": st.text(max_size=8)},
)


# -- event decoders --------------------------------------------------------------------------------


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(spliced(envelopes | small_json))
def test_event_decoders_raise_only_typed_errors_on_spliced_json(data: bytes) -> None:
    decoder = EventDecoder("s")
    try:
        decoder.decode(data)
    except EventDecodeError:
        pass
    try:
        decoder.decode_typed(data)
    except HOT_PATH_ERRORS:
        try:
            decoder.fallback(data)
        except EventDecodeError:
            pass


@settings(max_examples=200)
@given(st.binary(max_size=300) | st.text(max_size=300))
def test_handshake_reply_check_raises_only_its_two_errors(reply: bytes | str) -> None:
    try:
        check_reply(reply, server="s")
    except (AuthenticationError, HandshakeError):
        pass


# -- model and response decoders -------------------------------------------------------------------


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
@pytest.mark.parametrize(("name", "cls"), STRUCTS, ids=[n for n, _ in STRUCTS])
def test_models_decode_spliced_json_or_raise_typed(
    name: str, cls: type[models.CometModel], data: st.DataObject
) -> None:
    shaped = data.draw(value_of(cls).map(models.encode).map(json.loads))
    raw = data.draw(spliced(st.just(shaped)))
    try:
        models.decode(raw, cls)
    except ResponseDecodeError:
        pass


RETURN_TYPES = sorted(
    {repr(s.decode_type): s for s in METHODS.values() if not s.returns_bytes}.values(),
    key=lambda s: s.name,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
@pytest.mark.parametrize("spec", RETURN_TYPES, ids=[s.name for s in RETURN_TYPES])
def test_client_response_decoding_raises_only_comet_errors(spec: Any, data: st.DataObject) -> None:
    """Every return type, through CometClient's own decoding (including its fast paths)."""
    client = CometClient("http://h", "admin", "pw")
    body = data.draw(
        spliced(small_json)
        | small_json.map(lambda v: json.dumps(v).encode())
        | value_of_type(spec.decode_type).map(models.encode)
    )
    try:
        client._decode(spec, body)
    except CometError:
        pass


# -- encode -> decode of every model, nested values included ---------------------------------------


@cache
def value_of(cls: type) -> st.SearchStrategy[Any]:
    return strategy(mi.type_info(cls), 0)


def value_of_type(t: Any) -> st.SearchStrategy[Any]:
    return strategy(mi.type_info(t), 0)


def strategy(t: mi.Type, depth: int) -> st.SearchStrategy[Any]:
    """Values of a msgspec type, nested structs down to depth 3 (then their defaults)."""
    if isinstance(t, mi.StrType):
        return st.text(max_size=8)
    if isinstance(t, mi.BoolType):
        return st.booleans()
    if isinstance(t, mi.IntType):
        return st.integers(-(2**63), 2**64 - 1)
    if isinstance(t, mi.FloatType):
        return st.floats(allow_nan=False, allow_infinity=False)
    if isinstance(t, mi.BytesType):
        return st.binary(max_size=8)
    if isinstance(t, mi.NoneType):
        return st.none()
    if isinstance(t, mi.AnyType):
        return small_json
    if isinstance(t, mi.ListType):
        return st.lists(strategy(t.item_type, depth + 1), max_size=2 if depth < 3 else 0)
    if isinstance(t, mi.DictType):
        keys = strategy(t.key_type, depth + 1)
        values = strategy(t.value_type, depth + 1)
        return st.dictionaries(keys, values, max_size=2 if depth < 3 else 0)
    if isinstance(t, mi.UnionType):
        return st.one_of([strategy(x, depth) for x in t.types])
    if isinstance(t, mi.StructType):
        cls = t.cls
        if depth >= 3:
            return st.builds(cls)
        fields = {f.name: strategy(f.type, depth + 1) for f in t.fields}
        return st.fixed_dictionaries({}, optional=fields).map(lambda kw: cls(**kw))
    raise TypeError(f"no strategy for {t!r}")


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
@pytest.mark.parametrize(("name", "cls"), STRUCTS, ids=[n for n, _ in STRUCTS])
def test_every_model_with_nested_values_survives_encode_decode(
    name: str, cls: type[models.CometModel], data: st.DataObject
) -> None:
    value = data.draw(value_of(cls))
    assert models.decode(models.encode(value), cls) == value


# -- form encoding of struct-, list- and dict-typed parameters -------------------------------------


def _json_param_kinds() -> list[tuple[Any, Any]]:
    seen: dict[str, tuple[Any, Any]] = {}
    for spec in sorted(METHODS.values(), key=lambda s: s.name):
        for p in spec.params:
            if p.encoding == "json" and p.python_type is not int and p.python_type != list[str]:
                seen.setdefault(repr(p.python_type), (spec, p))
    return list(seen.values())


JSON_PARAMS = _json_param_kinds()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
@pytest.mark.parametrize(
    ("spec", "param"), JSON_PARAMS, ids=[f"{s.name}-{p.name}" for s, p in JSON_PARAMS]
)
def test_struct_list_and_dict_params_round_trip_through_the_form(
    spec: Any, param: Any, data: st.DataObject
) -> None:
    from ._samples import sample

    value = data.draw(value_of_type(param.python_type))
    values = {p.name: value if p is param else (None if p.optional else sample(p.python_type))
              for p in spec.params}  # fmt: skip
    form, _ = encode_params(spec, values, "http://h")
    wire = urllib.parse.urlencode(form)
    parsed = dict(urllib.parse.parse_qsl(wire, keep_blank_values=True))
    assert models.decode(parsed[param.name].encode(), param.python_type) == value
