"""A database's schema as the tests read it from outside the program: its revision
(Alembic's) and the names of its tables."""

from __future__ import annotations

from sqlalchemy import inspect
from sqlalchemy.engine import URL

from expertenrat.store import migrate
from expertenrat.store.engine import make_engine


def revision_of(url: URL) -> str | None:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return migrate.current_revision(connection)
    finally:
        engine.dispose()


def table_names(url: URL) -> set[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return set(inspect(connection).get_table_names())
    finally:
        engine.dispose()
