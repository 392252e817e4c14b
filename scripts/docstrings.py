"""Docstrings of the generated API methods and model fields, from what the spec knows.

The spec has no prose, but it knows a lot a caller needs: parameter and field
types, units (``unit``), which constants a field takes (an enum type or
``constants_ref``), the versions that added or deprecated something, what older
servers answer (``legacy_return``, ``no_response_before``), and who may call a
method. The generator turns those into Google-style docstrings, which the docs
site renders as parameter tables. Whether a method is retried comes from the
judgement table (``judgements.toml``).
"""

from __future__ import annotations

import re
from typing import Any

UNITS = {
    "unix_seconds": "Unix timestamp, in seconds",
    "rfc3339": "RFC 3339 date and time (text)",
    "bytes": "size in bytes",
}

# Parameters have no ``unit`` in the spec; these are documented as such by the official
# PHP SDK ("Timestamp (Unix)", "Unix timestamp") or say so in their name.
PARAM_UNITS = {
    ("AdminGetJobsForDateRange", "Start"): "unix_seconds",
    ("AdminGetJobsForDateRange", "End"): "unix_seconds",
    ("AdminStorageBucketProperties", "AfterTimestamp"): "unix_seconds",
    ("AdminDispatcherRunRestoreCustom", "KnownByteCount"): "bytes",
    ("UserWebDispatcherRunRestoreCustom", "KnownByteCount"): "bytes",
}

_AUTH = {
    "admin": "Needs an admin account.",
    "user": 'Needs an end-user account (``account_type="user"``).',
    "hybrid": "Works with an admin or an end-user account.",
    "none": "Needs no credentials.",
}
_READ_ONLY = "Read-only: retried on connection errors, timeouts and HTTP 5xx."
_MUTATION = (
    "Not retried (except after HTTP 429): if it fails after being sent, the error has "
    "``outcome_unknown=True``."
)
_INTS = "int int8 int16 int32 int64 uint uint8 uint16 uint32 uint64".split()
_PYTHON = {"string": "str", "any": "Any", "float32": "float", "float64": "float"} | {
    name: "int" for name in _INTS
}
_CONSTANTS_KIND = {
    "one_of": "one of",
    "bitset": "a combination (bitwise OR) of",
    "see": "see",
}


