"""``aiocomet methods``, ``aiocomet call`` and ``aiocomet download``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import msgspec

from .. import _codec
from .._generated.methods import METHODS
from .._methodspec import MethodSpec, ParamSpec
from .._model import CometModel
from ._common import UsageError, client_for

_BY_PYTHON_NAME = {spec.python_name: spec for spec in METHODS.values()}


def find_method(name: str) -> MethodSpec[Any]:
    """A method by spec name (``AdminListUsers``) or snake_case (``admin_list_users``)."""
    spec = METHODS.get(name) or _BY_PYTHON_NAME.get(name.replace("-", "_").lower())
    if spec is None:
        close = [n for n in METHODS if name.lower().replace("_", "") in n.lower()][:5]
        more = f"; did you mean {', '.join(close)}?" if close else ""
        raise UsageError(f"unknown method {name!r}{more} (see 'aiocomet methods')")
    return spec


def _find_param(spec: MethodSpec[Any], key: str) -> ParamSpec:
    for param in spec.params:
        if key in (param.name, param.python_name):
            return param
    names = ", ".join(p.name for p in spec.params) or "none"
    raise UsageError(f"{spec.name} has no parameter {key!r} (parameters: {names})")


def add_param_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--param",
        "-p",
        action="append",
        metavar="NAME=VALUE",
        help="a parameter (repeatable): strings as they are, true/false, JSON for numbers, "
        "lists and structs; NAME=@FILE reads that JSON from FILE; a file upload parameter "
        "(upload=@FILE) sends FILE's bytes",
    )


def _upload(param: ParamSpec, text: str) -> Path:
    """The file a ``NAME=@FILE`` upload sends, checked now so a typo is a usage error."""
    if not text.startswith("@"):
        raise UsageError(f"{param.name} is a file upload: pass {param.name}=@PATH")
    path = Path(text[1:])
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        raise UsageError(f"{param.name}=@{path}: cannot read it ({exc.strerror})") from None
    return path


def _read_json_text(param: ParamSpec, name: str) -> str:
    path = Path(name)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{param.name}=@{path}: cannot read it ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise UsageError(f"{param.name}=@{path}: not UTF-8 text (expected JSON)") from None


def convert_param(spec: MethodSpec[Any], param: ParamSpec, text: str) -> Any:
    """A command-line string as a value of the parameter's spec type."""
    if param.encoding == "file":
        return _upload(param, text)
    if param.encoding == "raw":
        return text
    if text.startswith("@"):
        text = _read_json_text(param, text[1:])
    if param.encoding == "bool":
        lowered = text.strip().lower()
        if lowered not in ("1", "0", "true", "false", "yes", "no"):
            raise UsageError(f"{param.name} expects true/false, got {text!r}")
        return lowered in ("1", "true", "yes")
    try:
        return _codec.decode(text.encode(), param.python_type)
    except _codec.DECODE_ERRORS as exc:
        raise UsageError(f"{param.name} expects JSON of type {param.type}: {exc}") from None


def parse_params(spec: MethodSpec[Any], pairs: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        if not sep:
            raise UsageError(f"--param needs Name=value, got {pair!r}")
        param = _find_param(spec, key)
        values[param.name] = convert_param(spec, param, text)
    missing = [p.name for p in spec.params if not p.optional and p.name not in values]
    if missing:
        raise UsageError(f"{spec.name} needs --param for: {', '.join(missing)}")
    return values


def method_kwargs(spec: MethodSpec[Any], values: dict[str, Any]) -> dict[str, Any]:
    """``values`` (by wire name) as the keyword arguments of the client's method for ``spec``."""
    return {p.python_name: values[p.name] for p in spec.params if p.name in values}


def to_json(value: Any) -> str:
    if isinstance(value, CometModel | list | dict):
        built = _codec.to_builtins(value)
    else:
        built = msgspec.to_builtins(value)
    return json.dumps(built, indent=2, ensure_ascii=False)


def matching_methods(search: str | None) -> list[MethodSpec[Any]]:
    """The methods whose spec or Python name contains ``search`` (any case); all without one."""
    needle = (search or "").lower()
    return [
        spec
        for spec in METHODS.values()
        if needle in spec.name.lower() or needle in spec.python_name
    ]


def method_line(spec: MethodSpec[Any]) -> str:
    params = " ".join(
        f"[{p.name}:{p.type}]" if p.optional else f"{p.name}:{p.type}" for p in spec.params
    )
    return f"{spec.name:<48} {spec.http_method} {spec.path}  ({spec.auth}) {params}"


def cmd_methods(args: argparse.Namespace) -> int:
    for spec in matching_methods(args.search):
        print(method_line(spec))
    return 0


async def cmd_call(args: argparse.Namespace) -> int:
    spec = find_method(args.method)
    if spec.returns_bytes:
        raise UsageError(f"{spec.name} returns a file: use 'aiocomet download {spec.name}'")
    values = parse_params(spec, args.param or [])
    async with client_for(args) as client:
        result = await getattr(client, spec.python_name)(**method_kwargs(spec, values))
    print(to_json(result))
    return 0


def _progress(done: int, total: int | None, started: float) -> str:
    rate = done / max(time.monotonic() - started, 1e-6) / (1 << 20)
    if total:
        width = 30
        filled = int(width * done / total)
        bar = "#" * filled + "-" * (width - filled)
        return f"\r[{bar}] {done / total:6.1%} {done >> 20} MiB {rate:.1f} MiB/s"
    return f"\r{done >> 20} MiB {rate:.1f} MiB/s"


async def cmd_download(args: argparse.Namespace) -> int:
    spec = find_method(args.method)
    if not spec.returns_bytes:
        raise UsageError(f"{spec.name} returns JSON: use 'aiocomet call {spec.name}'")
    values = parse_params(spec, args.param or [])
    output = Path(args.output)
    show = sys.stderr.isatty() and not args.quiet
    started = time.monotonic()

    def progress(done: int, total: int | None) -> None:
        if show:
            sys.stderr.write(_progress(done, total, started))

    async with client_for(args) as client:
        download = getattr(client, f"{spec.python_name}_stream")(**method_kwargs(spec, values))
        size = await download.save(output, progress)
    if show:
        sys.stderr.write("\n")
    print(f"saved {size} bytes to {output}", file=sys.stderr)
    return 0
