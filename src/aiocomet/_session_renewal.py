"""Replacing a rejected session key: one login for a burst, its outcome shared by all.

When a session key is revoked, every call in flight comes back refused at
about the same time. They must cause one password login, not one each: with
a wrong password, N logins are N failed password attempts (and may lock the
account). So a login runs as one shared task, and a call learns the outcome
of every login that finished after it was sent, success or failure; only a
call sent after a failed login tries again.

An in-body ``Status 403`` is ambiguous (an unknown user, or a rejected key):
:meth:`SessionRenewal.key_rejected` asks the server once, with a request that
names no object, and trusts a "still valid" answer for ``trust_seconds``.
"""

from __future__ import annotations

import asyncio
import copy
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from .errors import AccessDeniedError, AuthenticationError, CometError

log = logging.getLogger("aiocomet")

T = TypeVar("T")

TRUST_SECONDS = 60.0


class SessionRenewal:
    """Shared by a client and its ``with_options`` views; one per session."""

    def __init__(
        self,
        lock: asyncio.Lock,
        clock: Callable[[], float],
        *,
        trust_seconds: float = TRUST_SECONDS,
    ) -> None:
        self._lock = lock  # the client's login lock: one login at a time per session
        self._clock = clock
        self.trust_seconds = trust_seconds
        self._finished = 0  # logins finished so far
        self._failure: Exception | None = None  # how the latest finished login failed
        self._login: asyncio.Task[None] | None = None
        self._check: asyncio.Task[bool | None] | None = None
        self._checked_key = ""
        self._valid_key = ""
        self._valid_at = 0.0
        self._rejected_key = ""  # a rejected key is never accepted again: no second probe

    def ticket(self) -> int:
        """Taken just before a call is sent: a login finishing later answers for it."""
        return self._finished

    async def renew(
        self,
        rejected_key: str,
        ticket: int,
        current_key: Callable[[], str | None],
        login: Callable[[], Awaitable[Any]],
    ) -> None:
        """Make sure ``rejected_key`` is replaced; raise how the shared login failed.

        Returns at once when the key was already replaced; raises the failure of
        a login that finished after ``ticket`` was taken; else joins the login
        in flight or starts one.
        """
        if current_key() != rejected_key:
            return
        if self._finished > ticket:
            if self._failure is not None:
                raise _fresh(self._failure)
            return
        task = self._login
        if task is None:
            task = self._login = asyncio.ensure_future(self._run_login(login))
            task.add_done_callback(_retrieve)
        await _share(task)

    async def _run_login(self, login: Callable[[], Awaitable[Any]]) -> None:
        try:
            async with self._lock:
                log.info("session key rejected; logging in again, once for every call that saw it")
                await login()
        except Exception as exc:
            self._failure = exc
            raise
        else:
            self._failure = None
        finally:  # also when cancelled: then callers repeat their call and see for themselves
            self._finished += 1
            self._login = None

    async def key_rejected(self, key: str, probe: Callable[[], Awaitable[Any]]) -> bool:
        """Whether the server rejects ``key``: one probe for all callers, then trusted a while.

        True when the probe is refused as a rejected key would be; False when it
        succeeds, or fails in a way that says nothing about the key.
        """
        if key == self._rejected_key:
            return True
        if key == self._valid_key and self._clock() - self._valid_at < self.trust_seconds:
            return False
        task = self._check
        if task is None or self._checked_key != key:
            self._checked_key = key
            task = self._check = asyncio.ensure_future(self._run_probe(key, probe))
            task.add_done_callback(_retrieve)
        return await _share(task) is True

    async def _run_probe(self, key: str, probe: Callable[[], Awaitable[Any]]) -> bool | None:
        try:
            await probe()
        except (AuthenticationError, AccessDeniedError):
            log.info("the session key is rejected by a request that names no object")
            self._rejected_key = key
            return True
        except CometError:
            return None  # says nothing about the key
        finally:
            if self._check is asyncio.current_task():
                self._check = None
        self._valid_key, self._valid_at = key, self._clock()
        return False


async def _share(task: asyncio.Task[T]) -> T:
    """The outcome of a shared task; cancelling one waiter does not cancel it."""
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        if task.cancelled() and not _being_cancelled():
            raise AuthenticationError("logging in again was cancelled") from None
        raise
    except CometError as exc:
        raise _fresh(exc) from None


def _being_cancelled() -> bool:
    current = asyncio.current_task()
    return current is not None and current.cancelling() > 0


def _fresh(exc: BaseException) -> BaseException:
    """A copy of a shared failure, so that waiters do not pile tracebacks onto one object."""
    try:
        clone = copy.copy(exc)
    except Exception:  # an exception type that cannot be rebuilt from its args
        return exc
    clone.__traceback__ = None
    return clone


def _retrieve(task: asyncio.Task[Any]) -> None:
    """Mark a shared task's failure as seen even when every waiter was cancelled."""
    if not task.cancelled():
        task.exception()
