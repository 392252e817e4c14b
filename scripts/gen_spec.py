"""The generator's reading of spec.json: the ``Spec`` type table and shared helpers.

Everything the emitters of ``scripts/gen_*.py`` share: resolving spec type
strings to Python annotations, name conversion, the generated-file header and
Python literals.
"""

from __future__ import annotations

import hashlib
import json
import keyword
import re
from pathlib import Path
from typing import Any

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
