"""(found by a tester) What holds personal data on disk is the user's alone on a shared
Linux PC: the program's own folders (the database, its daily copies, the recovery files of
the minutes, the log, the settings), a new database file wherever it is made, and every
backup or copy of the database, wherever it goes. With the usual umask 022 all of them
were readable by every user of the PC."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import platformdirs
import pytest
from cli_runs import run_script
from sqlalchemy import text

from expertenrat import APP_NAME, ORGANIZATION
from expertenrat.domain.councils import CouncilSettings
from expertenrat.logs import setup_logging
from expertenrat.paths import user_config_dir, user_data_dir, user_log_dir
from expertenrat.services.backup import BackupService
from expertenrat.services.daily_backup import DailyBackupService
from expertenrat.services.files import write_file
from expertenrat.services.settings import SettingsService
from expertenrat.store.database_opening import Create, open_database
from expertenrat.store.engine import database_url

pytestmark = pytest.mark.skipif(os.name != "posix", reason="permissions as POSIX modes")


def _shared_bits(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode) & 0o077


@pytest.mark.usefixtures("usual_umask")
def test_the_programs_folders_are_the_users_alone():
    made_before = Path(platformdirs.user_data_dir(APP_NAME, ORGANIZATION))
    made_before.mkdir(parents=True)  # by an earlier version, with the umask's 755
    assert _shared_bits(made_before) == 0o055

    folders = [user_data_dir(), user_log_dir(), user_config_dir()]

    assert folders[0] == made_before
    assert [_shared_bits(folder) for folder in folders] == [0, 0, 0]


@pytest.mark.usefixtures("usual_umask")
def test_backups_and_copies_of_the_database_are_the_users_alone(sqlite_database, tmp_path, today):
    SettingsService(sqlite_database, "Frau Schulz").create_council(
        CouncilSettings(id=None, name="Expert*innenrat", city="Rostock")
    )
    backup = tmp_path / "sicherung.zip"
    BackupService(sqlite_database).backup(backup)
    daily = DailyBackupService(sqlite_database).run(tmp_path / "Sicherungen", today)
    kept = BackupService(sqlite_database).restore(backup, tmp_path / "vorher").kept_copy

    assert daily is not None and kept is not None
    assert [_shared_bits(path) for path in (backup, daily, kept)] == [0, 0, 0]


@pytest.mark.usefixtures("usual_umask")
def test_a_new_database_file_is_the_users_alone(tmp_path):
    path = tmp_path / "Gremien" / "rat.db"
    database = open_database(database_url(str(path)), create=Create.NOW)
    try:
        with database.transaction() as session:
            session.execute(text("SELECT 1"))
        journals = [p for p in path.parent.iterdir() if p.name.startswith("rat.db-")]
        assert journals  # the write-ahead log, which holds data too
        assert [_shared_bits(p) for p in [path, *journals]] == [0] * (1 + len(journals))
    finally:
        database.close()


def test_a_folder_that_cannot_be_made_is_named_and_the_log_left_out(tmp_path, monkeypatch):
    """A profile folder out of reach: the window did not start at all (found by a tester)."""
    blocked = tmp_path / "Profil"  # a file where the folders should go
    blocked.write_bytes(b"")
    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *_: str(blocked / "log"))
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])

    assert user_log_dir() == blocked / "log"
    assert setup_logging() == blocked / "log" / "expertenrat.log"
    assert [type(handler) for handler in root.handlers] == [logging.NullHandler]


@pytest.mark.usefixtures("usual_umask")
def test_exports_of_personal_data_are_the_users_alone(demo_file, tmp_path):
    """An Auskunft (Art. 15), the members file (e-mail, phone, postal address, notes) and
    the internal roster (e-mail, phone, postal address; found by a tester) were readable by
    every user of a shared PC, also where they replaced a file of the owner's alone;
    documents for others (a letter, the public roster) keep the usual mode."""
    auskunft, members = tmp_path / "auskunft.pdf", tmp_path / "mitglieder.xlsx"
    internal, public = tmp_path / "intern.pdf", tmp_path / "oeffentlich.pdf"
    members.write_bytes(b"")
    members.chmod(0o644)
    database = ("--database", str(demo_file))

    for command in (
        ("person", "--id", "1", "--out", auskunft),
        ("members", "--out", members),
        ("roster", "--out", internal),
        ("roster", "--public", "--out", public),
    ):
        made = run_script(*database, "export", *map(str, command))
        assert made.returncode == 0, made.stderr
    write_file(letter := tmp_path / "brief.pdf", b"%PDF-")
    write_file(mine := tmp_path / "meins.pdf", b"%PDF-", private=True)

    assert [_shared_bits(path) for path in (auskunft, members, internal, mine)] == [0] * 4
    assert [_shared_bits(path) for path in (letter, public)] == [0o044, 0o044]


@pytest.mark.usefixtures("usual_umask")
def test_a_private_file_is_made_the_users_alone_not_made_so_after(
    sqlite_database, tmp_path, monkeypatch, today
):
    """(found by review) An export of personal data, a backup and a copy of the database
    were written to a file made with the umask's 644 and only then given 600: another
    login that opened it in between kept reading all that was written. Without a later
    chmod (here none works) they are the user's alone all the same."""
    SettingsService(sqlite_database, "Frau Schulz").create_council(
        CouncilSettings(id=None, name="Expert*innenrat", city="Rostock")
    )
    monkeypatch.setattr(os, "chmod", lambda *_args, **_kwargs: None)
    monkeypatch.setattr(os, "fchmod", lambda *_args, **_kwargs: None)
    export, backup = tmp_path / "auskunft.pdf", tmp_path / "sicherung.zip"

    write_file(export, b"%PDF-", private=True)
    BackupService(sqlite_database).backup(backup)
    daily = DailyBackupService(sqlite_database).run(tmp_path / "Sicherungen", today)

    assert daily is not None
    assert [_shared_bits(path) for path in (export, backup, daily)] == [0, 0, 0]


