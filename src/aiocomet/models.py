"""All Comet Server API structs as msgspec Structs (generated; see ``_generated/models.py``).

:func:`decode` and :func:`encode` are the SDK's own JSON codec: decoding keeps
keys this SDK version does not know on each struct, encoding sends them back.
"""

from typing import Any, TypeVar

from . import _codec
from ._generated.models import *  # noqa: F403
from ._generated.models import STRUCTS
from ._generated.models import __all__ as _generated_all
from ._model import CometModel
from .errors import ResponseDecodeError

T = TypeVar("T")


def decode(data: bytes | str, type: type[T]) -> T:
    """Decode JSON into ``type``; :class:`~aiocomet.ResponseDecodeError` if it does not fit."""
    raw = data.encode() if isinstance(data, str) else data
    try:
        value: T = _codec.decode(raw, type)
    except _codec.DECODE_ERRORS as exc:
        name = getattr(type, "__name__", repr(type))
        raise ResponseDecodeError(
            f"not a valid {name}: {str(exc)[:200]}", body_start=raw[:200]
        ) from None
    return value


def encode(value: Any) -> bytes:
    """JSON for a model (or list/dict of models), unknown keys included."""
    return _codec.encode(value)


__all__ = [*_generated_all, "STRUCTS", "CometModel", "decode", "encode"]
