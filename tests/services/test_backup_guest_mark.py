"""Backups carry a guest's mark "nur im nichtöffentlichen Teil anwesend" (revision 0030);
a backup made before the mark existed restores its guests unmarked."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from old_schema import add_held_meeting, add_row
from sqlalchemy import MetaData, select

from expertenrat.services.backup import BackupService
from expertenrat.services.backup_conversion import dump_tables
from expertenrat.store import migrate, schema_revisions
from expertenrat.store.backup_format import Backup, TablePart
from expertenrat.store.backup_writing import write_backup
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url, make_engine
from expertenrat.store.models import Guest


def _guests_at(path: Path, revision: str, **guest: object) -> list[TablePart]:
    """A SQLite file ``path`` at ``revision`` with a council, a held meeting and the
    guests "Horst Geheimgast" (with ``guest``'s columns) and "Ina Wendt"; its tables as a
    backup's parts."""
    url = database_url(str(path))
    migrate.upgrade(url, revision)
    engine = make_engine(url)
    try:
        metadata = MetaData()
        metadata.reflect(engine)
        with engine.begin() as connection:
            council = add_row(connection, "councils", name="Rat", city="Rostock")
            meeting = add_held_meeting(connection, council)
            add_row(connection, "guests", meeting_id=meeting, name="Horst Geheimgast",
                    affiliation="Vergabestelle", **guest)  # fmt: skip
            add_row(connection, "guests", meeting_id=meeting, name="Ina Wendt")
            tables = [t for t in metadata.sorted_tables if t.name != "alembic_version"]
            return dump_tables(connection, tables)
    finally:
        engine.dispose()


def _restored_marks(database, backup: Backup | Path, tmp_path: Path) -> list[tuple[str, bool]]:
    """Restore ``backup`` (a file, or written to one first) into ``database``; its guests."""
    path = backup if isinstance(backup, Path) else tmp_path / f"sicherung-{id(database)}.zip"
    if not isinstance(backup, Path):
        with path.open("wb") as handle:
            write_backup(handle, backup)
    BackupService(database).restore(path, tmp_path / f"kept-{id(database)}")
    with database.reading() as session:
        rows = session.execute(select(Guest.name, Guest.non_public_only).order_by(Guest.id))
        return [tuple(row) for row in rows]


def test_a_backup_carries_the_mark(database, tmp_path) -> None:
    parts = _guests_at(
        tmp_path / "jetzt.db", schema_revisions.head_revision(), non_public_only=True
    )
    backup = Backup("0.1", schema_revisions.head_revision(), datetime.now(UTC), tuple(parts))
    source = open_database(database_url(str(tmp_path / "quelle.db")))
    try:  # restored, backed up by the service, restored into the other database
        _restored_marks(source, backup, tmp_path)
        again = tmp_path / "vom-dienst.zip"
        BackupService(source).backup(again)
    finally:
        source.close()

    restored = _restored_marks(database, again, tmp_path)

    assert restored == [("Horst Geheimgast", True), ("Ina Wendt", False)]


def test_an_older_backup_restores_its_guests_unmarked(database, tmp_path) -> None:
    parts = _guests_at(tmp_path / "alt.db", "0029")
    assert all("non_public_only" not in dict(p.columns) for p in parts)

    restored = _restored_marks(database, Backup("0.0.9", "0029", datetime.now(UTC), tuple(parts)),
                               tmp_path)  # fmt: skip

    assert restored == [("Horst Geheimgast", False), ("Ina Wendt", False)]
