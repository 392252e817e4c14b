"""The generated public surface: names, counts, signatures, docstrings."""

from __future__ import annotations

import inspect
import re

import aiocomet
from aiocomet import CometClient, constants, models
from aiocomet._generated import methods as M
from aiocomet._generated.events import EVENT_DATA_TYPES


def test_counts() -> None:
    assert len(M.METHODS) == 251
    assert len(models.STRUCTS) == 253
    assert len(constants.CONSTANTS) == 416
    public = [
        n
        for n, v in vars(CometClient).items()
        if inspect.iscoroutinefunction(v) and not n.startswith("_")
    ]
    generated = {spec.python_name for spec in M.METHODS.values()}
    assert generated <= {n for n in dir(CometClient)}
    assert len(generated) == 251
    assert "login" in public


def test_snake_case_names() -> None:
    assert M.AdminGetUserProfile.python_name == "admin_get_user_profile"
    assert M.AdminMetaWebhookOptionsSet.python_name == "admin_meta_webhook_options_set"
    assert hasattr(CometClient, "admin_meta_webhook_options_set")
    for spec in M.METHODS.values():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", spec.python_name), spec.python_name


def test_constants_and_enums() -> None:
    assert constants.StreamableEventType.SEVT_JOB_COMPLETED == 4201
    assert constants.SEVT_JOB_COMPLETED == 4201
    assert constants.APPLICATION_VERSION == "25.9.8"
    assert constants.EVENT_TYPE_NAMES[4201] == "SEVT_JOB_COMPLETED"
    assert constants.EVENT_TYPE_NAMES[4000] == "SEVT_META_HELLO"
    for name, value in constants.CONSTANTS.items():
        assert getattr(constants, name) == value


def test_wire_names_differ_where_spec_says() -> None:
    assert (
        models.LicenseLimits.__struct_encode_fields__[
            models.LicenseLimits.__struct_fields__.index("DeviceCount")
        ]
        == "deviceCount"
    )


def test_signatures_required_positional_optional_keyword() -> None:
    for spec in M.METHODS.values():
        sig = inspect.signature(getattr(CometClient, spec.python_name))
        params = list(sig.parameters.values())[1:]
        assert [p.name for p in params] == [
            p.python_name for p in spec.params if not p.optional
        ] + [p.python_name for p in spec.params if p.optional]
        for p, ps in zip(params, [p for p in spec.params if not p.optional], strict=False):
            assert p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD, (spec.name, ps.name)
        for p in params:
            assert p.annotation is not inspect.Parameter.empty
        optional = {p.python_name for p in spec.params if p.optional}
        for p in params:
            if p.name in optional:
                assert p.kind is inspect.Parameter.KEYWORD_ONLY
                assert p.default is None


def test_docstrings_name_path_and_auth() -> None:
    for spec in M.METHODS.values():
        doc = getattr(CometClient, spec.python_name).__doc__
        assert spec.path in doc and f"auth: {spec.auth}" in doc
        assert doc.splitlines()[0].endswith(f"(``{spec.name}``).")
        if spec.since:
            assert spec.since in doc


def test_binary_methods_have_stream_forms() -> None:
    binary = [s for s in M.METHODS.values() if s.returns_bytes]
    assert len(binary) == 20
    for spec in binary:
        assert callable(getattr(CometClient, spec.python_name + "_stream"))


def test_event_data_types() -> None:
    assert EVENT_DATA_TYPES[constants.SEVT_JOB_COMPLETED] is models.BackupJobDetail


def test_all_is_sorted_and_complete() -> None:
    assert aiocomet.__all__ == sorted(aiocomet.__all__)
    for name in aiocomet.__all__:
        assert hasattr(aiocomet, name)


def test_generated_files_carry_header() -> None:
    import pathlib

    gen = pathlib.Path(aiocomet.__file__).parent / "_generated"
    for path in gen.glob("*.py"):
        head = path.read_text().splitlines()[:5]
        text = "\n".join(head)
        assert "DO NOT EDIT" in text and "comet_version 25.9.8" in text
        assert re.search(r"sha256 [0-9a-f]{64}", text)
