"""Sample values for spec types, shared by the spec-driven tests."""

from __future__ import annotations

import types
import typing
from typing import Any

import msgspec

from aiocomet._model import CometModel


def sample(t: Any) -> Any:
    """A small non-empty value of the Python type ``t``."""
    origin = typing.get_origin(t)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(t) if a is not type(None)]
        return sample(options[0])
    if origin is list:
        (item,) = typing.get_args(t)
        return [sample(item)]
    if origin is dict:
        key, value = typing.get_args(t)
        return {1 if key is int else "k1": sample(value)}
    if isinstance(t, type) and issubclass(t, CometModel):
        return t()
    return {str: "value", int: 42, bool: True, float: 1.5, bytes: b"\x00\x01"}.get(t, "any")


def sample_json(t: Any) -> bytes:
    return msgspec.json.encode(sample(t))
