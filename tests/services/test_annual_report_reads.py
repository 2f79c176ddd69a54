"""What the annual report reads: the attendance sheets and the agendas of the year's held
meetings together."""

from __future__ import annotations

from datetime import date

from client_statements import recorded_statements

from expertenrat.domain.enums import MeetingState
from expertenrat.services.context import Services

TODAY = date(2026, 11, 27)  # the demo's day


def _held(services: Services, council: int, year: int) -> list:
    """The council's meetings of ``year`` held by the demo's day."""
    meetings = services.meetings.list(council, year=year, today=TODAY)
    return [m for m in meetings if m.state is MeetingState.HELD]


def test_the_sheets_of_the_years_meetings_are_read_together(sqlite_demo_database):
    """Found by a tester: the report read each held meeting's sheet on its own, some ten
    statements a meeting (the OParl and open data exports already read them together)."""
    services = Services.create(sqlite_demo_database, "tester")
    council = services.settings.councils()[0].id
    held = _held(services, council, 2026)

    with recorded_statements(sqlite_demo_database.engine) as statements:
        report = services.annual_report.report(council, 2026, TODAY)

    assert len(held) > 2
    assert sum("FROM attendances" in s for s in statements) == 1
    sheets = [services.attendance.sheet(m.id) for m in held]
    assert [(line.present, line.entitled) for line in report.meetings.held] == [
        (sheet.quorum.present_voting, sheet.quorum.entitled) for sheet in sheets
    ]


def test_the_items_set_aside_are_read_once(sqlite_demo_database):
    """The items postponed or taken off the agenda (services/items_set_aside) were read
    twice for the same meetings: for the consultations per project and per field."""
    services = Services.create(sqlite_demo_database, "tester")
    council = services.settings.councils()[0].id

    with recorded_statements(sqlite_demo_database.engine) as statements:
        report = services.annual_report.report(council, 2025, TODAY)

    assert sum("agenda_items.outcome !=" in s for s in statements) == 1
    assert report.consultation_count > 0  # the set-aside items were needed


def test_the_agendas_of_the_years_meetings_are_read_together(sqlite_demo_database):
    """Found by a tester: the consultations per project and the non-public items read each
    meeting's agenda on their own, two statements a meeting (24 for a year of twelve)."""
    services = Services.create(sqlite_demo_database, "tester")
    council = services.settings.councils()[0].id
    held = _held(services, council, 2025)

    with recorded_statements(sqlite_demo_database.engine) as statements:
        report = services.annual_report.report(council, 2025, TODAY)

    assert len(held) >= 2 and report.consultation_count > 0
    # the attendance sheets', the consultations' and the non-public items' reads
    assert sum("agenda_items.discussion" in s for s in statements) == 3
