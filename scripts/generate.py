"""Generate aiocomet's typed API surface from the Comet Server API spec.

Usage::

    python scripts/generate.py            # write src/aiocomet/_generated/*
    python scripts/generate.py --check    # exit 1 naming the first file that differs
    python scripts/generate.py --spec PATH

The spec lives outside the project (``../shared/comet-api/spec.json``); the
generated modules are committed so that a clone works without it. Output is
piped through ``ruff format`` so it reads like hand-written code.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import keyword
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from docstrings import Docs
from judgements import JudgementError, Judgements, check

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = ROOT.parent / "shared" / "comet-api" / "spec.json"
OUT_DIR = ROOT / "src" / "aiocomet" / "_generated"

INT_TYPES = {
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
}
SCALARS = {"string": "str", "bool": "bool", "float32": "float", "float64": "float", "any": "Any"}


def snake(name: str) -> str:
    """``AdminMetaWebhookOptionsSet`` -> ``admin_meta_webhook_options_set``."""
    s = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()
    return s + "_" if keyword.iskeyword(s) else s


class Spec:
    def __init__(self, path: Path, events_path: Path) -> None:
        raw = path.read_bytes()
        self.sha256 = hashlib.sha256(raw).hexdigest()
        self.data: dict[str, Any] = json.loads(raw)
        self.version: str = self.data["comet_version"]
        self.aliases: dict[str, str] = self.data["types"]
        self.structs: dict[str, dict[str, Any]] = {s["name"]: s for s in self.data["structs"]}
        self.events: dict[str, Any] = json.loads(events_path.read_bytes())

    def resolve(self, t: str) -> str:
        while t in self.aliases:
            t = self.aliases[t]
        return t

    def py_type(self, t: str, prefix: str = "", go: bool = False) -> str:
        """Python annotation for a spec type string.

        ``go``: containers as ``GoList``/``GoMap``/``GoBytes`` (model fields, where
        the server's ``null`` for a nil slice or map must decode; see ``_model``).
        """
        t = self.resolve(t)
        names = ("GoList", "GoMap", "GoBytes") if go else ("list", "dict", "bytes")
        if t.startswith("[]"):
            return f"{names[0]}[{self.py_type(t[2:], prefix, go)}]"
        if t.startswith("map["):
            key, value = split_map(t)
            return f"{names[1]}[{self.py_type(key, prefix)}, {self.py_type(value, prefix, go)}]"
        if t in INT_TYPES:
            return "int"
        if t in SCALARS:
            return SCALARS[t]
        if t == "bytes":
            return names[2]
        if t in self.structs:
            return prefix + t
        raise ValueError(f"unknown spec type {t!r}")

    def kind(self, t: str) -> str:
        t = self.resolve(t)
        if t.startswith("[]"):
            return "list"
        if t.startswith("map["):
            return "dict"
        if t in self.structs:
            return "struct"
        return t


def split_map(t: str) -> tuple[str, str]:
    depth = 0
    for i, ch in enumerate(t):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return t[4:i], t[i + 1 :]
    raise ValueError(t)


def header(spec: Spec, what: str) -> str:
    return (
        f'"""{what}\n\n'
        "GENERATED CODE - DO NOT EDIT. Regenerate with ``python scripts/generate.py``.\n"
        f"Source: Comet Server API spec, comet_version {spec.version}, "
        f"spec.json sha256 {spec.sha256}.\n"
        '"""\n\n'
    )


def pylit(value: Any) -> str:
    return json.dumps(value) if isinstance(value, str) else repr(value)


# --------------------------------------------------------------------------- models


def struct_order(spec: Spec) -> list[str]:
    """Structs in an order where every directly embedded struct comes first."""
    done: list[str] = []
    seen: set[str] = set()

    def visit(name: str, stack: tuple[str, ...]) -> None:
        if name in seen or name in stack:
            return
        for f in spec.structs[name]["fields"]:
            if spec.kind(f["type"]) == "struct":
                visit(spec.resolve(f["type"]), (*stack, name))
        seen.add(name)
        done.append(name)

    for name in sorted(spec.structs):
        visit(name, ())
    return done


