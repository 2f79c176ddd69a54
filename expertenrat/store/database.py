"""Opening a database: check it, back it up, migrate it, hand out sessions.

Anything that makes a database unusable (not a database, corrupt, from a newer version,
server unreachable) becomes a :class:`DatabaseUnusableError` with a German message, and
the file is left exactly as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, exc
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.store import migrate
from expertenrat.store.engine import SQLITE_HEADER, make_engine, sqlite_file


@dataclass
class Database:
    """An open, migrated database and the factory for its sessions."""

    url: URL
    engine: Engine
    backup_file: Path | None = None

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def location(self) -> str:
        """Where the data lives, for the About dialog (no password)."""
        path = sqlite_file(self.url)
        if path is not None:
            return str(path)
        return self.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end, or rolled back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(url: URL, *, now: datetime | None = None) -> Database:
    path = sqlite_file(url)
    revision = _probe_sqlite_file(path) if path is not None else _probe_server(url)
    if revision is not None and not migrate.is_known_revision(revision):
        raise DatabaseUnusableError(
            f"Die Datenbank „{_describe(url)}“ stammt aus einer neueren Version von Expertenrat "
            f"(Schemastand {revision}). Bitte installieren Sie die aktuelle Version des "
            "Programms. Die Datenbank wurde nicht verändert."
        )
    backup = None
    if revision != migrate.head_revision():
        if path is not None and revision is not None:
            backup = _backup_before_upgrade(path, now or datetime.now())
        try:
            migrate.upgrade(url)
        except (exc.OperationalError, exc.IntegrityError) as error:
            # IntegrityError: old rows that a new constraint rejects (the upgrade is rolled back).
            raise DatabaseUnusableError(
                f"Die Datenbank „{_describe(url)}“ konnte nicht aktualisiert werden: {error.orig}"
            ) from error
    return Database(url=url, engine=make_engine(url), backup_file=backup)


def _describe(url: URL) -> str:
    path = sqlite_file(url)
    return str(path) if path is not None else url.render_as_string(hide_password=True)


def _probe_sqlite_file(path: Path) -> str | None:
    """Return the schema revision of an existing file, or ``None`` for a new one.

    Reads only: a file that is not ours is never written to.
    """
    if path.is_dir():
        raise DatabaseUnusableError(f"„{path}“ ist ein Ordner, keine Datenbankdatei.")
    if not path.exists() or path.stat().st_size == 0:
        path.parent.mkdir(parents=True, exist_ok=True)
        return None
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise DatabaseUnusableError(
                f"Die Datei „{path}“ ist keine Expertenrat-Datenbank. "
                "Sie wurde nicht verändert. Bitte wählen Sie eine andere Datei."
            )
    try:
        connection = sqlite3.connect(path)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                if tables:
                    raise DatabaseUnusableError(
                        f"Die Datei „{path}“ ist eine SQLite-Datenbank, aber keine von "
                        "Expertenrat. Sie wurde nicht verändert."
                    )
                return None
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseUnusableError(
            f"Die Datenbank „{path}“ ist beschädigt und kann nicht geöffnet werden ({error}). "
            "Sie wurde nicht verändert. Bitte stellen Sie eine Sicherung wieder her."
        ) from error


def _probe_server(url: URL) -> str | None:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return migrate.current_revision(connection)
    except exc.OperationalError as error:
        raise DatabaseUnusableError(
            f"Der Datenbankserver „{_describe(url)}“ ist nicht erreichbar: {error.orig}"
        ) from error
    finally:
        engine.dispose()


def _backup_before_upgrade(path: Path, now: datetime) -> Path:
    """Copy the database consistently (WAL included) to a dated file next to it."""
    target = path.with_name(f"{path.stem}-vor-update-{now:%Y-%m-%d-%H%M%S}{path.suffix}")
    source = sqlite3.connect(path)
    try:
        check = source.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise DatabaseUnusableError(
                f"Die Datenbank „{path}“ ist beschädigt ({check[0] if check else '?'}). "
                "Sie wurde nicht verändert. Bitte stellen Sie eine Sicherung wieder her."
            )
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseUnusableError(
            f"Die Datenbank „{path}“ ist beschädigt ({error}). Sie wurde nicht verändert."
        ) from error
    finally:
        source.close()
    return target
