"""The Übersicht lists planned meetings whose invitation is due or overdue."""

from __future__ import annotations

from datetime import datetime

from expertenrat.services.overview import OverviewService
from expertenrat.store import models


def test_overview_names_planned_meetings_whose_invitation_is_due(database, council, today):
    # today: Friday 27.11.2026; notice period 7 days
    with database.transaction() as session:
        for number, start, state in (
            (1, datetime(2026, 11, 30, 16), "planned"),  # deadline 23.11.: overdue
            (2, datetime(2026, 12, 10, 16), "planned"),  # deadline 03.12.: due
            (3, datetime(2026, 12, 11, 16), "invited"),  # sent already
            (4, datetime(2026, 12, 12, 16), "cancelled"),
            (5, datetime(2026, 12, 16, 16), "planned"),  # deadline 09.12.: not yet
            (6, datetime(2026, 11, 20, 16), "planned"),  # in the past
        ):
            session.add(
                models.Meeting(council_id=council.id, number=number, starts_at=start, state=state)
            )
        session.add(
            models.Meeting(
                council_id=council.id,
                number=7,
                starts_at=datetime(2026, 12, 1, 16),
                deleted_at=datetime(2026, 11, 1),
            )
        )

    figures = OverviewService(database).overview(council.id, today)

    assert tuple(line.text for line in figures.invitations_due) == (
        "1. Sitzung am 30.11.2026: Einladung überfällig (Ladungsfrist seit 23.11.2026 verstrichen)",
        "2. Sitzung am 10.12.2026: Einladung bis 03.12.2026 versenden",
    )


def test_the_council_notice_period_sets_the_deadline(database, council, today):
    with database.transaction() as session:
        session.get(models.Council, council.id).notice_period_days = 21
        session.add(
            models.Meeting(council_id=council.id, number=1, starts_at=datetime(2026, 12, 24, 16))
        )

    figures = OverviewService(database).overview(council.id, today)

    assert tuple(line.text for line in figures.invitations_due) == (
        "1. Sitzung am 24.12.2026: Einladung bis 03.12.2026 versenden",
    )