def field_line(spec: Spec, f: dict[str, Any], defined: set[str]) -> str:
    t = f["type"]
    kind = spec.kind(t)
    ann = spec.py_type(t, go=kind in NULL_AS_EMPTY)
    rename = f', name="{f["json"]}"' if f["json"] != f["name"] else ""
    if kind == "list":
        default = "default_factory=list"
    elif kind == "dict":
        default = "default_factory=dict"
    elif kind == "struct":
        target = spec.resolve(t)
        ann = f"{ann} | None"
        default = f"default_factory={target}" if target in defined else "default=None"
    elif kind == "any":
        default = "default=None"
    elif kind == "bytes":
        default = 'default=b""'
    elif kind == "string":
        default = 'default=""'
    elif kind == "bool":
        default = "default=False"
    elif kind in ("float32", "float64"):
        default = "default=0.0"
    else:
        default = "default=0"
    return f"    {f['name']}: {ann} = msgspec.field({default}{rename})"


NULL_AS_EMPTY = {"list": "[]", "dict": "{}", "bytes": 'b""'}
"""Kinds Go sends as ``null`` when nil, and the empty value that ``null`` decodes to."""


def post_init(spec: Spec, fields: list[dict[str, Any]]) -> str:
    """``__post_init__`` turning the ``null`` of a nil slice, map or []byte into an empty one.

    msgspec calls it for every decoded instance, so it is emitted only for structs
    with such fields and is straight-line code: a few ``is None`` tests.
    """
    lines = []
    for f in fields:
        kind = spec.kind(f["type"])
        if kind not in NULL_AS_EMPTY:
            continue
        attr = f"self.{f['name']}"
        lines += [f"        if {attr} is None:\n", f"            {attr} = {NULL_AS_EMPTY[kind]}\n"]
        inner = container_items(spec, f["type"])
        if inner is None:
            continue
        empty = NULL_AS_EMPTY[spec.kind(inner)]
        if container_items(spec, inner) is not None:
            raise ValueError(f"{f['name']}: containers nested deeper than two levels")
        if kind == "dict":
            fixed = f"{{k: {empty} if v is None else v for k, v in {attr}.items()}}"
            lines += [
                f"        elif any(v is None for v in {attr}.values()):\n",
                f"            {attr} = {fixed}\n",
            ]
        else:
            lines += [
                f"        elif any(v is None for v in {attr}):\n",
                f"            {attr} = [{empty} if v is None else v for v in {attr}]\n",
            ]
    if not lines:
        return ""
    doc = '        """A Go server sends an empty slice, map or []byte as null."""\n'
    return "\n    def __post_init__(self) -> None:\n" + doc + "".join(lines)


def container_items(spec: Spec, t: str) -> str | None:
    """The item (list) or value (map) type of ``t`` when that can be ``null`` itself."""
    t = spec.resolve(t)
    if t.startswith("[]"):
        inner = t[2:]
    elif t.startswith("map["):
        inner = split_map(t)[1]
    else:
        return None
    return inner if spec.kind(inner) in NULL_AS_EMPTY else None


def gen_models(spec: Spec, judged: Judgements) -> str:
    out = [header(spec, "Comet Server API models: one msgspec Struct per spec struct.")]
    out.append("from __future__ import annotations\n\n")
    out.append("from typing import Any, ClassVar\n\nimport msgspec\n\n")
    out.append("from .._model import CometModel, GoBytes, GoList, GoMap\n\n")
    defined: set[str] = set()
    docs = Docs(spec.data, judged.retry_safe)
    for name in struct_order(spec):
        s = spec.structs[name]
        notes = []
        if s.get("since"):
            notes.append(f"since {s['since']}")
        if s.get("deprecated_since"):
            notes.append(f"deprecated since {s['deprecated_since']}")
        doc = f"``{name}``" + (f" ({', '.join(notes)})" if notes else "") + "."
        out.append(f"\nclass {name}(CometModel):\n    {json.dumps(doc)}\n\n")
        secrets = judged.secrets_of(name)
        if secrets:
            out.append(
                f"    __comet_secrets__: ClassVar[frozenset[str]] = frozenset({secrets!r})\n\n"
            )
        for f in s["fields"]:
            out.append(field_line(spec, f, defined) + "\n")
            note = docs.field(f)
            if note:
                out.append(f"    {json.dumps(note)}\n")
        if not s["fields"]:
            out.append("    pass\n")
        out.append(post_init(spec, s["fields"]))
        defined.add(name)
    names = sorted(spec.structs)
    out.append("\n\nSTRUCTS: dict[str, type[CometModel]] = {\n")
    out.extend(f"    {json.dumps(n)}: {n},\n" for n in names)
    out.append("}\n\n__all__ = [\n")
    out.extend(f"    {json.dumps(n)},\n" for n in names)
    out.append("]\n")
    return "".join(out)


