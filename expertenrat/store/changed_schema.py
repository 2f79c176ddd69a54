"""Refusing a change to a database whose schema has changed since this program opened it."""

from __future__ import annotations

from sqlalchemy import Connection, exc

from expertenrat.domain.errors import StorageError
from expertenrat.store import migrate, schema_revisions
from expertenrat.store.driver_errors import sqlstate

CHANGED_SCHEMA_STATE = "EXR01"  # the SQLSTATE of the server's refusal (a class of its own)


def refuse_changed_schema(connection: Connection, location: str, *, is_sqlite: bool) -> None:
    """Refuse a change to the database at ``location`` whose schema another PC (or another
    program on this PC) has brought to another revision since this program opened it: a
    newer version's upgrade while this window stayed open. Its statements are made for the
    schema it opened, and a change stored into another schema would leave data the other
    version reads wrongly. On PostgreSQL the change holds the upgrade lock shared until its
    commit: an upgrade waits for it, and it for an upgrade under way (then it reads the
    new revision); on SQLite the file's write lock, taken first, does the same."""
    if is_sqlite:
        row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        revision = row[0] if row else None
    else:
        revision = _server_revision_if_changed(connection)
    if revision == schema_revisions.head_revision():
        return
    if revision is not None and schema_revisions.is_known_revision(revision):
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
    case = f"Die Datenbank „{location}“ {cause}"  # the autosave's line: StorageError.case
    raise StorageError(f"{case} Es wurde nichts gespeichert.", case=case)


def _server_revision_if_changed(connection: Connection) -> str | None:
    """The server's revision, the upgrade lock taken shared, in one statement (one round
    trip before every change on a server far away, not two): a block that takes the lock,
    then reads the revision (a statement of its own inside the block, so it sees an upgrade
    committed while the lock was awaited), and raises :data:`CHANGED_SCHEMA_STATE` with it
    unless it is this program's. Returns the head revision when it is."""
    head = schema_revisions.head_revision()
    try:
        connection.exec_driver_sql(
            "DO $$ DECLARE revision text; BEGIN "
            f"PERFORM pg_advisory_xact_lock_shared({migrate.UPGRADE_LOCK}); "
            "SELECT version_num INTO revision FROM alembic_version LIMIT 1; "
            f"IF revision IS DISTINCT FROM '{head}' THEN RAISE EXCEPTION USING "
            f"ERRCODE = '{CHANGED_SCHEMA_STATE}', MESSAGE = 'schema changed', "
            "DETAIL = coalesce(revision, ''); END IF; END $$"
        )
    except exc.DBAPIError as error:
        if sqlstate(error.orig) != CHANGED_SCHEMA_STATE:
            raise
        return error.orig.diag.message_detail or None
    return head
