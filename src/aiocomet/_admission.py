"""Which events reach the consumer: the type filter and the job-event dedupe, in one place.

Every event a stream hands out passes :meth:`Admission.admit_all`, whether
it came from the socket, from a remedial sync or out of a buffer. Dedupe
runs first, so an event filtered out still counts as delivered for the
resync (it was received; replaying it would be wrong).
"""

from __future__ import annotations

from ._event_model import EVENT_CLASSES, Event
from ._event_protocol import JobResync

__all__ = ["Admission"]


class Admission:
    """``types`` (None: all) and an optional :class:`JobResync` dedupe; counts what it skips."""

    __slots__ = ("_classes", "resync", "skipped", "types")

    def __init__(self, types: frozenset[int] | None, resync: JobResync | None) -> None:
        self.types = types
        self.resync = resync
        self.skipped = 0
        # typed events are told apart by class (one set lookup); UntypedEvent by its Type
        self._classes: frozenset[type] | None = (
            None
            if types is None
            else frozenset(EVENT_CLASSES[t] for t in types if t in EVENT_CLASSES)
        )

    @property
    def filters(self) -> bool:
        """False when every event is admitted as it is (no types, no dedupe)."""
        return self.types is not None or self.resync is not None

    def admit(self, event: Event) -> bool:
        """Whether ``event`` goes to the consumer (recording it for the dedupe if so)."""
        resync = self.resync
        if resync is not None and not resync.admit(event):
            self.skipped += 1
            return False
        classes = self._classes
        if classes is not None and type(event) not in classes:
            types = self.types
            if types is None or event.Type not in types:
                self.skipped += 1
                return False
        return True

    def admit_all(self, events: list[Event]) -> list[Event]:
        """The events of ``events`` that go to the consumer, in order (the same list if all)."""
        if not self.filters:
            return events
        admit = self.admit
        kept = [event for event in events if admit(event)]
        return events if len(kept) == len(events) else kept
