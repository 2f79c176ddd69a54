"""One transaction writing a whole database's rows (a restore): on an empty SQLite file
through a rollback journal, without waiting for the disk and with the indexes built at the
end (the ways of :mod:`expertenrat.store.sqlite_bulk_write`); on a server waiting for its
locks as long as the other work takes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

from expertenrat.store import lock_wait
from expertenrat.store.database import Database
from expertenrat.store.engine import SYNCHRONOUS, WRITING, sqlite_file, sqlite_journal_mode
from expertenrat.store.sqlite_bulk_write import dropped_indexes, journal_mode


@contextmanager
def bulk_transaction(database: Database, *, empty: bool) -> Iterator[Connection]:
    """One transaction on a connection of ``database``, for writing a whole database's rows.

    ``empty``: the database holds no rows. SQLite's write-ahead log would then take
    every new page twice (the log, then the checkpoint into the file), so while no
    other connection has the file open, the transaction writes through a rollback
    journal instead: just as safe against an error or a crash of the program (either
    rolls it back), and every page is written once. Nor does it wait for the disk
    (``synchronous=OFF``; flushing a large database's 140 MB took half a second): only
    a crash of the whole computer during the restore or in the seconds after it could
    damage the file, which held no data, and the backup is there to restore again.
    The file returns to the write-ahead log (on a network file system: stays in the
    rollback journal, see ``sqlite_journal_mode``) and to waiting for the disk afterwards
    (or, should that fail, with the next connection that opens it). Its indexes are
    built once the rows are in, each in one sorted pass, instead of taking every row one
    by one (a fifth of the inserts' time); a unique one refuses duplicates then.

    A database without a schema gets it as with :meth:`Database.transaction`; one whose
    schema changed since it was opened is refused as there. On a server the transaction
    waits for its locks as long as the other work takes (see :mod:`~expertenrat.store.lock_wait`).
    """
    schema_within = database.prepare_schema()
    path = sqlite_file(database.url)
    with database.engine.connect() as connection:
        direct = empty and database.is_sqlite and journal_mode(connection, "delete")
        dbapi = connection.connection.dbapi_connection
        # SQLite's write lock first, as in Database.transaction(): begun for reading, the
        # transaction failed at its first write whenever another program (another PC)
        # was saving, instead of waiting the moment that takes (found by a tester).
        connection.execution_options(**{WRITING: True})
        try:
            if direct:
                dbapi.execute("PRAGMA synchronous=OFF")
            with connection.begin():
                if not database.is_sqlite:
                    lock_wait.wait_for_locks_as_long_as_needed(connection)
                database.begin_work(connection, schema_within=schema_within)
                indexes = dropped_indexes(connection) if direct else []
                yield connection
                for statement in indexes:
                    connection.exec_driver_sql(statement)
            database.pending = False
        finally:
            if direct and path is not None:  # the switch would wait for the disk with FULL
                journal_mode(connection, sqlite_journal_mode(path))
                dbapi.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
