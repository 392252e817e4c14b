"""JSON answers shaped the way the Go-written Comet Server shapes them.

Go's ``encoding/json`` writes a nil slice or map as ``null`` and drops a field
tagged ``omitempty`` whose value is empty (``false``, ``0``, ``""``, nil, or an
empty slice/map; a struct value is never omitted). Which slices and maps are
nil depends on where they came from:

* lists and maps the server builds (user lists, job lists, search results)
  and the fields of structs it makes start nil, so an empty one is ``null``;
* documents a client sent and the server stored (profiles, policies, server
  config, webhook options) were decoded by Go, which makes every slice and
  map the client wrote: those keep ``[]``/``{}`` and only absent ones are
  nil. The emulator keeps such documents as :class:`Stored` dicts.

Which fields are ``omitempty`` comes from the spec (``_generated/omitempty.py``).
Keys the SDK does not know pass as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import msgspec
from msgspec import inspect as mi

from ._codec import to_builtins
from ._generated.omitempty import OMITEMPTY
from ._model import CometModel

_encoder = msgspec.json.Encoder()

__all__ = ["Stored", "go_encode", "go_shaped", "go_value", "go_zero"]


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


@cache
def _nested(cls: type[msgspec.Struct]) -> tuple[tuple[str, mi.Type], ...]:
    """The fields of ``cls`` whose values need rewriting themselves."""
    return tuple((key, sub) for key, sub in _plan(cls).walk if _walks(sub))


@cache
def _model_shape(cls: type[msgspec.Struct]) -> tuple[tuple[str, ...], bool]:
    """(attributes holding one nested model, whether a list or map field holds models)."""
    info = mi.type_info(cls)
    assert isinstance(info, mi.StructType)
    attrs, deep = [], False
    for f in info.fields:
        t = _strip_none(f.type)
        if isinstance(t, mi.StructType):
            attrs.append(f.name)
        elif isinstance(t, mi.ListType | mi.DictType):
            inner = t.item_type if isinstance(t, mi.ListType) else t.value_type
            deep = deep or isinstance(_strip_none(inner), mi.StructType | mi.ListType | mi.DictType)
    return tuple(attrs), deep


def _known_only(value: CometModel) -> bool:
    """No keys this SDK does not know, anywhere in ``value`` (a cheap check)."""
    if value.__dict__:
        return False
    attrs, deep = _model_shape(type(value))
    if deep:
        return False
    for attr in attrs:
        sub = getattr(value, attr)
        if isinstance(sub, CometModel) and not _known_only(sub):
            return False
    return True


def _builtins(value: Any) -> Any:
    """Models to builtins: msgspec's fast path unless unknown keys must ride along."""
    if isinstance(value, list) and all(_known_only(v) for v in value):
        return msgspec.to_builtins(value)
    if isinstance(value, CometModel) and _known_only(value):
        return msgspec.to_builtins(value)
    return to_builtins(value)


class Stored(dict[str, Any]):
    """A JSON object as a client sent it: its empty lists and maps are not nil."""


