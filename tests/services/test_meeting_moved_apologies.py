"""A meeting ahead moved past the end of the term of a member excused for it: the form
warns, saving removes the apology (audited), and the quorum counts the members of the new
day. Before, the apology stayed: the sheet and the quorum forecast counted the former
member among nine voting members, and 'Datenbank prüfen' reported the meeting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from meeting_rows import add_meeting

from expertenrat.domain.enums import AttendanceStatus
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.integrity import IntegrityService
from expertenrat.services.meetings import MeetingsService

NAMES = ["Berg", "Çelik", "Dahl", "Engel", "Falk", "Groß", "Hahn", "Iversen", "Pál"]
WARNING = (
    "Am 24.03.2027 ist Anna Pál kein Mitglied des Gremiums: die Entschuldigung dafür wird "
    "beim Speichern entfernt."
)


@pytest.fixture
def nine(members_service, council, new_member, today) -> list[int]:
    """Nine members; the last one's term ends on 20.03.2027."""
    ids = [members_service.save(council.id, new_member("Anna", n), today).id for n in NAMES[:8]]
    last = new_member("Anna", "Pál", term_end=date(2027, 3, 20))
    return [*ids, members_service.save(council.id, last, today).id]


@pytest.fixture
def meeting_id(database, actor, council, nine, today) -> int:
    """A planned meeting on 10.03.2027, Anna Pál excused."""
    meeting_id = add_meeting(database, council.id, starts_at=datetime(2027, 3, 10, 16)).meeting_id
    service = AttendanceService(database, actor)
    entry = service.sheet(meeting_id, today=today).entry(nine[-1])
    service.save_entry(meeting_id, replace(entry, status=AttendanceStatus.EXCUSED), today=today)
    return meeting_id


def moved(database, actor, council_id, meeting_id, days: int, *, save: bool):
    service = MeetingsService(database, actor)
    meeting = service.get(meeting_id)
    draft = meeting.draft()
    draft = replace(draft, start=draft.start + timedelta(days), end=draft.end + timedelta(days))
    problems = service.problems(council_id, draft, meeting_id=meeting_id)
    if save:
        service.update(meeting_id, meeting.version, draft)
    return [p.message for p in problems]


def test_moved_past_the_end_of_a_term_the_apology_goes_after_a_warning(
    database, actor, council, meeting_id, nine
) -> None:
    assert WARNING in moved(database, actor, council.id, meeting_id, 14, save=True)

    sheet = AttendanceService(database, actor).sheet(meeting_id)
    assert nine[-1] not in {e.membership_id for e in sheet.entries}
    assert (sheet.forecast.entitled, sheet.forecast.excused) == (8, 0)
    assert "Anwesenheit von Anna Pál in der 1. Sitzung entfernt: außerhalb der Amtszeit" in {
        e.summary for e in AuditService(database).entries("attendance", None)
    }
    assert IntegrityService(database).check() == []


def test_moved_within_the_term_the_apology_stays(
    database, actor, council, meeting_id, nine
) -> None:
    messages = moved(database, actor, council.id, meeting_id, 7, save=True)

    assert not any("Entschuldigung" in m for m in messages)
    sheet = AttendanceService(database, actor).sheet(meeting_id)
    assert sheet.entry(nine[-1]).status is AttendanceStatus.EXCUSED
