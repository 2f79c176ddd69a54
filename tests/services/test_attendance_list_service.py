"""The sign-in sheet (Anwesenheitsliste) from the database: the members of the meeting's
day by name with title, role and primary action field but no contact data, the guests
recorded and the presenting guests; none for a cancelled meeting (found by a tester)."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from meeting_rows import clear_agenda
from pypdf import PdfReader

from expertenrat.domain.enums import AttendanceStatus, MeetingKind, MeetingState, MemberRole
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.meeting_documents import MeetingDocumentsService
from expertenrat.store import models

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def service(database, actor, meetings_service) -> MeetingDocumentsService:
    return MeetingDocumentsService(database, actor, meetings_service)


@pytest.fixture
def meeting_id(database, council, fields, members_service, meetings_service, new_member, today):
    """A meeting on 12 March 2026 of a chair, a member and one whose term ended before it,
    with a recorded guest and a project's presenter."""
    save = members_service.save
    save(council.id, new_member("Zoë", "Brontë", email="zoe@example.org", phone="0381 123"), today)
    chair = new_member(
        "Anna", "Berg", title="Prof. Dr.", role=MemberRole.CHAIR,
        primary_field_id=fields["Moderne Verwaltung"].id,
    )  # fmt: skip
    save(council.id, chair, today)
    save(council.id, new_member("Ede", "Alt", term_end=date(2026, 1, 31)), today)
    start = datetime(2026, 3, 12, 16, 0, tzinfo=BERLIN)
    meeting = meetings_service.create(
        council.id,
        MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"),
    )
    clear_agenda(database, meeting)
    with database.transaction() as session:
        session.add_all(
            [
                models.AgendaItem(
                    meeting_id=meeting, number="?", position=0, title="Laternen",
                    presenter="Jan Rau (Projektteam)",
                ),
                models.Guest(meeting_id=meeting, name="Dr. Merle Steffens",
                             affiliation="Amt für Umwelt"),
            ]
        )  # fmt: skip
    return meeting


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_the_sheet_lists_the_members_of_the_day_by_name_and_the_guests(service, meeting_id):
    rendered = service.attendance_list_pdf(meeting_id)
    text = text_of(rendered.pdf)

    assert "Anwesenheitsliste: 1. Sitzung" in text
    assert "Prof. Dr. Anna Berg Vorsitz Moderne Verwaltung" in text
    assert "Zoë Brontë Mitglied Stadtdaten" in text
    assert text.index("Anna Berg") < text.index("Zoë Brontë")
    assert "Ede Alt" not in text  # no longer a member on the day
    assert "zoe@example.org" not in text and "0381" not in text  # no contact data
    assert "Dr. Merle Steffens Amt für Umwelt" in text
    assert "Jan Rau Projektteam Vortrag TOP 1" in text
    assert rendered.records == 2


def test_a_cancelled_meeting_has_no_sheet(service, meeting_id, database):
    with database.transaction() as session:
        session.get(models.Meeting, meeting_id).state = MeetingState.CANCELLED.value

    with pytest.raises(ExpertenratError) as refused:
        service.attendance_list_pdf(meeting_id)

    assert refused.value.message == (
        "Die Sitzung ist abgesagt: für eine abgesagte Sitzung gibt es keine Anwesenheitsliste."
    )


def test_a_member_who_sent_apologies_is_marked_entschuldigt_and_no_one_else(
    service, meeting_id, database, actor
):
    """(found by a tester) A member whose apologies were recorded before the meeting had
    an empty signature cell like the others; printed again after the meeting, a member
    recorded present has none either (she signs there)."""
    attendance = AttendanceService(database, actor)
    berg, bronte = attendance.sheet(meeting_id).entries
    attendance.save_entry(
        meeting_id, replace(bronte, status=AttendanceStatus.EXCUSED), today=date(2026, 3, 1)
    )
    attendance.save_entry(
        meeting_id, replace(berg, status=AttendanceStatus.PRESENT), today=date(2026, 3, 12)
    )

    text = text_of(service.attendance_list_pdf(meeting_id).pdf)

    assert "Zoë Brontë Mitglied Stadtdaten entschuldigt" in text
    assert text.count("entschuldigt") == 1