@pytest.mark.usefixtures("usual_umask")
def test_copies_of_a_servers_data_are_the_users_alone_from_the_start(
    demo_database, tmp_path, today, monkeypatch
):
    """(found by review) The daily copy of a server's data (its folder may be chosen, a
    shared one too) and the copy a restore keeps of the data it replaces were written to a
    file made with the umask's 644, given 600 after."""
    backup = tmp_path / "sicherung.zip"
    BackupService(demo_database).backup(backup)
    monkeypatch.setattr(os, "chmod", lambda *_args, **_kwargs: None)
    monkeypatch.setattr(os, "fchmod", lambda *_args, **_kwargs: None)

    daily = DailyBackupService(demo_database).run(tmp_path / "Sicherungen", today)
    kept = BackupService(demo_database).restore(backup, tmp_path / "vorher").kept_copy

    assert daily is not None and kept is not None
    assert [_shared_bits(daily), _shared_bits(kept)] == [0, 0]


@pytest.mark.usefixtures("usual_umask")
@pytest.mark.parametrize(("shared_as", "made_as"), [(0o770, 0o770), (0o1777, 0o775)])
def test_the_backup_folder_beside_a_shared_database_is_as_shared_as_its_folder(
    tmp_path, today, shared_as, made_as
):
    """A database file several logins of a terminal server share, in a folder of their
    group: the first one's daily copy made "Sicherungen" 755, and every other login's copy
    failed there from then on (found by a tester). Never writable by everyone, though."""
    shared = tmp_path / "Geschäftsstelle"
    shared.mkdir()
    shared.chmod(shared_as)
    database = open_database(database_url(str(shared / "rat.db")), create=Create.NOW)
    try:
        SettingsService(database, "Frau Schulz").create_council(
            CouncilSettings(id=None, name="Expert*innenrat", city="Rostock")
        )
        daily = DailyBackupService(database).run(shared / "Sicherungen", today)
    finally:
        database.close()

    assert daily is not None and _shared_bits(daily) == 0  # the copy stays its maker's
    assert stat.S_IMODE((shared / "Sicherungen").stat().st_mode) == made_as
