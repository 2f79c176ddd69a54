"""Refusing a change to a database whose schema has changed since this program opened it."""

from __future__ import annotations

from sqlalchemy import Connection

from expertenrat.domain.errors import StorageError
from expertenrat.store import migrate


def refuse_changed_schema(connection: Connection, location: str, *, is_sqlite: bool) -> None:
    """Refuse a change to the database at ``location`` whose schema another PC (or another
    program on this PC) has brought to another revision since this program opened it: a
    newer version's upgrade while this window stayed open. Its statements are made for the
    schema it opened, and a change stored into another schema would leave data the other
    version reads wrongly. On PostgreSQL the change holds the upgrade lock shared until its
    commit: an upgrade waits for it, and it for an upgrade under way (then it reads the
    new revision); on SQLite the file's write lock, taken first, does the same."""
    if not is_sqlite:
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock_shared({migrate.UPGRADE_LOCK})")
    row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    revision = row[0] if row else None
    if revision == migrate.head_revision():
        return
    if revision is not None and migrate.is_known_revision(revision):
        cause = (
            f"hat inzwischen einen älteren Schemastand ({revision}), etwa weil eine alte "
            "Kopie zurückgespielt wurde. Bitte starten Sie das Programm neu; es "
            "aktualisiert die Datenbank dann wieder."
        )
    else:
        cause = (
            "wurde inzwischen von einer neueren Version von Expertenrat aktualisiert"
            f"{f' (Schemastand {revision})' if revision else ''}. Diese Version kann dort "
            "nichts mehr speichern. Bitte beenden Sie das Programm und installieren Sie "
            "die aktuelle Version."
        )
    raise StorageError(f"Die Datenbank „{location}“ {cause} Es wurde nichts gespeichert.")
