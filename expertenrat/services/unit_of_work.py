"""Shared service plumbing: version checks and turning database trouble into messages.

A locked database, a full disk or a lost server are conditions of the environment and
become a German message. So does every other error the database reports (a value it
refuses, a broken rule, a schema it does not have): the message never repeats the
statement, its values or the database's own text, which may quote the values (PostgreSQL:
"Key (email)=(…) already exists", "Failing row contains (…)"). The error is raised without
its cause, so no traceback shows them either; the log gets the kind of error only.
Errors of the program itself are raised as they are.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import exc
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from expertenrat.domain.errors import (
    ConcurrentEditError,
    ConnectionLostError,
    FieldProblem,
    NotFoundError,
    StorageError,
    ValidationError,
)
from expertenrat.store.database import Database
from expertenrat.store.problems import DAMAGED_AT_WORK, is_damage

T = TypeVar("T")
SQLITE_BUSY_SNAPSHOT = 517
log = logging.getLogger(__name__)


CONNECTION_LOST = (
    "Die Verbindung zum Datenbankserver ist unterbrochen. Ihre Eingaben bleiben erhalten. "
    "Bitte prüfen Sie das Netzwerk und klicken Sie auf „Erneut versuchen“."
)


def check_version(record: object, expected: int, what: str) -> None:
    if record.version != expected:  # type: ignore[attr-defined]
        raise ConcurrentEditError(what)


def fetch(session: Session, model: type[T], record_id: int | None, what: str) -> T:
    record = session.get(model, record_id) if record_id is not None else None
    if record is None:
        raise NotFoundError(f"{what} gibt es nicht mehr. Vielleicht wurde es gelöscht.")
    return record


def raise_if_invalid(problems: list[FieldProblem]) -> None:
    """Raise a :class:`ValidationError` if any problem is more than a warning."""
    if any(not p.warning for p in problems):
        raise ValidationError(problems)


@contextmanager
def changing(database: Database, what: str) -> Iterator[Session]:
    """A write transaction that reports stale versions and database trouble clearly."""
    try:
        with database.transaction() as session:
            yield session
    except StaleDataError as error:
        raise ConcurrentEditError(what) from error
    except exc.DBAPIError as error:
        if getattr(error.orig, "sqlite_errorcode", None) == SQLITE_BUSY_SNAPSHOT:
            # Another program committed since this transaction read: a stale version.
            raise ConcurrentEditError(what) from None
        raise storage_error(error, writing=True) from None


@contextmanager
def reading(database: Database) -> Iterator[Session]:
    """A read-only session that reports database trouble as clearly as ``changing``."""
    try:
        with database.reading() as session:
            yield session
    except exc.DBAPIError as error:
        raise storage_error(error, writing=False) from None


def storage_error(error: exc.DBAPIError, *, writing: bool) -> StorageError:
    if is_connection_lost(error):
        log.warning("Lost the database server: %s", describe_database_error(error))
        return ConnectionLostError(CONNECTION_LOST)
    return StorageError(_message(error, writing=writing))


def is_connection_lost(error: exc.DBAPIError) -> bool:
    """The server went away or refuses connections (not: it refused the statement)."""
    if not isinstance(error, exc.OperationalError) or hasattr(error.orig, "sqlite_errorcode"):
        return False
    text = str(error.orig).lower()
    return error.connection_invalidated or any(
        word in text for word in ("connect", "server", "terminat")
    )


def _message(error: exc.DBAPIError, *, writing: bool) -> str:
    """A German message for a database error, without any value of the statement."""
    log.warning("The database refused the work: %s", describe_database_error(error))
    if isinstance(error, exc.OperationalError):
        return _environment_message(error)
    if is_damage(error):
        return DAMAGED_AT_WORK
    nothing = " Es wurde nichts gespeichert." if writing else ""
    if isinstance(error, exc.DataError):
        return (
            "Die Datenbank hat einen Wert abgelehnt, zum Beispiel einen zu langen Text oder ein "
            f"ungültiges Zeichen.{nothing}"
        )
    if isinstance(error, exc.IntegrityError):
        return (
            "Die Datenbank hat die Änderung abgelehnt, weil sie gegen eine ihrer Regeln "
            "verstößt, zum Beispiel ein doppelter Eintrag oder ein Verweis auf gelöschte "
            f"Daten.{nothing}"
        )
    return f"Die Datenbank hat die Anfrage abgelehnt.{nothing}"


def describe_database_error(error: exc.DBAPIError) -> str:
    """The kind of a database error for the log: classes and error code, never its text."""
    orig = error.orig
    code = getattr(orig, "sqlstate", None) or getattr(orig, "sqlite_errorname", None)
    kind = f"{type(error).__name__} ({type(orig).__module__}.{type(orig).__name__}"
    return f"{kind}, {code})" if code else f"{kind})"


def _environment_message(error: exc.OperationalError) -> str:
    text = str(error.orig).lower()
    if "locked" in text or "busy" in text:
        return (
            "Die Datenbank ist gerade von einem anderen Programm gesperrt. "
            "Bitte versuchen Sie es in einem Moment noch einmal."
        )
    if "disk" in text or "full" in text or "space" in text:
        return "Der Datenträger ist voll. Bitte schaffen Sie Platz und speichern Sie erneut."
    if "readonly" in text or "read-only" in text:
        return "Die Datenbank ist schreibgeschützt. Änderungen können nicht gespeichert werden."
    return "Die Datenbank hat die Anfrage abgelehnt."
