"""The copy of a server database kept before it is upgraded to this version's schema (see
:func:`services.database_choice.open_chosen`): a SQLite file gets its copy beside it from
the store (``…-vor-update-von-REVISION.db``); a server database, whose schema changes for
every PC at once, a portable backup at its old revision,
``vor-update-von-REVISION-YYYY-MM-DD-HHMMSS.zip`` in ``Sicherungen`` in this PC's data
folder. It is restored as any older backup: brought up to date by the migrations, or read
by the older version it came from.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import MetaData, exc
from sqlalchemy.engine import URL

from expertenrat import __version__
from expertenrat.domain.errors import DatabaseUnusableError, os_error_detail, os_error_text
from expertenrat.paths import user_data_dir
from expertenrat.services.backup_conversion import dump_tables
from expertenrat.services.files import FileWriteError, writing_file
from expertenrat.store.backup_format import Backup
from expertenrat.store.backup_writing import write_backup
from expertenrat.store.database_address import describe
from expertenrat.store.engine import make_engine
from expertenrat.store.migrate import UPGRADE_LOCK, own_schema
from expertenrat.store.work_problems import refused


def copies_folder() -> Path:
    """Where this PC keeps the copies of server databases (as before a restore)."""
    return user_data_dir() / "Sicherungen"


def copy_before_upgrade(url: URL, revision: str, folder: Path | None = None) -> Path:
    """Write every table of the server database ``url`` (at the older ``revision``, its
    tables as the server has them) as a backup into ``folder``; its path. Refused with
    a German message, the database left as it was."""
    folder = folder or copies_folder()
    now = datetime.now()
    failed = (
        f"Vor der Aktualisierung der Datenbank „{describe(url)}“ konnte keine Sicherung "
        "angelegt werden"
    )
    failed_in = failed.replace(" angelegt werden", f" in „{folder}“ angelegt werden")
    engine = make_engine(url)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with engine.connect() as connection:
            # An upgrade under way on another PC ends first, and none begins while the
            # tables are read: a table an upgrade rewrites reads empty in a snapshot taken
            # before its commit. Held for this connection, past the commit below.
            connection.exec_driver_sql(f"SELECT pg_advisory_lock_shared({UPGRADE_LOCK})")
            connection.commit()
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                # The revision the tables have in this read: another PC's new version may
                # have upgraded them since ``revision`` was read (both started at once),
                # and a copy labelled older than it is would be migrated again on restore.
                revision = (
                    connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
                    or revision
                )
                tables = MetaData()
                tables.reflect(connection, schema=own_schema(connection))
                dumped = [t for t in tables.sorted_tables if t.name != "alembic_version"]
                backup = Backup(
                    __version__, revision, datetime.now(UTC), tuple(dump_tables(connection, dumped))
                )
            connection.exec_driver_sql(f"SELECT pg_advisory_unlock_shared({UPGRADE_LOCK})")
            connection.commit()
        target = folder / f"vor-update-von-{revision}-{now:%Y-%m-%d-%H%M%S}.zip"
        with writing_file(target, private=True) as handle:
            write_backup(handle, backup)
    except FileWriteError as error:
        raise DatabaseUnusableError(
            f"{failed_in}: {error.message} Die Datenbank wurde nicht verändert.", error.detail
        ) from None
    except OSError as error:
        said = os_error_text(error)
        if isinstance(error, FileExistsError) and not folder.is_dir():
            said = "Dort liegt eine Datei, kein Ordner."  # not "existiert bereits"
        raise DatabaseUnusableError(
            f"{failed_in}: {said} Die Datenbank wurde nicht verändert.",
            os_error_detail(error),
        ) from None
    except exc.DBAPIError as error:
        raise DatabaseUnusableError(
            *refused(failed, error, "Die Datenbank wurde nicht verändert.", url=url)
        ) from None
    finally:
        engine.dispose()
    return target
