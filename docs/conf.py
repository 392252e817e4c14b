"""Sphinx configuration of the aiocomet documentation site.

Build: ``sphinx-build -W --keep-going -b html docs docs/_build/html`` (warnings fail).
Guides are Markdown (MyST); the API reference is generated from the docstrings.
"""

from __future__ import annotations

import inspect
from enum import Enum
from typing import Any

import aiocomet
import aiocomet.constants

project = "aiocomet"
author = "aiocomet contributors"
copyright = "2026, aiocomet contributors"
release = aiocomet.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "myst_parser",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
root_doc = "index"

myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_class_signature = "mixed"
autodoc_preserve_defaults = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "furo"
html_title = f"aiocomet {release}"
html_show_sourcelink = False


CONSTANTS_MARKER = "<!-- every constant -->"


def _list_constants(app: Any, docname: str, source: list[str]) -> None:
    """Expand the marker on the constants page into one entry per module-level constant.

    autodoc lists classes re-exported by ``aiocomet.constants`` but not plain values
    (they carry no module of their own), so each is named explicitly.
    """
    if docname != "reference/constants":
        return
    entries = []
    for name in aiocomet.constants.__all__:
        value = getattr(aiocomet.constants, name)
        if isinstance(value, int | str):  # not the enums (listed above) nor the two maps
            entries.append(f".. autodata:: aiocomet.constants.{name}")
    block = "```{eval-rst}\n" + "\n\n".join(entries) + "\n```"
    source[0] = source[0].replace(CONSTANTS_MARKER, block)


def _enum_of() -> dict[str, str]:
    """Constant name -> the enum (constant group) that has a member of that name."""
    groups: dict[str, str] = {}
    for name in aiocomet.constants.__all__:
        value = getattr(aiocomet.constants, name)
        if isinstance(value, type) and issubclass(value, Enum):
            groups.update((member, name) for member in value.__members__)
    return groups


ENUM_OF = _enum_of()


def _constant_docstring(
    app: Any, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    """Module values: never the docstring of their type (``int``, ``str``, ``dict``...).

    A constant's entry names its group instead.
    """
    if what != "data":
        return
    inherited = inspect.getdoc(type(obj)) or ""
    if "\n".join(lines).strip() == inherited.strip():
        lines.clear()
    prefix = "aiocomet.constants."
    group = ENUM_OF.get(name.removeprefix(prefix)) if name.startswith(prefix) else None
    if group:
        lines[:] = [f"A value of :class:`~aiocomet.constants.{group}`."]


def setup(app: Any) -> None:
    app.connect("source-read", _list_constants)
    app.connect("autodoc-process-docstring", _constant_docstring)
