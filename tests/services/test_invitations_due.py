"""The Übersicht lists planned meetings whose invitation is due or overdue."""

from __future__ import annotations

from datetime import date, datetime

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


def test_the_last_day_to_invite_is_a_working_day_of_the_councils_bundesland(database, council):
    """(found by a tester) A meeting on 28.05.2026 with 14 days' notice was to be invited
    by 14.05.2026, Christi Himmelfahrt; in Thüringen Weltkindertag counts too. The
    Übersicht's two lists name the working day before."""
    with database.transaction() as session:
        session.get(models.Council, council.id).notice_period_days = 14
        for number, start in ((1, datetime(2026, 5, 28, 16)), (2, datetime(2027, 10, 4, 16))):
            session.add(models.Meeting(council_id=council.id, number=number, starts_at=start))

    def said(today: date) -> tuple[tuple[str, ...], tuple[str, ...]]:
        figures = OverviewService(database).overview(council.id, today)
        return (
            tuple(line.text for line in figures.invitations_due),
            tuple(line.text.split(" – ")[1] for line in figures.next_meetings),
        )

    due, ahead = said(date(2026, 5, 6))
    assert due == ("1. Sitzung am 28.05.2026: Einladung bis 13.05.2026 versenden",)
    assert ahead[0] == "Einladung bis 13.05.2026 versenden"
    assert said(date(2026, 5, 5))[0] == ()  # a week and a day before: not yet
    due, ahead = said(date(2027, 9, 13))  # 20.09.2027: a working day in MV
    assert due == ("2. Sitzung am 04.10.2027: Einladung bis 20.09.2027 versenden",)
    with database.transaction() as session:
        session.get(models.Council, council.id).bundesland = "DE-TH"
    due, ahead = said(date(2027, 9, 13))
    assert due == ("2. Sitzung am 04.10.2027: Einladung bis 17.09.2027 versenden",)
    assert ahead == ("Einladung bis 17.09.2027 versenden",)
