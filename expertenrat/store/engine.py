"""Engines for SQLite and PostgreSQL with the settings that keep data safe.

SQLite: foreign keys on, WAL journal (on a network file system the rollback journal, see
:func:`sqlite_journal_mode`), ``synchronous=FULL`` (a committed change survives a
power cut), a busy timeout for a second program on the same file, and real transactions:
pysqlite's legacy mode would run DDL outside any transaction, so the driver's own
transaction handling is switched off and SQLAlchemy emits ``BEGIN`` itself (the recipe
from the SQLAlchemy SQLite dialect documentation). A transaction that is to write (its
connection has the execution option :data:`WRITING`) begins ``IMMEDIATE``, taking the
file's write lock first: a second program's write then waits (the busy timeout) for the
one running and reads what it wrote. A transaction that reads first could not wait for
the lock when it came to write: SQLite refuses at once ("gesperrt"), or because the
file changed since it read.

SQLite also overwrites what it deletes (``secure_delete``): a value changed or deleted (an
anonymised member's e-mail, a removed guest) would otherwise stay in the file's free space,
readable with any text editor and copied into every daily copy, wherever SQLite is built
without that default (Python's own build on Windows; Debian's has it).

Both engines hide the parameters of statements (``hide_parameters=True``): an error message
or a log line about a failed statement never carries the values, which are personal data.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from urllib.parse import quote
from urllib.request import pathname2url

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.engine import URL, make_url

from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.domain.text_characters import character_name
from expertenrat.paths import default_database_file
from expertenrat.store.connection_check import check_connections_in_doubt
from expertenrat.store.network_location import is_on_network
from expertenrat.store.server_watch import watch_server

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000  # how long SQLite waits for another program's lock
SYNCHRONOUS = "FULL"  # SQLite waits for the disk at every commit
WRITING = "expertenrat_writing"  # execution option: the transaction will write (see above)
SERVER_DRIVER = "postgresql+psycopg"  # PostgreSQL through psycopg 3
# How the program's connections name themselves to a server (pg_stat_activity), so that an
# upgrade can tell which other PCs still work with the database (see other_connections).
APPLICATION_NAME = "Expertenrat"


_EXPECTED_ADDRESS = (
    "Erwartet wird ein Dateiname oder eine Adresse wie postgresql://benutzer@server:5432/datenbank."
)
_AT_IN_USER = (
    "Vor dem Servernamen steht mehr als ein „@“: Ein „@“ im Benutzernamen oder Passwort "
    "muss in der Adresse als „%40“ stehen. Das Passwort gehört am besten gar nicht in die "
    "Adresse: Das Programm fragt danach (oder es steht in PGPASSWORD oder der "
    "Passwortdatei von PostgreSQL)."
)
_NUL = "\x00"


def database_url(text: str | None) -> URL:
    """Turn what the user gave (a URL, a file path or nothing) into a database URL."""
    if not text:
        return URL.create("sqlite", database=str(default_database_file()))
    if _NUL in text:  # in no file name nor address (a datenbank.json edited by hand)
        raise DatabaseUnusableError(
            f"„{text_without_password(text).replace(_NUL, '')}“ ist keine gültige "
            f"Datenbankadresse: Sie enthält ein unsichtbares Steuerzeichen "
            f"({character_name(_NUL)}). {_EXPECTED_ADDRESS}"
        )
    if text == ":memory:":  # SQLite's name for memory, not a file: refused by check_url
        return URL.create("sqlite", database=text)
    if "://" not in text:
        # Built, not parsed: a folder may be called "Sitzung #3?" without becoming a query.
        return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))
    try:
        text.encode("utf-8")  # bytes that are no UTF-8 in argv: lone surrogates in Python
        url: URL | None = make_url(text)
    except (exc.ArgumentError, ValueError):  # ValueError: a port that is not a number
        url = None
    # An "@" in a password or user name ends it early: the rest became the server's name
    # (shown in messages) or a port, which was no number.
    if url is None or "@" in (url.host or ""):
        at_in_user = text.partition("://")[2].count("@") > 1
        raise DatabaseUnusableError(
            f"„{text_without_password(text)}“ ist keine gültige Datenbankadresse. "
            + (_AT_IN_USER if at_in_user else _EXPECTED_ADDRESS)
        )
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername=SERVER_DRIVER)
    return url


def server_url(
    *, host: str | None, port: int, database: str | None, username: str | None, password: str | None
) -> URL:
    """The URL of a PostgreSQL server's database from its parts (``None``: not given)."""
    return URL.create(
        SERVER_DRIVER,
        username=username,
        password=password,
        host=host,
        port=port,
        database=database,
    )


def text_without_password(text: str) -> str:
    """An address as typed, its password (if any, also as an option) replaced by ``***``."""
    # The password runs to the first "@" (as SQLAlchemy reads it), and on over every further
    # "@" before the server's name (a password typed with a bare "@" holds one), but not
    # into the query string: an "@" there (?options=…@…) leaves host and database readable.
    text = re.sub(r"(://[^:/]*:)[^@]*@(?:(?:(?!\?\w+=)[^@])*@)*", r"\1***@", text, count=1)
    return re.sub(r"([?&](?:ssl)?password=)[^&#]*", r"\1***", text)


