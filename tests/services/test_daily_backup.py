"""The automatic daily backup: one copy a day, rotation with fake dates, warnings."""

from __future__ import annotations

import os
import sqlite3
from datetime import date, timedelta

import pytest
from client_statements import recorded_statements
from fixtures.postgres_server import database_away
from held_meeting import held_meeting
from overview_sample import seed
from sqlalchemy import func, select

from expertenrat.domain.backup_rotation import copies_to_keep
from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.minutes import ItemTexts
from expertenrat.domain.progress import Cancelled
from expertenrat.paths import user_data_dir
from expertenrat.services import daily_backup
from expertenrat.services.backup import BackupService
from expertenrat.services.context import Services
from expertenrat.services.daily_backup import DailyBackupService, daily_copies, default_folder
from expertenrat.services.demo import DemoService
from expertenrat.store import sqlite_copy
from expertenrat.store.backup_format import BackupError
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import sqlite_file
from expertenrat.store.models import Base


def test_rotation_keeps_14_days_and_the_first_copy_of_12_months():
    start = date(2025, 1, 1)
    days = [start + timedelta(days=n) for n in range(500)]  # 2025-01-01 .. 2026-05-15
    kept = copies_to_keep(days)
    newest = days[-14:]
    assert set(newest) <= kept
    months = sorted(kept - set(newest))
    assert all(day.day == 1 for day in months)
    firsts = {(d.year, d.month) for d in kept if d.day == 1}
    assert len(firsts) == 12
    assert min(firsts) == (2025, 6)
    assert len(kept) == 14 + 12 - len({d for d in newest if d.day == 1})


def test_rotation_with_gaps_keeps_the_first_copy_there_is_in_a_month():
    days = [date(2026, 3, 5), date(2026, 3, 20), date(2026, 4, 2)]
    assert copies_to_keep(days, daily=1, monthly=2) == {date(2026, 4, 2), date(2026, 3, 5)}


def test_one_copy_a_day_rotated_over_a_year_of_fake_dates(sqlite_database, tmp_path, today):
    DemoService(sqlite_database, "Frau Schulz").load(today, councils=1, years=1)
    service = DailyBackupService(sqlite_database)
    folder = tmp_path / "Sicherungen"
    (folder).mkdir()
    (folder / "notizen.txt").write_text("bleibt", encoding="utf-8")
    first = date(2025, 1, 1)
    for n in range(400):
        made = service.run(folder, first + timedelta(days=n))
        assert made is not None
    assert service.run(folder, first + timedelta(days=399)) is None  # once a day only
    copies = daily_copies(folder)
    assert set(copies) == copies_to_keep(first + timedelta(days=n) for n in range(400))
    assert len(copies) == 14 + 12 - 1  # the newest 14 days include one first of a month
    assert (folder / "notizen.txt").read_text(encoding="utf-8") == "bleibt"
    newest = copies[max(copies)]
    connection = sqlite3.connect(newest)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert (
            connection.execute("SELECT count(*) FROM memberships").fetchone()[0] == 10 + 4
        )  # Rostock and Lübeck
    finally:
        connection.close()


def test_warnings_for_an_old_backup_and_an_unreachable_folder(sqlite_database, tmp_path, today):
    service = DailyBackupService(sqlite_database)
    folder = default_folder(sqlite_database)
    assert folder == tmp_path / "Sicherungen"
    assert service.warning(folder, today) is None  # not made yet: no alarm before the first
    service.run(folder, today - timedelta(days=8))
    assert "älter als 7 Tage" in service.warning(folder, today)
    assert service.warning(folder, today - timedelta(days=7)) is None
    missing = tmp_path / "Netzlaufwerk" / "fehlt"
    assert "nicht erreichbar" in service.warning(missing, today)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_a_german_message(sqlite_database, tmp_path, today):
    folder = tmp_path / "schreibgeschützt"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(BackupError, match=r"tägliche Sicherung .* nicht möglich"):
            DailyBackupService(sqlite_database).run(folder, today)
    finally:
        folder.chmod(0o700)


