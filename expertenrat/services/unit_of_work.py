"""Shared service plumbing: version checks and turning database trouble into messages.

A locked database, a full disk or a lost server are conditions of the environment and
become a German message; anything else is a bug and is raised as it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import exc
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from expertenrat.domain.errors import (
    ConcurrentEditError,
    ExpertenratError,
    FieldProblem,
    NotFoundError,
    ValidationError,
)
from expertenrat.store.database import Database
from expertenrat.store.problems import DAMAGED_AT_WORK, is_damage

T = TypeVar("T")
SQLITE_BUSY_SNAPSHOT = 517


class StorageError(ExpertenratError):
    """The database refused the work for a reason outside the program."""


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
    """A write transaction that reports stale versions and environment trouble clearly."""
    try:
        with database.transaction() as session:
            yield session
    except StaleDataError as error:
        raise ConcurrentEditError(what) from error
    except exc.OperationalError as error:
        if getattr(error.orig, "sqlite_errorcode", None) == SQLITE_BUSY_SNAPSHOT:
            # Another program committed since this transaction read: a stale version.
            raise ConcurrentEditError(what) from error
        raise StorageError(_environment_message(error)) from error
    except exc.DatabaseError as error:
        if is_damage(error):
            raise StorageError(DAMAGED_AT_WORK) from error
        raise


@contextmanager
def reading(database: Database) -> Iterator[Session]:
    """A read-only session that reports environment trouble as clearly as ``changing``."""
    try:
        with database.reading() as session:
            yield session
    except exc.OperationalError as error:
        raise StorageError(_environment_message(error)) from error
    except exc.DatabaseError as error:
        if is_damage(error):
            raise StorageError(DAMAGED_AT_WORK) from error
        raise


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
    if "connect" in text or "server" in text or "terminat" in text:
        return (
            "Die Verbindung zum Datenbankserver ist unterbrochen. Bitte prüfen Sie das "
            f"Netzwerk und versuchen Sie es noch einmal. ({error.orig})"
        )
    return f"Die Datenbank hat die Anfrage abgelehnt: {error.orig}"