class Docs:
    """Docstring text for one spec: ``method()`` lines and ``field()`` notes."""

    def __init__(self, data: dict[str, Any], retry_safe: dict[str, bool]) -> None:
        self.aliases: dict[str, str] = data.get("types", {})
        self.structs = {s["name"] for s in data.get("structs", [])}
        self.enums = {c["type"] for c in data.get("constants", []) if c["type"] in self.aliases}
        self.retry_safe = retry_safe

    # -- types -------------------------------------------------------------------------

    def type_text(self, t: str) -> str:
        """A spec type in words, with cross-references to models and enums."""
        if t.startswith("[]"):
            return f"list of {self.type_text(t[2:])}"
        if t.startswith("map["):
            depth, i = 0, 4
            while t[i] != "]" or depth:
                depth += {"[": 1, "]": -1}.get(t[i], 0)
                i += 1
            return f"map of {self.type_text(t[4:i])} to {self.type_text(t[i + 1 :])}"
        if t in self.enums:
            return f"{self.type_text(self.aliases[t])}, a :class:`~aiocomet.constants.{t}` value"
        if t in self.structs:
            return f":class:`~aiocomet.models.{t}`"
        if t in self.aliases:
            return f"{self.type_text(self.aliases[t])} (``{t}``)"
        return f"``{_PYTHON.get(t, t)}``"

    def constants_text(self, f: dict[str, Any]) -> str | None:
        """Which constants a field takes, from its enum type or its ``constants_ref``."""
        if f["type"] in self.enums:
            return f"One of :class:`~aiocomet.constants.{f['type']}`."
        ref = f.get("constants_ref")
        if not ref:
            return None
        kind = _CONSTANTS_KIND.get(ref["kind"], "see")
        where = "in :mod:`aiocomet.constants`" if ref["defined"] else "(not defined in the spec)"
        return f"{_upper_first(kind)} the ``{ref['prefix']}*`` constants {where}."

    # -- methods -----------------------------------------------------------------------

    def method(self, meth: dict[str, Any], python_names: dict[str, str]) -> list[str]:
        """The docstring lines of one API method; ``python_names``: wire -> Python name."""
        words = re.findall(r"[A-Z][a-z0-9]*|[0-9]+", meth["name"])
        summary = " ".join([words[0]] + [w.lower() for w in words[1:]])
        lines = [f"{summary} (``{meth['name']}``).", ""]
        lines += _wrap(" ".join(self.access(meth)))
        lines += _wrap(_READ_ONLY if self.retry_safe[meth["name"]] else _MUTATION)
        lines += _wrap(" ".join(self.versions(meth)))
        if meth["params"]:
            lines += ["", "Args:"]
            for p in meth["params"]:
                text = self.param(meth["name"], p)
                lines += _wrap(f"{python_names[p['name']]}: {text}", "    ", "        ")
        lines += ["", "Returns:"]
        lines += _wrap(self.returns(meth), "    ", "    ")
        return lines

    def access(self, meth: dict[str, Any]) -> list[str]:
        out = [f"``{meth['http_method']} {meth['path']}`` - auth: {meth['auth']}."]
        out.append(_AUTH.get(meth["auth"], ""))
        if meth.get("user_requires_web_access"):
            out.append("The user account must have web access enabled.")
        if meth.get("anonymous_if_server_allows_downloads"):
            out.append("No credentials are needed when the server allows anonymous downloads.")
        if meth["requires_roles"]:
            roles = ", ".join(f"``{r}``" for r in meth["requires_roles"])
            out.append(f"The server must have these roles enabled: {roles}.")
        if meth.get("top_level_admin_only"):
            out.append("Only a top-level admin may call it.")
        if meth.get("may_be_prevented_per_admin"):
            out.append("An admin's permissions may forbid it.")
        if meth.get("device_consent"):
            consent = ", ".join(f"``{c}``" for c in meth["device_consent"])
            out.append(f"The target device must have granted: {consent}.")
        if meth.get("min_device_version"):
            out.append(f"The target device must run version {meth['min_device_version']} or later.")
        return [s for s in out if s]

    def versions(self, meth: dict[str, Any]) -> list[str]:
        out = []
        if meth["since"]:
            out.append(f"Since Comet {meth['since']}.")
        legacy = meth.get("legacy_return")
        if legacy:
            out.append(
                f"Servers before Comet {legacy['before']} answer a ``{legacy['type']}`` "
                "instead; it decodes into the newer type with the other fields empty."
            )
        if meth.get("no_response_before"):
            out.append(
                f"Servers before Comet {meth['no_response_before']} send no response: the "
                "call then fails with a ``TransportError`` whose ``outcome_unknown`` is true."
            )
        return out

    def param(self, method: str, p: dict[str, Any]) -> str:
        if p["encoding"] == "file":
            parts = ["The file to upload: ``bytes``, a path, or an async iterable of chunks."]
        else:
            parts = [self.type_text(p["type"]) + "."]
        unit = PARAM_UNITS.get((method, p["name"]))
        if unit:
            parts.append(_upper_first(UNITS[unit]) + ".")
        if p.get("default") == "server_url":
            parts.append("Defaults to the client's base URL.")
        elif p["optional"]:
            parts.append("Optional: not sent when ``None``.")
        if p.get("since"):
            parts.append(f"Since Comet {p['since']}.")
        return " ".join(parts)

    def returns(self, meth: dict[str, Any]) -> str:
        rt = meth["returns"]
        if rt["kind"] == "bytes":
            return "The response body as ``bytes`` (the ``_stream()`` form streams it)."
        return _upper_first(self.type_text(rt["type"])) + "."

    # -- model fields ------------------------------------------------------------------

    def field(self, f: dict[str, Any]) -> str | None:
        """A note for one struct field, or None when the spec says nothing beyond its type."""
        parts = []
        if f.get("unit"):
            parts.append(_upper_first(UNITS[f["unit"]]) + ".")
        constants = self.constants_text(f)
        if constants:
            parts.append(constants)
        if f.get("since"):
            parts.append(f"Since Comet {f['since']}.")
        if f.get("deprecated_since"):
            parts.append(f"Deprecated since Comet {f['deprecated_since']}.")
        if f.get("formerly_deprecated"):
            start, end = f["formerly_deprecated"]
            parts.append(f"Was deprecated from Comet {start} to {end}.")
        return " ".join(parts) or None


def _wrap(text: str, first: str = "", rest: str = "", width: int = 88) -> list[str]:
    """``text`` in lines of at most ``width`` characters (none when ``text`` is empty)."""
    if not text:
        return []
    lines, line = [], first
    for word in text.split(" "):
        if line.strip() and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = rest + word
        else:
            line = f"{line} {word}" if line.strip() else line + word
    lines.append(line)
    return lines


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]
