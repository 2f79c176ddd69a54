"""Opening a database: check it, back it up, migrate it, hand it out as a :class:`Database`.

Anything that makes a database unusable (not a database, corrupt, from a newer version,
server unreachable, no write permission) becomes a :class:`DatabaseUnusableError` with a
German message that names the true reason, and the database is left exactly as it was.
Nothing is created by merely looking: a new database gets its schema when the first
change is saved (``Create.ON_FIRST_WRITE``, the window) or at once (``Create.NOW``).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from expertenrat.domain.errors import (
    DatabaseMissingError,
    DatabaseUnusableError,
    OthersConnectedError,
)
from expertenrat.store import lock_wait, schema_revisions
from expertenrat.store.database import Database
from expertenrat.store.database_address import check_url, describe
from expertenrat.store.driver_errors import SqliteCause, sqlite_cause
from expertenrat.store.engine import make_engine, sqlite_file, sqlite_journal_mode
from expertenrat.store.free_space import (
    mark_for_rewrite,
    rewrite_if_marked,
    written_before_overwriting,
)
from expertenrat.store.in_use_marker import InUseMarker
from expertenrat.store.network_location import is_on_network
from expertenrat.store.other_connections import other_connections, others_connected_note
from expertenrat.store.probe import Probe, probe_server, probe_sqlite_file
from expertenrat.store.problems import in_use_on_network, sqlite_problem
from expertenrat.store.schema_upgrade import upgrade, upgraded_copy
from expertenrat.store.sqlite_copy import backup_before_upgrade


class Create(Enum):
    """When a database without a schema gets one."""

    NOW = "now"
    ON_FIRST_WRITE = "on_first_write"
    NEVER = "never"


def open_database(
    url: URL,
    *,
    create: Create = Create.NOW,
    read_only: bool = False,
    server_copy: Callable[[URL, str], Path] | None = None,
    upgrade_anyway: bool = False,
) -> Database:
    """Open ``url``; an old database is backed up and upgraded first.

    ``read_only``: only reading is asked (exports): a SQLite file is opened read-only, so a
    healthy file in a folder without write permission still works. A database without a
    schema is refused when reading, or when ``create`` is ``NEVER``. ``server_copy``: keeps
    a copy of an older server database (its address and revision) before it is upgraded;
    a SQLite file's copy is made here, beside it. An older server database to which
    other sessions are connected is refused (:class:`OthersConnectedError`, nothing
    changed) unless ``upgrade_anyway``.
    """
    check_url(url)
    location = describe(url)
    path = sqlite_file(url)
    if path is not None:
        probe = probe_sqlite_file(path, read_only=read_only)
        if probe.revision is not None and not read_only:
            _leave_write_ahead_log_on_network(path)
        return _opened(url, location, probe, None, create, read_only, server_copy, upgrade_anyway)
    # The server's engine looks at the database and then serves it: the window's work goes
    # on on the connection the look opened (a new one costs several round trips).
    engine = make_engine(url)
    lock_wait.wait_for_locks_briefly(engine)  # the look's connection too
    try:
        probe = probe_server(engine, location)
        return _opened(url, location, probe, engine, create, read_only, server_copy, upgrade_anyway)
    except BaseException:
        engine.dispose()
        raise


def _opened(
    url: URL,
    location: str,
    probe: Probe,
    engine: Engine | None,
    create: Create,
    read_only: bool,
    server_copy: Callable[[URL, str], Path] | None,
    upgrade_anyway: bool,
) -> Database:
    """The database ``probe`` looked at; ``engine``: a server's, which looked."""
    path = sqlite_file(url)
    revision = probe.revision
    if revision is None:
        if read_only or create is Create.NEVER:
            raise DatabaseMissingError(
                f"Die Datenbank „{location}“ gibt es noch nicht oder sie ist leer; es wurde "
                "nichts angelegt. Legen Sie im Programm ein Gremium an oder laden Sie die "
                "Demodaten mit „expertenrat demo“.",
                location,
            )
        database = Database(url=url, engine=engine or make_engine(url), pending=True)
        if create is Create.NOW:
            database.create_schema()
        return database
    if not schema_revisions.is_known_revision(revision):
        raise DatabaseUnusableError(
            f"Die Datenbank „{location}“ stammt aus einer neueren Version von Expertenrat "
            f"(Schemastand {revision}). Bitte installieren Sie die aktuelle Version des "
            "Programms. Die Datenbank wurde nicht verändert."
        )
    backup = None
    older = revision if revision != schema_revisions.head_revision() else None
    if older and read_only and path is not None:
        engine, scratch = upgraded_copy(path, location, probe.read_flags)
        return Database(url=url, engine=engine, _scratch=scratch, older_revision=older)
    if older:
        if path is not None:
            backup = backup_before_upgrade(path, older)
            if written_before_overwriting(older):
                mark_for_rewrite(path)
        else:
            engine.dispose()  # its connection is no other PC's (other_connections)
            _refuse_while_others_connected(url, location, upgrade_anyway)
            if server_copy is not None:
                backup = server_copy(url, older)
        upgrade(url, location)
    if path is not None and not read_only:
        rewrite_if_marked(path)  # after the upgrade, or at a later opening where it failed
    if engine is None:
        engine = make_engine(url, read_only=probe.read_flags if read_only else None)
    database = Database(url=url, engine=engine, backup_file=backup, upgraded_from=older)
    if path is not None and not read_only and is_on_network(path):
        _mark_as_open(database, path)
    return database


