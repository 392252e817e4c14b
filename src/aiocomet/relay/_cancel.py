"""A cancellation that was lost on the way, raised again.

Python 3.11's ``asyncio.wait_for`` loses a cancellation that arrives just as
the operation it waits for completes: it returns the operation's result, and
the task goes on as if it had not been cancelled (CPython gh-86296; 3.12
rebuilt ``wait_for`` on ``asyncio.timeout``). redis-py's asyncio connection
sends every command through ``wait_for`` when it has a socket timeout (redis-py
8.1 defaults to 5 s), so a relay task cancelled at that moment kept reading or
writing, and whoever awaited it waited forever.

The lost request is still counted: ``Task.cancelling()`` went up and nothing
called ``uncancel()``. :class:`Uncancelled` compares the count before and
after a block of Redis round trips and raises :class:`asyncio.CancelledError`
when it went up but no cancellation came out of the block. :func:`finish` waits
for another task without swallowing the caller's own cancellation.
"""

from __future__ import annotations

import asyncio
from types import TracebackType
from typing import Any

__all__ = ["Uncancelled", "finish"]


class Uncancelled:
    """``with Uncancelled():`` around awaits that may lose a cancellation: raised again.

    At the end of the block, if this task was asked to cancel during it (its
    ``cancelling()`` count went up) and no :class:`~asyncio.CancelledError`
    came out, one is raised: in place of a normal exit, or of an ordinary
    exception (say a ``ConnectionError`` of the round trip after the lost
    cancellation, which a retry loop would otherwise wait out). Outside a task,
    and when the count did not go up, the block exits as it would without it.
    """

    __slots__ = ("_before", "_task")

    def __init__(self) -> None:
        self._task: asyncio.Task[Any] | None = None
        self._before = 0

    def __enter__(self) -> None:
        try:
            self._task = asyncio.current_task()
        except RuntimeError:  # no event loop running: nothing to count
            self._task = None
        self._before = self._task.cancelling() if self._task is not None else 0

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        task = self._task
        if task is None or task.cancelling() <= self._before:
            return
        if e is None:
            raise asyncio.CancelledError("the cancellation a Redis round trip lost")
        if isinstance(e, Exception):
            raise asyncio.CancelledError("the cancellation a Redis round trip lost") from e
        # a CancelledError (or another BaseException) is on its way out already


async def finish(task: asyncio.Task[Any], timeout: float) -> BaseException | None:
    """Let ``task`` end within ``timeout`` seconds, else cancel it; its exception, if any.

    Unlike ``wait_for`` inside ``suppress(CancelledError)``, a cancellation of
    the caller is not swallowed: it cancels ``task`` too and goes on up. The
    task's own failure is returned, retrieved, for the caller to report.
    """
    try:
        done, _ = await asyncio.wait({task}, timeout=timeout)
        if not done:
            task.cancel()
            await asyncio.wait({task})
    except asyncio.CancelledError:
        task.cancel()
        raise
    return None if task.cancelled() else task.exception()