def test_a_folder_that_is_a_file_is_a_german_message(sqlite_database, tmp_path, today):
    blocker = tmp_path / "Sicherungen"
    blocker.write_text("kein Ordner", encoding="utf-8")
    with pytest.raises(BackupError) as raised:
        DailyBackupService(sqlite_database).run(blocker, today)
    # The Übersicht shows this message; it said "Die Datei oder der Ordner existiert bereits."
    assert raised.value.message == (
        f"Die tägliche Sicherung in „{blocker}“ ist nicht möglich: Dort liegt eine Datei, "
        "kein Ordner."
    )
    assert "nicht erreichbar" in DailyBackupService(sqlite_database).warning(blocker, today)


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        ("SQLITE_FULL", "database or disk is full", "Der Datenträger des Ordners ist voll."),
        ("SQLITE_CANTOPEN", "unable to open database file", "In den Ordner kann nicht geschr"),
    ],
)
def test_trouble_writing_the_copy_is_the_folder_s_not_the_database_s(
    sqlite_database, tmp_path, today, monkeypatch, name, text, said
):
    """A full backup folder (another disk, a network drive) was "Der Datenträger der
    Datenbank ist voll", one it cannot write to "Die Datenbankdatei ist nicht zugänglich":
    the user was sent to the wrong disk (found by a tester)."""

    def refused(_source, _target, *_flags, progress=None) -> None:
        error = sqlite3.OperationalError(text)
        error.sqlite_errorname = name
        raise error

    monkeypatch.setattr(daily_backup, "copy_sqlite", refused)
    folder = tmp_path / "Netzlaufwerk"

    with pytest.raises(BackupError) as caught:
        DailyBackupService(sqlite_database).run(folder, today)

    assert caught.value.message.startswith(f"Die tägliche Sicherung in „{folder}“ ist nicht mög")
    assert said in caught.value.message and "Datenbank" not in caught.value.message[40:]
    assert caught.value.detail == text


# --- two programs on one file ------------------------------------------------------------


@pytest.fixture
def other_program(sqlite_database):
    """The daily backup of a second program (another PC) on the same database file."""
    database = open_database(sqlite_database.url)
    yield DailyBackupService(database)
    database.close()


def test_a_copy_the_other_program_finished_while_ours_was_made_is_no_error(
    sqlite_database, other_program, tmp_path, today, monkeypatch
):
    """Both programs start on the same morning: the other one copies, renames and rotates
    while ours is still copying into the folder."""
    folder = tmp_path / "Sicherungen"
    service = DailyBackupService(sqlite_database)
    for days in range(15, 0, -1):  # 14 days ago falls out today (15: the month's first)
        service.run(folder, today - timedelta(days=days))
    copy = daily_backup.copy_sqlite
    others: list = []

    def copy_while_the_other_runs(source, target, progress=None) -> None:
        copy(source, target)
        if not others:  # ours: the other program's whole run happens now
            others.append(None)
            others[0] = other_program.run(folder, today)

    monkeypatch.setattr(daily_backup, "copy_sqlite", copy_while_the_other_runs)
    service.run(folder, today)

    assert others == [folder / f"expertenrat-{today:%Y-%m-%d}.db"]
    assert set(daily_copies(folder)) == {today - timedelta(days=d) for d in (15, *range(14))}
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        p.name for p in daily_copies(folder).values()
    )  # no temporary file left behind


def test_a_copy_the_other_program_deleted_in_the_rotation_is_no_error(
    sqlite_database, other_program, tmp_path, today, monkeypatch
):
    folder = tmp_path / "Sicherungen"
    service = DailyBackupService(sqlite_database)
    for days in range(15, 0, -1):  # 14 days ago falls out today (15: the month's first)
        service.run(folder, today - timedelta(days=days))
    listing = daily_backup.daily_copies

    def listed_then_rotated_by_the_other(where):
        copies = listing(where)
        for old in copies.values():  # the other program rotates: removes the same copy
            if old.name == f"expertenrat-{today - timedelta(days=14):%Y-%m-%d}.db":
                old.unlink()
        return copies

    monkeypatch.setattr(daily_backup, "daily_copies", listed_then_rotated_by_the_other)
    made = service.run(folder, today)

    assert made == folder / f"expertenrat-{today:%Y-%m-%d}.db"
    assert set(listing(folder)) == {today - timedelta(days=d) for d in (15, *range(14))}


# --- a server database ---------------------------------------------------------------------


def test_every_database_gets_its_daily_copy_and_it_restores_every_row(
    demo_database, empty_postgres_url, tmp_path, today
):
    """A PC working on a PostgreSQL server got no automatic backup at all and no warning
    (found by a tester): the server's data is written in the portable format, the file's
    copied; either restores the same rows."""
    service = DailyBackupService(demo_database)
    folder = tmp_path / "Sicherungen"
    suffix = ".db" if demo_database.is_sqlite else ".zip"

    made = service.run(folder, today)

    assert made == folder / f"expertenrat-{today:%Y-%m-%d}{suffix}"
    assert service.run(folder, today) is None  # once a day only
    assert sorted(p.name for p in folder.iterdir()) == [made.name]  # no temporary file left
    restored = open_database(empty_postgres_url)
    try:
        BackupService(restored).restore(made, tmp_path / "kept")
        assert _rows(restored) == _rows(demo_database)
    finally:
        restored.close()


def _rows(database) -> dict[str, int]:
    with database.engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar()
            for table in Base.metadata.sorted_tables
        }


def test_a_server_database_s_copies_go_to_this_pc_s_data_folder(demo_database, tmp_path, today):
    folder = default_folder(demo_database)
    if demo_database.is_sqlite:
        assert folder == sqlite_file(demo_database.url).parent / "Sicherungen"
        return
    assert folder == user_data_dir() / "Sicherungen"  # where copies before a restore go too
    service = DailyBackupService(demo_database)
    assert service.warning(folder, today) is None  # none made yet
    service.run(folder, today - timedelta(days=8))
    assert "älter als 7 Tage" in service.warning(folder, today)
    service.run(folder, today)
    assert service.warning(folder, today) is None