def _mark_as_open(database: Database, path: Path) -> None:
    """Mark the file ``path`` on a network drive as open on this PC (see
    :mod:`~expertenrat.store.in_use_marker`). Where another program has it marked (another
    PC, a window of this one), the mark is taken with the first save after that program
    closed the file: the PC told of another went on unmarked when that one closed it, as
    asked, and a third PC was told of neither (found by a tester)."""
    database.in_use, database.held_elsewhere = InUseMarker.claim(path)
    if database.in_use is not None:
        return
    claiming = threading.Lock()  # saves end in the worker threads too

    def claim_after_save(_session: Session) -> None:
        with claiming:
            if database.in_use is None:
                marker, _holder = InUseMarker.claim(path)
                if marker is not None:
                    database.in_use, database.held_elsewhere = marker, None

    database.listen_to_sessions("after_commit", claim_after_save)


def _refuse_while_others_connected(url: URL, location: str, upgrade_anyway: bool) -> None:
    """Raise :class:`OthersConnectedError` where other sessions are connected to the
    server database ``url`` (and the upgrade is not asked for anyway): an older version
    among them would go on writing into the upgraded schema unwarned, a newer one be locked
    out in the middle of its work."""
    if upgrade_anyway:
        return
    others = other_connections(url)
    if others:
        raise OthersConnectedError(
            f"Die Datenbank „{location}“ muss auf den Stand dieser Version gebracht werden. "
            f"{others_connected_note(others)} Die Datenbank wurde nicht verändert."
        )


def _leave_write_ahead_log_on_network(path: Path) -> None:
    """A file on a network file system still in the write-ahead log (written so by an older
    version of the program) leaves it before it is used (see
    :func:`~expertenrat.store.engine.sqlite_journal_mode`). Where another program has it
    open in the log (another PC's older version), it is refused, unchanged: two PCs in the
    log on one shared file can damage it. A file in the rollback journal is left as it is,
    without a lock: the switch's lock, taken without waiting, refused a start while another
    PC of this version was saving (found by review)."""
    if sqlite_journal_mode(path) == "wal" or not _in_write_ahead_log(path):
        return
    try:
        connection = sqlite3.connect(path, timeout=0)
        try:
            connection.execute("PRAGMA journal_mode=DELETE")
        finally:
            connection.close()
    except sqlite3.Error as error:
        if sqlite_cause(error) is SqliteCause.LOCKED:
            raise in_use_on_network(path) from error
        raise sqlite_problem(path, error) from error


def _in_write_ahead_log(path: Path) -> bool:
    """Whether the header of the SQLite file ``path`` says it is in the write-ahead log (its
    read and write versions, bytes 18 and 19, are 2), read without any lock; one that
    cannot be read is looked at by the switch."""
    try:
        with path.open("rb") as handle:
            header = handle.read(20)
    except OSError:
        return True
    return len(header) < 20 or 2 in (header[18], header[19])
