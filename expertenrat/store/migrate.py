"""Schema migrations with Alembic: the only way the schema is made or changed.

On SQLite, batch migrations rebuild tables (copy, drop, rename). With foreign keys on,
dropping a parent table deletes its children through ON DELETE CASCADE, so migrations
run on a connection whose foreign keys were switched off when it was opened (the pragma
is a no-op inside a transaction), and ``PRAGMA foreign_key_check`` proves afterwards that
nothing points into the void.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect
from sqlalchemy.engine import URL

from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.store.engine import is_sqlite, make_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def is_known_revision(revision: str) -> bool:
    try:
        return script_directory().get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown revision id
        return False


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return row[0] if row else None


def _run(url: URL, action: str, target: str) -> None:
    engine = make_engine(url, foreign_keys=False)
    try:
        with engine.connect() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            getattr(command, action)(config, target)
            connection.commit()
            if is_sqlite(url):
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                connection.rollback()
                if broken:
                    tables = sorted({row[0] for row in broken})
                    raise DatabaseUnusableError(
                        "Nach der Aktualisierung der Datenbank verweisen Einträge ins Leere "
                        f"(Tabellen: {', '.join(tables)}). "
                        "Bitte stellen Sie die Sicherung wieder her."
                    )
    finally:
        engine.dispose()


def upgrade(url: URL, target: str = "head") -> None:
    _run(url, "upgrade", target)


def downgrade(url: URL, target: str) -> None:
    _run(url, "downgrade", target)
