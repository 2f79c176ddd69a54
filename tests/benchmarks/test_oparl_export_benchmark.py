"""The OParl export of the large demo (``--councils 20 --years 10``) on SQLite.

Run with ``pytest tests/benchmarks/test_oparl_export_benchmark.py --benchmark-only -s``;
the aim is under 10 s. The number of files and bytes is printed. Nothing is asserted
about time.

Measured 2026-12-01 as whole CLI runs (``expertenrat export oparl``) on a copy of the
20-council demo, 17,449 files, 86.2 MB, on the 2-core VM shared with other jobs (load
4–7, so wall times of 10–90 s say nothing; CPU time does): before 7.1–8.5 s user CPU
(10.3 s wall on a quiet machine); after 5.2–5.7 s user CPU into an empty folder and
4.1–4.6 s again into the folder of the last export (its invitation PDFs taken as they
are). System CPU (creating 17,449 files and 1,515 folders) varied 2–13 s with the load.

Measured 2026-12-03 as whole CLI runs on a 20-council demo (820 meetings, 7,260 agenda
items), the code before and after in turns, load 3–4: the attendance sheets of a council's
meetings read together (some ten statements for all of them, not per meeting; 7,167
statements before) took the open data export from 3.5–3.6 s user CPU (3.9–4.2 s wall) to
1.7–1.8 s (2.0–2.3 s wall), the OParl export from 4.9–6.8 s user CPU to 3.4–4.3 s (its wall
time is mostly the system's, creating the files).

Measured 2026-12-04 as whole CLI runs on that demo (720 approved minutes), load 4: the
warning where approved public minutes name in a typed text a member who may not be named
(:mod:`expertenrat.services.approved_public_mentions`: each kept document read and its
texts searched) took the OParl export from 2.0 s user CPU to 2.8–3.1 s; 1.0 s of it is
the warning's reading, after the codec's type hints were cached (2.5 s before). Then the
warning takes the guests and presenters of each minutes from their kept document, which it
reads anyway where the council has members to look for, instead of querying them (two
statements per minutes): the warning's reading alone, in process, three runs each, 1.05–1.19 s
CPU before, 0.80–0.92 s after.
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from expertenrat.services.demo import DemoService
from expertenrat.services.oparl_export import OParlExportService
from expertenrat.services.open_data_export import OpenDataExportService
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def large_database(tmp_path_factory):
    folder = tmp_path_factory.mktemp("large")
    database = open_database(database_url(str(folder / "gross.db")))
    DemoService(database, "Benchmark").load(TODAY, councils=20, years=10)
    yield database
    database.close()


def test_oparl_export_of_the_large_demo(benchmark: BenchmarkFixture, large_database, tmp_path):
    service = OParlExportService(large_database)
    folders = (tmp_path / f"oparl-{n}" for n in itertools.count())

    written = benchmark.pedantic(
        lambda: service.export(next(folders), "https://daten.example.de/oparl/v1"), rounds=2
    )

    print(f"\nOParl-Export: {written.files} Dateien, {written.size / 1024**2:.1f} MB")
    assert written.files > 1000


def test_oparl_re_export_into_the_published_folder(
    benchmark: BenchmarkFixture, large_database, tmp_path
):
    """The usual update: into the folder of the last export (its invitations unchanged)."""
    service = OParlExportService(large_database)
    folder = tmp_path / "oparl"
    service.export(folder, "https://daten.example.de/oparl/v1")

    written = benchmark.pedantic(
        lambda: service.export(folder, "https://daten.example.de/oparl/v1", force=True), rounds=2
    )

    print(f"\nOParl-Export (erneut): {written.files} Dateien, {written.size / 1024**2:.1f} MB")


def test_open_data_export_of_the_large_demo(benchmark: BenchmarkFixture, large_database):
    """The open data tables read every meeting's records as OParl does, without files."""
    service = OpenDataExportService(OParlExportService(large_database))

    files = benchmark.pedantic(service.files, rounds=2)

    print(f"\nOffene Daten: {len(files)} Dateien, {sum(map(len, files.values())) // 1024} KB")
    assert len(files) == 3
