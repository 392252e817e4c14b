"""Static descriptions of API methods and their parameters.

The generator writes one :class:`MethodSpec` per Comet Server API method into
``_generated/methods.py``; the transport, the emulator and the CLI all read the
same table, so the wire facts live in exactly one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

T = TypeVar("T")

AuthKind = Literal["admin", "user", "hybrid", "none"]
Encoding = Literal["raw", "json", "bool", "file"]


@dataclass(frozen=True, slots=True)
class ParamSpec:
    """One form parameter: wire key, Python name, spec type and wire encoding."""

    name: str
    python_name: str
    type: str
    encoding: Encoding
    optional: bool
    python_type: Any = None
    server_url_default: bool = False


@dataclass(frozen=True, slots=True)
class MethodSpec(Generic[T]):
    """One Comet Server API method as described by the spec."""

    name: str
    python_name: str
    http_method: str
    path: str
    content_type: str
    auth: AuthKind
    params: tuple[ParamSpec, ...]
    returns: str
    returns_bytes: bool
    decode_type: Any
    read_only: bool
    requires_roles: tuple[str, ...] = ()
    since: str | None = None
    stores_session_key: bool = False

    @property
    def multipart(self) -> bool:
        return self.content_type.startswith("multipart/")
