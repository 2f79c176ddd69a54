"""An open database: the sessions and transactions on it, and the schema a new one gets.

A database without a schema gets it when its first change is saved (the first
transaction) or at once (:meth:`Database.create_schema`); until then reading it reads an
empty twin in memory. Opening one is :mod:`expertenrat.store.database_opening`; writing a
whole database's rows (a restore) :mod:`expertenrat.store.bulk_transaction`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, event, exc
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from expertenrat.domain.errors import (
    DatabaseUnusableError,
    os_error_detail,
    os_error_text,
)
from expertenrat.store import lock_wait, migrate
from expertenrat.store.blank_twin import BlankTwin
from expertenrat.store.changed_schema import refuse_changed_schema
from expertenrat.store.database_address import describe
from expertenrat.store.engine import WRITING, sqlite_file
from expertenrat.store.in_use_marker import Holder, InUseMarker, claim_on_network
from expertenrat.store.problems import sqlite_problem
from expertenrat.store.read_sessions import read_session, refuse_writes_in_reads
from expertenrat.store.removable_new_file import removable_new_file
from expertenrat.store.server_problems import server_problem
from expertenrat.store.set_aside import remove_with_companions
from expertenrat.store.work_problems import refused


@dataclass
class Database:
    """An open, migrated database and the factory for its sessions.

    ``pending``: the database has no schema yet. Reading it reads an empty twin in memory;
    the first transaction creates the schema (and the folders of a new file).
    """

    url: URL
    engine: Engine
    backup_file: Path | None = None
    pending: bool = False
    _blank: BlankTwin = field(default_factory=BlankTwin, repr=False)
    # An older file opened to read: the upgraded copy read instead (removed at close).
    _scratch: Path | None = field(default=None, repr=False)
    # ... and the file's own schema revision: it is upgraded when opened to be changed.
    older_revision: str | None = None
    # The revision an older database (a server's, even opened to read) was upgraded from
    # in place as it was opened; its copy of the old state is ``backup_file``.
    upgraded_from: str | None = None
    # A file on a network drive: this PC's mark that it has it open, and another PC that
    # has it open too (see :mod:`~expertenrat.store.in_use_marker`).
    in_use: InUseMarker | None = field(default=None, repr=False)
    held_elsewhere: Holder | None = None

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        refuse_writes_in_reads(self._sessions, self.engine)
        if not self.is_sqlite:
            lock_wait.wait_for_locks_briefly(self.engine)

    def listen_to_sessions(self, event_name: str, listener: Callable[..., None]) -> None:
        """Call ``listener`` at the named SQLAlchemy session event of this database's
        sessions (not of another Database's on the same data: another program there)."""
        event.listen(self._sessions, event_name, listener)

    @property
    def location(self) -> str:
        """Where the data lives, for the About dialog (no password)."""
        return describe(self.url)

    @property
    def key(self) -> str:
        """A name of this database that stays the same between versions, for files kept
        beside it (unsaved minutes): the file's path or the server's address as SQLAlchemy
        renders it (driver and password hidden as ``***``), never to be shown."""
        path = sqlite_file(self.url)
        return str(path) if path is not None else self.url.render_as_string(hide_password=True)

    @property
    def digest(self) -> str:
        """:attr:`key` as a short name (see :func:`key_digest`)."""
        return key_digest(self.key)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end, or rolled back on any error.

        A database without a schema gets it with this first transaction: a server database
        inside it (:meth:`prepare_schema`), so that if the work fails the database is as
        empty as before; a new file before it (:meth:`created_or_nothing` removes it again).
        A SQLite file's write lock is taken first (see :data:`~expertenrat.store.engine.WRITING`).
        Then the schema must still be the one this program knows
        (:func:`~expertenrat.store.changed_schema.refuse_changed_schema`).
        """
        schema_within = self.prepare_schema()
        with self._sessions() as session, session.begin():
            if self.is_sqlite:
                session.connection(execution_options={WRITING: True})
            self.begin_work(session.connection(), schema_within=schema_within)
            yield session
        if schema_within:
            self.pending = False

    def prepare_schema(self) -> bool:
        """Before a transaction of a database without a schema: a new SQLite file gets it
        now (:meth:`create_schema`: the file is made the user's alone and marked on a
        network drive before anything opens it; a caller's :meth:`created_or_nothing`
        removes it if the work fails). ``True``: a server's is to be made inside the
        transaction (:meth:`begin_work`): its DDL is transactional (PostgreSQL), so its
        schema and the first data commit together or not at all, and a failed first change
        (a command's error, Ctrl+C) leaves no tables behind. ``False`` too for a database
        that has its schema."""
        if not self.pending:
            return False
        if not self.is_sqlite:
            return True
        self.create_schema()
        return False

    def begin_work(self, connection: Connection, *, schema_within: bool) -> None:
        """At the start of a transaction's work on ``connection``: the schema made inside it
        (``schema_within``, see :meth:`prepare_schema`), else the schema checked to be still
        the one this program knows."""
        if schema_within:
            self._upgrade_within(connection)
        else:
            refuse_changed_schema(connection, self.location, is_sqlite=self.is_sqlite)

    def _upgrade_within(self, connection: Connection) -> None:
        try:
            migrate.upgrade_within(connection)
        except exc.DBAPIError as error:
            raise self._creation_problem(error) from error

    @contextmanager
    def reading(self, *, transaction: bool = False) -> Iterator[Session]:
        """A session that only reads (see :mod:`~expertenrat.store.read_sessions`);
        ``transaction``: in one on a server too (a query read in parts needs one)."""
        if self.pending:
            with Session(self._blank.engine()) as session:
                yield session
            return
        with read_session(
            self._sessions, self.engine, is_sqlite=self.is_sqlite, transaction=transaction
        ) as session:
            yield session

    def create_schema(self) -> None:
        path = sqlite_file(self.url)
        try:
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                _claim_private(path)
            migrate.create(self.url)
            if path is not None and self.in_use is None:  # a new file on a network drive
                self.in_use = claim_on_network(path)[0]
        except OSError as error:
            raise DatabaseUnusableError(
                f"Die Datenbank „{self.location}“ kann nicht angelegt werden: "
                f"{os_error_text(error)}",
                os_error_detail(error),
            ) from error
        except exc.DBAPIError as error:
            raise self._creation_problem(error) from error
        self.pending = False

    def _creation_problem(self, error: exc.DBAPIError) -> DatabaseUnusableError:
        path = sqlite_file(self.url)
        if path is not None:
            return sqlite_problem(path, error)
        if isinstance(error, exc.OperationalError):  # the server gone since the probe
            return server_problem(error, self.url, self.location)
        return DatabaseUnusableError(
            *refused(
                f"Die Datenbank „{self.location}“ kann nicht angelegt werden",
                error,
                url=self.url,
                creating_schema=True,
            )
        )

    @contextmanager
    def created_or_nothing(self) -> Iterator[None]:
        """Work that may create this new SQLite file (its first transaction): if the work
        fails, the file goes again, with its journal files and the folders made for it,
        and the database is new as before; not when another program (another PC) has it
        open, or put data into it meanwhile while this program committed nothing there:
        then it is that program's. Data this program committed before its work failed (a
        command's first change) goes with the file. An existing file (even an empty one)
        stays. (A server database needs nothing here: its schema comes in its first
        transaction.)"""
        path = sqlite_file(self.url)
        if not self.pending or path is None or path.exists():
            yield
            return
        missing = [folder for folder in path.parents if not folder.exists()]  # deepest first
        commits: list[object] = []

        def committed(_connection: Connection) -> None:
            commits.append(True)

        event.listen(self.engine, "commit", committed)
        try:
            yield
        except BaseException:
            self.engine.dispose()  # SQLite keeps the file open otherwise
            if not removable_new_file(path, written_here=bool(commits)):  # another program's file
                self.pending = False
                raise
            if self.in_use is not None:  # the file's mark goes with it
                self.in_use.release()
                self.in_use = None
            remove_with_companions(path)
            for folder in missing:
                with suppress(OSError):  # not empty: something else was put there
                    folder.rmdir()
            self.pending = True
            raise
        finally:
            event.remove(self.engine, "commit", committed)

    def close(self) -> None:
        self.engine.dispose()
        if self.in_use is not None:
            self.in_use.release()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
        self._blank.close()


def _claim_private(path: Path) -> None:
    """A new database file is the user's alone (600 where modes exist): it is to hold all
    personal data, and SQLite gives its journal files the file's permissions. A file that is
    there already (another program's, one the user made) keeps its own."""
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def key_digest(key: str) -> str:
    """A database's :attr:`Database.key` as 16 hex digits: the name under which this PC
    keeps something of that database (the folder of its unsaved minutes, its last council)
    without spelling its path or address."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
