"""The Übersicht on the large demo (``--councils 20 --years 10``) on SQLite.

Run with ``pytest tests/benchmarks/test_overview_benchmark.py --benchmark-only``; the aim
is under 100 ms for the figures and for the page showing them. Nothing is asserted about
time; the tests check that the figures are there.
"""

from __future__ import annotations

from datetime import date

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from expertenrat.services.demo import DemoService
from expertenrat.services.overview import OverviewService
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url
from expertenrat.ui.overview_page import OverviewPage

TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def large_demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("large")
    database = open_database(database_url(str(folder / "gross.db")))
    DemoService(database, "Benchmark").load(TODAY, councils=20, years=10)
    yield database
    database.close()


def _first_council(database) -> int:
    from expertenrat.services.settings import SettingsService

    return SettingsService(database, "Benchmark").councils()[0].id


def test_overview_figures_of_the_large_demo(benchmark: BenchmarkFixture, large_demo):
    council_id = _first_council(large_demo)
    figures = benchmark(OverviewService(large_demo).overview, council_id, TODAY)
    assert figures.meetings_held > 0 and figures.fields_this_year


def test_overview_page_of_the_large_demo(benchmark: BenchmarkFixture, large_demo, qtbot):
    page = OverviewPage(OverviewService(large_demo), lambda: TODAY)
    qtbot.addWidget(page)
    page.set_council(_first_council(large_demo))
    benchmark(page.refresh)
    assert page.figures is not None and page.figures.recommendations_total > 0
