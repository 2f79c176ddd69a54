"""Start-up to a shown main window on the large demo database, next to a bare window.

Each round starts a fresh Python process (``startup_driver.py``) that imports Qt, makes
the application, shows its window and quits once the event loop runs. The app is measured
twice: until its main window is shown (the database is opened right after that, see
``expertenrat.app``) and until it is ready on the large database (20 councils, 10 years
of meetings). The aim is at most 1.5 times the bare PySide6 window for the first.
Run with ``pytest tests/benchmarks --benchmark-only``; nothing is asserted
about time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from expertenrat.services.demo import DemoService
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

DRIVER = Path(__file__).with_name("startup_driver.py")
ROUNDS = 5


@pytest.fixture(scope="session")
def large_demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "large.db"
    database = open_database(database_url(str(path)))
    try:
        DemoService(database, "bench").load(date.today(), councils=20, years=10)
    finally:
        database.close()
    return path


def _start(*args: str) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, str(DRIVER), *args], check=True, env=environment)


def test_start_bare_window(benchmark) -> None:
    benchmark.group = "startup"
    benchmark.pedantic(_start, args=("bare",), rounds=ROUNDS, iterations=1, warmup_rounds=1)


def test_main_window_shown(benchmark, large_demo_file: Path) -> None:
    """What the user sees first: the main window, before the database is read."""
    benchmark.group = "startup"
    benchmark.pedantic(
        _start, args=("shown", str(large_demo_file)), rounds=ROUNDS, iterations=1, warmup_rounds=1
    )


def test_main_window_ready_on_the_large_database(benchmark, large_demo_file: Path) -> None:
    """Until the database is open and the council's figures are on screen."""
    benchmark.group = "startup"
    benchmark.pedantic(
        _start, args=("ready", str(large_demo_file)), rounds=ROUNDS, iterations=1, warmup_rounds=1
    )