# --------------------------------------------------------------------------- wire facts


def gen_omitempty(spec: Spec) -> str:
    """Wire keys that the Go server leaves out when their value is empty (``omitempty``)."""
    out = [header(spec, "Struct fields that Go omits from JSON when empty (``omitempty``).")]
    out.append("from __future__ import annotations\n\nfrom typing import Final\n\n")
    out.append("OMITEMPTY: Final[dict[str, frozenset[str]]] = {\n")
    for name in sorted(spec.structs):
        keys = sorted(f["json"] for f in spec.structs[name]["fields"] if f.get("omitempty"))
        if keys:
            out.append(f"    {json.dumps(name)}: frozenset({keys!r}),\n")
    out.append("}\n")
    out.append('"""Struct name -> wire keys tagged ``omitempty`` in the Go SDK."""\n')
    return "".join(out)


# --------------------------------------------------------------------------- constants


def gen_constants(spec: Spec) -> str:
    out = [header(spec, "Comet Server API constants, with one enum per constant group.")]
    out.append("from __future__ import annotations\n\n")
    out.append("from enum import IntEnum, StrEnum\nfrom typing import Final\n\n")
    consts = spec.data["constants"]
    groups: dict[str, list[dict[str, Any]]] = {}
    for c in consts:
        value = c["value"]
        ann = "str" if isinstance(value, str) else "int"
        out.append(f"{c['name']}: Final[{ann}] = {pylit(value)}\n")
        if c["type"] in spec.aliases:
            groups.setdefault(c["type"], []).append(c)
    for alias in sorted(groups):
        members = groups[alias]
        base = "StrEnum" if isinstance(members[0]["value"], str) else "IntEnum"
        out.append(f"\n\nclass {alias}({base}):\n")
        out.append(f'    """Values of the ``{alias}`` type."""\n\n')
        for c in members:
            out.append(f"    {c['name']} = {pylit(c['value'])}\n")
    sevt = [c for c in consts if c["type"] == "StreamableEventType"]
    canonical: dict[int, str] = {}
    for c in sevt:  # the first name wins; skip aliases and range markers like SEVT__MIN
        if "alias_of" not in c and "__" not in c["name"]:
            canonical.setdefault(c["value"], c["name"])
    out.append("\n\nEVENT_TYPE_NAMES: Final[dict[int, str]] = {\n")
    out.extend(f"    {value}: {json.dumps(name)},\n" for value, name in canonical.items())
    out.append("}\n")
    out.append('"""Event type number -> ``SEVT_*`` name."""\n\n')
    out.append("CONSTANTS: Final[dict[str, int | str]] = {\n")
    out.extend(f"    {json.dumps(c['name'])}: {c['name']},\n" for c in consts)
    out.append("}\n\n")
    names = [c["name"] for c in consts] + sorted(groups) + ["CONSTANTS", "EVENT_TYPE_NAMES"]
    out.append("__all__ = [\n")
    out.extend(f"    {json.dumps(n)},\n" for n in sorted(names))
    out.append("]\n")
    return "".join(out)


# --------------------------------------------------------------------------- methods


def param_py_name(p: dict[str, Any]) -> str:
    return snake(p["name"])


def return_type(spec: Spec, m: dict[str, Any], prefix: str) -> str:
    if m["returns"]["kind"] == "bytes":
        return "bytes"
    return spec.py_type(m["returns"]["type"], prefix)


def param_type(spec: Spec, p: dict[str, Any], prefix: str) -> str:
    if p["encoding"] == "file":
        return "UploadBody"
    return spec.py_type(p["type"], prefix)


