"""The Änderungsprotokoll on the large demo (``--councils 20 --years 10``) on SQLite.

Run with ``pytest tests/benchmarks/test_audit_search_benchmark.py --benchmark-only -s``:
the first page of a council, a search in the descriptions, and a rare kind of record (the
query walks back through the entries until it has a page). The number of entries is
printed. Nothing is asserted about time.
"""

from __future__ import annotations

from datetime import date

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from expertenrat.services.audit_reading import AuditFilter, AuditService
from expertenrat.services.demo import DemoService
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def large_trail(tmp_path_factory):
    folder = tmp_path_factory.mktemp("large")
    database = open_database(database_url(str(folder / "gross.db")))
    DemoService(database, "Benchmark").load(TODAY, councils=20, years=10)
    trail = AuditService(database)
    print(f"\nÄnderungsprotokoll: {len(trail.entries())} Einträge")
    yield trail, 1  # the first council of the demo
    database.close()


def test_first_page_of_a_council(benchmark: BenchmarkFixture, large_trail):
    trail, council_id = large_trail
    page = benchmark(trail.search, AuditFilter(council_id), 200)
    assert len(page.lines) == 200


def test_search_in_the_descriptions(benchmark: BenchmarkFixture, large_trail):
    trail, council_id = large_trail
    page = benchmark(trail.search, AuditFilter(council_id, text="sitzung"), 200)
    assert page.lines


def test_a_rare_kind_of_record(benchmark: BenchmarkFixture, large_trail):
    trail, council_id = large_trail
    page = benchmark(trail.search, AuditFilter(council_id, entity="council"), 200)
    assert len(page.lines) == 1