def _go(value: Any, t: mi.Type, keep_empty: bool) -> Any:
    """A value rewritten the way Go would encode it as type ``t``.

    ``keep_empty``: the value came from a stored client document (see the module doc).
    """
    if isinstance(value, CometModel):  # made by the emulator: empty containers are nil
        return _go(_builtins(value), t, False)
    if isinstance(value, Stored):
        keep_empty = True
    if isinstance(t, mi.ListType):
        if not value:
            return value if keep_empty else None
        if not isinstance(value, list) or not _walks(t.item_type):
            return value
        item = t.item_type
        if not keep_empty and isinstance(value[0], CometModel):
            value = _builtins(value)  # one pass for a list of models (job lists)
            if isinstance(item, mi.StructType) and not _nested(item.cls):
                omit = _plan(item.cls).omit  # flat models: only omitempty to apply
                for fresh in value:
                    for key in omit:
                        if key in fresh and not fresh[key]:
                            del fresh[key]
                return value
        return [_go(v, item, keep_empty) for v in value]
    if isinstance(t, mi.DictType):
        if not value:
            return value if keep_empty else None
        if not isinstance(value, dict) or not _walks(t.value_type):
            return value
        return {k: _go(v, t.value_type, keep_empty) for k, v in value.items()}
    if isinstance(t, mi.BytesType):
        return value if keep_empty else value or None  # a nil []byte
    if isinstance(t, mi.StructType):
        if value is None:  # Go has no nil struct value: it writes the zero struct
            return go_zero(t.cls)
        if not isinstance(value, dict) or not _walks(t):
            return value
        plan = _plan(t.cls)
        out = dict(value)
        for key, sub in _nested(t.cls):
            if key in out:
                out[key] = _go(out[key], sub, keep_empty)
        for key in plan.omit:
            if key in out and not out[key]:  # Go's "empty": false, 0, "", nil, [], {}
                del out[key]
        return out
    return value


def go_zero(cls: type[msgspec.Struct]) -> Stored:
    """Go's zero value of a struct as JSON builtins: nil slices and maps, zero structs."""
    return Stored(_go(msgspec.to_builtins(cls()), _type_info(cls), False))


def go_value(value: Any, t: Any) -> Any:
    """``value`` (models, lists, dicts, :class:`Stored` documents) as Go sends type ``t``."""
    return _go(value, _type_info(t), False)


_SCALARS = (mi.StrType, mi.IntType, mi.FloatType, mi.BoolType)


@cache
def _omitting_twin(cls: type[msgspec.Struct]) -> type[msgspec.Struct] | None:
    """A struct msgspec encodes as Go encodes ``cls``, for models where only ``omitempty`` differs.

    That is a model with no list, map, bytes or walking struct inside whose
    ``omitempty`` fields are plain scalars defaulting to their zero value: in
    the twin those keep their default and every other field has none, so
    ``omit_defaults`` drops exactly the empty ``omitempty`` fields. None for
    any other model.
    """
    if _nested(cls):
        return None
    omit = _plan(cls).omit
    fields: list[tuple[str, Any, Any]] = []
    for f in msgspec.structs.fields(cls):
        if f.encode_name not in omit:
            fields.append((f.name, f.type, msgspec.field(name=f.encode_name)))
        elif isinstance(mi.type_info(f.type), _SCALARS) and f.default in ("", 0, False):
            fields.append((f.name, f.type, msgspec.field(default=f.default, name=f.encode_name)))
        else:
            return None
    return msgspec.defstruct(
        f"Go{cls.__name__}", fields, kw_only=True, omit_defaults=True, gc=False
    )


def go_shaped(value: Any, t: Any) -> Any:
    """What to encode for ``value`` as Go sends type ``t``: :func:`go_value`'s builtins or,
    for a flat model without unknown keys, the same JSON from a twin struct, in a quarter of
    the time (the emulator's simulated jobs are such models)."""
    info = _type_info(t)
    if (
        isinstance(value, CometModel)
        and isinstance(info, mi.StructType)
        and type(value) is info.cls
        and _known_only(value)
    ):
        twin = _omitting_twin(type(value))
        if twin is not None:
            try:
                return msgspec.convert(value, twin, from_attributes=True)
            except msgspec.ValidationError:
                pass  # a field set to a value of another type: the general path copes
    return go_value(value, t)


def go_encode(value: Any, t: Any) -> bytes:
    """The JSON body a Go server sends for ``value`` of API return type ``t``."""
    info = _type_info(t)
    if not _walks(info):
        return _encoder.encode(value)
    if isinstance(info, mi.ListType | mi.DictType) and not _walks(
        info.item_type if isinstance(info, mi.ListType) else info.value_type
    ):
        return _encoder.encode(value or None)  # a list or map the server built
    return _encoder.encode(go_shaped(value, t))
