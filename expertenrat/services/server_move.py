"""Moving this PC's data to a PostgreSQL server ("Auf Server umziehen …", ``move-to-server``).

The data travels through the portable backup format: a backup of the current database is
written to memory, read back with every check of a restore (hashes, counts, revision) and
restored into the server's database, which must be empty. Then every table is counted on
the server and compared with the backup; only if all agree is the move done. The current
database is only read. Storing the new address (the switch) is the caller's step
(:func:`expertenrat.services.database_choice.remember`).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import exc, func, select
from sqlalchemy.engine import URL

from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.domain.progress import Progress, no_progress
from expertenrat.services.backup import BackupService
from expertenrat.store import schema_revisions
from expertenrat.store.backup_format import BackupError
from expertenrat.store.backup_reading import read_backup
from expertenrat.store.backup_writing import write_backup
from expertenrat.store.database import Database
from expertenrat.store.database_address import describe
from expertenrat.store.database_opening import Create, open_database
from expertenrat.store.engine import database_url
from expertenrat.store.models import Base
from expertenrat.store.work_problems import refused


@dataclass(frozen=True, slots=True)
class MoveSummary:
    target: str  # the server database, without password
    tables: int
    rows: int


_OLD_KEPT = "Die bisherige Datenbank wird weiter verwendet."
# A value PostgreSQL refuses (NUL, too long) or a reference to nothing: the check names it.
_FOUND_BY_CHECK = (
    "Welcher Eintrag es ist, nennt die Prüfung der bisherigen Datenbank (Datei → Datenbank "
    "prüfen, auf der Kommandozeile „expertenrat check“)."
)


def nothing_to_move(source: Database) -> str:
    """The message for a move from a database that holds nothing yet (a new PC's file):
    the PC wants the server the data already lies on."""
    return (
        f"In „{describe(source.url)}“ gibt es noch keine Daten, die auf einen Server umziehen "
        "könnten. Liegen die Daten Ihrer Geschäftsstelle schon auf einem Server, verbinden "
        "Sie diesen PC mit ihm: „Mit Server verbinden …“."
    )


def target_address(text: str) -> URL:
    """The server database a move goes to, as typed (``move-to-server URL``); refused at
    once if it names no PostgreSQL database, before anything is asked or copied."""
    url = database_url(text)
    _refuse_no_server(url)
    return url


def _refuse_no_server(target_url: URL) -> None:
    if target_url.get_backend_name() != "postgresql":
        raise DatabaseUnusableError(
            f"„{describe(target_url)}“ ist kein PostgreSQL-Server. Der Umzug braucht eine "
            "Adresse wie postgresql://benutzer@server:5432/datenbank."
        )


def move_to_server(
    source: Database, target_url: URL, keep_dir: Path, progress: Progress = no_progress
) -> MoveSummary:
    """Copy all data of ``source`` into the empty PostgreSQL database ``target_url``."""
    _refuse_no_server(target_url)
    location = describe(target_url)
    if describe(source.url) == location:
        raise DatabaseUnusableError(f"Die Daten liegen schon in „{location}“.")
    if source.pending:
        raise DatabaseUnusableError(nothing_to_move(source))
    target = open_database(target_url, create=Create.ON_FIRST_WRITE)
    try:
        return _move(source, target, location, keep_dir, progress)
    finally:
        target.close()


def _move(
    source: Database, target: Database, location: str, keep_dir: Path, progress: Progress
) -> MoveSummary:
    at_target = f"Der Umzug nach „{location}“ ist an der Zieldatenbank gescheitert"
    at_source = (
        f"Der Umzug nach „{location}“ ist an der bisherigen Datenbank „{describe(source.url)}“ "
        "gescheitert"
    )
    with _refused_by(at_target, target):
        _check_empty(target, location)
    tables = len(Base.metadata.sorted_tables)
    total = 3 * tables

    buffer = io.BytesIO()
    with _refused_by(at_source, source):
        snapshot = BackupService(source).snapshot(lambda done, _t: progress(done, total))
    write_backup(buffer, snapshot)
    buffer.seek(0)
    backup = read_backup(buffer, schema_revisions.is_known_revision)
    with _refused_by(at_target, target):
        BackupService(target).restore_backup(
            backup,
            keep_dir,
            progress=lambda done, _t: progress(tables + done, total),
            refused_as=(at_target, _OLD_KEPT),
            found_by_check=_FOUND_BY_CHECK,
        )
        arrived = _counts(target, lambda done: progress(2 * tables + done, total))
    expected = {part.name: len(part.rows) for part in backup.tables}
    wrong = sorted(name for name, count in expected.items() if arrived.get(name) != count)
    if wrong:
        raise BackupError(
            f"Auf dem Server sind nicht alle Daten angekommen (Tabellen: {', '.join(wrong)}). "
            "Die bisherige Datenbank wird weiter verwendet."
        )
    return MoveSummary(location, len(expected), sum(expected.values()))


@contextmanager
def _refused_by(what: str, side: Database) -> Iterator[None]:
    """Work on one side of the move (``side``): if its database refuses or goes away, the
    message ``what`` names that side, and the cause names that side's user."""
    try:
        yield
    except exc.DBAPIError as error:
        raise DatabaseUnusableError(*refused(what, error, _OLD_KEPT, side.url)) from None


def check_server(url: URL) -> bool:
    """Can this PC work on ``url``? Refuses (German message) what it cannot open;
    ``True`` if it holds Expertenrat's data, ``False`` if it is still empty."""
    if url.get_backend_name() != "postgresql":
        raise DatabaseUnusableError(f"„{describe(url)}“ ist kein PostgreSQL-Server.")
    database = open_database(url, create=Create.ON_FIRST_WRITE)
    try:
        return not database.pending and any(_counts(database).values())
    except exc.DBAPIError as error:
        raise DatabaseUnusableError(
            *refused(f"Die Datenbank „{describe(url)}“ kann nicht gelesen werden", error, url=url)
        ) from None
    finally:
        database.close()


def _check_empty(target: Database, location: str) -> None:
    if target.pending:
        return
    if any(_counts(target).values()):
        raise DatabaseUnusableError(
            f"Die Datenbank „{location}“ enthält schon Daten. Umziehen lässt sich nur in eine "
            "leere Datenbank; auf dem Server wurde nichts verändert."
        )


def _counts(database: Database, done=None) -> dict[str, int]:
    counts = {}
    with database.reading() as session:
        for number, table in enumerate(Base.metadata.sorted_tables, start=1):
            counts[table.name] = session.scalar(select(func.count()).select_from(table)) or 0
            if done is not None:
                done(number)
    return counts
