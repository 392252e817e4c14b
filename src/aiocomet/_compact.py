"""One string for the many copies of it that buffered job events hold.

A buffer that fills (a consumer behind :func:`aiocomet.merge_events` or a
stream with ``overflow="drop_oldest"``) holds job events that name the same
few users, devices, sources and destinations again and again, and every
event repeats its job's ``Username`` and ``GUID`` in ``Actor`` and
``ResourceID``. Decoding makes a new string for each copy. Sharing them costs
well under a microsecond per event, so the buffer does it only for events
that wait behind others (see :class:`aiocomet.merge.Pump`), not for events a
consumer takes at once. Values never change, only which object holds them.
"""

from __future__ import annotations

from typing import Final

from ._event_protocol import Event
from ._generated.models import BackupJobDetail

__all__ = ["SHARE_AFTER", "StringSharer"]

SHARE_AFTER: Final = 64
"""Events buffered behind at least this many others get their strings shared."""


class StringSharer:
    """Replaces repeated strings in job events by one shared copy.

    The table of known strings holds at most ``limit`` entries and starts
    afresh when full, so a stream of ever new values cannot grow it.
    """

    __slots__ = ("_known", "limit")

    def __init__(self, limit: int = 4096) -> None:
        if limit < 1:
            raise ValueError("limit must be positive")
        self.limit = limit
        self._known: dict[str, str] = {}

    def share(self, event: Event) -> None:
        """Point ``event``'s repeated strings at shared copies (job events only).

        Shared: ``Actor``, and the job's ``Username``, ``SourceGUID``,
        ``DestinationGUID``, ``DeviceID``, ``ClientVersion`` and
        ``BackupRuleGUID``, whose values repeat across jobs; ``ResourceID``
        becomes the job's own ``GUID`` string when the two are equal.
        """
        job = event.Data
        if type(job) is not BackupJobDetail:
            return
        known = self._known
        if len(known) >= self.limit:
            known.clear()
        one = known.setdefault
        # spelled out, not a loop over field names: getattr/setattr by name cost twice as much
        if value := job.Username:
            job.Username = one(value, value)
        if value := job.SourceGUID:
            job.SourceGUID = one(value, value)
        if value := job.DestinationGUID:
            job.DestinationGUID = one(value, value)
        if value := job.DeviceID:
            job.DeviceID = one(value, value)
        if value := job.ClientVersion:
            job.ClientVersion = one(value, value)
        if value := job.BackupRuleGUID:
            job.BackupRuleGUID = one(value, value)
        if value := event.Actor:
            event.Actor = one(value, value)
        if event.ResourceID == job.GUID:
            event.ResourceID = job.GUID
