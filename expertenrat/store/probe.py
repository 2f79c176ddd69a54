"""Look at a database before anything is written: is it ours, which revision, is it whole?

Reads only: a file or server database that is not ours is never written to.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, exc, inspect

from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.store import migrate, schema_revisions
from expertenrat.store.engine import SQLITE_HEADER, sqlite_uri
from expertenrat.store.privilege_problems import sql_identifier
from expertenrat.store.problems import damaged, read_only_file, sqlite_problem
from expertenrat.store.server_problems import server_problem

# A writable file in a writable folder is read through a read-write connection that
# refuses writes (``PRAGMA query_only``, see engine.make_engine): only such a connection
# can tidy up SQLite's -wal and -shm files when it closes.
READ_QUERY_ONLY = "mode=rw"
READ_ONLY = "mode=ro"
# A folder without write permission has no room for SQLite's shared-memory file, so a
# file there is read as "immutable" (no locks) — only if no write-ahead log waits in it.
READ_ONLY_NO_LOCKS = "immutable=1"


@dataclass(frozen=True)
class Probe:
    """What was found: the schema revision (``None``: no schema yet) and, for a file
    opened to read, the SQLite URI flags that worked."""

    revision: str | None
    read_flags: str | None = None


def probe_sqlite_file(path: Path, *, read_only: bool) -> Probe:
    if path.is_dir():
        raise DatabaseUnusableError(f"„{path}“ ist ein Ordner, keine Datenbankdatei.")
    if not path.exists() or path.stat().st_size == 0:
        return Probe(None)
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise DatabaseUnusableError(
                f"Die Datei „{path}“ ist keine Expertenrat-Datenbank. "
                "Sie wurde nicht verändert. Bitte wählen Sie eine andere Datei."
            )
    if not read_only:
        _check_writable(path)
        return Probe(_read_revision(path, None))
    if os.access(path, os.W_OK) and os.access(path.parent, os.W_OK):
        return Probe(_read_revision(path, READ_QUERY_ONLY), READ_QUERY_ONLY)
    try:
        return Probe(_read_revision(path, READ_ONLY), READ_ONLY)
    except DatabaseUnusableError as error:
        if not isinstance(error.__cause__, sqlite3.Error) or _has_pending_log(path):
            raise
        name = getattr(error.__cause__, "sqlite_errorname", "")
        if name not in ("SQLITE_READONLY_DIRECTORY", "SQLITE_CANTOPEN"):
            raise
    return Probe(_read_revision(path, READ_ONLY_NO_LOCKS), READ_ONLY_NO_LOCKS)


def _has_pending_log(path: Path) -> bool:
    log = path.with_name(path.name + "-wal")
    return log.exists() and log.stat().st_size > 0


def _check_writable(path: Path) -> None:
    """Open the file for writing and close it again: nothing is written."""
    try:
        os.close(os.open(path, os.O_RDWR))
    except OSError as error:
        raise read_only_file(path) from error


def _read_revision(path: Path, flags: str | None) -> str | None:
    try:
        if flags is None:
            connection = sqlite3.connect(path)
        else:
            connection = sqlite3.connect(sqlite_uri(path, flags), uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                if tables:
                    raise DatabaseUnusableError(
                        f"Die Datei „{path}“ ist eine SQLite-Datenbank, aber keine von "
                        "Expertenrat. Sie wurde nicht verändert."
                    )
                return None
            check = connection.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise damaged(path, (check[0] if check else "?").splitlines()[-1])
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise sqlite_problem(path, error) from error


def probe_server(engine: Engine, location: str) -> Probe:
    """Look at the server database of ``engine``; its connection stays in the pool, for
    the work that follows on the same engine (a new one costs several round trips). Outside
    a transaction, as the window's reads (store.read_sessions): no BEGIN and ROLLBACK."""
    try:
        with engine.execution_options(isolation_level="AUTOCOMMIT").connect() as connection:
            revision = migrate.current_revision(connection)
            if revision is None:
                _refuse_tables_behind_own_schema(connection, location)
                _refuse_other_encodings(connection, location)
                schema = migrate.own_schema(connection)
                foreign = sorted(inspect(connection).get_table_names(schema=schema))
                if foreign:
                    _refuse_foreign_tables(connection, location, foreign)
            return Probe(revision)
    except exc.DBAPIError as error:
        raise server_problem(error, engine.url, location) from error


