"""The copy kept before a server database is upgraded: a backup at its old revision in
``Sicherungen`` in this PC's data folder, which restores the data as it was; nothing is
upgraded when it cannot be written. (A SQLite file's copy lies beside it: test_opening.)"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable

import pytest
from old_schema import add_row
from racing_threads import in_thread, until_waiting_for_advisory_lock
from schema_reads import revision_of
from sqlalchemy import select, text
from sqlalchemy.engine import URL

from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.services.backup import BackupService
from expertenrat.services.database_choice import open_chosen
from expertenrat.services.server_upgrade_copy import copies_folder, copy_before_upgrade
from expertenrat.store import migrate, models, schema_revisions
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url, make_engine

OLD = "0011"
# Server databases only: a SQLite file's copy lies beside it (test_opening).
pytestmark = pytest.mark.parametrize("database_at", ["postgresql"], indirect=True)


def _old_server_database(database_at: Callable[[str], URL]) -> URL:
    """A database at ``OLD`` holding a council with a logo; its URL."""
    url = database_at(OLD)
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            add_row(connection, "councils", name="Alter Rat", city="Wismar", logo_png=b"\x89PNG")
    finally:
        engine.dispose()
    return url


def test_an_old_server_database_is_copied_at_its_revision_before_the_upgrade(database_at, tmp_path):
    url = _old_server_database(database_at)

    database = open_chosen(url)
    database.close()

    copies = sorted(copies_folder().glob("vor-update-von-*.zip"))
    assert [c.name[: len(f"vor-update-von-{OLD}-")] for c in copies] == [f"vor-update-von-{OLD}-"]
    assert database.backup_file == copies[0]
    manifest = json.loads(zipfile.ZipFile(copies[0]).read("manifest.json"))
    assert manifest["schema_revision"] == OLD
    assert "alembic_version" not in {t["name"] for t in manifest["tables"]}
    assert revision_of(url) == schema_revisions.head_revision()

    restored = open_database(database_url(str(tmp_path / "zurueck.db")))
    try:
        BackupService(restored).restore(copies[0], tmp_path / "kopien")
        with restored.reading() as session:
            councils = session.execute(select(models.Council.name, models.Council.logo_png)).all()
    finally:
        restored.close()
    assert councils == [("Alter Rat", b"\x89PNG")]


def test_the_copy_has_the_revision_its_tables_have(database_at, tmp_path):
    """(found by review) Two PCs start the new version at once: the other's upgrade
    commits between this PC reading the old revision and copying the tables, which it
    then labelled with the old revision; a restore would migrate them a second time."""
    url = database_at("head")  # the other PC's upgrade, done meanwhile

    copy = copy_before_upgrade(url, OLD, tmp_path)

    head = schema_revisions.head_revision()
    assert copy.name.startswith(f"vor-update-von-{head}-")
    assert json.loads(zipfile.ZipFile(copy).read("manifest.json"))["schema_revision"] == head


def test_the_copy_holds_expertenrat_s_tables_not_another_program_s_beside_them(
    database_at, tmp_path
):
    """A database other programs share: the search_path shows their tables beside
    Expertenrat's, and the copy took them (their data) too, or failed without the right
    to read them (found by a tester)."""
    url = database_at(OLD)
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE SCHEMA andere")
            connection.exec_driver_sql("CREATE TABLE andere.kunden (name text)")
            connection.exec_driver_sql("INSERT INTO andere.kunden VALUES ('Müller GmbH')")
    finally:
        engine.dispose()

    shared = url.update_query_dict({"options": "-csearch_path=public,andere"})
    copy = copy_before_upgrade(shared, OLD, tmp_path)

    manifest = json.loads(zipfile.ZipFile(copy).read("manifest.json"))
    copied = {t["name"] for t in manifest["tables"]}
    assert "councils" in copied and "kunden" not in copied


def test_the_copy_waits_for_an_upgrade_under_way(database_at, tmp_path):
    """(found by review) Another PC's upgrade holds the upgrade lock and has changed the
    schema, not yet committed: the copy read the tables as they were before it (a table
    the upgrade rewrites reads empty then) while the upgrade went on; it waits now and
    reads them upgraded."""
    url = database_at("head")
    engine = make_engine(url)
    try:
        with engine.connect() as upgrading:
            upgrading.execute(text(f"SELECT pg_advisory_xact_lock({migrate.UPGRADE_LOCK})"))
            upgrading.execute(text("UPDATE alembic_version SET version_num = '9999'"))
            thread, outcome = in_thread(lambda: copy_before_upgrade(url, OLD, tmp_path), "PC 2")
            # until the copy waits for the lock (or is done):
            until_waiting_for_advisory_lock(engine, thread, migrate.UPGRADE_LOCK)
            upgrading.commit()
            thread.join(60)
    finally:
        engine.dispose()

    assert len(outcome) == 1, outcome
    assert json.loads(zipfile.ZipFile(outcome[0]).read("manifest.json"))["schema_revision"] == (
        "9999"
    )


def test_a_current_server_database_is_not_copied(database_at):
    url = database_at("head")

    open_chosen(url).close()

    assert not copies_folder().exists() or list(copies_folder().iterdir()) == []


def test_no_copy_no_upgrade(database_at):
    """A file where the folder of the copies should be: refused, the database left old."""
    url = _old_server_database(database_at)
    copies_folder().parent.mkdir(parents=True, exist_ok=True)
    copies_folder().write_text("kein Ordner")

    with pytest.raises(DatabaseUnusableError) as caught:
        open_chosen(url)

    message = caught.value.message
    assert message.startswith("Vor der Aktualisierung der Datenbank „")
    assert (
        f"konnte keine Sicherung in „{copies_folder()}“ angelegt werden: Dort liegt eine "
        "Datei, kein Ordner." in message
    )
    assert message.endswith("Die Datenbank wurde nicht verändert.")
    assert revision_of(url) == OLD
