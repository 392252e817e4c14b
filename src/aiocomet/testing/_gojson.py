"""JSON answers shaped the way the Go-written Comet Server shapes them.

Go's ``encoding/json`` writes a nil slice or map as ``null`` and drops a field
tagged ``omitempty`` whose value is empty (``false``, ``0``, ``""``, nil, or an
empty slice/map; a struct value is never omitted). A real server's empty lists
are nil slices, so the emulator sends ``null`` for every empty list and map:
at the top level and inside models. Which fields are ``omitempty`` comes from
the spec (``_generated/omitempty.py``). Keys the SDK does not know pass as-is.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import msgspec
from msgspec import inspect as mi

from .._codec import to_builtins
from .._generated.omitempty import OMITEMPTY

_encoder = msgspec.json.Encoder()

__all__ = ["go_encode", "go_value"]


def _strip_none(t: mi.Type) -> mi.Type:
    """``X | None`` (how models spell a Go slice, map or struct field) -> ``X``."""
    if isinstance(t, mi.UnionType):
        rest = [x for x in t.types if not isinstance(x, mi.NoneType)]
        if len(rest) == 1:
            return rest[0]
    return t


@cache
def _type_info(t: Any) -> mi.Type:
    return _strip_none(mi.type_info(t))


@dataclass(frozen=True, slots=True)
class _Plan:
    """What to rewrite in one struct's JSON object."""

    walk: tuple[tuple[str, mi.Type], ...]  # wire key, type: fields to rewrite recursively
    omit: frozenset[str]  # wire keys dropped when empty


@cache
def _plan(cls: type[msgspec.Struct]) -> _Plan:
    info = mi.type_info(cls)
    assert isinstance(info, mi.StructType)
    tagged = OMITEMPTY.get(cls.__name__, frozenset())
    walk, omit = [], set()
    for f in info.fields:
        t = _strip_none(f.type)
        walk.append((f.encode_name, t))
        if f.encode_name in tagged and not isinstance(t, mi.StructType):
            omit.add(f.encode_name)  # Go never omits a struct value
    return _Plan(tuple(walk), frozenset(omit))


def _walks(t: mi.Type) -> bool:
    """Whether a value of type ``t`` can hold anything Go would write differently."""
    if isinstance(t, mi.ListType | mi.DictType | mi.BytesType):
        return True
    if isinstance(t, mi.StructType):
        return _struct_walks(t.cls)
    return False


@cache
def _struct_walks(cls: type[msgspec.Struct], seen: frozenset[type] = frozenset()) -> bool:
    if cls.__name__ in OMITEMPTY:
        return True
    inner = seen | {cls}
    for _, ft in _plan(cls).walk:
        if isinstance(ft, mi.StructType):
            if ft.cls not in inner and _struct_walks(ft.cls, inner):
                return True
        elif _walks(ft):
            return True
    return False


def _go(value: Any, t: mi.Type) -> Any:
    """A builtins value rewritten the way Go would encode it as type ``t``."""
    if isinstance(t, mi.ListType):
        if not value:
            return None
        if not isinstance(value, list) or not _walks(t.item_type):
            return value
        return [_go(v, t.item_type) for v in value]
    if isinstance(t, mi.DictType):
        if not value:
            return None
        if not isinstance(value, dict) or not _walks(t.value_type):
            return value
        return {k: _go(v, t.value_type) for k, v in value.items()}
    if isinstance(t, mi.BytesType):
        return value or None  # a nil []byte
    if isinstance(t, mi.StructType):
        if value is None:  # Go has no nil struct value: it writes the zero struct
            value = msgspec.to_builtins(t.cls())
        if not isinstance(value, dict) or not _walks(t):
            return value
        plan = _plan(t.cls)
        out = dict(value)
        for key, sub in plan.walk:
            if key in out and _walks(sub):
                out[key] = _go(out[key], sub)
        for key in plan.omit:
            if key in out and not out[key]:  # Go's "empty": false, 0, "", nil, [], {}
                del out[key]
        return out
    return value


def go_value(value: Any, t: Any) -> Any:
    """``value`` (models, dicts, lists) as the builtins a Go server would send as ``t``."""
    return _go(to_builtins(value), _type_info(t))


def go_encode(value: Any, t: Any) -> bytes:
    """The JSON body a Go server sends for ``value`` of API return type ``t``."""
    info = _type_info(t)
    if not _walks(info):
        return _encoder.encode(value)
    if isinstance(info, mi.ListType) and not _walks(info.item_type):
        return _encoder.encode(value or None)
    if isinstance(info, mi.DictType) and not _walks(info.value_type):
        return _encoder.encode(value or None)
    return _encoder.encode(go_value(value, t))
