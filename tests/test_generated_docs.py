"""The generated docstrings say what the spec knows: types, units, constants, versions, retries."""

from __future__ import annotations

import ast
import importlib.util
import inspect
from pathlib import Path
from types import ModuleType

from aiocomet import CometClient
from aiocomet._generated import methods as M

ROOT = Path(__file__).resolve().parent.parent
MODELS_SOURCE = ROOT / "src" / "aiocomet" / "_generated" / "models.py"


def _docstrings_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docstrings", ROOT / "scripts" / "docstrings.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _doc(python_name: str) -> str:
    return inspect.getdoc(getattr(CometClient, python_name)) or ""


def _field_notes(struct: str) -> dict[str, str]:
    """Field name -> the string literal that follows it in the generated class body."""
    tree = ast.parse(MODELS_SOURCE.read_text())
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == struct)
    notes = {}
    for field, after in zip(cls.body, cls.body[1:], strict=False):
        if (
            isinstance(field, ast.AnnAssign)
            and isinstance(field.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
        ):
            notes[field.target.id] = after.value.value
    return notes


def test_every_method_documents_each_parameter_its_result_and_whether_it_is_retried() -> None:
    for spec in M.METHODS.values():
        doc = _doc(spec.python_name)
        for param in spec.params:
            assert f"\n    {param.python_name}: " in doc, (spec.name, param.python_name)
        assert "\nReturns:\n    " in doc, spec.name
        assert ("Read-only: retried" in doc) is spec.read_only, spec.name
        assert ("outcome_unknown=True" in doc) is not spec.read_only, spec.name


def test_date_range_parameters_are_unix_seconds() -> None:
    doc = _doc("admin_get_jobs_for_date_range")
    assert "start: ``int``. Unix timestamp, in seconds." in doc
    assert "end: ``int``. Unix timestamp, in seconds." in doc
    assert "List of :class:`~aiocomet.models.BackupJobDetail`." in doc


def test_optional_parameters_say_so_and_since_when() -> None:
    doc = " ".join(_doc("admin_add_user").split())
    assert (
        "target_organization: ``str``. Optional: not sent when ``None``. Since Comet 22.3.7."
        in (doc)
    )
    assert "self_address" in _doc("admin_dispatcher_update_software")
    assert "Defaults to the client's base URL." in _doc("admin_dispatcher_update_software")


def test_what_older_servers_answer_is_documented() -> None:
    legacy = " ".join(_doc("admin_request_storage_vault").split())
    assert "before Comet 19.8.0 answer a ``CometAPIResponseMessage``" in legacy
    silent = " ".join(_doc("admin_meta_restart_service").split())
    assert "before Comet 18.9.2 send no response" in silent and "outcome_unknown" in silent


def test_binary_methods_say_they_return_bytes() -> None:
    doc = _doc("admin_branding_generate_client_linuxgeneric")
    assert "The response body as ``bytes``" in doc


def test_model_fields_carry_units_constants_and_versions() -> None:
    job = _field_notes("BackupJobDetail")
    assert job["StartTime"] == "Unix timestamp, in seconds."
    assert job["Status"] == "One of :class:`~aiocomet.constants.JobStatus`."
    assert "EndTime" not in job  # the spec gives it no unit: nothing is invented
    notes = [
        note
        for struct in ("BrandingOptions", "UserProfileConfig")
        for note in _field_notes(struct).values()
    ]
    assert any(note.startswith("Since Comet ") for note in notes)
    assert any("Was deprecated from Comet" in note for note in notes)


def test_constants_ref_kinds_are_worded_for_what_they_mean() -> None:
    docs = _docstrings_module().Docs({"types": {}, "structs": [], "constants": []}, retry_safe={})
    bitset = {
        "type": "int",
        "constants_ref": {"prefix": "SERVICE_", "kind": "bitset", "defined": True},
    }
    see = {
        "type": "int",
        "constants_ref": {"prefix": "WINDISKFLAG_", "kind": "see", "defined": False},
    }
    assert docs.field(bitset) == (
        "A combination (bitwise OR) of the ``SERVICE_*`` constants in :mod:`aiocomet.constants`."
    )
    assert docs.field(see) == "See the ``WINDISKFLAG_*`` constants (not defined in the spec)."
    assert docs.field({"type": "string"}) is None
