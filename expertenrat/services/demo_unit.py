"""One unit of work for the demo: every service call of a demo load shares one transaction.

The demo is built by the ordinary services, each of which opens its own transaction. Run
through :class:`SharedTransaction`, their transactions and reads all use one session, so a
demo load lands completely or not at all, and the services' reads see what the earlier
calls wrote without a commit and a new connection for each step.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from expertenrat.store.database import Database


class SharedTransaction(Database):
    """A :class:`Database` whose transactions and reads are all the one ``session``."""

    def __init__(self, database: Database, session: Session) -> None:
        super().__init__(url=database.url, engine=database.engine)
        self.session = session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        yield self.session

    @contextmanager
    def reading(self, *, transaction: bool = False) -> Iterator[Session]:
        yield self.session
