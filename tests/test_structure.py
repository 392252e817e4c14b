"""The layout rules of the hand-written code, checked on every run.

- No hand-written module is over :data:`MAX_LINES` lines: the package, its
  tests, the benchmarks, the scripts and the examples (generated code, in
  ``_generated/``, is exempt).
- No private member of one of our modules is used from another: an attribute
  ``x._name`` (``x`` not ``self`` or ``cls``) or an import of ``_name`` where
  ``_name`` is defined by another of our modules and not by the one using it.
  Private *modules* (``from . import _codec``) are the package's own business
  and allowed; so are the aiohttp internals the fast receive path reads on
  purpose (pinned and self-checked there), listed in :data:`THIRD_PARTY`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import aiocomet

PACKAGE = Path(aiocomet.__file__).parent
ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 400
ELSEWHERE = ("tests", "benchmarks", "scripts", "examples")
"""Folders of hand-written code outside the package (where the checkout has them)."""
THIRD_PARTY = {
    ("_frame_queue.py", "_closed"): "aiohttp's ClientWebSocketResponse._closed",
}
"""(module, attribute) pairs that name another library's private member, not ours."""


def hand_written() -> list[Path]:
    """The package's own modules, generated code left out."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "_generated" not in p.parts)


def every_module() -> list[Path]:
    """Every hand-written module: the package's and those of the folders beside it."""
    others = [p for folder in ELSEWHERE for p in (ROOT / folder).rglob("*.py")]
    return hand_written() + sorted(others)


def _shown(path: Path) -> str:
    for base in (PACKAGE, ROOT):
        if path.is_relative_to(base):
            return str(path.relative_to(base))
    return str(path)


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def defined_private_names(tree: ast.AST) -> set[str]:
    """Private names a module defines: functions, classes, globals, attributes it assigns."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            names.add(node.value)  # __slots__ entries
    return {name for name in names if _private(name)}


def private_uses(tree: ast.AST) -> list[tuple[int, str]]:
    """Private names a module reaches for on something other than itself."""
    uses: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                continue
            uses.append((node.lineno, node.attr))
        elif isinstance(node, ast.ImportFrom):
            uses += [(node.lineno, alias.name) for alias in node.names if _private(alias.name)]
    return uses


def modules_of_package() -> set[str]:
    return {p.stem for p in PACKAGE.rglob("*.py")} | {
        p.name for p in PACKAGE.rglob("*") if p.is_dir()
    }


@pytest.mark.parametrize("path", every_module(), ids=_shown)
def test_no_hand_written_module_is_over_the_limit(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{_shown(path)}: {lines} lines"


def cross_module_uses() -> list[str]:
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in hand_written()}
    owners: dict[str, set[Path]] = {}
    for path, tree in trees.items():
        for name in defined_private_names(tree):
            owners.setdefault(name, set()).add(path)
    modules = modules_of_package()
    found = []
    for path, tree in trees.items():
        for line, name in private_uses(tree):
            defined_by = owners.get(name, set())
            if not defined_by or path in defined_by or name in modules:
                continue  # not ours, ours, or a private module of the package
            if (path.name, name) in THIRD_PARTY:
                continue
            where = sorted(str(p.relative_to(PACKAGE)) for p in defined_by)
            found.append(f"{path.relative_to(PACKAGE)}:{line}: {name} (defined in {where})")
    return found


def test_no_private_member_is_used_across_modules() -> None:
    assert cross_module_uses() == []


def test_the_scan_finds_a_private_member_used_across_modules() -> None:
    """The check itself: a use of another module's private attribute is reported."""
    owner = ast.parse("class A:\n    def __init__(self):\n        self._secret = 1\n")
    user = ast.parse("from .a import A\nA()._secret\nfrom .a import _helper\n")
    assert "_secret" in defined_private_names(owner)
    assert sorted(private_uses(user)) == [(2, "_secret"), (3, "_helper")]
    assert private_uses(ast.parse("self._x\ncls._y\n")) == []
