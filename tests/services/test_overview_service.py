"""OverviewService on a council without members, meetings or recommendations."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from expertenrat.domain.errors import NotFoundError
from expertenrat.domain.overview import Area, MeetingTab, Target
from expertenrat.services.overview import OverviewService
from expertenrat.store import models


def test_overview_of_a_new_council_counts_nothing(database, council, today):
    figures = OverviewService(database).overview(council.id, today)

    assert figures.council == council
    assert (figures.active_members, figures.former_members, figures.projects) == (0, 0, 0)
    assert (figures.meetings_held, figures.meetings_upcoming) == (0, 0)
    assert figures.next_meeting is None and figures.first_year is None
    assert (
        figures.recommendations_open,
        figures.recommendations_overdue,
        figures.recommendations_total,
    ) == (0, 0, 0)
    assert len(figures.action_fields) == 4


def test_overview_counts_a_member_whose_term_ends_today_as_active(
    database, members_service, council, new_member, today
):
    members_service.save(council.id, new_member(term_end=today), today)

    figures = OverviewService(database).overview(council.id, today)

    assert (figures.active_members, figures.former_members) == (1, 0)


def test_the_first_year_is_that_of_the_first_term_where_no_meeting_is_earlier(
    database, members_service, council, new_member, today
):
    """(found by a tester) The Tätigkeitsbericht's menu started at the first meeting, so
    a founding year with members but no meetings could be reported only on the command
    line."""
    members_service.save(council.id, new_member(term_start=date(2024, 11, 4)), today)
    with database.transaction() as session:
        session.add(
            models.Meeting(council_id=council.id, number=1, starts_at=datetime(2025, 1, 16, 16))
        )

    figures = OverviewService(database).overview(council.id, today)

    assert figures.first_year == 2024


def test_overview_counts_a_member_whose_term_begins_tomorrow_as_not_active(
    database, members_service, council, new_member, today
):
    members_service.save(council.id, new_member(term_start=today.replace(day=28)), today)

    figures = OverviewService(database).overview(council.id, today)

    assert figures.active_members == 0


def test_overview_ignores_a_cancelled_meeting_when_naming_the_next_one(database, council, today):
    with database.transaction() as session:
        session.add_all(
            [
                models.Meeting(
                    council_id=council.id,
                    number=1,
                    starts_at=datetime(2026, 12, 1, 17, 0),
                    state="cancelled",
                ),
                models.Meeting(
                    council_id=council.id,
                    number=2,
                    starts_at=datetime(2026, 12, 8, 9, 30),
                    state="planned",
                ),
            ]
        )

    figures = OverviewService(database).overview(council.id, today)

    assert figures.meetings_upcoming == 1
    assert figures.first_year == 2026  # the annual report's menu starts there
    assert figures.next_meeting == "2. Sitzung am 08.12.2026 um 09:30 Uhr"


def test_overview_names_a_numbered_klausur_as_the_window_does(database, council, today):
    """(found by a tester) the Übersicht named the demo's Klausur only "8. Sitzung"."""
    with database.transaction() as session:
        session.add_all(
            [
                models.Meeting(council_id=council.id, number=3, kind="workshop",
                               title="Datenethik", starts_at=datetime(2026, 11, 2, 10, 0),
                               state="held"),
                models.Meeting(council_id=council.id, number=4, kind="workshop",
                               starts_at=datetime(2026, 12, 1, 10, 0)),
                models.Meeting(council_id=council.id, number=5, title="Haushalt",
                               starts_at=datetime(2026, 12, 8, 16, 0)),
            ]
        )  # fmt: skip

    figures = OverviewService(database).overview(council.id, today)

    assert figures.next_meeting == "4. Sitzung – Klausur am 01.12.2026 um 10:00 Uhr"
    assert [line.text.split(" am ")[0] for line in figures.next_meetings] == [
        "4. Sitzung – Klausur",
        "5. Sitzung",
    ]
    assert figures.invitations_due[0].text.startswith("4. Sitzung – Klausur am 01.12.2026: ")
    assert [line.text for line in figures.minutes_waiting] == [
        "Protokoll der 3. Sitzung – Klausur: Datenethik vom 02.11.2026: noch nicht versandt, "
        "Versand bis 30.11.2026 fällig"
    ]