def gen_methods(spec: Spec, judged: Judgements) -> str:
    out = [header(spec, "The method table: wire facts of every Comet Server API method.")]
    out.append("from __future__ import annotations\n\n")
    out.append("from typing import Any, Final\n\n")
    out.append("from .._methodspec import MethodSpec, ParamSpec\nfrom . import models as m\n\n")
    for meth in spec.data["methods"]:
        rt = return_type(spec, meth, "m.")
        params = []
        for p in meth["params"]:
            pt = "bytes" if p["encoding"] == "file" else spec.py_type(p["type"], "m.")
            extra = ", server_url_default=True" if p.get("default") == "server_url" else ""
            params.append(
                f"ParamSpec({json.dumps(p['name'])}, {json.dumps(param_py_name(p))}, "
                f"{json.dumps(p['type'])}, {json.dumps(p['encoding'])}, {p['optional']}, "
                f"{pt}{extra})"
            )
        ptuple = "(" + "".join(x + ", " for x in params) + ")"
        out.append(
            f"{meth['name']}: Final[MethodSpec[{rt}]] = MethodSpec(\n"
            f"    name={json.dumps(meth['name'])},\n"
            f"    python_name={json.dumps(snake(meth['name']))},\n"
            f"    http_method={json.dumps(meth['http_method'])},\n"
            f"    path={json.dumps(meth['path'])},\n"
            f"    content_type={json.dumps(meth['content_type'])},\n"
            f"    auth={json.dumps(meth['auth'])},\n"
            f"    params={ptuple},\n"
            f"    returns={json.dumps(meth['returns']['type'])},\n"
            f"    returns_bytes={meth['returns']['kind'] == 'bytes'},\n"
            f"    decode_type={rt},\n"
            f"    read_only={judged.retry_safe[meth['name']]},\n"
            f"    requires_roles={tuple(meth['requires_roles'])!r},\n"
            f"    since={pylit(meth['since'])},\n"
            f"    stores_session_key={meth['stores_session_key']},\n"
            ")\n"
        )
    out.append("\nMETHODS: Final[dict[str, MethodSpec[Any]]] = {\n")
    out.extend(
        f"    {json.dumps(meth['name'])}: {meth['name']},\n" for meth in spec.data["methods"]
    )
    out.append("}\n")
    return "".join(out)


def signature(spec: Spec, meth: dict[str, Any]) -> tuple[list[str], list[str]]:
    args, body = ["self"], []
    required = [p for p in meth["params"] if not p["optional"]]
    optional = [p for p in meth["params"] if p["optional"]]
    for p in required:
        args.append(f"{param_py_name(p)}: {param_type(spec, p, 'models.')}")
    if optional:
        args.append("*")
    for p in optional:
        args.append(f"{param_py_name(p)}: {param_type(spec, p, 'models.')} | None = None")
    for p in meth["params"]:
        body.append(f"{json.dumps(p['name'])}: {param_py_name(p)}")
    return args, body


def gen_api(spec: Spec, judged: Judgements) -> str:
    out = [header(spec, "One async method per Comet Server API method, mixed into CometClient.")]
    docs = Docs(spec.data, judged.retry_safe)
    out.append("from __future__ import annotations\n\n")
    out.append("from .._api_base import APIBase, DownloadStream, UploadBody\n")
    out.append("from . import methods as _m\nfrom . import models\n\n\n")
    out.append("class GeneratedAPI(APIBase):\n")
    out.append('    """Every Comet Server API method (generated from the spec)."""\n')
    for meth in spec.data["methods"]:
        args, body = signature(spec, meth)
        rt = return_type(spec, meth, "models.")
        doc = docs.method(meth, {p["name"]: param_py_name(p) for p in meth["params"]})
        params = "{" + ", ".join(body) + "}"
        out.append(f"\n    async def {snake(meth['name'])}({', '.join(args)}) -> {rt}:\n")
        out.append('        """' + "\n        ".join(doc) + '\n        """\n')
        out.append(f"        return await self._call(_m.{meth['name']}, {params})\n")
        if meth["returns"]["kind"] == "bytes":
            out.append(
                f"\n    def {snake(meth['name'])}_stream({', '.join(args)}) -> DownloadStream:\n"
            )
            out.append(
                f'        """Stream the body of ``{meth["name"]}`` in chunks '
                '(``async with`` it, then iterate or ``save()``)."""\n'
            )
            out.append(f"        return self._stream(_m.{meth['name']}, {params})\n")
    return "".join(out)


# --------------------------------------------------------------------------- events


