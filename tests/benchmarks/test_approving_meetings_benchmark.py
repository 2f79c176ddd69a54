"""The meetings that may approve the minutes of a council's oldest meeting, on a demo of
ten years (``--councils 1 --years 10``, about 40 meetings) on SQLite, as the approval tab
reads them each time a meeting is opened (twice per opening).

Run with ``pytest tests/benchmarks/test_approving_meetings_benchmark.py --benchmark-only``;
nothing is asserted about time. ``unapproved``: the same council whose minutes were never
approved in the program (approved on paper), so every later meeting may approve.

Measured 2026-12-03 on council 2 of the 20-council demo (37 later held meetings), best
of ten calls, the code of main before these changes and after in turns, load below 1:
with the demo's approvals 14-15 ms before, 6.5-7 ms after; unapproved 126-150 ms before
(each later meeting's approval state, attendance sheet and approval item read on its own,
eleven statements per meeting), 25-29 ms after. Opening that meeting in the window sent
1,845 statements before, 411 after. This benchmark on a quiet machine: 5.8 / 27.5 ms (min).
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
