"""The meetings that may approve the minutes of a council's oldest meeting, on a demo of
ten years (``--councils 1 --years 10``, about 40 meetings) on SQLite, as the approval tab
reads them each time a meeting is opened (twice per opening).

Run with ``pytest tests/benchmarks/test_approving_meetings_benchmark.py --benchmark-only``;
nothing is asserted about time. ``unapproved``: the same council whose minutes were never
approved in the program (approved on paper), so every later meeting may approve.

Measured 2026-12-03 on a council of the 20-council demo (37 later held meetings), best of
ten calls, the code before and after in turns, load 3: with the demo's approvals 15-23 ms
before, 7-11 ms after; unapproved 224-233 ms before (each later meeting's approval state
and attendance sheet read on its own, eleven statements per meeting), 45-47 ms after.
"""

from __future__ import annotations

from datetime import date

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from sqlalchemy import select, update

from expertenrat.domain.enums import MeetingState, MinutesState
from expertenrat.services.demo import DemoService
from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.services.minutes_pdfs import render_minutes
from expertenrat.store import models
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def decade(tmp_path_factory):
    folder = tmp_path_factory.mktemp("decade")
    database = open_database(database_url(str(folder / "zehn-jahre.db")))
    DemoService(database, "Benchmark").load(TODAY, councils=1, years=10)
    yield database
    database.close()


def _oldest_held(database) -> int:
    with database.transaction() as session:
        return session.scalars(
            select(models.Meeting.id)
            .where(models.Meeting.state == MeetingState.HELD.value)
            .order_by(models.Meeting.starts_at)
        ).first()


@pytest.mark.parametrize("approvals", ["demo", "unapproved"])
def test_approving_meetings_of_the_oldest_meeting(
    benchmark: BenchmarkFixture, decade, approvals: str
):
    if approvals == "unapproved":
        with decade.transaction() as session:
            session.execute(
                update(models.MinutesVersion)
                .where(models.MinutesVersion.state == MinutesState.APPROVED.value)
                .values(state=MinutesState.CIRCULATED.value)
            )
    service = MinutesApprovalService(decade, "Benchmark", render_minutes)
    oldest = _oldest_held(decade)

    choices = benchmark(service.approving_meetings, oldest)

    print(f"\n{len(choices)} Sitzungen können genehmigen")
    assert choices
