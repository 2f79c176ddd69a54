"""Which database files lie on a network file system, and how such a file is kept: in
SQLite's rollback journal, not the write-ahead log, whose shared memory is each PC's own."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from network_share import fake_share

from expertenrat.domain.errors import DatabaseUnusableError
from expertenrat.services.backup import BackupService
from expertenrat.services.demo import DemoService
from expertenrat.services.settings import SettingsService
from expertenrat.store import database_opening
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url
from expertenrat.store.network_location import (
    DRIVE_REMOTE,
    PlacementFacts,
    is_on_network,
    on_network,
)

DRIVE_FIXED = 3


@pytest.mark.parametrize(
    ("path", "drive_type", "network"),
    [
        (r"\\server\geschaeftsstelle\expertenrat.db", None, True),
        (r"\\?\UNC\server\geschaeftsstelle\expertenrat.db", None, True),
        ("//server/geschaeftsstelle/expertenrat.db", None, True),
        (r"S:\Geschäftsstelle\expertenrat.db", DRIVE_REMOTE, True),
        (r"C:\Users\amt\Documents\expertenrat.db", DRIVE_FIXED, False),
        (r"\\?\C:\Users\amt\expertenrat.db", DRIVE_FIXED, False),
        (r"C:\Users\amt\expertenrat.db", None, False),
    ],
)
def test_windows_shares_and_mapped_drives_are_on_the_network(path, drive_type, network):
    facts = PlacementFacts(path, windows=True, drive_type=drive_type)
    assert on_network(facts) is network


MOUNTS = (
    ("/", "ext4"),
    ("/mnt/s", "cifs"),
    ("/mnt/s/lokal", "ext4"),
    ("/home/amt/nfs", "nfs4"),
    ("/home/amt/ssh", "fuse.sshfs"),
    ("/run/user/1000/gvfs", "fuse.gvfsd-fuse"),
)


@pytest.mark.parametrize(
    ("path", "network"),
    [
        ("/mnt/s/Geschäftsstelle/expertenrat.db", True),
        ("/mnt/s", True),
        ("/mnt/s/lokal/expertenrat.db", False),  # the innermost mount counts
        ("/mnt/sx/expertenrat.db", False),  # a name that only begins like the mount's
        ("/home/amt/nfs/expertenrat.db", True),
        ("/home/amt/ssh/expertenrat.db", True),
        # a share opened in GNOME's file manager
        ("/run/user/1000/gvfs/smb-share:server=rathaus,share=gs/expertenrat.db", True),
        ("/home/amt/expertenrat.db", False),
    ],
)
def test_network_mounts_are_told_by_their_file_system(path, network):
    assert on_network(PlacementFacts(path, windows=False, mounts=MOUNTS)) is network


def test_the_mount_table_is_read_with_blanks_in_folder_names(monkeypatch, tmp_path):
    share = fake_share(monkeypatch, tmp_path, "Geschäfts stelle")
    assert is_on_network(share / "neu" / "expertenrat.db")
    assert not is_on_network(tmp_path / "expertenrat.db")


def _journal_mode(path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        connection.close()


def test_a_database_on_a_share_keeps_no_write_ahead_log(monkeypatch, tmp_path):
    """Found by a tester: a secretariat puts the file on its shared drive."""
    path = fake_share(monkeypatch, tmp_path) / "expertenrat.db"
    database = open_database(database_url(str(path)))
    try:
        DemoService(database, "Frau Schulz").load(date.today(), councils=1, years=1)
        assert not path.with_name("expertenrat.db-wal").exists()
    finally:
        database.close()
    assert _journal_mode(path) == "delete"


def test_a_file_an_older_version_left_in_the_log_leaves_it_on_a_share(monkeypatch, tmp_path):
    share = fake_share(monkeypatch, tmp_path)
    local = open_database(database_url(str(tmp_path / "expertenrat.db")))
    local.close()
    assert _journal_mode(tmp_path / "expertenrat.db") == "wal"
    (tmp_path / "expertenrat.db").rename(share / "expertenrat.db")
    database = open_database(database_url(str(share / "expertenrat.db")))
    try:
        SettingsService(database, "Frau Schulz").councils()
    finally:
        database.close()
    assert _journal_mode(share / "expertenrat.db") == "delete"


def test_a_file_another_pc_has_open_in_the_log_is_refused_unchanged(monkeypatch, tmp_path):
    share = fake_share(monkeypatch, tmp_path)
    path = share / "expertenrat.db"
    open_database(database_url(str(tmp_path / "expertenrat.db"))).close()
    (tmp_path / "expertenrat.db").rename(path)
    other = sqlite3.connect(path)  # an older version on another PC, in the log
    try:
        other.execute("SELECT count(*) FROM councils").fetchone()
        before = path.read_bytes()
        with pytest.raises(DatabaseUnusableError) as raised:
            open_database(database_url(str(path)))
        assert "liegt auf einem Netzlaufwerk" in raised.value.message
        assert "nur ein PC zur selben Zeit" in raised.value.message
        assert path.read_bytes() == before
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        other.close()


def test_a_restore_onto_a_share_leaves_the_file_without_the_log(monkeypatch, tmp_path):
    source = open_database(database_url(str(tmp_path / "quelle.db")))
    backup = tmp_path / "sicherung.zip"
    try:
        DemoService(source, "Frau Schulz").load(date.today(), councils=1, years=1)
        BackupService(source).backup(backup)
    finally:
        source.close()
    path = fake_share(monkeypatch, tmp_path) / "expertenrat.db"
    target = open_database(database_url(str(path)))
    try:
        BackupService(target).restore(backup, tmp_path / "kept")
        with target.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
    finally:
        target.close()
    assert _journal_mode(path) == "delete"


def test_a_file_on_a_share_opens_while_another_pc_is_saving_to_it(monkeypatch, tmp_path):
    """(found by review) The look whether the file is still in the log took a lock without
    waiting: a start while another PC (or the command line beside the window) was saving
    was refused, as if an older version had the file open in the log."""
    path = fake_share(monkeypatch, tmp_path) / "expertenrat.db"
    open_database(database_url(str(path))).close()
    other = sqlite3.connect(path, isolation_level=None)  # this version on another PC
    looked = database_opening.sqlite_journal_mode

    def saving_meanwhile(file: Path) -> str:
        other.execute("BEGIN EXCLUSIVE")  # its save takes the file right then
        return looked(file)

    monkeypatch.setattr(database_opening, "sqlite_journal_mode", saving_meanwhile)
    try:
        database = open_database(database_url(str(path)))
    finally:
        other.execute("ROLLBACK")
        other.close()
    try:
        assert SettingsService(database, "Frau Schulz").councils() == []
    finally:
        database.close()
    assert _journal_mode(path) == "delete"
