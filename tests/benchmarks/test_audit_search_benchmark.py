"""The Änderungsprotokoll on the large demo (``--councils 20 --years 10``) on SQLite.

Run with ``pytest tests/benchmarks/test_audit_search_benchmark.py --benchmark-only -s``:
the first page of a council, a search in the descriptions, and a rare kind of record (the
query walks back through the entries until it has a page). The number of entries is
printed. And a search that few of 50,000 entries match, so that it looks through every
description (found by review: 2.4 s, with the umlauts' spellings 5.8 s, the window frozen;
it runs in the worker now, see ``ui.audit_reads``). Nothing is asserted about time.
"""

from __future__ import annotations

from datetime import date

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from expertenrat.domain.enums import AuditAction
from expertenrat.services import audit
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


_NAMES = ("Jörg Müller", "Gülşen Yılmaz", "Hans Mueller", "Björn Weiß", "Ole Fründt", "Anna Groß")
_SUMMARIES = (
    "Mitglied „{name}“ geändert",
    "TOP {n} „Verschiedenes“ der {m}. Sitzung hinzugefügt",
    "Anwesenheit von {name} in der {m}. Sitzung: anwesend",
    "{m}. Sitzung – Frühjahrsklausur am 12.03.2026 geändert",
    "Empfehlung E-2026-{n:02d} „Offene Daten für die Bürgerbeteiligung“ geändert",
)


@pytest.fixture(scope="module")
def fifty_thousand(tmp_path_factory):
    """The small demo and 50,000 entries of its council, German descriptions with names."""
    folder = tmp_path_factory.mktemp("trail")
    database = open_database(database_url(str(folder / "protokoll.db")))
    DemoService(database, "Benchmark").load(TODAY)
    values = audit.entry("Frau Schulz", AuditAction.UPDATE, "membership", 1, council_id=1)
    entries = [
        {
            **values,
            "summary": _SUMMARIES[i % 5].format(name=_NAMES[i % 6], n=i % 20 + 1, m=i % 40 + 1),
        }
        for i in range(50_000)
    ]
    with database.transaction() as session:
        audit.insert_entries(session, entries)
    yield AuditService(database), 1
    database.close()


@pytest.mark.parametrize("text", ["Brüggemann", "brueggemann"])
def test_a_search_few_of_50000_entries_match(benchmark: BenchmarkFixture, fifty_thousand, text):
    trail, council_id = fifty_thousand
    page = benchmark(trail.search, AuditFilter(council_id, text=text), 200)
    assert 0 < len(page.lines) < 200  # the demo's Brüggemann, past all the 50,000
