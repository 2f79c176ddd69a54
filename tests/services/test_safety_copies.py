"""The safety copies made before a restore or an update: found by their names, deleted by
the retention rule (the newest few stay, the others after the days set), on real files."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from pathlib import Path

from expertenrat.domain.backup_rotation import SafetyCopies, safety_copies_to_delete
from expertenrat.services.backup import BackupService
from expertenrat.services.safety_copies import SafetyCopiesService
from expertenrat.store.engine import sqlite_file


def test_the_newest_three_stay_and_of_the_others_those_older_than_the_days_go(today):
    made = {n: datetime(2026, 1, 1) + timedelta(days=30 * n) for n in range(6)}
    # 0..5 made on 01.01., 31.01., 02.03., 01.04., 01.05., 31.05.: on 31.07. the newest
    # three stay, however old; of the others those made more than the days before
    assert safety_copies_to_delete(made, date(2026, 7, 31), days=90) == {0, 1, 2}
    assert safety_copies_to_delete(made, date(2026, 7, 31), days=200) == {0}
    # the newest one stays always
    assert safety_copies_to_delete(made, date(2030, 1, 1), days=90, kept=0) == {0, 1, 2, 3, 4}
    # a copy is due on the 91st day after the day it was made
    assert safety_copies_to_delete(made, date(2026, 4, 1), days=90, kept=1) == set()
    assert safety_copies_to_delete(made, date(2026, 4, 2), days=90, kept=1) == {0}


def _old(folder: Path, name: str, mtime: datetime | None = None) -> Path:
    path = folder / name
    path.write_bytes(b"alt")
    if mtime is not None:
        os.utime(path, (mtime.timestamp(), mtime.timestamp()))
    return path


def test_a_restore_s_copy_stays_the_old_ones_go_and_nothing_else_is_touched(
    demo_database, tmp_path, today
):
    """On both backends: a real restore makes its copy (beside the SQLite file, of a
    server in the PC's ``Sicherungen``); four older copies of 2025, one of each kind, and
    files that are no safety copies of this database lie beside it."""
    server_folder = tmp_path / "Sicherungen"
    backup = tmp_path / "sicherung.zip"
    BackupService(demo_database).backup(backup)
    now = datetime.combine(today, datetime.min.time()).replace(hour=9)
    kept = BackupService(demo_database).restore(backup, server_folder, now=now).kept_copy
    assert kept is not None
    database_file = sqlite_file(demo_database.url)
    if database_file is not None:
        folder, stem, suffix = database_file.parent, database_file.stem, database_file.suffix
        start = f"{stem}-"
        upgrade = [f"{start}vor-update-von-0017{suffix}", f"{start}vor-update-von-0019{suffix}"]
    else:
        folder, start, suffix = server_folder, "", ".zip"
        upgrade = [
            "vor-update-von-0017-2025-03-01-080000.zip",
            "vor-update-von-0019-2025-05-01-080000.zip",
        ]
    assert kept.parent == folder and kept.name.startswith(f"{start}vor-wiederherstellung-")
    old = [
        _old(folder, f"{start}vor-wiederherstellung-2025-01-02-101500{suffix}"),
        _old(folder, f"{start}vor-wiederherstellung-2025-01-02-101500-2{suffix}"),
        _old(folder, upgrade[0], datetime(2025, 3, 1, 8)),
        _old(folder, upgrade[1], datetime(2025, 5, 1, 8)),
    ]
    others = [
        _old(folder, f"andere-vor-wiederherstellung-2020-01-02-101500{suffix}"),
        _old(folder, "expertenrat-2020-01-02.db"),
        _old(folder, "vor-wiederherstellung-notizen.txt"),
    ]
    copies = SafetyCopiesService(demo_database, server_folder)

    assert copies.summary(today, 90) == SafetyCopies(5, date(2025, 1, 2), 2, None)
    assert copies.rotate(today, 90) == 2

    # the newest three stay: the restore's copy and the two before updates
    assert sorted(p.name for p in folder.iterdir() if p in old or p == kept) == sorted(
        [kept.name, old[2].name, old[3].name]
    )
    assert all(p.exists() for p in others)
    assert copies.summary(today, 90) == SafetyCopies(3, date(2025, 3, 1), 0, None)
    assert copies.rotate(today, 90) == 0


def test_a_copy_spared_stays_though_the_rule_names_it(sqlite_database, tmp_path, today):
    folder = sqlite_file(sqlite_database.url).parent
    stem = sqlite_file(sqlite_database.url).stem
    names = [f"{stem}-vor-wiederherstellung-2025-0{m}-01-120000.db" for m in range(1, 6)]
    paths = [_old(folder, name) for name in names]
    copies = SafetyCopiesService(sqlite_database, tmp_path / "Sicherungen")

    assert copies.rotate(today, 90, spare=paths[0]) == 1

    assert [p.exists() for p in paths] == [True, False, True, True, True]


def test_the_first_day_of_the_next_deletion_is_named(sqlite_database, tmp_path, today):
    folder = sqlite_file(sqlite_database.url).parent
    stem = sqlite_file(sqlite_database.url).stem
    for days_ago in (10, 20, 30, 40):
        made = today - timedelta(days=days_ago)
        _old(folder, f"{stem}-vor-wiederherstellung-{made:%Y-%m-%d}-120000.db")
    copies = SafetyCopiesService(sqlite_database, tmp_path / "Sicherungen")

    summary = copies.summary(today, 90)

    assert summary == SafetyCopies(4, today - timedelta(days=40), 0, today + timedelta(days=51))
    assert copies.rotate(today + timedelta(days=50), 90) == 0
    assert copies.rotate(today + timedelta(days=51), 90) == 1


def test_an_unreachable_folder_has_no_copies(sqlite_database, tmp_path, today):
    blocked = tmp_path / "keine Sicherungen"
    blocked.write_text("eine Datei, kein Ordner")
    copies = SafetyCopiesService(sqlite_database, blocked)
    assert copies.summary(today).count == 0
    assert copies.rotate(today) == 0


def test_a_damaged_file_set_aside_by_a_restore_is_a_safety_copy(sqlite_database, tmp_path, today):
    """(found by a tester) The damaged file a restore sets aside in its place
    (``…-beschädigt-…``, the copy of what the restore replaced) holds every person's data
    as it was, as the other copies do, yet no rule ever deleted it."""
    folder = sqlite_file(sqlite_database.url).parent
    stem = sqlite_file(sqlite_database.url).stem
    damaged = _old(folder, f"{stem}-beschädigt-2025-01-02-101500.db")
    journal = _old(folder, f"{damaged.name}-wal")
    newer = [
        _old(folder, f"{stem}-vor-wiederherstellung-2025-0{m}-01-120000.db") for m in (2, 3, 4)
    ]
    another = _old(folder, "andere-beschädigt-2025-01-02-101500.db")
    copies = SafetyCopiesService(sqlite_database, tmp_path / "Sicherungen")

    assert copies.summary(today, 90) == SafetyCopies(4, date(2025, 1, 2), 1, None)
    assert copies.rotate(today, 90) == 1

    assert not damaged.exists() and not journal.exists()
    assert all(p.exists() for p in [*newer, another])