def gen_events(spec: Spec) -> str:
    out = [header(spec, "What ``StreamableEvent.Data`` holds for each event type.")]
    out.append("from __future__ import annotations\n\n")
    out.append("from typing import Final\n\n")
    out.append("from .._model import CometModel\n")
    out.append("from . import constants as c\nfrom . import models as m\n\n")
    out.append("EVENT_DATA_TYPES: Final[dict[int, type[CometModel]]] = {\n")
    for name, struct in spec.events["data_struct"].items():
        if struct:
            out.append(f"    c.{name}: m.{struct},\n")
    out.append("}\n")
    out.append('"""Event type number -> the struct its ``Data`` decodes into."""\n\n')
    out.append("RESOURCE_ID_IS_REQUEST_PATH: Final[frozenset[int]] = frozenset(\n    {\n")
    for name in spec.events["resource_id_is_request_path"]:
        out.append(f"        c.{name},\n")
    out.append("    }\n)\n")
    return "".join(out)


# --------------------------------------------------------------------------- account API

ACCOUNT_SPEC = "account-api.json"
JSON_CT = "application/json"
TEXT_CT = "text/plain"
BINARY_CT = "application/octet-stream"
FORMAT_PARAM = "format"  # the param that ``when_format`` responses depend on


class AccountSpec:
    """``account-api.json``: the account.cometbackup.com endpoints."""

    def __init__(self, path: Path) -> None:
        raw = path.read_bytes()
        self.sha256 = hashlib.sha256(raw).hexdigest()
        self.data: dict[str, Any] = json.loads(raw)
        self.endpoints: list[dict[str, Any]] = self.data["endpoints"]


def account_params(ep: dict[str, Any]) -> list[dict[str, Any]]:
    """Endpoint params; auth params are the client's business, not the method's."""
    return [p for p in ep["params"] if not p.get("auth")]


def account_param_type(p: dict[str, Any]) -> tuple[str, str, str]:
    """(spec type, wire encoding, Python annotation) of one param."""
    if "enum" in p:
        return "string", "raw", "Literal[" + ", ".join(json.dumps(v) for v in p["enum"]) + "]"
    if isinstance(p.get("default"), int) and not isinstance(p.get("default"), bool):
        return "int", "json", "int"
    return "string", "raw", "str"


def account_success(ep: dict[str, Any]) -> dict[str, str]:
    """2xx content type by ``format`` value ("" when it does not depend on it)."""
    found = {
        r.get("when_format", ""): r["content_type"]
        for r in ep["responses"]
        if 200 <= r["status"] < 300
    }
    if not found or ("" in found and len(found) > 1):
        raise ValueError(f"{ep['name']}: cannot tell what a success response holds")
    if found.get("", JSON_CT) not in (JSON_CT, TEXT_CT, BINARY_CT):
        raise ValueError(f"{ep['name']}: unsupported success content type {found['']!r}")
    return found


def account_json_type(ep: dict[str, Any]) -> str:
    """``dict[str, Any]`` where the spec shows an object, else ``Any`` (shape not given)."""
    bodies = [r["body"] for r in ep["responses"] if 200 <= r["status"] < 300 and "body" in r]
    keys = ep.get("example_response_keys", [])
    if any(isinstance(b, dict) for b in bodies) or any("." in k for k in keys):
        return "dict[str, Any]"
    return "Any"


def account_returns(ep: dict[str, Any]) -> tuple[str, str, bool]:
    """(``returns`` text, Python result type, whether the body is streamed binary)."""
    by_format = account_success(ep)
    if "" not in by_format:
        return "by format: " + ", ".join(f"{k}={v}" for k, v in by_format.items()), "Any", False
    ct = by_format[""]
    if ct == TEXT_CT:
        return ct, "str", False
    if ct == JSON_CT:
        return ct, account_json_type(ep), False
    return ct, "bytes", True


def account_header(spec: Spec, account: AccountSpec, what: str) -> str:
    return (
        f'"""{what}\n\n'
        "GENERATED CODE - DO NOT EDIT. Regenerate with ``python scripts/generate.py``.\n"
        f"Source: {ACCOUNT_SPEC} sha256 {account.sha256} (spec_format "
        f"{account.data['spec_format']}), shipped with the spec.json of comet_version "
        f"{spec.version}.\n"
        '"""\n\n'
    )


