"""Check that a wheel's long description works on PyPI, where the repository is not around.

PyPI renders the README alone: a relative link (``docs/errors.md``, ``examples/``)
leads nowhere, and ``pip install -e .`` means nothing to someone who installed
from PyPI. Usage: ``python scripts/check_long_description.py dist/aiocomet-*.whl``.
Exits 1 and lists every problem found.
"""

from __future__ import annotations

import re
import sys
import zipfile
from email.parser import HeaderParser

# [text](target), ![alt](target), [label]: target, <a href="target">, <img src="target">
_LINK_TARGETS = (
    re.compile(r"\]\(\s*<?([^)\s>]+)"),
    re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE),
    re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']""", re.IGNORECASE),
)
_ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|#)", re.IGNORECASE)
_EDITABLE = re.compile(r"pip3?\s+install\s+(?:\S+\s+)*?(?:-e|--editable)\b")
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"`[^`\n]*`")


def long_description(wheel: str) -> str:
    """The ``Description`` of the wheel's METADATA (the body after the headers)."""
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = HeaderParser().parsestr(zf.read(name).decode("utf-8"))
    body = metadata.get_payload()
    return body if isinstance(body, str) else ""


def problems(text: str) -> list[str]:
    """Relative links (outside code) and editable installs (anywhere) in ``text``."""
    found = [f"tells users to install editable: {m.group(0)!r}" for m in _EDITABLE.finditer(text)]
    prose = _CODE_SPAN.sub("", _FENCE.sub("", text))
    for pattern in _LINK_TARGETS:
        for match in pattern.finditer(prose):
            target = match.group(1)
            if not _ABSOLUTE.match(target):
                found.append(f"relative link (broken on PyPI): {target!r}")
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    text = long_description(argv[1])
    if not text.strip():
        print("the wheel has no long description", file=sys.stderr)
        return 1
    found = problems(text)
    for problem in found:
        print(problem, file=sys.stderr)
    if found:
        print(f"{len(found)} problem(s) in the long description (README.md)", file=sys.stderr)
        return 1
    print("long description: no relative links, no editable installs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
