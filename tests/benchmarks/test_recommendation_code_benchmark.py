"""Handing out a recommendation code on SQLite with a long audit trail: 2,000
recommendations, each updated 25 times (50,000 audit entries), 40 codes retired.

Run with ``pytest tests/benchmarks/test_recommendation_code_benchmark.py --benchmark-only``.
A code used to read the before-state of every update of every recommendation in the audit
trail; now it reads the codes of its year and the retired ones. Nothing is asserted about
time (about 1 ms against 400 ms before on a laptop).
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from expertenrat.services.recommendation_records import new_code
from expertenrat.store import models
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

RECOMMENDATIONS, UPDATES, RETIRED = 2_000, 25, 40


@pytest.fixture(scope="module")
def long_trail(tmp_path_factory):
    folder = tmp_path_factory.mktemp("codes")
    database = open_database(database_url(str(folder / "codes.db")))
    with database.transaction() as session:
        council = models.Council(name="Rat", city="Rostock")
        session.add(council)
        session.flush()
        codes = [f"E-{2000 + n // 100}-{n % 100 + 1:02d}" for n in range(RECOMMENDATIONS)]
        session.add_all(
            models.Recommendation(council_id=council.id, code=code, title="Empfehlung")
            for code in codes
        )
        session.add_all(
            models.RetiredRecommendationCode(council_id=council.id, code=f"E-2030-{n + 1:02d}")
            for n in range(RETIRED)
        )
        at = datetime(2026, 1, 1)
        session.add_all(
            models.AuditEntry(
                at=at,
                actor="Benchmark",
                action="update",
                entity="recommendation",
                council_id=council.id,
                summary="geändert",
                before=json.dumps({"code": code, "title": "Empfehlung", "text": "x" * 400}),
            )
            for code in codes
            for _ in range(UPDATES)
        )
        council_id = council.id
    yield database, council_id
    database.close()


def test_a_new_code_of_a_year_with_retired_codes(benchmark: BenchmarkFixture, long_trail):
    database, council_id = long_trail

    def hand_out() -> str:
        with database.reading() as session:
            return new_code(session, council_id, 2030)

    assert benchmark(hand_out) == f"E-2030-{RETIRED + 1:02d}"