def is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def sqlite_file(url: URL) -> Path | None:
    """The file behind a SQLite URL, or ``None`` for an in-memory database."""
    if not is_sqlite(url) or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def sqlite_uri(path: Path, flags: str) -> str:
    """A SQLite URI filename, e.g. ``mode=ro`` (read only) or ``immutable=1``."""
    if os.name == "nt":
        return f"file:{pathname2url(str(path))}?{flags}"
    # The file name's bytes: a name that is no UTF-8 (a lone surrogate in Python) too.
    return f"file:{quote(os.fsencode(path))}?{flags}"


def sqlite_journal_mode(path: Path) -> str:
    """The journal mode of the SQLite file ``path``: the write-ahead log ("wal"), but on a
    network file system the rollback journal ("delete"): the log's shared memory (the
    ``-shm`` file) is each PC's own there, so that two PCs on one file in WAL mode damage it
    (SQLite's documentation; found by a tester: a secretariat keeps its files on a share)."""
    return "delete" if is_on_network(path) else "wal"


def shared_memory_uri(name: str) -> str:
    """The SQLite URI of the in-memory database ``name`` that connections share."""
    return f"file:{name}?mode=memory&cache=shared"


# libpq settings of every connection to a server (a URL's own query wins). The keepalives
# notice a network that died silently (a WLAN gone, a VPN dropped: no packet says the
# connection is over) within about half a minute while the connection is idle or waits for
# an answer: a query waiting on it, or the change feed listening on it, fails then and is
# retried, instead of waiting the system's two hours. tcp_user_timeout (milliseconds) does
# the same for a query sent but never acknowledged, which the system would otherwise
# retransmit for a quarter of an hour. (A server that is reachable but hangs is not
# noticed so: its system still answers; the watch of :mod:`server_watch` notices it, and a
# network gone, sooner. No statement_timeout either: the same engine runs a restore, a move
# to the server and an import, which must not be cut off however long they take, and a
# server that hangs would not keep its own timeout. A lock another connection holds is
# waited for only briefly by the window's sessions: ``lock_wait.LOCK_WAIT_MS``.)
# client_encoding: the texts travel as UTF-8 whatever the database's own encoding or
# ``PGCLIENTENCODING`` says (else psycopg encodes in that: a "…" or "€" failed in Python with
# a traceback for LATIN1, and SQL_ASCII's bytes broke the connection's first read); a
# database in another encoding than UTF8 is refused before tables are made in it
# (probe.probe_server), one made so earlier refuses what it cannot hold as a value.
SERVER_CONNECTION_SETTINGS: dict[str, int | str] = {
    "application_name": APPLICATION_NAME,
    "client_encoding": "UTF8",
    "connect_timeout": 5,
    "keepalives": 1,
    "keepalives_idle": 15,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 30_000,
}


def _server_settings(url: URL) -> dict[str, int | str]:
    """:data:`SERVER_CONNECTION_SETTINGS` but those the user set: in the URL's query, or the
    connect timeout in libpq's own variable ``PGCONNECT_TIMEOUT`` (a setting passed to the
    driver would win over it)."""
    given = set(url.query)
    if os.environ.get("PGCONNECT_TIMEOUT"):
        given.add("connect_timeout")
    return {name: value for name, value in SERVER_CONNECTION_SETTINGS.items() if name not in given}


def make_engine(
    url: URL,
    *,
    foreign_keys: bool = True,
    read_only: str | None = None,
    shared_memory: str | None = None,
) -> Engine:
    """``read_only``: SQLite URI flags (see :func:`sqlite_uri`) for a file opened to read.
    ``shared_memory``: for an in-memory ``url``, the name of one database in memory that the
    connections of every thread share (a plain ``:memory:`` one is each connection's own,
    and SQLAlchemy gives each thread its own connection); it lasts while one is open."""
    if not is_sqlite(url):
        # A connection the server dropped (restart, network, timeout) is replaced
        # unnoticed (connection_check). connect_timeout: an unreachable server is an error
        # after seconds, not a window that hangs (libpq waits forever by default).
        # The watch: a server that hangs does not keep work waiting (server_watch).
        settings = _server_settings(url)
        engine = create_engine(url, hide_parameters=True, connect_args=settings)
        check_connections_in_doubt(engine)
        watch_server(engine, settings)
        return engine
    path = sqlite_file(url)
    if read_only and path is not None:
        uri = sqlite_uri(path, read_only)
        engine = create_engine(
            url,
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            hide_parameters=True,
        )
    elif shared_memory is not None and path is None:
        uri = shared_memory_uri(shared_memory)
        engine = create_engine(
            url,
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            hide_parameters=True,
        )
    else:
        engine = create_engine(url, hide_parameters=True)
    mode = sqlite_journal_mode(path) if path is not None and not read_only else None

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if mode == "wal":
            cursor.execute("PRAGMA journal_mode=WAL")
        elif mode is not None:
            _leave_write_ahead_log(cursor, mode)
        if read_only:
            cursor.execute("PRAGMA query_only=ON")  # also where the file could be written
        cursor.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        writing = connection.get_execution_options().get(WRITING, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


def _leave_write_ahead_log(cursor: sqlite3.Cursor, mode: str) -> None:
    """Put the file into the rollback journal ``mode``, without waiting: leaving the
    write-ahead log needs the file to itself, and a file another program has open (another
    PC's older version of Expertenrat) stays as it is, to be switched by a later connection."""
    cursor.execute("PRAGMA busy_timeout=0")
    try:
        cursor.execute(f"PRAGMA journal_mode={mode}")
    except sqlite3.OperationalError:
        pass
    finally:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
