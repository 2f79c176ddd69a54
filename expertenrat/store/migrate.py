"""Schema migrations with Alembic: the only way an existing schema is changed.

A new, empty SQLite file is the one exception: :func:`create` builds it straight from the
models and records the head revision (what ``alembic stamp head`` would do), in a fifth
of the CPU time the migrations take to rebuild table after table. The test in
tests/store/test_schema_creation.py proves that both ways give the same tables, columns,
indexes, keys and checks; a migration that adds what the models cannot describe (rows, a
trigger, a view on SQLite) must add it to :func:`create` too. PostgreSQL always runs the
migrations (0011 adds a trigger there).

On SQLite, batch migrations rebuild tables (copy, drop, rename). With foreign keys on,
dropping a parent table deletes its children through ON DELETE CASCADE, so migrations
run on a connection whose foreign keys were switched off when it was opened (the pragma
is a no-op inside a transaction), and ``PRAGMA foreign_key_check`` proves afterwards that
nothing points into the void.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Column, Connection, MetaData, PrimaryKeyConstraint, String, Table, inspect
from sqlalchemy.engine import URL

from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.store import schema_revisions
from expertenrat.store.engine import is_sqlite, make_engine

if TYPE_CHECKING:
    from alembic.config import Config

# PostgreSQL advisory lock: an upgrade holds it exclusively, every change shared, so that a
# change never runs while another PC upgrades the schema (see ``Database.transaction``).
UPGRADE_LOCK = 727001


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(schema_revisions.MIGRATIONS_DIR))
    return config


def own_schema(connection: Connection) -> str | None:
    """Where Expertenrat's tables are on a server: the user's current schema (the first of
    its ``search_path`` that it may use, read when the engine first connected), never
    another one the ``search_path`` also shows (``public`` of a database that other
    programs share, their tables and their ``alembic_version`` there); ``None`` on SQLite.
    """
    if connection.dialect.name != "postgresql":
        return None
    return connection.dialect.default_schema_name


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version", schema=own_schema(connection)):
        return None
    row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return row[0] if row else None


def _run_on(connection: Connection, action: str, target: str) -> None:
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = connection
    getattr(command, action)(config, target)


def upgrade_within(connection: Connection) -> None:
    """Migrate a PostgreSQL database to head inside the transaction ``connection`` has
    begun: its DDL is transactional, so the schema goes again if that transaction is
    rolled back (Alembic leaves a transaction it did not begin to its owner)."""
    _run_on(connection, "upgrade", "head")


def _run(url: URL, action: str, target: str) -> None:
    """All pending migrations in one transaction, begun here: Alembic would commit each
    migration on its own on SQLite (it takes SQLite's DDL for not transactional, which on
    the engines of store.engine it is), so an upgrade failing at a later migration, or a
    program killed during it, left the file at a revision between, which neither the old
    version (too new for it) nor the new one (the same rule broken) would open."""
    engine = make_engine(url, foreign_keys=False)
    try:
        with engine.connect() as connection, connection.begin():
            _run_on(connection, action, target)
            if is_sqlite(url):
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:  # raised inside the transaction: it is rolled back
                    tables = sorted({row[0] for row in broken})
                    raise DatabaseUnusableError(
                        "Nach der Aktualisierung der Datenbank verwiesen Einträge ins Leere "
                        f"(Tabellen: {', '.join(tables)}); sie wurde daher nicht "
                        "aktualisiert und ist unverändert. Bitte wenden Sie sich an Ihre "
                        "IT-Betreuung."
                    )
    finally:
        engine.dispose()


def create(url: URL) -> None:
    """Give a database without a schema the head schema (see the module docstring).

    A SQLite file that holds any table or index at all is left to the migrations.
    """
    if not is_sqlite(url):
        upgrade(url)
        return
    from expertenrat.store.models import Base

    engine = make_engine(url, foreign_keys=False)
    try:
        with engine.begin() as connection:
            if connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar():
                created = False
            else:
                Base.metadata.create_all(connection, checkfirst=False)
                version = _version_table()
                version.create(connection)
                connection.execute(
                    version.insert().values(version_num=schema_revisions.head_revision())
                )
                created = True
    finally:
        engine.dispose()
    if not created:
        upgrade(url)


def _version_table() -> Table:
    """Alembic's own table of the revision, as Alembic creates it."""
    return Table(
        "alembic_version",
        MetaData(),
        Column("version_num", String(32), nullable=False),
        PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
    )


def upgrade(url: URL, target: str = "head") -> None:
    _run(url, "upgrade", target)


def downgrade(url: URL, target: str) -> None:
    _run(url, "downgrade", target)
