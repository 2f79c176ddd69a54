"""Backup and restore of the large demo (``--councils 20 --years 10``) on SQLite.

Run with ``pytest tests/benchmarks/test_backup_benchmark.py --benchmark-only -s``; the aim
is each under 5 s. The size of the backup file is printed. Nothing is asserted about time.

Measured 2026-12-01 on the 2-core machine under a load average of 5 to 9 (other work
running, so wall times are inflated; user CPU time is the steadier figure), as whole CLI
runs on a copy of the demo (73,248 rows, 141 MB SQLite file), three runs each, before →
after the streaming/stored-parts/bulk-insert changes:

- ``backup --out F.zip``: user CPU 9.1–10.0 s → 3.0–3.8 s, wall 16–22 s → 6–11 s
  (on a quiet machine before: 12.9 s). Zip 104.3 MB → 149.0 MB: the parts with stored
  PDFs are no longer deflated (base64 of compressed PDFs shrank by less than a third, and
  deflating it was two thirds of the time, and a quarter of a restore's).
- ``restore F.zip --yes`` into a new SQLite file: user CPU 8.3–8.8 s → 6.4–6.8 s, wall
  17–27 s → 17–23 s (quiet before: 11.2 s). About 2.4 s CPU of it is creating the new
  file's schema with the migrations, before the restore starts; the restore itself
  (service call) went from 8.7 s to 4.5–5.3 s CPU. No copy of the empty file is kept.
- Same day, later (load average 4 to 6.5, same conditions for before and after), whole
  ``restore F.zip --yes`` into a new SQLite file, three runs each: user CPU 6.8–7.9 s →
  3.7–4.9 s, system CPU 1.7–1.9 s → 1.0–1.2 s, wall 20–33 s → 9–22 s. The new file's
  schema now comes from the models, stamped at head (0.4 s CPU instead of 1.9 s for the
  migrations; user CPU 4.7–5.1 s with only this change), and the rows go through a
  rollback journal instead of the WAL (each page written once, not into the log and
  again at the checkpoint: a quarter of the write calls, system CPU −0.5 s).
- Restore into an empty PostgreSQL database (throwaway cluster on the same machine):
  wall 24.4 s → 16.3 s, client CPU 6.8 s → 4.1 s (``COPY`` instead of executemany).
- Same day, 16:10 UTC (load average 2.7–2.8, other work running), whole
  ``restore F.zip --yes`` into a new SQLite file, six runs each, the code before (49960d9)
  and after alternating: wall median 5.89 s (5.26–6.92) → 4.19 s (3.65–4.81), user CPU
  median 2.95 s → 2.46 s, system CPU 0.86 s → 0.74 s. The parts of it, each measured on
  its own: SQLite dates and timestamps as ``isoformat`` text and the rows converted in
  place (no two transpositions) −0.15 to −0.2 s CPU; the stored-PDF part parsed from
  Latin-1 −0.1 s; the indexes built after the rows −0.2 s; the restore into an empty file
  not waiting for the disk (``synchronous=OFF``, also while switching back to the WAL,
  whose commit had flushed the whole file) −0.5 s wall; Python's exit without the cycle
  collector (``gc.freeze()``) −0.2 to −0.3 s of every command; reading, CRC and SHA-256
  of the parts in a second thread take 0.3–0.4 s CPU off the parsing thread, which shows
  in the wall time only with an idle second core (not under this load). ``backup`` in
  the same minutes, three runs each: wall 4.5–5.6 s → 3.4–4.3 s, user CPU 2.6–3.4 s →
  2.4–2.5 s (the exit), format unchanged. The sessions run with
  ``PYTHONDONTWRITEBYTECODE=1``: every run compiles the app's own modules (about 0.1 s
  that an installed app does not spend).
- 2026-12-01 16:48 UTC, quiet machine (load average 0.1-0.7), whole CLI, after each part
  is hashed in a third thread while it is parsed (reading the backup in process: median
  1.95 -> 1.60 s, 12 rounds alternating with the code before): restore of the 149 MB
  backup (73,248 rows) into a new SQLite file 3.74 / 4.08 / 4.21 / 4.26 / 4.27 / 4.36 /
  4.42 / 4.62 / 4.66 / 5.26 s (median 4.3 s, user 3.0-4.4 s, sys 0.8-1.0 s); backup 2.8 /
  3.0 / 4.5 s.
"""

from __future__ import annotations

from datetime import date

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from expertenrat.services.backup import BackupService
from expertenrat.services.demo import DemoService
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def large_backup(tmp_path_factory):
    folder = tmp_path_factory.mktemp("large")
    database = open_database(database_url(str(folder / "gross.db")))
    DemoService(database, "Benchmark").load(TODAY, councils=20, years=10)
    path = folder / "gross.zip"
    summary = BackupService(database).backup(path)
    print(f"\nBackup: {summary.rows} rows, {summary.size / 1024**2:.1f} MB")
    yield database, path
    database.close()


def test_backup_of_the_large_demo(benchmark: BenchmarkFixture, large_backup, tmp_path):
    database, _path = large_backup
    summary = benchmark(BackupService(database).backup, tmp_path / "sicherung.zip")
    assert summary.rows > 0


def test_restore_of_the_large_demo(benchmark: BenchmarkFixture, large_backup, tmp_path):
    _database, path = large_backup
    target = open_database(database_url(str(tmp_path / "ziel.db")))
    try:
        summary = benchmark.pedantic(
            BackupService(target).restore, args=(path, tmp_path / "kept"), rounds=2
        )
        assert summary.rows > 0
    finally:
        target.close()
