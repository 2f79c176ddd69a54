"""Shared service plumbing: version checks and turning database trouble into messages.

A locked database, a full disk or a lost server are conditions of the environment and
become a German message. So does every other error the database reports (a value it
refuses, a broken rule, a schema it does not have): the message never repeats the
statement, its values or the database's own text, which may quote the values (PostgreSQL:
"Key (email)=(…) already exists", "Failing row contains (…)"). The error is raised without
its cause, so no traceback shows them either; the log gets the kind of error only
(a lost connection also its text, which quotes no values).
Errors of the program itself are raised as they are.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import exc, update
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.orm.interfaces import ORMOption

from expertenrat.domain.errors import (
    ConcurrentEditError,
    ConnectionLostError,
    FieldProblem,
    NotFoundError,
    ServerBusyError,
    StorageError,
    ValidationError,
)
from expertenrat.store import models
from expertenrat.store.database import Database
from expertenrat.store.driver_errors import (
    error_kind,
    is_connection_lost,
    is_server_full,
    logged,
    sqlstate,
)
from expertenrat.store.server_watch import is_server_silent
from expertenrat.store.work_problems import (
    SERVER_FULL_ADVICE,
    SERVER_FULL_CASE,
    SERVER_GONE,
    SERVER_GONE_ADVICE,
    SERVER_SILENT_ADVICE,
    retried_case,
    work_problem,
)
from expertenrat.store.work_problems import SERVER_SILENT as SILENT_AT_WORK

T = TypeVar("T")
SQLITE_BUSY_SNAPSHOT = 517
log = logging.getLogger(__name__)


# What a lost, silent or busy server's message adds for a save: the input typed waits in
# its form (or line) for "Erneut versuchen". A read (a page switched to, a meeting chosen)
# has none: its message says only what is the case and what helps (found by a tester).
_INPUT_KEPT = " Ihre Eingaben bleiben erhalten."
_BUSY_CASE = (
    "Die Datenbank ist gerade durch eine andere Arbeit gesperrt, etwa eine Wiederherstellung, "
    "eine Aktualisierung oder die Genehmigung eines Protokolls an einem anderen PC."
)
_BUSY_ADVICE = "Bitte versuchen Sie es in einigen Augenblicken erneut."


def _told(case: str, advice: str, *, writing: bool) -> str:
    return f"{case}{_INPUT_KEPT if writing else ''} {advice}"


# Shown beside an "Erneut versuchen" button and in messages with only OK (a document, a
# check, an export that could not read): they name no button. A lost server's message
# for a read is the store's (SERVER_GONE), a silent one's too (SILENT_AT_WORK).
SERVER_BUSY = _told(_BUSY_CASE, _BUSY_ADVICE, writing=True)
SERVER_BUSY_READING = _told(_BUSY_CASE, _BUSY_ADVICE, writing=False)
LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL's lock_timeout (store.lock_wait.LOCK_WAIT_MS)


def check_version(record: object, expected: int, what: str) -> None:
    if record.version != expected:  # type: ignore[attr-defined]
        raise ConcurrentEditError(what)


def fetch(
    session: Session,
    model: type[T],
    record_id: int | None,
    what: str,
    options: Sequence[ORMOption] = (),
) -> T:
    """The record ``record_id`` (``options``: loader options, such as a deferred column
    loaded along); :class:`NotFoundError` saying ``what`` is gone when there is none."""
    record = session.get(model, record_id, options=options) if record_id is not None else None
    if record is None:
        raise NotFoundError(gone(what))
    return record


def of_council(session: Session, council_id: int, rows: list[T]) -> list[T]:
    """``rows``, the council ``council_id``'s list as read; :class:`NotFoundError` where it
    is empty because the council is gone (deleted meanwhile, its rows with it). The rows
    found show it is there: its own row is read only for an empty list, not before every
    list (a round trip each on a server, found by a tester)."""
    if not rows:
        fetch(session, models.Council, council_id, "Das Gremium")
    return rows


def hold_council(session: Session, council_id: int) -> None:
    """Hold the council's row until commit: another transaction that holds it (handing out
    a recommendation code, numbering meetings, importing members) waits for this one and
    then reads what it wrote. An empty UPDATE: a row lock on PostgreSQL (the first
    statement of a read committed transaction that follows sees the other's commit); on
    SQLite a writing transaction holds the file's write lock anyway. The row stays as it
    is (its change time too)."""
    councils = models.Council.__table__
    session.execute(
        update(councils)
        .where(councils.c.id == council_id)
        .values(id=councils.c.id, modified=councils.c.modified)
    )


_ACCUSATIVE = {"Der": "Den"}
_PRONOUN = {"Der": "er", "Die": "sie", "Das": "es"}


def gone(what: str) -> str:
    """ "Den Tagesordnungspunkt gibt es nicht mehr. Vielleicht wurde er gelöscht.": the
    message for a record deleted meanwhile; ``what`` is named with its definite article in
    the nominative singular ("Der Tagesordnungspunkt", "Die Sitzung", "Das Projekt")."""
    article, _, rest = what.partition(" ")
    pronoun = _PRONOUN.get(article, "es")
    return (
        f"{_ACCUSATIVE.get(article, article)} {rest} gibt es nicht mehr. "
        f"Vielleicht wurde {pronoun} gelöscht."
    )


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
        raise storage_error(error, writing=True, url=database.url) from None


@contextmanager
def reading(database: Database, *, transaction: bool = False) -> Iterator[Session]:
    """A read-only session that reports database trouble as clearly as ``changing``;
    ``transaction``: see :meth:`Database.reading`."""
    try:
        with database.reading(transaction=transaction) as session:
            yield session
    except exc.DBAPIError as error:
        raise storage_error(error, writing=False, url=database.url) from None


def storage_error(error: exc.DBAPIError, *, writing: bool, url: URL | None = None) -> StorageError:
    """``url``: the database's, to name its user and database in advice. Its ``case``
    says it for a save tried again by itself (the autosave's line)."""
    if is_server_silent(error):
        log.warning("The database server did not answer: %s", logged(error))
        case = retried_case(SILENT_AT_WORK)
        message = _told(case, SERVER_SILENT_ADVICE, writing=writing)
        return ConnectionLostError(message, case=case)
    if is_connection_lost(error):
        log.warning("Lost the database server: %s", logged(error))
        if is_server_full(error):  # it answered: no network to check
            case, advice = SERVER_FULL_CASE, SERVER_FULL_ADVICE
        else:
            case, advice = retried_case(SERVER_GONE), SERVER_GONE_ADVICE
        return ConnectionLostError(_told(case, advice, writing=writing), case=case)
    if sqlstate(error.orig) == LOCK_NOT_AVAILABLE:
        log.warning("Gave up waiting for a lock on the database server")
        message = SERVER_BUSY if writing else SERVER_BUSY_READING
        return ServerBusyError(message, case=_BUSY_CASE)
    log.warning("The database refused the work: %s", error_kind(error))
    nothing = " Es wurde nichts gespeichert." if writing else ""
    cause = work_problem(error, url) or "Die Datenbank hat die Anfrage abgelehnt."
    return StorageError(f"{cause}{nothing}", case=retried_case(cause))
