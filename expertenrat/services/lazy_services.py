"""Services made on first use: the descriptor :class:`LazyService` and the base
:class:`LazyServices` that holds the database, the actor and what was made
(:class:`expertenrat.services.context.Services` lists the services)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar, overload

if TYPE_CHECKING:
    from expertenrat.store.database import Database

T = TypeVar("T")
S = TypeVar("S", bound="LazyServices")


class LazyService(Generic[T]):
    """A service made on first use from ``build`` and kept (one per :class:`LazyServices`)."""

    def __init__(self, build: Callable[[S], T]) -> None:
        self.build = build
        self.name = build.__name__

    @overload
    def __get__(self, services: None, owner: type) -> LazyService[T]: ...
    @overload
    def __get__(self, services: LazyServices, owner: type) -> T: ...
    def __get__(self, services: LazyServices | None, owner: type) -> T | LazyService[T]:
        if services is None:
            return self
        with services._lock:  # worker threads may ask for the same service at once
            found = services.__dict__.get(self.name)
            if found is None:
                found = services.__dict__[self.name] = self.build(services)
        return found


class LazyServices:
    """The services of ``database``, each made when first used, acting for ``actor``."""

    def __init__(self, database: Database, actor: str) -> None:
        self.database = database
        self.actor = actor
        self._lock = threading.RLock()
