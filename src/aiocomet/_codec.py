"""JSON encoding and decoding of models, keeping keys the SDK does not know.

A Comet Server adds fields in every release. A profile fetched with an older
SDK and saved back must not lose them, so :func:`decode` decodes twice — once
typed (fast, in C) and once untyped — and parks every unknown key on the
struct instance it belongs to; :func:`encode` puts them back. Only fields
whose type can hold a struct are walked, so flat structs cost nothing extra.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

import msgspec
from msgspec import inspect as mi

from ._model import UNKNOWN_ATTR, CometModel

T = TypeVar("T")

_raw_decoder = msgspec.json.Decoder()
_encoder = msgspec.json.Encoder()


@dataclass(frozen=True, slots=True)
class _StructInfo:
    known: frozenset[str]
    nested: tuple[
        tuple[str, str, mi.Type], ...
    ]  # (attribute, wire key, type) that can hold structs


def _holds_struct(t: mi.Type, seen: frozenset[type] = frozenset()) -> bool:
    if isinstance(t, mi.StructType):
        return True
    if isinstance(t, mi.ListType | mi.SetType | mi.FrozenSetType | mi.VarTupleType):
        return _holds_struct(t.item_type, seen)
    if isinstance(t, mi.DictType):
        return _holds_struct(t.value_type, seen)
    if isinstance(t, mi.UnionType):
        return any(_holds_struct(x, seen) for x in t.types)
    return False


@cache
def _struct_info(cls: type[msgspec.Struct]) -> _StructInfo:
    info = mi.type_info(cls)
    assert isinstance(info, mi.StructType)
    nested = tuple((f.name, f.encode_name, f.type) for f in info.fields if _holds_struct(f.type))
    return _StructInfo(frozenset(f.encode_name for f in info.fields), nested)


@cache
def _type_info(t: Any) -> mi.Type:
    return mi.type_info(t)


def _attach(value: Any, raw: Any, t: mi.Type) -> None:
    """Walk a typed value and its untyped twin, parking unknown keys on structs."""
    if value is None or raw is None:
        return
    if isinstance(t, mi.StructType):
        if not isinstance(raw, dict):
            return
        info = _struct_info(t.cls)
        unknown = raw.keys() - info.known
        if unknown:
            value.__dict__[UNKNOWN_ATTR] = {k: raw[k] for k in raw if k in unknown}
        for attr, key, sub in info.nested:
            if key in raw:
                _attach(getattr(value, attr), raw[key], sub)
    elif isinstance(t, mi.ListType):
        if isinstance(raw, list):
            for item, raw_item in zip(value, raw, strict=False):
                _attach(item, raw_item, t.item_type)
    elif isinstance(t, mi.DictType):
        if isinstance(raw, dict):
            for item, raw_item in zip(value.values(), raw.values(), strict=False):
                _attach(item, raw_item, t.value_type)
    elif isinstance(t, mi.UnionType):
        for option in t.types:
            if isinstance(option, mi.StructType) and isinstance(value, option.cls):
                _attach(value, raw, option)
            elif isinstance(option, mi.ListType | mi.DictType) and isinstance(value, list | dict):
                _attach(value, raw, option)


def _restore(value: Any, built: Any, t: mi.Type) -> None:
    """Inverse of :func:`_attach`: copy parked keys into the builtins tree."""
    if value is None or built is None:
        return
    if isinstance(t, mi.StructType):
        unknown = value.__dict__.get(UNKNOWN_ATTR)
        if unknown:
            for k, v in unknown.items():
                built.setdefault(k, v)
        for attr, key, sub in _struct_info(t.cls).nested:
            if key in built:
                _restore(getattr(value, attr), built[key], sub)
    elif isinstance(t, mi.ListType):
        for item, built_item in zip(value, built, strict=False):
            _restore(item, built_item, t.item_type)
    elif isinstance(t, mi.DictType):
        for item, built_item in zip(value.values(), built.values(), strict=False):
            _restore(item, built_item, t.value_type)
    elif isinstance(t, mi.UnionType):
        for option in t.types:
            if isinstance(option, mi.StructType) and isinstance(value, option.cls):
                _restore(value, built, option)
            elif isinstance(option, mi.ListType | mi.DictType) and isinstance(value, list | dict):
                _restore(value, built, option)


@cache
def typed_decoder(t: Any) -> msgspec.json.Decoder[Any]:
    """A reusable typed decoder for ``t`` (creating decoders is the slow part)."""
    return msgspec.json.Decoder(t)


DECODE_ERRORS = (msgspec.MsgspecError, RecursionError)
"""What decoding untrusted JSON can raise (msgspec reports very deep nesting as RecursionError)."""


def decode(data: bytes, t: Any) -> Any:
    """Decode JSON into ``t``, keeping unknown keys on every struct in it.

    Raises one of :data:`DECODE_ERRORS`; callers map them to
    :class:`aiocomet.ResponseDecodeError`.
    """
    value = typed_decoder(t).decode(data)
    info = _type_info(t)
    if _holds_struct(info):
        _attach(value, _raw_decoder.decode(data), info)
    return value


def to_builtins(value: Any) -> Any:
    """Builtins (dict/list/str/...) for ``value``, unknown keys included."""
    built = msgspec.to_builtins(value)
    if isinstance(value, CometModel):
        _restore(value, built, _type_info(type(value)))
    elif isinstance(value, list | dict):
        for item, built_item in zip(
            value.values() if isinstance(value, dict) else value,
            built.values() if isinstance(built, dict) else built,
            strict=False,
        ):
            if isinstance(item, CometModel):
                _restore(item, built_item, _type_info(type(item)))
    return built


def encode(value: Any) -> bytes:
    """JSON for ``value``; a struct decoded by :func:`decode` keeps its unknown keys."""
    if isinstance(value, CometModel | list | dict):
        return _encoder.encode(to_builtins(value))
    return _encoder.encode(value)
