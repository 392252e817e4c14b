"""A local Comet Server emulator for tests, demos and benchmarks.

``CometEmulator`` serves the Comet Server HTTP API, the live event websocket
and webhooks on 127.0.0.1, built from the same spec as the SDK. See
``python -m aiocomet.testing --help`` and ``aiocomet.testing.pytest_plugin``.
"""

from ._faults import EmulatorFaults, MethodFailure
from ._http import ErrorMode
from ._seed import SEED_USERS
from .emulator import CometEmulator

__all__ = ["SEED_USERS", "CometEmulator", "EmulatorFaults", "ErrorMode", "MethodFailure"]
