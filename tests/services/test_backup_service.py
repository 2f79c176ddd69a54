"""Backup and restore in the portable format: round trips, refusals, consistency."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import socket
import sqlite3
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from logo_images import png
from sqlalchemy import MetaData, exc, inspect, select, text, update
from sqlite_copies import opened_sqlite_copy

from expertenrat import __version__
from expertenrat.domain.councils import CouncilSettings
from expertenrat.services import backup as backup_service
from expertenrat.services import backup_conversion, restore_copy
from expertenrat.services.backup import BackupService
from expertenrat.services.backup_conversion import dump_tables
from expertenrat.services.backup_file import read_backup_file
from expertenrat.services.demo import DemoService
from expertenrat.services.settings import SettingsService
from expertenrat.store import migrate, schema_revisions
from expertenrat.store.backup_format import Backup, BackupError, TablePart
from expertenrat.store.backup_reading import read_backup
from expertenrat.store.backup_writing import write_backup
from expertenrat.store.database import Database
from expertenrat.store.database_opening import Create, open_database
from expertenrat.store.engine import database_url, make_engine, sqlite_file
from expertenrat.store.models import (
    AgendaItem,
    AppointmentPeriod,
    Base,
    ConsentEntry,
    LateInvitation,
    Person,
)
from expertenrat.store.sqlite_copy import copy_sqlite

ACTOR = "Frau Schulz"
DEMO_TODAY = date(2026, 11, 27)  # the day the module's two-council demo is loaded on


def table_rows(database: Database) -> dict[str, list[list[object]]]:
    with database.engine.connect() as connection:
        return {p.name: p.rows for p in dump_tables(connection, Base.metadata.sorted_tables)}


@pytest.fixture(scope="module")
def two_council_demo(tmp_path_factory) -> Path:
    """A SQLite file with the demo of two councils over two years, built once."""
    path = tmp_path_factory.mktemp("two-councils") / "demo.db"
    database = open_database(database_url(str(path)))
    try:
        DemoService(database, ACTOR).load(DEMO_TODAY, councils=2, years=2)
    finally:
        database.close()
    return path


@pytest.fixture
def demo_sqlite(two_council_demo, tmp_path) -> Iterator[Database]:
    with opened_sqlite_copy(two_council_demo, tmp_path) as database:
        yield database


@pytest.fixture
def postgres_database(empty_postgres_url):
    """A PostgreSQL database whose schema the program made, as on a new server database."""
    db = open_database(empty_postgres_url)
    yield db
    db.close()


def test_round_trip_sqlite_postgresql_sqlite_keeps_every_row(
    demo_sqlite, postgres_database, tmp_path, today
):
    with demo_sqlite.transaction() as session:  # an item postponed: a column the demo leaves
        postponing = update(AgendaItem).where(AgendaItem.id == 3).values(outcome="postponed")
        assert session.execute(postponing).rowcount == 1
        # an invitation sent on to a member: a table the demo leaves empty
        session.add(LateInvitation(meeting_id=1, membership_id=1, sent_on=date(2026, 3, 2)))
        # and an appointment period (open: its end is None)
        session.add(AppointmentPeriod(council_id=1, name="Periode", starts_on=date(2024, 9, 25)))
    original = table_rows(demo_sqlite)
    filled = ("persons", "meetings", "votes", "consent_entries", "late_invitations")
    filled += ("appointment_periods",)
    assert all(original[name] for name in filled)
    first = tmp_path / "sicherung.zip"
    BackupService(demo_sqlite).backup(first)

    into_server = BackupService(postgres_database).restore(first, tmp_path / "kept")
    assert into_server.kept_copy is None  # the server was empty: nothing to keep
    assert table_rows(postgres_database) == original

    second = tmp_path / "vom-server.zip"
    BackupService(postgres_database).backup(second)
    target = open_database(database_url(str(tmp_path / "zurueck.db")))
    try:
        BackupService(target).restore(second, tmp_path / "kept")
        assert table_rows(target) == original
    finally:
        target.close()
    # The server's sequences continue after the restored ids.
    SettingsService(postgres_database, ACTOR).create_council(
        CouncilSettings(id=None, name="Smarte Köpfe", city="Rostock")
    )


def test_restore_keeps_a_copy_of_the_replaced_sqlite_data(demo_sqlite, tmp_path):
    backup = tmp_path / "sicherung.zip"
    BackupService(demo_sqlite).backup(backup)
    before = table_rows(demo_sqlite)
    SettingsService(demo_sqlite, ACTOR).create_council(
        CouncilSettings(id=None, name="Neu & „anders“ 🙂", city="Wismar")
    )
    changed = table_rows(demo_sqlite)

    summary = BackupService(demo_sqlite).restore(backup, tmp_path / "kept")

    assert table_rows(demo_sqlite) == before
    assert summary.kept_copy is not None and "vor-wiederherstellung" in summary.kept_copy.name
    kept = open_database(database_url(str(summary.kept_copy)))
    try:
        assert table_rows(kept) == changed
    finally:
        kept.close()


def test_the_kept_copy_gets_its_name_only_once_complete(demo_database, tmp_path, monkeypatch):
    """A restore killed while copying the old data left half a copy (a SQLite file with
    its journal: empty once rolled back) under the name of a whole one."""
    backup = tmp_path / "sicherung.zip"
    BackupService(demo_database).backup(backup)
    being_written: list[Path] = []
    copy_sqlite_, write_zip = restore_copy.copy_sqlite, restore_copy._write_zip

    def copying(source, target, *rest):
        being_written.append(target)
        copy_sqlite_(source, target, *rest)

    def zipping(target, data):
        being_written.append(target)
        write_zip(target, data)

    monkeypatch.setattr(restore_copy, "copy_sqlite", copying)
    monkeypatch.setattr(restore_copy, "_write_zip", zipping)

    summary = BackupService(demo_database).restore(backup, tmp_path / "kept")

    assert summary.kept_copy is not None and summary.kept_copy.stat().st_size > 0
    (written,) = being_written
    assert written != summary.kept_copy
    assert not written.exists()  # renamed into place


def test_a_change_another_program_saves_during_a_restore_is_in_the_kept_copy(
    demo_sqlite, tmp_path, monkeypatch
):
    """The copy is made under the restore's write lock: another program's change (another
    PC on the same file, its minutes autosave) can no longer come between the copy and the
    replacement, where it would be in neither."""
    backup = tmp_path / "sicherung.zip"
    BackupService(demo_sqlite).backup(backup)
    SettingsService(demo_sqlite, ACTOR).create_council(
        CouncilSettings(id=None, name="Neu", city="Wismar")
    )
    changed = table_rows(demo_sqlite)
    file = sqlite_file(demo_sqlite.url)
    other_program_saved = []

    def copy_then_another_program_saves(source, target, read_flags=None):
        copy_sqlite(source, target, read_flags)
        other = sqlite3.connect(file, timeout=0)
        try:
            other.execute("UPDATE councils SET city = 'Anderswo'")
            other.commit()
            other_program_saved.append(True)
        except sqlite3.OperationalError:
            pass  # locked: it saves after the restore (its autosave tries again)
        finally:
            other.close()

    monkeypatch.setattr(restore_copy, "copy_sqlite", copy_then_another_program_saves)
    summary = BackupService(demo_sqlite).restore(backup, tmp_path / "kept")

    assert other_program_saved == []
    assert summary.kept_copy is not None
    kept = open_database(database_url(str(summary.kept_copy)))
    try:
        assert table_rows(kept) == changed
    finally:
        kept.close()


def test_a_restore_while_another_program_saves_waits_for_it_instead_of_failing(
    demo_sqlite, tmp_path
):
    """Found by a tester: begun for reading, the restore's transaction failed at once with
    'gerade von einem anderen Programm gesperrt' whenever another PC on the same file was
    saving (its minutes' autosave), instead of waiting the moment that takes."""
    backup = tmp_path / "sicherung.zip"
    BackupService(demo_sqlite).backup(backup)
    saving, restoring = threading.Event(), threading.Event()

    def another_program_saves() -> None:
        other = sqlite3.connect(sqlite_file(demo_sqlite.url), isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("UPDATE councils SET city = 'Anderswo'")
            saving.set()
            restoring.wait(30)
            threading.Event().wait(0.5)  # the restore asks for the file meanwhile
            other.execute("COMMIT")
        finally:
            other.close()

    other_program = threading.Thread(target=another_program_saves)
    other_program.start()
    assert saving.wait(30)
    restoring.set()
    try:
        summary = BackupService(demo_sqlite).restore(backup, tmp_path / "kept")
    finally:
        other_program.join(30)

    assert summary.kept_copy is not None
    with demo_sqlite.engine.connect() as connection:
        assert "Anderswo" not in set(connection.scalars(text("SELECT city FROM councils")))


def test_a_change_another_pc_saves_during_a_server_restore_is_kept(
    demo_database, tmp_path, monkeypatch
):
    """PostgreSQL's copy of the old data was read before the restore's transaction: a
    change another PC saved between the copy and the replacement was in neither (found by
    a tester). Now the copy is read in that transaction once every table is locked; the
    other PC's change waits for the restore and is saved after it."""
    if demo_database.is_sqlite:
        pytest.skip("a SQLite file's copy: see the test above")
    backup = tmp_path / "sicherung.zip"
    BackupService(demo_database).backup(backup)
    write_zip = restore_copy._write_zip
    other_pc: list[threading.Thread] = []

    def another_pc_saves():
        with demo_database.engine.begin() as connection:
            connection.execute(text("UPDATE councils SET city = 'Anderswo'"))

    def another_pc_saves_while_copying(target, data):
        other_pc.append(threading.Thread(target=another_pc_saves))
        other_pc[0].start()
        other_pc[0].join(2.0)  # time to save, if nothing made it wait
        write_zip(target, data)

    monkeypatch.setattr(restore_copy, "_write_zip", another_pc_saves_while_copying)
    summary = BackupService(demo_database).restore(backup, tmp_path / "kept")
    other_pc[0].join(30)

    assert summary.kept_copy is not None
    with demo_database.engine.connect() as connection:
        cities = set(connection.scalars(text("SELECT city FROM councils")))
    assert cities == {"Anderswo"}  # saved after the restore, not lost in it


def test_restore_into_a_new_sqlite_file_keeps_no_copy_of_the_empty_file(demo_sqlite, tmp_path):
    backup = tmp_path / "sicherung.zip"
    BackupService(demo_sqlite).backup(backup)
    target = open_database(database_url(str(tmp_path / "neu" / "leer.db")))
    try:
        summary = BackupService(target).restore(backup, tmp_path / "kept")
        assert table_rows(target) == table_rows(demo_sqlite)
    finally:
        target.close()
    assert summary.kept_copy is None
    assert sorted(p.name for p in (tmp_path / "neu").iterdir() if "vor-" in p.name) == []
    assert not (tmp_path / "kept").exists()


def _journal(database: Database) -> tuple[str, int]:
    """The SQLite file's journal mode and the size of its write-ahead log; the connection
    waits for the disk again (``synchronous=FULL``, 2) after a restore that did not."""
    with database.engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
    log = Path(f"{database.url.database}-wal")
    return mode, log.stat().st_size if log.exists() else 0


def test_restore_into_a_new_sqlite_file_bypasses_the_write_ahead_log(demo_sqlite, tmp_path):
    """Nothing to keep: the rows go straight into the file, which is in WAL mode again."""
    backup = tmp_path / "sicherung.zip"
    BackupService(demo_sqlite).backup(backup)
    target = open_database(database_url(str(tmp_path / "neu.db")))
    try:
        BackupService(target).restore(backup, tmp_path / "kept")
        assert _journal(target) == ("wal", 0)
        assert table_rows(target) == table_rows(demo_sqlite)
    finally:
        target.close()


def test_restore_into_a_new_sqlite_file_another_program_reads_uses_the_log(demo_sqlite, tmp_path):
    backup = tmp_path / "sicherung.zip"
    BackupService(demo_sqlite).backup(backup)
    target = open_database(database_url(str(tmp_path / "neu.db")))
    other = sqlite3.connect(tmp_path / "neu.db")
    try:
        other.execute("SELECT count(*) FROM persons").fetchone()
        BackupService(target).restore(backup, tmp_path / "kept")
        mode, log_size = _journal(target)
        assert mode == "wal" and log_size > 0
        assert other.execute("SELECT count(*) FROM persons").fetchone()[0] > 0
        assert table_rows(target) == table_rows(demo_sqlite)
    finally:
        other.close()
        target.close()


def test_parts_larger_than_the_plain_zip_limit_are_written_and_restored(
    demo_sqlite, tmp_path, monkeypatch
):
    """Years of stored PDFs can pass 2 GiB in one part; the zip's limit, lowered to 4 KiB
    here, shows that every part is written with zip64 sizes and read back."""
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", 4096)
    backup = tmp_path / "sicherung.zip"
    BackupService(demo_sqlite).backup(backup)
    with zipfile.ZipFile(backup) as zf:
        assert zf.getinfo("tables/minutes_versions.json").file_size > 4096
    expected = table_rows(demo_sqlite)
    SettingsService(demo_sqlite, ACTOR).create_council(
        CouncilSettings(id=None, name="Später", city="Wismar")
    )

    BackupService(demo_sqlite).restore(backup, tmp_path / "kept")

    assert table_rows(demo_sqlite) == expected


def test_a_backup_with_every_part_deflated_still_restores(demo_sqlite, tmp_path):
    """Backups made before the stored-PDF parts were left uncompressed deflate every part."""
    backup = tmp_path / "sicherung.zip"
    BackupService(demo_sqlite).backup(backup)
    with zipfile.ZipFile(backup) as zf:
        methods = {info.filename: info.compress_type for info in zf.infolist()}
    assert methods["tables/minutes_versions.json"] == zipfile.ZIP_STORED
    assert methods["tables/persons.json"] == zipfile.ZIP_DEFLATED
    old = tmp_path / "alt.zip"
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(old, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info), zipfile.ZIP_DEFLATED, 6)
    expected = table_rows(demo_sqlite)
    SettingsService(demo_sqlite, ACTOR).create_council(
        CouncilSettings(id=None, name="Später", city="Wismar")
    )

    BackupService(demo_sqlite).restore(old, tmp_path / "kept")

    assert table_rows(demo_sqlite) == expected


def test_restore_into_postgresql_with_data_keeps_a_portable_copy(
    postgres_database, demo_sqlite, tmp_path, today
):
    DemoService(postgres_database, ACTOR).load(today, councils=1, years=1)
    old = table_rows(postgres_database)
    backup = tmp_path / "sicherung.zip"
    BackupService(demo_sqlite).backup(backup)

    summary = BackupService(postgres_database).restore(backup, tmp_path / "kept")

    assert summary.kept_copy is not None and summary.kept_copy.parent == tmp_path / "kept"
    assert table_rows(postgres_database) == table_rows(demo_sqlite)
    BackupService(postgres_database).restore(summary.kept_copy, tmp_path / "kept2")
    assert table_rows(postgres_database) == old


def _rewrite(source: Path, target: Path, change) -> None:
    """Copy the zip, letting ``change(name, data)`` return new data (or None to drop)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = change(info.filename, old.read(info))
            if data is not None:
                new.writestr(info.filename, data)


def _tamper(name: str, data: bytes) -> bytes:
    if name == "tables/persons.json":
        return data.replace(b"Rostock", b"Rostocq", 1) if b"Rostock" in data else data + b" "
    return data


def _newer(name: str, data: bytes) -> bytes:
    if name != "manifest.json":
        return data
    manifest = json.loads(data)
    manifest["schema_revision"] = "9999"
    return json.dumps(manifest).encode()


def _manifest_entry(key: str, value):
    """A change that sets the manifest's ``key`` to ``value``."""

    def change(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        return json.dumps({**json.loads(data), key: value}).encode()

    return change


def _fewer_rows(name: str, data: bytes) -> bytes:
    if name != "manifest.json":
        return data
    manifest = json.loads(data)
    for entry in manifest["tables"]:
        if entry["name"] == "persons":
            entry["rows"] += 1
    return json.dumps(manifest).encode()


def _bad_files(backup: Path, tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Each way a restore file can be wrong, with the message it must give."""
    files = {}
    truncated = tmp_path / "abgeschnitten.zip"
    truncated.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    files["truncated"] = (truncated, "keine gültige Expertenrat-Sicherung oder unvollständig")
    tampered = tmp_path / "verändert.zip"
    _rewrite(backup, tampered, _tamper)
    files["tampered"] = (tampered, "Prüfsumme stimmt nicht")
    cut = tmp_path / "verändert-kein-json.zip"  # parsed while hashed: still called changed
    _rewrite(backup, cut, lambda name, data: data[:-2] if name == "tables/persons.json" else data)
    files["tampered, no longer JSON"] = (cut, "Prüfsumme stimmt nicht")
    newer = tmp_path / "neuer.zip"
    _rewrite(backup, newer, _newer)
    files["newer"] = (newer, "neueren Version")
    invalid = "Die Datei ist keine gültige Expertenrat-Sicherung (beschädigt oder verändert): "
    for case, key, value, says in (
        ("revision a number", "schema_revision", 13, "der Schemastand in ihrem Inhalts"),
        ("revision empty", "schema_revision", " ", "der Schemastand"),
        ("format version text", "format_version", "1", "die Formatversion in ihrem Inhalts"),
        ("format version true", "format_version", True, "die Formatversion"),
        ("format version 0", "format_version", 0, "die Formatversion"),
    ):
        path = tmp_path / f"{case}.zip"
        _rewrite(backup, path, _manifest_entry(key, value))
        files[case] = (path, invalid + says)
    counts = tmp_path / "zählung.zip"
    _rewrite(backup, counts, _fewer_rows)
    files["counts"] = (counts, "unvollständig")
    missing = tmp_path / "ohne-tabelle.zip"
    _rewrite(backup, missing, lambda n, d: None if n == "tables/votes.json" else d)
    files["missing part"] = (missing, "fehlt die Tabelle „votes“")
    text = tmp_path / "notizen.zip"
    text.write_text("Einkaufsliste", encoding="utf-8")
    files["not a zip"] = (text, "keine gültige Expertenrat-Sicherung")
    foreign = tmp_path / "fremd.zip"
    with zipfile.ZipFile(foreign, "w") as zf:
        zf.writestr("tables/bilder.json", "{}")
    files["foreign zip"] = (foreign, "keine Expertenrat-Sicherung (es fehlt manifest.json)")
    other_program = tmp_path / "anderes-programm.zip"
    with zipfile.ZipFile(other_program, "w") as zf:
        zf.writestr("manifest.json", json.dumps({"format": "fotoalbum", "format_version": 1}))
    files["another program's manifest"] = (
        other_program,
        "keine Expertenrat-Sicherung (ihre manifest.json ist die eines anderen Programms)",
    )
    traversal = tmp_path / "pfad.zip"
    _rewrite(backup, traversal, lambda n, d: d)
    with zipfile.ZipFile(traversal, "a") as zf:
        zf.writestr("../../etc/boese.json", "{}")
    files["path traversal"] = (traversal, "unzulässigen Dateinamen („../../etc/boese.json“)")
    bomb = tmp_path / "bombe.zip"
    _rewrite(backup, bomb, lambda n, d: d)
    with zipfile.ZipFile(bomb, "a", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("tables/bombe.json", b"0" * (30 * 1024**2))
    files["zip bomb"] = (bomb, "unplausibel groß")
    return files


def test_every_bad_restore_file_is_refused_and_the_database_stays_unchanged(demo_sqlite, tmp_path):
    backup = tmp_path / "sicherung.zip"
    BackupService(demo_sqlite).backup(backup)
    SettingsService(demo_sqlite, ACTOR).create_council(
        CouncilSettings(id=None, name="Smarte Köpfe", city="Rostock")
    )
    before = table_rows(demo_sqlite)
    for case, (path, message) in _bad_files(backup, tmp_path).items():
        with pytest.raises(BackupError) as raised:
            BackupService(demo_sqlite).restore(path, tmp_path / "kept")
        assert message in raised.value.message, case
        assert "neueren Version" not in raised.value.message or case == "newer", case
        assert table_rows(demo_sqlite) == before, case
    assert not list(tmp_path.glob("*vor-wiederherstellung*"))


@pytest.mark.parametrize(
    ("made_by", "says"),
    [(__version__, "(Schemastand 9999)"), ("0.2.0", "(0.2.0, Schemastand 9999)")],
)
def test_a_backup_of_a_newer_revision_names_the_program_version_only_where_it_differs(
    made_by, says
):
    """(found by a tester) The program's version number stays the same across schema
    revisions: a PC still on the old version said of a new version's backup "aus einer
    neueren Version von Expertenrat (0.1.0, Schemastand 0032)", its own version 0.1.0."""
    manifest = {"format": "expertenrat-backup", "format_version": 1, "tables": []}
    whole = io.BytesIO()
    with zipfile.ZipFile(whole, "w") as zf:
        zf.writestr(
            "manifest.json",
            json.dumps(manifest | {"schema_revision": "9999", "app_version": made_by}),
        )

    with pytest.raises(BackupError) as raised:
        read_backup(whole, schema_revisions.is_known_revision)

    assert raised.value.message == (
        f"Die Sicherung stammt aus einer neueren Version von Expertenrat {says}. Bitte "
        "installieren Sie die aktuelle Version des Programms."
    )


def test_a_damaged_zip_is_refused_in_german_with_zipfile_s_words_as_the_detail():
    whole = io.BytesIO()
    with zipfile.ZipFile(whole, "w") as zf:
        zf.writestr("manifest.json", "{}")
    damaged = io.BytesIO(whole.getvalue()[:-10])  # the end of the central directory cut off

    with pytest.raises(BackupError) as raised:
        read_backup(damaged, schema_revisions.is_known_revision)

    assert raised.value.message == (
        "Die Datei ist keine gültige Expertenrat-Sicherung oder unvollständig."
    )
    assert raised.value.detail == "File is not a zip file"


@pytest.mark.parametrize("name", ["sicherung.zip", "demo-vor-wiederherstellung-2026-12-02.db"])
def test_an_empty_file_is_refused_as_empty_without_zipfile_s_words(tmp_path, name):
    empty = tmp_path / name
    empty.touch()

    with pytest.raises(BackupError) as raised:
        read_backup_file(empty)

    assert raised.value.message == (
        "Die Datei ist leer (0 Bytes) und enthält keine Sicherung, etwa weil ihr Anlegen "
        "abgebrochen wurde. Bitte wählen Sie eine andere Sicherung."
    )
    assert raised.value.detail == ""


def _rejected_backup(database: Database, path: Path) -> Path:
    """A backup of ``database`` whose rows break a constraint (a duplicate primary key)."""
    with database.engine.connect() as connection:
        parts = dump_tables(connection, Base.metadata.sorted_tables)
    persons = next(p for p in parts if p.name == "persons")
    persons.rows.append(list(persons.rows[0]))
    with path.open("wb") as handle:
        write_backup(
            handle,
            Backup("0.1.0", schema_revisions.head_revision(), datetime.now(UTC), tuple(parts)),
        )
    return path


def test_a_restore_the_database_rejects_leaves_it_unchanged(demo_database, tmp_path):
    """A backup whose rows break a constraint: the one transaction is rolled back."""
    database = demo_database
    before = table_rows(database)
    path = _rejected_backup(database, tmp_path / "doppelt.zip")
    with pytest.raises(BackupError, match="Die Datenbank ist unverändert"):
        BackupService(database).restore(path, tmp_path / "kept")
    assert table_rows(database) == before


def test_a_number_too_large_for_the_database_is_refused_and_changes_nothing(
    demo_database, tmp_path
):
    with demo_database.engine.connect() as connection:
        parts = dump_tables(connection, Base.metadata.sorted_tables)
    persons = next(p for p in parts if p.name == "persons")
    version = [name for name, _kind in persons.columns].index("version")
    persons.rows[0][version] = 10**20
    path = tmp_path / "riesig.zip"
    with path.open("wb") as handle:
        write_backup(
            handle,
            Backup("0.1.0", schema_revisions.head_revision(), datetime.now(UTC), tuple(parts)),
        )
    before = table_rows(demo_database)

    with pytest.raises(BackupError, match="Die Datenbank ist unverändert"):
        BackupService(demo_database).restore(path, tmp_path / "kept")

    assert table_rows(demo_database) == before


def _safety_copies(database: Database, keep_dir: Path) -> list[str]:
    """The copies restores kept of replaced data: beside a SQLite file, else in ``keep_dir``."""
    path = sqlite_file(database.url)
    folder = path.parent if path is not None else keep_dir
    return sorted(p.name for p in folder.glob("*vor-wiederherstellung*")) if folder.exists() else []


def _broken_backup(database: Database, path: Path, how: str) -> Path:
    """A backup of ``database`` the database refuses row by row, as ``how`` says."""
    with database.engine.connect() as connection:
        parts = dump_tables(connection, Base.metadata.sorted_tables)
    table = {"orphan": "memberships", "type": "audit_entries"}.get(how, "persons")
    part = next(p for p in parts if p.name == table)
    names = [name for name, _kind in part.columns]
    if how == "duplicate":
        part.rows.append(list(part.rows[0]))
    elif how == "orphan":  # a membership of a person there is not
        part.rows[0][names.index("person_id")] = 999_999
    elif how == "type":  # an id as text (SQLite takes text in other integer columns)
        part.rows[0][names.index("id")] = "die siebte"
    elif how == "too large":
        part.rows[0][names.index("version")] = 10**20
    with path.open("wb") as handle:
        write_backup(
            handle,
            Backup("0.1.0", schema_revisions.head_revision(), datetime.now(UTC), tuple(parts)),
        )
    return path


@pytest.mark.parametrize("how", ["duplicate", "orphan", "type", "too large"])
def test_a_failed_restore_leaves_no_copy_of_the_unchanged_data(demo_database, tmp_path, how):
    keep_dir = tmp_path / "kept"
    before = table_rows(demo_database)
    path = _broken_backup(demo_database, tmp_path / f"{how}.zip", how)

    for _attempt in range(2):
        with pytest.raises(BackupError, match="Die Datenbank ist unverändert"):
            BackupService(demo_database).restore(path, keep_dir, now=datetime(2026, 12, 2, 10))

    assert table_rows(demo_database) == before
    assert _safety_copies(demo_database, keep_dir) == []


def test_restores_in_the_same_second_keep_a_copy_each(demo_database, tmp_path):
    keep_dir, now = tmp_path / "kept", datetime(2026, 12, 2, 10, 9, 58)
    backup = tmp_path / "sicherung.zip"
    BackupService(demo_database).backup(backup)

    first = BackupService(demo_database).restore(backup, keep_dir, now=now).kept_copy
    second = BackupService(demo_database).restore(backup, keep_dir, now=now).kept_copy

    assert first is not None and second is not None and first != second
    assert first.name.endswith("vor-wiederherstellung-2026-12-02-100958" + first.suffix)
    assert second.name.endswith("vor-wiederherstellung-2026-12-02-100958-2" + second.suffix)
    assert _safety_copies(demo_database, keep_dir) == sorted([first.name, second.name])


def test_a_restore_whose_commit_may_have_gone_through_keeps_its_copy(
    sqlite_demo_database, tmp_path, monkeypatch
):
    """The connection lost in the commit: nobody knows whether the data was replaced."""
    database = sqlite_demo_database
    backup = tmp_path / "sicherung.zip"
    BackupService(database).backup(backup)
    real = backup_service.bulk_transaction

    @contextmanager
    def lost_in_commit(database, *, empty):
        with real(database, empty=empty) as connection:
            yield connection
        raise exc.OperationalError("COMMIT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(backup_service, "bulk_transaction", lost_in_commit)
    with pytest.raises(BackupError) as raised:
        BackupService(database).restore(backup, tmp_path / "kept")

    (copy,) = _safety_copies(database, tmp_path / "kept")
    assert "unverändert" not in raised.value.message  # it may not be
    assert raised.value.message.endswith(
        "Ob die Daten schon ersetzt wurden, ist nicht sicher. Die bisherigen Daten sind in "
        f"„{sqlite_file(database.url).parent / copy}“ aufbewahrt."
    )


def test_a_restore_whose_commit_a_full_disk_refuses_leaves_the_data_and_no_copy(
    sqlite_demo_database, tmp_path, monkeypatch
):
    """SQLite undoes a commit it has no room for: the database is as it was. It was called
    "nicht sicher", and the copy of the old data stayed on the disk that was full (found
    by a tester)."""
    database = sqlite_demo_database
    backup = tmp_path / "sicherung.zip"
    BackupService(database).backup(backup)
    before = table_rows(database)
    real = backup_service.bulk_transaction

    @contextmanager
    def full_at_commit(database, *, empty):
        with real(database, empty=empty) as connection:  # rolled back by the error below
            yield connection
            full = sqlite3.OperationalError("database or disk is full")
            full.sqlite_errorname = "SQLITE_FULL"
            raise exc.OperationalError("COMMIT", {}, full)

    monkeypatch.setattr(backup_service, "bulk_transaction", full_at_commit)
    with pytest.raises(BackupError) as raised:
        BackupService(database).restore(backup, tmp_path / "kept")

    assert raised.value.message == (
        "Die Sicherung konnte nicht eingespielt werden. Der Datenträger der Datenbank ist "
        "voll. Bitte schaffen Sie Platz und versuchen Sie es erneut. Die Datenbank ist "
        "unverändert."
    )
    assert _safety_copies(database, tmp_path / "kept") == []
    monkeypatch.undo()  # space again
    assert table_rows(database) == before
    BackupService(database).restore(backup, tmp_path / "kept")


def test_a_rejected_restore_into_a_new_sqlite_file_leaves_it_empty(demo_sqlite, tmp_path):
    path = _rejected_backup(demo_sqlite, tmp_path / "doppelt.zip")
    target = open_database(database_url(str(tmp_path / "neu.db")))
    try:
        with pytest.raises(BackupError, match="Die Datenbank ist unverändert"):
            BackupService(target).restore(path, tmp_path / "kept")
        assert all(rows == [] for rows in table_rows(target).values())
        assert _journal(target)[0] == "wal"
    finally:
        target.close()


def test_a_rejected_restore_into_a_database_not_created_yet_leaves_nothing_behind(
    demo_sqlite, tmp_path
):
    """The command line's restore opens a new file without creating it (``ON_FIRST_WRITE``):
    the restore creates it, and a failing restore removes it and the folders made for it."""
    path = _rejected_backup(demo_sqlite, tmp_path / "doppelt.zip")
    target = open_database(
        database_url(str(tmp_path / "Neu" / "Rat" / "neu.db")), create=Create.ON_FIRST_WRITE
    )
    try:
        with pytest.raises(BackupError, match="Die Datenbank ist unverändert"):
            BackupService(target).restore(path, tmp_path / "kept")
        assert not (tmp_path / "Neu").exists()
        assert target.pending
    finally:
        target.close()


@pytest.mark.parametrize("other_still_open", [False, True])
def test_a_failed_first_write_leaves_a_file_another_program_created_meanwhile(
    demo_sqlite, tmp_path, other_still_open
):
    """Two programs on one new file (two PCs, a restore each): the one whose work fails
    removed the file the other had just created and filled (its restore said
    "Wiederhergestellt" over a deleted file). Only a file no one else uses and that holds
    no data is removed."""
    backup = tmp_path / "sicherung.zip"
    BackupService(demo_sqlite).backup(backup)
    url = database_url(str(tmp_path / "Neu" / "neu.db"))
    this = open_database(url, create=Create.ON_FIRST_WRITE)
    other = open_database(url, create=Create.ON_FIRST_WRITE)
    try:
        with pytest.raises(RuntimeError), this.created_or_nothing():
            if other_still_open:
                other.create_schema()  # its restore still running: no rows yet
                held = other.engine.connect()
                held.exec_driver_sql("SELECT count(*) FROM councils").scalar()
            else:
                BackupService(other).restore(backup, tmp_path / "kept")
                other.close()
            raise RuntimeError("this program's work fails")
        if other_still_open:
            held.close()
            BackupService(other).restore(backup, tmp_path / "kept")
        other.close()
        restored = open_database(url)
        try:
            assert table_rows(restored) == table_rows(demo_sqlite)
        finally:
            restored.close()
    finally:
        this.close()
        other.close()


def test_a_rejected_restore_into_an_empty_server_database_leaves_it_empty(
    demo_sqlite, tmp_path, empty_postgres_url
):
    """No schema before the restore, none after it fails: the migrations run in the
    transaction of the rows (no table, no trigger function left); a good backup then
    restores as into any empty database."""
    path = _rejected_backup(demo_sqlite, tmp_path / "doppelt.zip")
    target = open_database(empty_postgres_url, create=Create.ON_FIRST_WRITE)
    try:
        with pytest.raises(BackupError, match="Die Datenbank ist unverändert"):
            BackupService(target).restore(path, tmp_path / "kept")
        assert target.pending
        with target.engine.connect() as connection:
            assert inspect(connection).get_table_names() == []
            functions = "SELECT proname FROM pg_proc WHERE proname LIKE 'expertenrat%%'"
            assert connection.exec_driver_sql(functions).all() == []

        good = tmp_path / "gut.zip"
        BackupService(demo_sqlite).backup(good)
        summary = BackupService(target).restore(good, tmp_path / "kept")
        assert not target.pending and summary.kept_copy is None
        assert table_rows(target) == table_rows(demo_sqlite)
    finally:
        target.close()


def test_a_new_sqlite_file_builds_its_indexes_after_the_rows_and_refuses_duplicates_then(
    demo_sqlite, tmp_path
):
    """The new file's indexes are dropped for the rows and made again, a unique one
    (projects' short codes) refusing a duplicate only it forbids."""
    with demo_sqlite.engine.connect() as connection:
        parts = dump_tables(connection, Base.metadata.sorted_tables)
    projects = next(p for p in parts if p.name == "projects")
    names = [name for name, _kind in projects.columns]
    coded = next(row for row in projects.rows if row[names.index("short_code")])
    twin = list(coded)
    twin[names.index("id")] = max(row[names.index("id")] for row in projects.rows) + 1
    twin[names.index("public_id")] = "00000000-0000-4000-8000-000000000001"
    path = tmp_path / "doppelt.zip"
    with path.open("wb") as handle:
        write_backup(
            handle, Backup("0.1", schema_revisions.head_revision(), datetime.now(UTC), tuple(parts))
        )
    target = open_database(database_url(str(tmp_path / "neu.db")))
    schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    try:
        with target.engine.connect() as connection:
            before = connection.exec_driver_sql(schema).all()
        BackupService(target).restore(path, tmp_path / "kept")  # without the twin: fine
        with target.engine.connect() as connection:
            assert connection.exec_driver_sql(schema).all() == before
        target.close()
        (tmp_path / "neu.db").unlink()
        target = open_database(database_url(str(tmp_path / "neu.db")))
        projects.rows.append(twin)
        with path.open("wb") as handle:
            write_backup(
                handle,
                Backup("0.1", schema_revisions.head_revision(), datetime.now(UTC), tuple(parts)),
            )
        with pytest.raises(BackupError, match="doppelten Eintrag") as refused:
            BackupService(target).restore(path, tmp_path / "kept")
        assert "short_code" in refused.value.detail and "short" not in refused.value.message
        assert all(rows == [] for rows in table_rows(target).values())
        with target.engine.connect() as connection:
            assert connection.exec_driver_sql(schema).all() == before
    finally:
        target.close()


def _person_at_0002(path: Path, family_name: str) -> list[TablePart]:
    """A SQLite file ``path`` at revision 0002 (before the consent ledger) with one person
    (id 7, the name published); its tables as a backup's parts."""
    url = database_url(str(path))
    migrate.upgrade(url, "0002")
    engine = make_engine(url)
    metadata = MetaData()
    metadata.reflect(engine)
    with engine.begin() as connection:
        connection.execute(
            metadata.tables["persons"].insert(),
            {
                "id": 7,
                "given_name": "Özlem",
                "family_name": family_name,
                "publish_name": True,
                "publish_name_on": date(2025, 3, 1),
                "publish_contact": False,
                "version": 1,
                "sector": "other",
                **dict.fromkeys(
                    ("title", "form_of_address", "affiliation", "position", "email", "phone"), ""
                ),
                **dict.fromkeys(("postal_address", "notes"), ""),
            },
        )
        tables = [t for t in metadata.sorted_tables if t.name != "alembic_version"]
        parts = dump_tables(connection, tables)
    engine.dispose()
    return parts


def test_an_older_backup_is_migrated_after_loading(database, tmp_path):
    """A backup at revision 0002 (before the consent ledger) gets its ledger entries."""
    parts = _person_at_0002(tmp_path / "alt.db", "Çelik-O'Brien")
    path = tmp_path / "alt.zip"
    with path.open("wb") as handle:
        write_backup(handle, Backup("0.0.9", "0002", datetime.now(UTC), tuple(parts)))

    summary = BackupService(database).restore(path, tmp_path / "kept")

    assert summary.schema_revision == "0002"
    with database.reading() as session:
        person = session.get(Person, 7)
        assert person.family_name == "Çelik-O'Brien"
        entries = session.scalars(select(ConsentEntry).where(ConsentEntry.person_id == 7)).all()
        assert {(e.kind, e.granted) for e in entries} >= {("name", True)}


def test_a_backup_taken_while_another_connection_writes_is_consistent(demo_database, tmp_path):
    database = demo_database
    before = table_rows(database)
    writer = Database(url=database.url, engine=make_engine(database.url))
    written = []

    def write_meanwhile(done: int, total: int) -> None:
        if done == 1:  # after the first table, commit a council with fields and audit entry
            SettingsService(writer, ACTOR).create_council(
                CouncilSettings(id=None, name="Nebenbei", city="Stralsund")
            )
            written.append(True)

    path = tmp_path / "sicherung.zip"
    try:
        BackupService(database).backup(path, progress=write_meanwhile)
    finally:
        writer.close()
    assert written
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        for entry in manifest["tables"]:
            assert entry["rows"] == len(before[entry["name"]]), entry["name"]
            data = zf.read(entry["file"])
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]
    assert len(table_rows(database)["councils"]) == len(before["councils"]) + 1


def test_a_backup_into_a_missing_folder_is_a_german_message(sqlite_database, tmp_path):
    target = tmp_path / "fehlt" / "sicherung.zip"
    with pytest.raises(BackupError, match="kann nicht geschrieben werden"):
        BackupService(sqlite_database).backup(target)
    assert not target.parent.exists()


def test_the_format_is_documented_json(sqlite_database, tmp_path):
    SettingsService(sqlite_database, ACTOR).create_council(
        CouncilSettings(id=None, name='Rat <&> "Ü" مجلس', city="Rostock", logo_png=png())
    )
    path = tmp_path / "sicherung.zip"
    BackupService(sqlite_database).backup(path)
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        councils = json.loads(zf.read("tables/councils.json"))
    assert manifest["format"] == "expertenrat-backup"
    assert manifest["schema_revision"] == schema_revisions.head_revision()
    assert {entry["name"] for entry in manifest["tables"]} == set(Base.metadata.tables)
    row = dict(zip(councils["columns"], councils["rows"][0], strict=True))
    assert row["name"] == 'Rat <&> "Ü" مجلس'
    assert row["logo_png"] == base64.b64encode(png()).decode("ascii")
    assert datetime.fromisoformat(row["created"])


@pytest.mark.parametrize("ensure_ascii", [False, True], ids=["utf8", "escaped"])
def test_text_beside_stored_bytes_reads_back_exactly(tmp_path, ensure_ascii):
    """A part with bytes is parsed as Latin-1 and its other strings decoded afterwards;
    JSON escapes of characters beyond ASCII (another writer's) take the plain way."""
    texts = ['Zoë „Gänsefüßchen“ 🚀 & <b> "x" \\ C:\\', "\x01\x7f\x80", "ü" * 3000]
    rows = [[n, text, text.encode() * 50] for n, text in enumerate(texts)]
    columns = (("id", "plain"), ("name", "plain"), ("data", "bytes"))
    backup = Backup("1", "0001", datetime.now(UTC), (TablePart("files", columns, rows),))
    path = tmp_path / "sicherung.zip"
    with path.open("wb") as handle:
        write_backup(handle, backup)
    if ensure_ascii:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read("manifest.json"))
            escaped = json.dumps(json.loads(zf.read("tables/files.json"))).encode()
        assert b"\\u00fc" in escaped
        manifest["tables"][0]["sha256"] = hashlib.sha256(escaped).hexdigest()
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("manifest.json", json.dumps(manifest))
            zf.writestr("tables/files.json", escaped)

    with path.open("rb") as handle:
        (part,) = read_backup(handle, lambda _revision: True).tables

    assert part.rows == [[n, text, text.encode() * 50] for n, text in enumerate(texts)]


def test_a_backup_zipped_again_with_its_folder_entry_reads_as_before(tmp_path):
    """Unpacked and zipped again (a file manager adds the folder "tables/" as an entry of
    its own), a backup is still read: a folder entry holds nothing. Other folders are not
    a backup's and stay refused."""
    columns = (("id", "plain"), ("name", "plain"))
    part = TablePart("persons", columns, [[1, "Zoë & <Ünal>"]])
    path = tmp_path / "sicherung.zip"
    with path.open("wb") as handle:
        write_backup(handle, Backup("1", "0001", datetime.now(UTC), (part,)))
    zipped_again = tmp_path / "neu-gepackt.zip"
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(zipped_again, "w") as new:
        new.mkdir("tables")
        for info in old.infolist():
            new.writestr(info.filename, old.read(info))
    other_folder = tmp_path / "anderer-ordner.zip"
    _rewrite(zipped_again, other_folder, lambda n, d: d)
    with zipfile.ZipFile(other_folder, "a") as zf:
        zf.mkdir("bilder")

    with zipped_again.open("rb") as handle:
        (read,) = read_backup(handle, lambda _revision: True).tables
    with other_folder.open("rb") as handle, pytest.raises(BackupError) as refused:
        read_backup(handle, lambda _revision: True)

    assert read.rows == [[1, "Zoë & <Ünal>"]]
    assert "unzulässigen Dateinamen („bilder/“)" in refused.value.message


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs a Unix socket file")
def test_a_socket_given_as_backup_is_refused_before_it_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A socket file is no backup: it is refused by its kind, before opening it (which failed
    with ENXIO). It is bound by its name in the test's folder: a socket's path may have at
    most 107 characters, which a deep temporary folder can exceed."""
    path = tmp_path / "Sicherung.zip"
    with socket.socket(socket.AF_UNIX) as server:
        monkeypatch.chdir(tmp_path)
        server.bind(path.name)
        with pytest.raises(BackupError) as caught:
            read_backup_file(path)

    assert "ist keine gewöhnliche Datei (sondern ein Socket)" in caught.value.message
    assert "Bitte wählen Sie eine Datei." in caught.value.message


@pytest.mark.parametrize("text", ["\\ud800", "Zo\\u00eb \\udc00", "\\ud83d"], ids=str)
def test_a_backup_with_half_a_surrogate_pair_is_refused_as_damaged(tmp_path, text):
    """JSON can escape half of a surrogate pair, which is no character: the database's
    driver could not take it (a traceback before), so the backup is damaged. A whole pair
    escaped (another writer's emoji) reads back as the character."""
    columns = (("id", "plain"), ("name", "plain"))
    part = TablePart("members", columns, [[1, "x"], [2, "y"]])
    path = tmp_path / "sicherung.zip"
    with path.open("wb") as handle:
        write_backup(handle, Backup("1", "0001", datetime.now(UTC), (part,)))
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    for body, says in (
        (
            f'{{"table":"members","columns":["id","name"],"rows":[[1,"\\ud83d\\ude80"],[2,"{text}"]]}}',
            "ungültiges JSON",
        ),
        ('{"table":"members","columns":["id","name"],"rows":[[1,"\\ud83d\\ude80"],[2,"y"]]}', ""),
    ):
        data = body.encode("ascii")
        manifest["tables"][0]["sha256"] = hashlib.sha256(data).hexdigest()
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("manifest.json", json.dumps(manifest))
            zf.writestr("tables/members.json", data)
        with path.open("rb") as handle:
            if says:
                with pytest.raises(BackupError, match=says):
                    read_backup(handle, lambda _revision: True)
            else:
                (read,) = read_backup(handle, lambda _revision: True).tables
                assert read.rows == [[1, "🚀"], [2, "y"]]


def test_ctrl_c_at_the_commit_says_the_outcome_is_unknown_and_keeps_the_copy(
    demo_sqlite, tmp_path, monkeypatch
):
    """Ctrl+C once the rows were in: the command said "Abgebrochen." (the work rolled back)
    although the data may have been replaced, and the copy of the old data stayed unnamed."""
    backup = tmp_path / "sicherung.zip"
    BackupService(demo_sqlite).backup(backup)
    replace = BackupService._replace

    def interrupted(self, parts, progress, replacement, **options):
        replace(self, parts, progress, replacement, **options)
        raise KeyboardInterrupt  # right after the commit

    monkeypatch.setattr(BackupService, "_replace", interrupted)
    try:
        with pytest.raises(BackupError) as raised:
            BackupService(demo_sqlite).restore(backup, tmp_path / "kept")
    except KeyboardInterrupt:  # not let through: pytest would take it for the user's
        pytest.fail("Ctrl+C at the commit came through as 'Abgebrochen' (rolled back)")

    (kept,) = _safety_copies(demo_sqlite, tmp_path / "kept")
    assert raised.value.message.startswith(
        "Abgebrochen, als die Daten gespeichert wurden: Ob sie schon ersetzt sind, ist nicht "
        "sicher. Die bisherigen Daten sind in „"
    )
    assert raised.value.message.endswith(f"{kept}“.")


def test_the_daily_copy_of_the_database_restores_as_a_backup(demo_sqlite, database, tmp_path):
    """The daily backup is a copy of the SQLite file (expertenrat-2026-12-01.db), not a
    zip: "Wiederherstellen …" refused it as "keine gültige Expertenrat-Sicherung" with
    zipfile's "File is not a zip file" (found by a tester)."""
    daily = tmp_path / "Sicherungen" / "expertenrat-2026-12-01.db"
    daily.parent.mkdir()
    copy_sqlite(sqlite_file(demo_sqlite.url), daily)
    before = daily.read_bytes()

    summary = BackupService(database).restore(daily, tmp_path / "kept")

    assert table_rows(database) == table_rows(demo_sqlite)
    assert summary.rows == sum(len(rows) for rows in table_rows(demo_sqlite).values())
    assert daily.read_bytes() == before  # read from a copy, left as it was
    assert sorted(p.name for p in daily.parent.iterdir()) == [daily.name]


def test_the_daily_copy_of_a_database_the_updates_built_restores(database, tmp_path):
    """A database the migrations built or updated (every one that went through an update)
    has the columns later revisions added at the end of its tables, not where the models
    have them; its daily copy was refused: "Die Spalten der Tabelle „councils“ passen nicht
    zum Schemastand …" (found by review)."""
    path = tmp_path / "aktualisiert" / "expertenrat.db"
    path.parent.mkdir()
    migrate.upgrade(database_url(str(path)))  # as an update builds it, not a new file
    built = open_database(database_url(str(path)))
    try:
        SettingsService(built, ACTOR).create_council(
            CouncilSettings(id=None, name="Beirat", city="Wismar", notice_period_days=10)
        )
        daily = tmp_path / "Sicherungen" / "expertenrat-2026-12-01.db"
        daily.parent.mkdir()
        copy_sqlite(path, daily)

        BackupService(database).restore(daily, tmp_path / "kept")

        assert table_rows(database) == table_rows(built)
    finally:
        built.close()


def test_an_older_database_copy_is_brought_up_to_date(database, tmp_path):
    """The copy kept before an update (expertenrat-vor-update-von-0002.db) restores too."""
    old = tmp_path / "expertenrat-vor-update-von-0002.db"
    _person_at_0002(old, "Çelik")

    summary = BackupService(database).restore(old, tmp_path / "kept")

    assert summary.schema_revision == "0002"
    with database.reading() as session:
        assert session.get(Person, 7).family_name == "Çelik"


def test_a_foreign_or_damaged_database_file_is_refused_and_nothing_changes(demo_sqlite, tmp_path):
    foreign = tmp_path / "adressen.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE adressen (name TEXT)")
    connection.close()
    damaged = tmp_path / "expertenrat-2026-12-01.db"
    damaged.write_bytes(sqlite_file(demo_sqlite.url).read_bytes()[:40_000])
    before = table_rows(demo_sqlite)

    with pytest.raises(BackupError, match="keine Expertenrat-Datenbank und keine Sicherung"):
        BackupService(demo_sqlite).restore(foreign, tmp_path / "kept")
    with pytest.raises(BackupError, match="ist beschädigt und kann nicht eingespielt werden"):
        BackupService(demo_sqlite).restore(damaged, tmp_path / "kept")

    assert table_rows(demo_sqlite) == before
    assert not (tmp_path / "kept").exists()


def test_a_full_temporary_folder_is_not_called_a_damaged_database(
    demo_sqlite, tmp_path, monkeypatch
):
    """A daily copy is read from a copy in the temporary folder; that folder's disk being
    full was "Die Datenbank … ist beschädigt" (found by a tester)."""
    daily = tmp_path / "expertenrat-2026-12-01.db"
    copy_sqlite(sqlite_file(demo_sqlite.url), daily)

    def full(_source, _target, *_flags) -> None:
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorname = "SQLITE_FULL"
        raise error

    monkeypatch.setattr(backup_conversion, "copy_sqlite", full)

    with pytest.raises(BackupError) as caught:
        BackupService(demo_sqlite).restore(daily, tmp_path / "kept")

    assert "beschädigt" not in caught.value.message
    assert "Der Datenträger des temporären Ordners" in caught.value.message
    assert caught.value.detail == "database or disk is full"
