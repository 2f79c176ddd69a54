"""The Suche on ten years of a council (the demo with ``--years 10``) on SQLite.

Run with ``pytest tests/benchmarks/test_council_search_benchmark.py --benchmark-only -s``:
reading and folding the council's records (each time the page is shown), and one search
in them (each pause in typing). The number of records is printed. Nothing is asserted
about time.
"""

from __future__ import annotations

from datetime import date

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from expertenrat.services.council_search import CouncilSearchService
from expertenrat.services.demo import DemoService
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

TODAY = date(2026, 11, 27)
COUNCIL = 1  # the first council of the demo


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ten-years")
    database = open_database(database_url(str(folder / "zehn.db")))
    DemoService(database, "Benchmark").load(TODAY, councils=1, years=10)
    search = CouncilSearchService(database)
    print(f"\nSuche: {len(search.index(COUNCIL))} Einträge")
    yield search
    database.close()


def test_reading_the_records(benchmark: BenchmarkFixture, ten_years):
    index = benchmark(ten_years.index, COUNCIL)
    assert len(index) > 300


def test_a_search_in_them(benchmark: BenchmarkFixture, ten_years):
    index = ten_years.index(COUNCIL)
    hits = benchmark(index.find, "parkraum warnemuende")
    assert hits