def account_doc(ep: dict[str, Any]) -> list[str]:
    words = re.findall(r"[A-Z][a-z0-9]*|[0-9]+", ep["name"])
    summary = " ".join([words[0]] + [w.lower() for w in words[1:]])
    auth = "account credentials" if ep["auth_required"] else "none"
    lines = [f"{summary} (``{ep['name']}``).", ""]
    lines.append(f"``{ep['http_method']} {ep['path']}`` - auth: {auth}")
    if ep["auth_required"] and not ep["auth_params_documented"]:
        lines.append("The guide lists no auth params here; the account credentials are sent.")
    by_format = account_success(ep)
    if "" not in by_format:
        json_formats = [f"``{k}``" for k, v in by_format.items() if v == JSON_CT]
        raw_formats = [f"``{k}``" for k, v in by_format.items() if v != JSON_CT]
        lines.append(
            f"Returns the decoded JSON for format {', '.join(json_formats)}, the raw body "
            f"(``bytes``) for {', '.join(raw_formats)}."
        )
    elif by_format[""] == TEXT_CT:
        lines.append("Returns the ``text/plain`` body as ``str``, surrounding whitespace removed.")
    elif by_format[""] == JSON_CT:
        lines.append("Returns the decoded JSON body.")
    defaults = [f"{p['name']}={p['default']}" for p in account_params(ep) if "default" in p]
    if defaults:
        lines.append(f"Server defaults: {', '.join(defaults)}.")
    for alias in ep["legacy_aliases"]:
        lines.append(f"Legacy alias (avoid): ``{alias['http_method']} {alias['path']}``.")
    return lines


def account_signature(
    ep: dict[str, Any], extra: str = "", types: dict[str, str] | None = None
) -> tuple[list[str], str]:
    """Arguments (required positional, ``extra``, optional keyword-only) and the params dict.

    ``types`` overrides the annotation of some params (the ``format`` of an overload).
    """
    params = account_params(ep)
    ann = {p["name"]: account_param_type(p)[2] for p in params} | (types or {})
    args = ["self"] + [f"{snake(p['name'])}: {ann[p['name']]}" for p in params if not p["optional"]]
    if extra:
        args.append(extra)
    optional = [p for p in params if p["optional"]]
    if optional:
        args.append("*")
    args += [f"{snake(p['name'])}: {ann[p['name']]} | None = None" for p in optional]
    body = "{" + ", ".join(f"{json.dumps(p['name'])}: {snake(p['name'])}" for p in params) + "}"
    return args, body


def docstring(lines: list[str]) -> str:
    return '        """' + "\n        ".join(lines) + '\n        """\n'


def gen_account_method(ep: dict[str, Any]) -> str:
    name, py = ep["name"], snake(ep["name"])
    _, rt, streamed = account_returns(ep)
    args, body = account_signature(ep)
    if streamed:
        save_args, _ = account_signature(ep, "path: str | os.PathLike[str]")
        stream_doc = [
            *account_doc(ep),
            "Streamed in chunks: ``async with`` it, then iterate or ``save()``.",
        ]
        save_doc = [
            f"Stream ``{name}`` to ``path`` chunk by chunk; returns the bytes written.",
            "",
            "A partial file is removed if the download fails.",
        ]
        return (
            f"\n    def {py}_stream({', '.join(args)}) -> DownloadStream:\n"
            + docstring(stream_doc)
            + f"        return self._stream({name}, {body})\n"
            f"\n    async def {py}_save({', '.join(save_args)}) -> int:\n"
            + docstring(save_doc)
            + f"        return await self._stream({name}, {body}).save(path)\n"
        )
    out = []
    by_format = account_success(ep)
    if "" not in by_format:
        groups: dict[str, list[str]] = {}
        for fmt, ct in by_format.items():
            groups.setdefault("Any" if ct == JSON_CT else "bytes", []).append(fmt)
        for result, formats in groups.items():
            literal = "Literal[" + ", ".join(json.dumps(f) for f in formats) + "]"
            over, _ = account_signature(ep, types={FORMAT_PARAM: literal})
            out.append(f"\n    @overload\n    async def {py}({', '.join(over)}) -> {result}: ...\n")
    out.append(f"\n    async def {py}({', '.join(args)}) -> {rt}:\n")
    out.append(docstring(account_doc(ep)))
    out.append(f"        return await self._call({name}, {body})\n")
    return "".join(out)


