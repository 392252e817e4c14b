"""All Comet Server API structs as msgspec Structs (generated; see ``_generated/models.py``)."""

from ._generated.models import *  # noqa: F403
from ._generated.models import STRUCTS
from ._generated.models import __all__ as _generated_all
from ._model import CometModel

__all__ = [*_generated_all, "STRUCTS", "CometModel"]
