"""The annual report says whether a meeting had a quorum as its minutes do: "teilweise"
where a member arriving late made the council quorate from one item on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pdf_reading
import pytest
from meeting_rows import add_meeting

from expertenrat.domain.enums import QuorumRule
from expertenrat.domain.meeting_quorum import Quorate
from expertenrat.services.annual_report import AnnualReportService
from expertenrat.services.attendance import AttendanceService
from expertenrat.store import models

ON = date(2026, 11, 27)
TITLES = ("Eröffnung", "Bericht", "Beratung", "Anfragen", "Beschluss", "Verschiedenes")


@pytest.fixture
def two_thirds(council, settings_service):
    settings_service.update_settings(replace(council, quorum_rule=QuorumRule.TWO_THIRDS))


def held_meeting(database, council_id, new_member, members_service, late_item: int | None):
    """A held meeting of three members with TOP 1–6: Berg present, Çelik present from
    ``late_item`` (index; ``None``: throughout), Dahl excused."""
    ids = [
        members_service.save(council_id, new_member(family_name=name), ON).id
        for name in ("Berg", "Çelik", "Dahl")
    ]
    rows = add_meeting(database, council_id, titles=TITLES)
    with database.transaction() as session:
        meeting = session.get(models.Meeting, rows.meeting_id)
        meeting.state, meeting.number = "held", 1
        for n, membership in enumerate(ids):
            session.add(
                models.Attendance(
                    meeting_id=meeting.id,
                    membership_id=membership,
                    status="excused" if n == 2 else "present",
                    arrived_item_id=rows.item_ids[late_item]
                    if n == 1 and late_item is not None
                    else None,
                )
            )
    return rows.meeting_id


def test_a_member_arriving_at_top_5_under_two_thirds_is_partly_quorate(
    database, actor, council, two_thirds, new_member, members_service
):
    meeting_id = held_meeting(database, council.id, new_member, members_service, late_item=4)
    sheet = AttendanceService(database, actor).sheet(meeting_id)
    service = AnnualReportService(database)

    line = service.report(council.id, 2026, ON).meetings.meetings[0]
    printed = pdf_reading.text(service.report_pdf(council.id, 2026, ON).pdf)

    assert sheet.meeting_quorum.statement.startswith(
        "Das Gremium war bis TOP 4 nicht beschlussfähig (1 von 3"
    )
    assert (line.present, line.entitled, line.quorate) == (2, 3, Quorate.PARTLY)
    assert "1 Sitzung durchgeführt, davon 1 teilweise beschlussfähig." in printed
    assert "1. Sitzung 10.03.2026 Rathaus 2 von 3 teilweise" in printed
    assert "Beschlussfähig teilweise: nur bei einem Teil der Tagesordnungspunkte" in printed


def test_the_same_members_there_throughout_are_quorate(
    database, council, two_thirds, new_member, members_service
):
    held_meeting(database, council.id, new_member, members_service, late_item=None)
    service = AnnualReportService(database)

    line = service.report(council.id, 2026, ON).meetings.meetings[0]
    printed = pdf_reading.text(service.report_pdf(council.id, 2026, ON).pdf)

    assert line.quorate is Quorate.YES
    assert "1 Sitzung durchgeführt, davon 1 beschlussfähig." in printed
    assert "1. Sitzung 10.03.2026 Rathaus 2 von 3 ja" in printed
    assert "teilweise" not in printed


def test_late_under_more_than_half_as_well_no_quorum_anywhere(
    database, council, new_member, members_service
):
    """Under "more than half" Berg alone (1 of 3) is no quorum, Çelik arriving at TOP 5
    makes it; the word is the same "teilweise"; with Çelik excused too it is "nein"."""
    meeting_id = held_meeting(database, council.id, new_member, members_service, late_item=4)
    service = AnnualReportService(database)

    assert service.report(council.id, 2026, ON).meetings.meetings[0].quorate is Quorate.PARTLY
    with database.transaction() as session:
        for row in session.query(models.Attendance).filter_by(meeting_id=meeting_id):
            if row.arrived_item_id is not None:
                row.status, row.arrived_item_id = "excused", None

    assert service.report(council.id, 2026, ON).meetings.meetings[0].quorate is Quorate.NO
