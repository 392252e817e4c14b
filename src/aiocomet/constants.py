"""All Comet Server API constants and their enums (generated; see ``_generated/constants.py``)."""

from ._generated.constants import *  # noqa: F403
from ._generated.constants import __all__ as __all__
