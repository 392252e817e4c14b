"""``go_shaped()`` writes exactly what ``go_value()`` writes, for every model.

The emulator encodes its answers and live events with ``go_shaped()``: for a flat
model without unknown keys it encodes a twin struct whose ``omit_defaults``
drops the empty ``omitempty`` fields, instead of rewriting builtins. Both must
give the same bytes, for empty models and for models with every field set.
"""

from __future__ import annotations

from typing import Any

import msgspec
import pytest

from aiocomet import models
from aiocomet._codec import decode
from aiocomet._gojson import go_shaped, go_value
from aiocomet._model import CometModel

from ._samples import sample

STRUCTS = sorted(models.STRUCTS.items())
encode = msgspec.json.Encoder().encode


def filled(cls: type[CometModel]) -> CometModel:
    """An instance with every field set to a small non-empty value."""
    return cls(**{f.name: sample(f.type) for f in msgspec.structs.fields(cls)})


@pytest.mark.parametrize(("name", "cls"), STRUCTS, ids=[name for name, _ in STRUCTS])
def test_the_same_json_as_go_value(name: str, cls: type[CometModel]) -> None:
    for value in (cls(), filled(cls)):
        assert encode(go_shaped(value, cls)) == encode(go_value(value, cls)), name


def test_flat_models_take_the_twin_and_others_the_builtins() -> None:
    job = models.BackupJobDetail(GUID="g", Status=5000)
    shaped = go_shaped(job, models.BackupJobDetail)
    assert isinstance(shaped, msgspec.Struct) and not isinstance(shaped, CometModel)
    assert b'"Tags"' not in encode(shaped) and b'"GUID":"g"' in encode(shaped)  # omitempty
    profile = models.UserProfileConfig(Username="u")  # lists inside: rewritten as builtins
    assert isinstance(go_shaped(profile, models.UserProfileConfig), dict)


def test_unknown_keys_and_wrong_types_take_the_general_path() -> None:
    future = decode(b'{"GUID": "g", "FromTheFuture": 1}', models.BackupJobDetail)
    shaped: Any = go_shaped(future, models.BackupJobDetail)
    assert shaped["FromTheFuture"] == 1 and shaped["GUID"] == "g"
    odd = models.BackupJobDetail()
    odd.Status = "not a number"  # type: ignore[assignment]
    assert encode(go_shaped(odd, models.BackupJobDetail)) == encode(
        go_value(odd, models.BackupJobDetail)
    )
