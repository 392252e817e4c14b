"""The relay's errors: all are :class:`~aiocomet.errors.CometError`, so one ``except`` catches all.

They live here, not in :mod:`aiocomet.errors`, because only the relay (and its
optional ``redis`` dependency) raises them; :mod:`aiocomet.relay` exports them.
"""

from __future__ import annotations

from ..errors import CometError

__all__ = ["RelayConfigError", "RelayError", "StaleLeaseError"]


class RelayError(CometError):
    """Base of the relay's errors."""


class RelayConfigError(RelayError, ValueError):
    """The relay configuration cannot work; ``where`` names the file and the setting."""

    def __init__(self, message: str, *, where: str = "") -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.where = where


class StaleLeaseError(RelayError):
    """A write was refused by the server-side fence: this worker's lease on the server ended.

    Another worker may hold it now (with a newer fencing token); nothing of the
    refused batch was written.
    """

    def __init__(self, server: str, token: int) -> None:
        super().__init__(
            f"relay: the lease on {server!r} (fencing token {token}) is no longer ours"
        )
        self.server = server
        self.token = token
