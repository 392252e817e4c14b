"""One string for the many copies of it that buffered job events hold.

A buffer that fills (a consumer behind :func:`aiocomet.merge_events` or a
stream with ``overflow="drop_oldest"``) holds job events that name the same
few users, devices, sources and destinations again and again, and every
event repeats its job's ``Username`` and ``GUID`` in ``Actor`` and
``ResourceID``. Decoding makes a new string for each copy. Sharing them costs
well under a microsecond per event, so the buffer does it only for events
that wait behind others (see :class:`aiocomet._event_buffer.EventBuffer`), not for events a
consumer takes at once, nor for the first thousand that wait (see
:data:`SHARE_AFTER`). Values never change, only which object holds them.
"""

from __future__ import annotations

from typing import Final

from ._event_model import Event
from ._generated.models import BackupJobDetail

__all__ = ["MAX_SHARED_CHARS", "SHARE_AFTER", "StringSharer"]

SHARE_AFTER: Final = 1024
"""Events buffered behind at least this many others get their strings shared.

High enough that a buffer of the default ``queue_size`` (1,000) never pays for
sharing: there it would save well under a megabyte and cost a merge of a
lagging consumer about a third of its throughput. Buffers of tens of thousands
of events, where the memory matters, share nearly every event."""

MAX_SHARED_CHARS: Final = 128
"""Longer strings are left alone: ids, names and versions are short, and the table must
stay small however large the strings a server sends (it outlives the events)."""


class StringSharer:
    """Replaces repeated strings in job events by one shared copy.

    The table of known strings holds about ``limit`` entries of at most
    ``MAX_SHARED_CHARS`` characters (under 1 MB with the default 4,096) and
    starts afresh when full, so neither ever new values nor huge ones can
    grow it: what it keeps alive after the events left the buffer is bounded
    in bytes, not only in entries.
    """

    __slots__ = ("_known", "limit")

    def __init__(self, limit: int = 4096) -> None:
        if limit < 1:
            raise ValueError("limit must be positive")
        self.limit = limit
        self._known: dict[str, str] = {}

    @property
    def held_chars(self) -> int:
        """Characters held by the table: at most ``(limit + 7) * MAX_SHARED_CHARS``.

        (It is cleared before an event adds its at most seven strings.)
        """
        return sum(len(value) for value in self._known)

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
        short = MAX_SHARED_CHARS
        # spelled out, not a loop over field names: getattr/setattr by name cost twice as much
        if (value := job.Username) and len(value) <= short:
            job.Username = one(value, value)
        if (value := job.SourceGUID) and len(value) <= short:
            job.SourceGUID = one(value, value)
        if (value := job.DestinationGUID) and len(value) <= short:
            job.DestinationGUID = one(value, value)
        if (value := job.DeviceID) and len(value) <= short:
            job.DeviceID = one(value, value)
        if (value := job.ClientVersion) and len(value) <= short:
            job.ClientVersion = one(value, value)
        if (value := job.BackupRuleGUID) and len(value) <= short:
            job.BackupRuleGUID = one(value, value)
        if (value := event.Actor) and len(value) <= short:
            event.Actor = one(value, value)
        if event.ResourceID == job.GUID:
            event.ResourceID = job.GUID