def _refuse_tables_behind_own_schema(connection: Connection, location: str) -> None:
    """Expertenrat's tables in a schema the ``search_path`` names after the user's own
    (``public``, where they were made before a schema of the user's name was): the data
    the user worked with, which the own schema (:func:`migrate.own_schema`) hides. Taken
    as an empty database, the window showed no council, and one made there was the
    user's alone, beside the colleagues' data. The schemas are read from the catalog."""
    own = migrate.own_schema(connection)
    behind = connection.exec_driver_sql(
        "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relname = 'alembic_version' AND c.relkind IN ('r', 'p') "
        "AND n.nspname = ANY (current_schemas(false)) AND n.nspname <> current_schema()"
    ).scalars()
    for schema in behind:
        try:
            version = connection.exec_driver_sql(
                f"SELECT version_num FROM {sql_identifier(schema)}.alembic_version"
            ).scalar()
        except exc.DBAPIError:  # not the user's to read: not the data the user worked with
            continue
        if version is None or not schema_revisions.is_known_revision(version):
            continue  # another program's Alembic
        info = connection.connection.driver_connection.info
        user, base = sql_identifier(info.user), sql_identifier(info.dbname)
        raise DatabaseUnusableError(
            f"Die Tabellen von Expertenrat liegen in der Datenbank „{location}“ im Schema "
            f"„{schema}“, der Benutzer „{info.user}“ arbeitet aber im Schema „{own}“, das "
            f"PostgreSQL vor „{schema}“ nimmt; dort ist nichts von Expertenrat. Es wurde "
            "nichts verändert. Damit das Programm die Daten wieder findet, bitten Sie Ihre "
            "IT-Betreuung, den Suchpfad des Benutzers darauf zu setzen: ALTER ROLE "
            f"{user} IN DATABASE {base} SET search_path = {sql_identifier(schema)};"
        )


def _refuse_other_encodings(connection: Connection, location: str) -> None:
    """A database not in UTF8 could not hold every text (LATIN1 has no "€", no "Ł", no
    emoji; SQL_ASCII checks nothing): its tables are not made. The server told its
    encoding when the connection began. An empty one is advised to be made anew; one that
    holds other programs' tables (in any schema, a database a city's programs share) a
    database of Expertenrat's own beside it: "DROP DATABASE" would delete their data."""
    info = connection.connection.driver_connection.info
    encoding = info.parameter_status("server_encoding")
    if encoding in (None, "UTF8"):
        return
    owner = sql_identifier(info.user)
    if _holds_tables(connection):
        advice = (
            "Sie enthält Tabellen anderer Programme und darf nicht gelöscht werden. Bitten "
            "Sie Ihre IT-Betreuung, für Expertenrat eine eigene Datenbank in UTF8 anzulegen: "
            f"CREATE DATABASE expertenrat OWNER {owner} ENCODING 'UTF8' TEMPLATE template0;"
        )
    else:
        base = sql_identifier(info.dbname)
        advice = (
            "Bitten Sie Ihre IT-Betreuung, die leere Datenbank zu löschen und so neu "
            f"anzulegen: DROP DATABASE {base}; CREATE DATABASE {base} OWNER {owner} "
            "ENCODING 'UTF8' TEMPLATE template0;"
        )
    raise DatabaseUnusableError(
        f"Die Datenbank „{location}“ ist in der Zeichenkodierung {encoding} angelegt, die "
        "nicht jedes Zeichen sicher speichert (etwa „€“, „Ł“ oder Emojis). Expertenrat "
        f"braucht eine Datenbank in UTF8 und hat nichts angelegt. {advice}"
    )


def _holds_tables(connection: Connection) -> bool:
    """Whether the database holds a table, view or sequence in any schema but the system's
    (also one the user may not read: the catalog shows it to every user)."""
    return bool(
        connection.exec_driver_sql(
            "SELECT EXISTS (SELECT FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') "
            "AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
            "AND left(n.nspname, 3) <> 'pg_')"
        ).scalar()
    )


def _refuse_foreign_tables(connection: Connection, location: str, foreign: list[str]) -> None:
    """Other programs' tables where Expertenrat's would go: a database of its own, or (in
    ``public`` of a database others share) a schema of the user's own, which PostgreSQL's
    default ``search_path`` ("$user", public) takes before ``public``."""
    shown = ", ".join(foreign[:5]) + (" …" if len(foreign) > 5 else "")
    advice = "Bitte legen Sie für Expertenrat eine eigene, leere Datenbank an"
    if migrate.own_schema(connection) == "public":
        user = sql_identifier(connection.connection.driver_connection.info.user)
        advice += (
            ", oder geben Sie dem Benutzer darin ein eigenes Schema: "
            f"CREATE SCHEMA {user} AUTHORIZATION {user};"
        )
    else:
        advice += "."
    raise DatabaseUnusableError(
        f"Die Datenbank „{location}“ enthält schon Tabellen ({shown}), aber keine von "
        f"Expertenrat. Sie wurde nicht verändert. {advice}"
    )
