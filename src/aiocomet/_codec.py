"""JSON encoding and decoding of models, keeping keys the SDK does not know.

A Comet Server adds fields in every release. A profile fetched with an older
SDK and saved back must not lose them, so :func:`decode` decodes twice — once
typed (fast, in C) and once untyped — and parks every unknown key on the
struct instance it belongs to; :func:`encode` puts them back. Only fields
whose type can hold a struct are walked, so flat structs cost nothing extra.

A Go server sends an empty (nil) slice or map as ``null``: a ``null`` answer
where a list or dict is expected decodes as an empty one (models do the same
for their fields, see ``aiocomet._model``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from types import UnionType
from typing import Any, ForwardRef, TypeVar, Union, get_args, get_origin

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


def _holds_struct(t: mi.Type) -> bool:
    if isinstance(t, mi.StructType):
        return True
    if isinstance(t, mi.ListType | mi.SetType | mi.FrozenSetType | mi.VarTupleType):
        return _holds_struct(t.item_type)
    if isinstance(t, mi.DictType):
        return _holds_struct(t.value_type)
    if isinstance(t, mi.UnionType):
        return any(_holds_struct(x) for x in t.types)
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


StructVisitor = Callable[[Any, dict[str, Any], type[msgspec.Struct]], None]


def _walk(value: Any, twin: Any, t: mi.Type, visit: StructVisitor) -> None:
    """Walk a typed value and its builtins twin together, calling ``visit`` on each struct.

    Only fields that can hold structs are entered, so flat data costs nothing.
    """
    if value is None or twin is None:
        return
    if isinstance(t, mi.StructType):
        if isinstance(twin, dict):
            visit(value, twin, t.cls)
            for attr, key, sub in _struct_info(t.cls).nested:
                if key in twin:
                    _walk(getattr(value, attr), twin[key], sub, visit)
    elif isinstance(t, mi.ListType):
        if isinstance(twin, list):
            for item, twin_item in zip(value, twin, strict=False):
                _walk(item, twin_item, t.item_type, visit)
    elif isinstance(t, mi.DictType):
        if isinstance(twin, dict):
            for item, twin_item in zip(value.values(), twin.values(), strict=False):
                _walk(item, twin_item, t.value_type, visit)
    elif isinstance(t, mi.UnionType):
        for option in t.types:
            if (isinstance(option, mi.StructType) and isinstance(value, option.cls)) or (
                isinstance(option, mi.ListType | mi.DictType) and isinstance(value, list | dict)
            ):
                _walk(value, twin, option, visit)


def _park(value: Any, raw: dict[str, Any], cls: type[msgspec.Struct]) -> None:
    """Keep the keys of ``raw`` that ``cls`` does not know on the instance."""
    unknown = raw.keys() - _struct_info(cls).known
    if unknown:
        value.__dict__[UNKNOWN_ATTR] = {k: raw[k] for k in raw if k in unknown}


def _unpark(value: Any, built: dict[str, Any], cls: type[msgspec.Struct]) -> None:
    """Put the parked keys back into the builtins form of the instance."""
    for key, item in value.__dict__.get(UNKNOWN_ATTR, {}).items():
        built.setdefault(key, item)


@cache
def typed_decoder(t: Any) -> msgspec.json.Decoder[Any]:
    """A reusable typed decoder for ``t`` (creating decoders is the slow part)."""
    return msgspec.json.Decoder(t)


DECODE_ERRORS = (msgspec.MsgspecError, RecursionError, UnicodeDecodeError)
"""What decoding untrusted JSON can raise: msgspec reports very deep nesting as RecursionError
and invalid UTF-8 inside a string as UnicodeDecodeError."""


def decode(data: bytes, t: Any) -> Any:
    """Decode JSON into ``t``, keeping unknown keys on every struct in it.

    Raises one of :data:`DECODE_ERRORS`; callers map them to
    :class:`aiocomet.ResponseDecodeError`.
    """
    try:
        value = typed_decoder(t).decode(data)
    except msgspec.ValidationError:
        empty = _empty_for_null(t)
        if empty is None or data.strip(_JSON_SPACE) != b"null":
            raise
        return empty()
    if _type_holds_struct(t) and _may_hold_unknown_keys(data, t):
        _walk(value, _raw_decoder.decode(data), _type_info(t), _park)
    return value


_JSON_SPACE = b" \t\r\n"


@cache
def _empty_for_null(t: Any) -> type[list[Any]] | type[dict[Any, Any]] | None:
    """``list``/``dict`` when ``t`` is one: a Go server sends a nil slice or map as ``null``.

    Checked only after a typed decode failed, so answers that are not ``null`` pay nothing.
    A ``null`` for a model stays an error: Go's value structs never encode as ``null``.
    """
    origin = get_origin(t) or t
    return origin if origin in (list, dict) else None


@cache
def _type_holds_struct(t: Any) -> bool:
    """Whether values of ``t`` can hold a model (answered once per type, not per call)."""
    return _holds_struct(_type_info(t))


_UNKNOWN_KEYS_SEEN: set[Any] = set()


def _may_hold_unknown_keys(data: bytes, t: Any) -> bool:
    """False when a strict twin of ``t`` proves ``data`` has no key the models do not know.

    The walk is Python and costs about ten typed decodes on a nested answer (a
    17 KB profile: 225 us against 22 us); the strict twin is one more typed
    pass in C. A type whose answers did carry unknown keys skips the check
    from then on, so a newer server costs what it cost before.
    """
    if t in _UNKNOWN_KEYS_SEEN:
        return True
    strict = _strict_decoder(t)
    if strict is None:
        return True
    try:
        strict.decode(data)
    except msgspec.ValidationError:
        _UNKNOWN_KEYS_SEEN.add(t)
        return True
    return False


class _Unmirrored(Exception):
    """A model inside a container the strict twin does not mirror."""


@functools.cache
def _strict_decoder(t: Any) -> msgspec.json.Decoder[Any] | None:
    """A decoder of ``t``'s shape that raises ValidationError on any key a model does not know.

    Every model becomes a twin struct with ``forbid_unknown_fields``; leaves
    decode as ``Any`` (their types were checked by the typed decode already).
    None when ``t`` holds no model, or holds one where the twin cannot follow.
    """
    twins: dict[str, Any] = {}
    names: dict[type, str] = {}
    building: list[str] = []
    forward: list[tuple[str, str]] = []  # (twin, twin it refers to before that existed)

    def twin(cls: type) -> Any:
        name = names.get(cls)
        if name is None:
            name = names[cls] = f"_Strict{len(names)}_{cls.__name__}"
            building.append(name)
            fields = [
                (f.name, mirror(f.type), msgspec.field(default=None, name=f.encode_name))
                for f in msgspec.structs.fields(cls)
            ]
            building.pop()
            twins[name] = msgspec.defstruct(
                name, fields, kw_only=True, gc=False, forbid_unknown_fields=True
            )
        if name in twins:
            return twins[name]
        forward.append((building[-1], name))  # a recursive model
        return ForwardRef(name)

    def mirror(a: Any) -> Any:
        if isinstance(a, type) and issubclass(a, CometModel):
            return twin(a)
        origin, args = get_origin(a), get_args(a)
        if origin in (Union, UnionType):
            parts = [mirror(x) for x in args]
            if all(p is Any for p in parts):
                return Any
            union: Any = Union
            return union[tuple(x if p is Any else p for x, p in zip(args, parts, strict=True))]
        if origin is list and len(args) == 1:
            item = mirror(args[0])
            return Any if item is Any else list[item]  # type: ignore[valid-type]
        if origin is dict and len(args) == 2:
            value = mirror(args[1])
            return Any if value is Any else dict[args[0], value]  # type: ignore[valid-type]
        if any(mirror(x) is not Any for x in args):
            raise _Unmirrored(a)
        return Any

    try:
        root = mirror(t)
    except _Unmirrored:
        return None
    if root is Any:
        return None
    for holder, name in forward:
        setattr(twins[holder], name, twins[name])  # resolved when the decoder is built
    return msgspec.json.Decoder(root)


def to_builtins(value: Any) -> Any:
    """Builtins (dict/list/str/...) for ``value``, unknown keys included."""
    built = msgspec.to_builtins(value)
    if isinstance(value, CometModel):
        _walk(value, built, _type_info(type(value)), _unpark)
    elif isinstance(value, list | dict):
        for item, built_item in zip(
            value.values() if isinstance(value, dict) else value,
            built.values() if isinstance(built, dict) else built,
            strict=False,
        ):
            if isinstance(item, CometModel):
                _walk(item, built_item, _type_info(type(item)), _unpark)
    return built


def encode(value: Any) -> bytes:
    """JSON for ``value``; a struct decoded by :func:`decode` keeps its unknown keys."""
    if isinstance(value, CometModel | list | dict):
        return _encoder.encode(to_builtins(value))
    return _encoder.encode(value)