def gen_account_auth(data: dict[str, Any]) -> str:
    """The auth facts: param names and the token ``authType`` spellings."""
    token_params: dict[str, str] = {}
    for variant, naming in data["token_auth_naming"].items():
        if token_params.setdefault(naming["authType"], naming["param"]) != naming["param"]:
            raise ValueError(f"token naming {variant}: conflicting params for one authType")
    password = next(a for a in data["auth_types"] if a["authType"] == data["default_auth_type"])
    tokens = sorted(token_params)
    out = [
        f"DEFAULT_BASE_URL: Final = {json.dumps(data['base_url'])}\n",
        f"AUTH_TYPE_PARAM: Final = {json.dumps(data['auth_type_param'])}\n",
        f"PASSWORD_AUTH_TYPE: Final = {json.dumps(password['authType'])}\n",
        f"PASSWORD_AUTH_PARAMS: Final = {tuple(password['params'])!r}\n",
        "TokenAuthType = Literal[" + ", ".join(json.dumps(t) for t in tokens) + "]\n",
        '"""The token ``authType`` values; the guide spells it both ways."""\n\n',
        "TOKEN_AUTH_PARAMS: Final[dict[str, str]] = {\n",
        *(f"    {json.dumps(t)}: {json.dumps(token_params[t])},\n" for t in tokens),
        "}\n",
        '"""Token ``authType`` value -> the form param carrying the token."""\n\n',
    ]
    return "".join(out)


def gen_account_spec(ep: dict[str, Any], judged: Judgements) -> str:
    """One endpoint as a :class:`MethodSpec`, so the Comet Server transport can send it."""
    returns, rt, streamed = account_returns(ep)
    params = []
    for p in account_params(ep):
        ptype, enc, ann = account_param_type(p)
        params.append(
            f"ParamSpec({json.dumps(p['name'])}, {json.dumps(snake(p['name']))}, "
            f"{json.dumps(ptype)}, {json.dumps(enc)}, {p['optional']}, {ann})"
        )
    ptuple = "(" + "".join(x + ", " for x in params) + ")"
    auth = "admin" if ep["auth_required"] else "none"
    return (
        f"\n{ep['name']}: Final[MethodSpec[{rt}]] = MethodSpec(\n"
        f"    name={json.dumps(ep['name'])},\n"
        f"    python_name={json.dumps(snake(ep['name']))},\n"
        f"    http_method={json.dumps(ep['http_method'])},\n"
        f"    path={json.dumps(ep['path'])},\n"
        f"    content_type={json.dumps(ep['request_content_type'] or '')},\n"
        f"    auth={json.dumps(auth)},\n"
        f"    params={ptuple},\n"
        f"    returns={json.dumps(returns)},\n"
        f"    returns_bytes={streamed},\n"
        f"    decode_type={rt},\n"
        f"    read_only={judged.account_retry_safe[ep['name']]},\n"
        ")\n"
    )


def gen_account(spec: Spec, account: AccountSpec, judged: Judgements) -> str:
    endpoints = account.endpoints
    what = "The account.cometbackup.com API: endpoint table and one method each."
    out = [account_header(spec, account, what), "from __future__ import annotations\n\n"]
    typing_names = ["Any", "Final", "Literal"]
    if any("" not in account_success(ep) for ep in endpoints):
        typing_names.append("overload")
    streamed = any(account_returns(ep)[2] for ep in endpoints)
    if streamed:
        out.append("import os\n")
    out.append(f"from typing import {', '.join(typing_names)}\n\n")
    out.append(f"from .._api_base import APIBase{', DownloadStream' if streamed else ''}\n")
    out.append("from .._methodspec import MethodSpec, ParamSpec\n\n")
    out.append(gen_account_auth(account.data))
    out.extend(gen_account_spec(ep, judged) for ep in endpoints)
    out.append("\nENDPOINTS: Final[dict[str, MethodSpec[Any]]] = {\n")
    out.extend(f"    {json.dumps(ep['name'])}: {ep['name']},\n" for ep in endpoints)
    out.append("}\n")
    out.append('"""Every endpoint; ``auth="admin"`` means the account credentials are sent."""\n\n')
    out.append("RESPONSE_TYPES: Final[dict[str, dict[str, str]]] = {\n")
    for ep in endpoints:
        items = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in account_success(ep).items()]
        out.append(f"    {json.dumps(ep['name'])}: {{{', '.join(items)}}},\n")
    out.append("}\n")
    out.append(f'"""2xx content type by ``{FORMAT_PARAM}`` ("" when it does not matter)."""\n\n')
    out.append("\nclass GeneratedAccountAPI(APIBase):\n")
    out.append('    """Every account.cometbackup.com endpoint (from account-api.json)."""\n')
    out.extend(gen_account_method(ep) for ep in endpoints)
    return "".join(out)