def test_overview_counts_a_meeting_later_today_as_upcoming(database, council, today):
    with database.transaction() as session:
        session.add(
            models.Meeting(council_id=council.id, number=1, starts_at=datetime(2026, 11, 27, 18, 0))
        )

    figures = OverviewService(database).overview(council.id, today)

    assert figures.meetings_upcoming == 1
    assert figures.first_year == 2026  # the annual report's menu starts there


def test_overview_of_a_missing_council_raises_not_found(database, today):
    with pytest.raises(NotFoundError):
        OverviewService(database).overview(4711, today)


def test_overview_counts_a_member_whose_term_begins_next_month_as_future_not_former(
    database, members_service, council, new_member, today
):
    members_service.save(council.id, new_member(term_start=date(2026, 12, 1)), today)
    members_service.save(council.id, new_member("Bert", "Alt", term_end=date(2026, 1, 31)), today)
    members_service.save(council.id, new_member("Clara", "Jetzt"), today)

    figures = OverviewService(database).overview(council.id, today)

    assert (figures.active_members, figures.future_members, figures.former_members) == (1, 1, 1)


def test_a_meeting_whose_day_passed_unrecorded_is_listed_to_be_recorded(sqlite_demo_database):
    """The demo's next two meetings (in December) once their days have passed without being
    recorded as held or cancelled: they left "Nächste Sitzungen" and stood nowhere on the
    Übersicht (found by a tester)"""
    with sqlite_demo_database.reading() as session:
        first, second = session.execute(
            select(models.Meeting.council_id, models.Meeting.id, models.Meeting.starts_at)
            .where(models.Meeting.state.in_(("planned", "invited")))
            .order_by(models.Meeting.starts_at)
            .limit(2)
        ).all()
    overview = OverviewService(sqlite_demo_database)

    before = overview.overview(first.council_id, date(2026, 11, 27))
    figures = overview.overview(first.council_id, date(2026, 12, 20))
    after = figures.meetings_unrecorded

    assert before.meetings_unrecorded == ()
    # Not among the minutes waiting: they are not held (found by review).
    assert not [line for line in figures.minutes_waiting if "durchgeführt" in line.text]
    labels = ("8. Sitzung – Klausur: Datenstrategie 2030", "7. Sitzung")  # in order of days
    assert [line.text for line in after[:2]] == [
        f"{label} am {row.starts_at:%d.%m.%Y}: noch nicht als durchgeführt oder abgesagt erfasst"
        for label, row in zip(labels, (first, second), strict=True)
    ]
    assert [line.target for line in after[:2]] == [
        Target(Area.MEETINGS, record_id=row.id, tab=MeetingTab.MEETING) for row in (first, second)
    ]


def test_a_member_re_appointed_is_not_counted_as_former_found_by_a_tester(
    database, members_service, council, new_member, today
):
    """A member whose first term ended and who serves a further term showed "1 ehemalige"
    beside the active count; persons are counted, not ended terms."""
    first = members_service.save(
        council.id, new_member("Bert", "Alt", term_end=date(2025, 12, 31)), today
    )
    members_service.save(
        council.id,
        new_member(
            "Bert",
            "Alt",
            person_id=first.person_id,
            person_version=first.person_version,
            term_start=date(2026, 1, 1),
        ),
        today,
    )
    gone = members_service.save(
        council.id, new_member("Clara", "Weg", term_end=date(2025, 6, 30)), today
    )
    members_service.save(
        council.id,
        new_member(
            "Clara", "Weg", person_id=gone.person_id, person_version=gone.person_version,
            term_start=date(2025, 7, 1), term_end=date(2026, 1, 31),
        ),
        today,
    )  # fmt: skip

    figures = OverviewService(database).overview(council.id, today)

    assert (figures.active_members, figures.former_members) == (1, 1)  # Clara once
