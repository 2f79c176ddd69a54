"""Temporary files a killed run left behind (a backup, a daily copy, the copy before a
restore) are removed by the next write into their folder once their writer is surely gone;
those of a living writer, recent ones and other programs' files stay."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from expertenrat.services.backup import BackupService
from expertenrat.services.daily_backup import DailyBackupService
from expertenrat.services.files import write_file
from expertenrat.services.leftovers import STALE_AFTER
from expertenrat.store.engine import sqlite_file

JOURNALS = ("-journal", "-wal", "-shm")


def _ended_process() -> int:
    """The number of a process that has ended."""
    process = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(process.stdout)


def _left(folder: Path, name: str, *, old: bool = True) -> Path:
    """A file ``name`` in ``folder`` as a killed writer leaves it; ``old``: untouched long."""
    path = folder / name
    path.write_bytes(b"half")
    if old:
        then = time.time() - STALE_AFTER - 60
        os.utime(path, (then, then))
    return path


def test_a_backup_removes_the_leftovers_of_a_killed_backup_only(tmp_path: Path) -> None:
    gone = _ended_process()
    killed = _left(tmp_path, f".expertenrat-{gone}-0123abcd.tmp")
    living = _left(tmp_path, f".expertenrat-{os.getpid()}-0123abcd.tmp")
    recent = _left(tmp_path, f".expertenrat-{gone}-4567abcd.tmp", old=False)
    others = [_left(tmp_path, ".andere-1234.tmp"), _left(tmp_path, f".expertenrat-{gone}.tmp")]

    write_file(tmp_path / "sicherung.zip", b"neu")

    assert not killed.exists()
    assert living.exists() and recent.exists() and all(p.exists() for p in others)
    assert (tmp_path / "sicherung.zip").read_bytes() == b"neu"


def test_the_daily_backup_removes_the_leftovers_of_a_killed_daily_backup(
    sqlite_database, tmp_path
) -> None:
    folder = tmp_path / "Sicherungen"
    folder.mkdir()
    killed = _left(folder, ".expertenrat-2026-11-30-0123456789ab.tmp")
    journal = _left(folder, killed.name + "-journal")
    recent = _left(folder, ".expertenrat-2026-12-01-0123456789ab.tmp", old=False)
    other = _left(folder, ".expertenrat-2026-11-30-fremd.tmp")

    assert DailyBackupService(sqlite_database).run(folder, date(2026, 12, 1)) is not None

    assert not killed.exists() and not journal.exists()
    assert recent.exists() and other.exists()


def test_the_daily_backup_removes_an_older_version_s_leftover_of_a_killed_copy(
    sqlite_database, tmp_path
) -> None:
    """(found by a tester) Versions up to schema 0013 wrote the daily copy under one name
    a day, ".expertenrat-2026-11-30.tmp"; one killed (the PC switched off) left a whole
    copy of the database there, which the updated program never removed."""
    folder = tmp_path / "Sicherungen"
    folder.mkdir()
    killed = _left(folder, ".expertenrat-2026-11-30.tmp")
    recent = _left(folder, ".expertenrat-2026-12-01.tmp", old=False)

    assert DailyBackupService(sqlite_database).run(folder, date(2026, 12, 1)) is not None

    assert not killed.exists()
    assert recent.exists()


def test_a_restore_removes_the_leftovers_of_a_killed_restore_copy(demo_database, tmp_path):
    backup = tmp_path / "sicherung.zip"
    BackupService(demo_database).backup(backup)
    keep_dir = tmp_path / "kept"
    keep_dir.mkdir()
    path = sqlite_file(demo_database.url)
    if path is not None:
        folder, name = path.parent, f".{path.stem}-vor-wiederherstellung-{{}}{path.suffix}.tmp"
    else:
        folder, name = keep_dir, ".vor-wiederherstellung-{}.zip.tmp"
    killed = _left(folder, name.format("2026-11-30-101112"))
    journals = [_left(folder, killed.name + end) for end in JOURNALS]
    second = _left(folder, name.format("2026-11-30-101112-2"))
    recent = _left(folder, name.format("2026-12-01-101112"), old=False)
    other = _left(folder, name.format("gestern"))

    BackupService(demo_database).restore(backup, keep_dir)

    assert not killed.exists() and not second.exists()
    assert not any(p.exists() for p in journals)
    assert recent.exists() and other.exists()


def test_on_windows_a_killed_writer_s_leftover_goes_too(tmp_path: Path, monkeypatch) -> None:
    """(found by a tester) Windows cannot be asked whether a process runs without ending
    it, so a leftover named with a process number stayed for good there: half of an
    Auskunft, of a members file or of a backup, beside the file saved. Windows refuses to
    delete a file its writer still has open, so age alone decides there."""
    killed = _left(tmp_path, f".expertenrat-{_ended_process()}-0123abcd.tmp")
    recent = _left(tmp_path, f".expertenrat-{os.getpid()}-4567abcd.tmp", old=False)
    target = tmp_path / "auskunft.pdf"
    monkeypatch.setattr(os, "name", "nt")  # as on Windows

    write_file(target, b"neu")

    monkeypatch.undo()

    assert not killed.exists() and recent.exists()
