"""Emit the data modules: ``models.py``, ``omitempty.py``, ``constants.py``, ``events.py``.

One msgspec Struct per spec struct (with the ``__post_init__`` that turns a Go
``null`` into an empty container), the ``omitempty`` wire facts, the constants
with their enums, and what each event type's ``Data`` decodes into.
"""

from __future__ import annotations

import json
from typing import Any

from docstrings import Docs
from gen_spec import Spec, header, pylit, split_map
from judgements import Judgements

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
