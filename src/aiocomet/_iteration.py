"""How long a stream's iterator lives: weakly held outside ``async with``.

The iterator (an async generator) holds its stream, so a strong reference
back would be a cycle that only the garbage collector breaks: after
``async for ...: break`` the websocket would stay open until it runs. Held
weakly, the iterator is finalized (its websocket closed) as soon as the loop
lets go of it; iterating again connects again and reports a gap. Inside
``async with`` (or after a bare ``__anext__``) it is held strongly until
``aclose()``.
"""

from __future__ import annotations

import weakref
from collections.abc import AsyncGenerator, Awaitable, Callable
from typing import Generic, Self, TypeVar

from ._closing import AsyncClosing

__all__ = ["Iterated", "Iteration"]

T = TypeVar("T")


class Iteration(Generic[T]):
    """The current iterator made by ``factory``, held weakly or strongly."""

    __slots__ = ("_agen", "_factory", "_managed", "_ref")

    def __init__(self, factory: Callable[[], AsyncGenerator[T, None]]) -> None:
        self._factory = factory
        self._agen: AsyncGenerator[T, None] | None = None  # held strongly when managed
        self._ref: weakref.ref[AsyncGenerator[T, None]] | None = None
        self._managed = False

    def current(self) -> AsyncGenerator[T, None] | None:
        if self._agen is not None:
            return self._agen
        return self._ref() if self._ref is not None else None

    def iterator(self) -> AsyncGenerator[T, None]:
        """The current iterator, or a new one (held weakly unless managed)."""
        agen = self.current()
        if agen is None:
            agen = self._factory()
            self._ref = weakref.ref(agen)
            if self._managed:
                self._agen = agen
        return agen

    def anext(self) -> Awaitable[T]:
        agen = self.iterator()
        self._agen = agen  # the caller holds no iterator: keep it until aclose()
        return agen.__anext__()

    def manage(self) -> None:
        """``async with`` entered: the exit closes the iterator, so hold it strongly."""
        self._managed = True
        self._agen = self.current()

    async def close(self) -> bool:
        """Close the iterator unless it is running (then the caller must stop it otherwise).

        Returns False when a running iterator was left alone.
        """
        agen = self.current()
        if agen is None:
            return True
        if agen.ag_running:  # type: ignore[attr-defined]
            return False
        await agen.aclose()
        return True


class Iterated(AsyncClosing, Generic[T]):
    """Base: an async iterator over what ``factory`` makes, and an ``async with`` that closes it."""

    def __init__(self, factory: Callable[[], AsyncGenerator[T, None]]) -> None:
        self._iteration: Iteration[T] = Iteration(factory)

    def __aiter__(self) -> AsyncGenerator[T, None]:
        """The iterator; outside ``async with`` it is held only weakly (see this module)."""
        return self._iteration.iterator()

    def __anext__(self) -> Awaitable[T]:
        return self._iteration.anext()

    async def __aenter__(self) -> Self:
        self._iteration.manage()
        return self

    async def aclose(self) -> None:
        """End the iterator (subclasses close their sockets too)."""
        await self._iteration.close()
