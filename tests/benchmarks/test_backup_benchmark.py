"""Backup and restore of the large demo (``--councils 20 --years 10``) on SQLite.

Run with ``pytest tests/benchmarks/test_backup_benchmark.py --benchmark-only -s``; the aim
is each under 5 s. The size of the backup file is printed. Nothing is asserted about time.
"""

from __future__ import annotations

from datetime import date

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from expertenrat.services.backup import BackupService
from expertenrat.services.demo import DemoService
from expertenrat.store.database import open_database
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
