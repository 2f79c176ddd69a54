"""Sessions that only read: on a server without a transaction, and never writing.

A read in a transaction costs two round trips beside its statements on a server: psycopg's
``BEGIN`` before the first and the ``ROLLBACK`` as the connection goes back to the pool
(40 ms over a city's VPN, a dozen reads at the program's start). A read gains nothing by
them: PostgreSQL reads each statement of a read committed transaction as of its own start
anyway. So a server's reads run in the driver's autocommit mode, without either.

Without the rollback at the end, a change a read made would stay: so a reading session
never writes. It does not flush by itself (``autoflush`` off: a loaded row changed in
passing is never saved), and a flush asked for, or an ``INSERT``, ``UPDATE`` or
``DELETE`` run through it, is refused as the program's error, on SQLite too (where the
reads keep their transaction: a snapshot of the file, and no round trip to save).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker

_READING = "expertenrat_reading"  # session.info: the session only reads
# An execution option of the reading sessions outside a transaction (on SQLite too, so that
# a read that needs one is found by a test on either).
_WITHOUT_TRANSACTION = "expertenrat_without_transaction"


def read_session(
    sessions: sessionmaker[Session], engine: Engine, *, is_sqlite: bool, transaction: bool
) -> Session:
    """A session of ``sessions`` (its listeners heard) that only reads ``engine``'s
    database; :func:`refuse_writes_in_reads` must have been called on both. ``transaction``:
    it reads in one on a server too, as a server-side cursor needs (a query read in parts,
    ``yield_per``); one without refuses such a query."""
    bind = engine
    if not transaction:
        bind = engine.execution_options(**{_WITHOUT_TRANSACTION: True})
        if not is_sqlite:
            bind = bind.execution_options(isolation_level="AUTOCOMMIT")
    return sessions(bind=bind, autoflush=False, info={_READING: True})


def refuse_writes_in_reads(sessions: sessionmaker[Session], engine: Engine) -> None:
    """Refuse every write in the reading sessions of ``sessions``, and on ``engine`` a query
    read in parts by one outside a transaction."""
    event.listen(sessions, "before_flush", _refuse_flush)
    event.listen(sessions, "do_orm_execute", _refuse_changing_statement)
    if not event.contains(engine, "before_cursor_execute", _refuse_reading_in_parts):
        event.listen(engine, "before_cursor_execute", _refuse_reading_in_parts)


def _refuse_flush(session: Session, _context: UOWTransaction, _instances: Any) -> None:
    if session.info.get(_READING):
        raise RuntimeError("A reading session does not write: changes in it are not saved")


def _refuse_changing_statement(state: ORMExecuteState) -> None:
    if state.session.info.get(_READING) and (state.is_insert or state.is_update or state.is_delete):
        raise RuntimeError("A reading session does not write: use a transaction")


def _refuse_reading_in_parts(
    _connection: Any, cursor: Any, _statement: str, _parameters: Any, context: Any, _many: bool
) -> None:
    options = context.execution_options if context is not None else {}
    if options.get(_WITHOUT_TRANSACTION) and options.get("stream_results"):
        cursor.close()  # the server-side cursor made for it; psycopg 3.1 warns of one left open
        raise RuntimeError("A query read in parts needs a reading session with a transaction")
