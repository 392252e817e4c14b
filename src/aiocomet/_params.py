"""Encoding of API method parameters into form values, per the spec's conventions.

``raw`` strings go as they are, ``json`` params as JSON text (an int becomes
its decimal text), ``bool`` as ``1``/``0``. Optional params that were not
given are left out; ``server_url`` defaults are filled with the client's URL.
Values that do not fit their type raise :class:`InvalidParameterError`
before anything is sent.
"""

from __future__ import annotations

from typing import Any

import msgspec

from . import _codec
from ._methodspec import MethodSpec, ParamSpec
from ._model import CometModel
from .errors import InvalidParameterError


def _bad(spec: MethodSpec[Any], param: ParamSpec, value: Any, why: str) -> InvalidParameterError:
    return InvalidParameterError(
        f"{spec.python_name}(): parameter {param.python_name!r} ({param.name}) expects "
        f"{param.type}, got {type(value).__name__}{why}"
    )


def encode_value(spec: MethodSpec[Any], param: ParamSpec, value: Any) -> str:
    """The form value of one parameter."""
    if param.encoding == "raw":
        if not isinstance(value, str):
            raise _bad(spec, param, value, "")
        return value
    if param.encoding == "bool":
        if not isinstance(value, bool):
            raise _bad(spec, param, value, "")
        return "1" if value else "0"
    # json
    target = param.python_type
    if isinstance(target, type) and issubclass(target, CometModel):
        if not isinstance(value, target):
            raise _bad(spec, param, value, "")
    elif target is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _bad(spec, param, value, "")
        return str(value)
    else:
        try:
            msgspec.convert(msgspec.to_builtins(value), target, strict=True)
        except (msgspec.ValidationError, TypeError) as exc:
            raise _bad(spec, param, value, f" ({exc})") from None
    return _codec.encode(value).decode()


def encode_params(
    spec: MethodSpec[Any], values: dict[str, Any], base_url: str
) -> tuple[dict[str, str], Any]:
    """Form fields for a call, and the file body if the method uploads one."""
    form: dict[str, str] = {}
    upload: Any = None
    for param in spec.params:
        value = values.get(param.name)
        if value is None:
            if param.server_url_default:
                form[param.name] = base_url.rstrip("/") + "/"
            elif not param.optional:
                raise InvalidParameterError(
                    f"{spec.python_name}(): required parameter {param.python_name!r} is missing"
                )
            continue
        if param.encoding == "file":
            upload = value
        else:
            form[param.name] = encode_value(spec, param, value)
    return form, upload