def test_the_copies_of_a_file_and_of_a_server_are_rotated_together(demo_database, tmp_path, today):
    """A PC that moved its data to a server (or back): the old kind's copies in the same
    folder fall out of the rotation as the new kind's come, not kept for ever."""
    folder = tmp_path / "Sicherungen"
    folder.mkdir()
    other = ".zip" if demo_database.is_sqlite else ".db"
    old = [today - timedelta(days=d) for d in range(1, 20)]
    for day in old:
        (folder / f"expertenrat-{day:%Y-%m-%d}{other}").write_bytes(b"alt")

    DailyBackupService(demo_database).run(folder, today)

    kept = copies_to_keep([today, *old])
    assert set(daily_copies(folder)) == kept
    assert len(list(folder.glob(f"*{other}"))) == len(kept) - 1


def test_a_server_that_refuses_the_daily_copy_is_a_german_message_and_leaves_nothing(
    empty_postgres_url, postgres_admin, tmp_path, today
):
    database = open_database(empty_postgres_url)
    try:
        DemoService(database, "Frau Schulz").load(today, councils=1, years=1)
        name = empty_postgres_url.database
        database_away(postgres_admin, name, True)
        folder = tmp_path / "Sicherungen"

        with pytest.raises(BackupError) as caught:
            DailyBackupService(database).run(folder, today)

        assert caught.value.message.startswith(
            f"Die tägliche Sicherung in „{folder}“ ist nicht möglich."
        )
        assert "Datenbankserver" in caught.value.message
        assert list(folder.iterdir()) == []
        database_away(postgres_admin, name, False)
    finally:
        database.close()


def test_the_folder_chosen_on_this_pc_wins_over_the_one_beside_the_file(sqlite_database, tmp_path):
    service = DailyBackupService(sqlite_database)
    assert service.folder("") == service.folder("  ") == default_folder(sqlite_database)
    assert (
        default_folder(sqlite_database) == sqlite_file(sqlite_database.url).parent / "Sicherungen"
    )
    assert service.folder(f" {tmp_path / 'Netz'} ") == tmp_path / "Netz"
    assert daily_backup.backup_folder("", None) == user_data_dir() / "Sicherungen"  # a server's


@pytest.mark.parametrize("stop_after", [1, 3])
def test_a_cancelled_daily_copy_leaves_neither_a_copy_nor_its_temporary_file(
    demo_database, tmp_path, today, stop_after, monkeypatch
):
    """ "Abbrechen" while a switch or the end of the program waits for the copy: it stops
    where it is (reading the server's tables, writing the zip, copying the file's pages);
    no half-written copy under today's name, no temporary file; the next start makes it."""
    monkeypatch.setattr(sqlite_copy, "PAGES_PER_STEP", 4)  # the demo file is small
    folder = tmp_path / "Sicherungen"
    service = DailyBackupService(demo_database)
    reports = []

    def progress(done: int, total: int) -> None:
        reports.append((done, total))
        if len(reports) >= stop_after:
            raise Cancelled

    with pytest.raises(Cancelled):
        service.run(folder, today, progress)

    assert len(reports) == stop_after
    assert sorted(path.name for path in folder.iterdir()) == []
    made = service.run(folder, today)
    assert made is not None and made.is_file()
    assert sorted(path.name for path in folder.iterdir()) == [made.name]


def test_the_data_marker_moves_with_each_autosave_of_one_editing_session(database):
    """(found by review) An editing session's autosaves rewrite its one audit entry, which
    moves no id: a window left open on one item of the minutes for days saw the data
    unchanged at each new day, made no further copy, and what was typed there since the
    last copy was in none."""
    services = Services.create(database, "Sekretariat")
    council = services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    sample = seed(database, council.id)
    present = [m.id for m in services.members.members(sample.council_id)]
    item = services.minutes.minutes(held_meeting(database, sample.council_id, present).meeting_id)
    item = item.items[1]
    saved = services.minutes.save_item(item.item_id, ItemTexts("Erster Entwurf"), item.version, "s")
    copied = services.daily_backup.data_marker()  # the data of Friday's copy

    services.minutes.save_item(item.item_id, ItemTexts("Am Samstag ergänzt"), saved.version, "s")

    assert services.daily_backup.data_marker() != copied


def test_the_data_marker_is_one_read(database):
    """The daily backup's "unchanged since the last copy" is one marker read in one
    statement (its write time beside the change marker was a second read; found by review)."""
    services = Services.create(database, "Sekretariat")
    services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))

    with recorded_statements(database.engine) as statements:
        marker = services.daily_backup.data_marker()

    assert [s for s in statements if s != "BEGIN"] == statements[-1:], statements
    assert marker is not None and marker.last_written is not None
