"""Sphinx configuration of the aiocomet documentation site.

Build: ``sphinx-build -W --keep-going -b html docs docs/_build/html`` (warnings fail).
Guides are Markdown (MyST); the API reference is generated from the docstrings.
"""

from __future__ import annotations

import aiocomet

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