# --------------------------------------------------------------------------- driver


def ruff_format(source: str, filename: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--stdin-filename", filename, "-"],
        input=source.encode(),
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"ruff format failed on {filename}:\n{proc.stderr.decode()}")
    return proc.stdout.decode()


def gen_judgements(spec: Spec, judged: Judgements, json_names: dict[str, str]) -> str:
    """The reviewed secret wire keys, for redacting error previews by key."""
    out = [header(spec, "Reviewed judgements the spec lacks (from scripts/judgements.toml).")]
    out.append("from __future__ import annotations\n\nfrom typing import Final\n\n")
    out.append("SECRET_KEYS: Final[frozenset[str]] = frozenset(\n    {\n")
    out.extend(f"        {json.dumps(key)},\n" for key in judged.secret_keys(json_names))
    out.append("    }\n)\n")
    out.append('"""JSON keys, form fields and headers-by-field whose values are credentials."""\n')
    return "".join(out)


def account_auth_fields(data: dict[str, Any]) -> set[str]:
    """Every auth param name the account API guide uses, in any of its spellings."""
    names = {param for auth in data["auth_types"] for param in auth["params"]}
    return names | {naming["param"] for naming in data["token_auth_naming"].values()}


def judge(spec: Spec, account: AccountSpec | None) -> tuple[Judgements, dict[str, str]]:
    """The reviewed table, checked against the spec (``JudgementError`` if they differ)."""
    judged = Judgements.load()
    json_names = check(
        judged,
        spec.data["methods"],
        spec.structs,
        spec.kind,
        spec.data["conventions"]["form_auth_fields"],
        account.endpoints if account is not None else None,
        account_auth_fields(account.data) if account is not None else (),
    )
    return judged, json_names


def render(spec: Spec, account: AccountSpec | None = None) -> dict[str, str]:
    judged, json_names = judge(spec, account)
    files = {
        "models.py": gen_models(spec, judged),
        "constants.py": gen_constants(spec),
        "methods.py": gen_methods(spec, judged),
        "judgements.py": gen_judgements(spec, judged, json_names),
        "api.py": gen_api(spec, judged),
        "events.py": gen_events(spec),
        "omitempty.py": gen_omitempty(spec),
        "__init__.py": header(spec, "Generated code; see scripts/generate.py."),
    }
    if account is not None:
        files["account.py"] = gen_account(spec, account, judged)
    return {name: ruff_format(src, str(OUT_DIR / name)) for name, src in files.items()}


def first_difference(files: dict[str, str], out_dir: Path) -> str | None:
    for name, text in sorted(files.items()):
        path = out_dir / name
        if not path.exists() or path.read_text() != text:
            return str(path.relative_to(ROOT))
    return None


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--check", action="store_true", help="fail if committed code differs")
    args = parser.parse_args(list(argv) if argv is not None else None)
    spec = Spec(args.spec, args.spec.parent / "events.json")
    account_path = args.spec.parent / ACCOUNT_SPEC
    account = AccountSpec(account_path) if account_path.exists() else None
    if account is None:
        print(f"note: no {ACCOUNT_SPEC} next to the spec; _generated/account.py not generated")
    try:
        files = render(spec, account)
    except JudgementError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.check:
        diff = first_difference(files, OUT_DIR)
        if diff:
            print(f"generated code is out of date: {diff} (run python scripts/generate.py)")
            return 1
        print("generated code is up to date")
        return 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (OUT_DIR / name).write_text(text)
    print(f"wrote {len(files)} files to {OUT_DIR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
