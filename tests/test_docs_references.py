"""The docs' pointers to tests lead somewhere: every ``tests/x.py::test_y`` names a real test.

docs/reliability.md (and others) prove each claim with the test that checks
it, as ``tests/file.py::test_name`` followed by ``::other_test`` for more tests
of the same file. A test renamed or moved would leave the claim unproven.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted([*ROOT.glob("docs/*.md"), ROOT / "README.md"])
_CODE = re.compile(r"`([^`\n]*)`")
_FULL = re.compile(r"(tests/[\w/]+\.py)::(test_\w+)")
_MORE = re.compile(r"::(test_\w+)")


def references(text: str) -> list[tuple[str, str]]:
    """(file, test) for each reference; ``::name`` belongs to the file named before it."""
    found: list[tuple[str, str]] = []
    for line in text.splitlines():
        current: str | None = None
        for code in _CODE.findall(line):
            full = _FULL.fullmatch(code.split("[")[0])
            more = _MORE.fullmatch(code.split("[")[0])
            if full:
                current = full[1]
                found.append((current, full[2]))
            elif more and current is not None:
                found.append((current, more[1]))
    return found


def defines(path: Path, test: str) -> bool:
    return (
        re.search(rf"^(?:async )?def {test}\b", path.read_text(encoding="utf-8"), re.M) is not None
    )


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_test_a_doc_names_exists(doc: Path) -> None:
    missing = [
        f"{file}::{test}"
        for file, test in references(doc.read_text(encoding="utf-8"))
        if not (ROOT / file).is_file() or not defines(ROOT / file, test)
    ]
    assert missing == []


def test_references_follow_the_file_named_before_them() -> None:
    line = "| 9 | x | `tests/a.py::test_one`, `::test_two`, `tests/b.py::test_three[p]` |"
    assert references(line) == [
        ("tests/a.py", "test_one"),
        ("tests/a.py", "test_two"),
        ("tests/b.py", "test_three"),
    ]
    assert references("`::test_orphan` has no file before it") == []
