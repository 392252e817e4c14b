"""The base class of every generated Comet model, and the Go container field types.

Models are ``msgspec.Struct`` types. They carry ``dict=True`` so that keys a
server sent but the SDK does not know can ride along on the instance (see
``aiocomet._codec``) and go back to the server unchanged. Their ``repr`` hides
fields that hold secrets (passwords, session keys, TOTP keys, tokens, header
maps); which fields those are is a reviewed judgement (scripts/judgements.toml).

A Comet Server is written in Go, which sends a nil slice, map or ``[]byte`` as
JSON ``null``. Fields of those types are annotated :data:`GoList`,
:data:`GoMap` and :data:`GoBytes`: to a type checker they are plain
``list``/``dict``/``bytes``; at run time they also admit ``None`` so that
msgspec decodes the ``null``, and the model's generated ``__post_init__``
replaces it with an empty value. Users never see the ``None``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, TypeAlias, TypeVar

import msgspec

from ._redact import REDACTED

UNKNOWN_ATTR = "_comet_unknown"


def hidden(value: object) -> str:
    """A secret field's value for a repr: a map keeps its keys (header names), nothing else."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key!r}: {REDACTED}" for key in value) + "}"
    return REDACTED


if TYPE_CHECKING:
    _T = TypeVar("_T")
    _K = TypeVar("_K")
    _V = TypeVar("_V")
    GoList: TypeAlias = list[_T]
    GoMap: TypeAlias = dict[_K, _V]
    GoBytes: TypeAlias = bytes
else:

    class _NullAllowed:
        """``GoList[T]`` -> ``list[T] | None`` when msgspec reads the annotation."""

        __slots__ = ("_name", "_origin")

        def __init__(self, name: str, origin: type) -> None:
            self._name = name
            self._origin = origin

        def __getitem__(self, args: Any) -> Any:
            return self._origin[args] | None

        def __repr__(self) -> str:
            return self._name

    GoList = _NullAllowed("GoList", list)
    GoMap = _NullAllowed("GoMap", dict)
    GoBytes = bytes | None


class CometModel(msgspec.Struct, kw_only=True, dict=True):
    """Base of all Comet Server API structs."""

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset()

    def __repr__(self) -> str:
        secrets = self.__comet_secrets__
        parts = []
        for name in self.__struct_fields__:
            value = getattr(self, name)
            shown = hidden(value) if name in secrets and value else repr(value)
            parts.append(f"{name}={shown}")
        return f"{type(self).__name__}({', '.join(parts)})"

    __str__ = __repr__

    def unknown_fields(self) -> dict[str, Any]:
        """Keys the server sent that this SDK version does not know, with their values."""
        found: dict[str, Any] = self.__dict__.get(UNKNOWN_ATTR, {})
        return dict(found)
