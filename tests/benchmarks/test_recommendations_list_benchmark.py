"""Reading the recommendations register: 2,000 and 20,000 recommendations, each addressed to
one or two projects, half of them from meetings, on SQLite and PostgreSQL.

Run with ``pytest tests/benchmarks/test_recommendations_list_benchmark.py --benchmark-only``.
Aim: the list of 20,000 within 12 times that of 2,000 (three queries whatever the number, no
query per row); the register page's list (``searchable``: with the words of the text and the
answers) one query more. The rows are written in bulk, as only the reading is measured. Nothing is
asserted about time.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from sqlalchemy import insert

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.services.recommendations import RecommendationsService
from expertenrat.services.settings import SettingsService
from expertenrat.store import models

TODAY = date(2026, 11, 27)
STATUSES = list(RecommendationStatus)


def _fill(database, count: int) -> int:
    council = SettingsService(database, "bench").create_council(
        CouncilSettings(None, f"Rat {count}", "Rostock")
    )
    field = SettingsService(database, "bench").action_fields(council.id)[0].id
    with database.transaction() as session:
        meeting = models.Meeting(council_id=council.id, number=1, starts_at=datetime(2026, 3, 10))
        session.add(meeting)
        session.flush()
        item = models.AgendaItem(meeting_id=meeting.id, number="1", title="Beratung")
        projects = [
            models.Project(council_id=council.id, title=f"Projekt {n}", action_field_id=field)
            for n in range(40)
        ]
        session.add_all([item, *projects])
        session.flush()
        start = date(2020, 1, 1)
        rows = [
            {
                "council_id": council.id,
                "code": f"E-{2020 + n // 1000}-{n % 1000 + 1:02d}",
                "kind": "recommendation",
                "title": f"Empfehlung Nummer {n} für die Datenplattform",
                "text": "Text " * 50,
                "action_field_id": field,
                "origin_agenda_item_id": item.id if n % 2 else None,
                "adopted_on": start + timedelta(days=n % 2000),
                "sent_on": start + timedelta(days=n % 2000 + 7),
                "due_on": start + timedelta(days=n % 2000 + 67),
                "status": STATUSES[n % len(STATUSES)].value,
                "public_id": str(uuid.uuid4()),
                "version": 1,
            }
            for n in range(count)
        ]
        session.execute(insert(models.Recommendation), rows)
        ids = session.scalars(
            models.Recommendation.__table__.select()
            .with_only_columns(models.Recommendation.id)
            .where(models.Recommendation.council_id == council.id)
        ).all()
        links = [
            {"recommendation_id": rid, "project_id": projects[rid % 40].id, "position": 0}
            for rid in ids
        ] + [
            {"recommendation_id": rid, "project_id": projects[(rid + 1) % 40].id, "position": 1}
            for rid in ids[::3]
        ]
        session.execute(insert(models.RecommendationProject), links)
    return council.id


@pytest.mark.parametrize("count", [2_000, 20_000])
def test_list_of_the_register(benchmark: BenchmarkFixture, database, count: int) -> None:
    council_id = _fill(database, count)
    register = RecommendationsService(database, "bench")

    rows = benchmark(register.list, council_id, today=TODAY)

    assert len(rows) == count


def test_list_for_the_register_page_s_search(benchmark: BenchmarkFixture, database) -> None:
    council_id = _fill(database, 20_000)
    register = RecommendationsService(database, "bench")

    rows = benchmark(register.list, council_id, today=TODAY, searchable=True)

    assert len(rows) == 20_000 and all("Text" in row.words for row in rows)


def test_list_of_the_overdue_ones(benchmark: BenchmarkFixture, database) -> None:
    council_id = _fill(database, 20_000)
    register = RecommendationsService(database, "bench")

    rows = benchmark(register.list, council_id, RecommendationFilter(overdue=True), today=TODAY)

    assert rows and all(r.overdue for r in rows)
