"""A cancelled meeting holds no term: its records (an apology given before it was called
off, a recusal) stay as its history, shown as before, but a term may leave it out, ending
the term takes nothing out there, and "Datenbank prüfen" does not check them against terms
(found by a tester: the apology for a meeting since cancelled refused the end of the term,
as its chair no longer did). The backend does not matter here: SQLite only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select
from stored_meeting import stored_meeting

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import AttendanceStatus
from expertenrat.domain.integrity import FindingKind
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.integrity import IntegrityService
from expertenrat.store import models

TODAY = date(2026, 11, 27)
END = date(2026, 9, 30)


@pytest.fixture
def database(sqlite_database):
    return sqlite_database


@pytest.fixture
def excused(database, members_service, council, new_member):
    """Anna Berg (term from 01.01.2025), excused for the 1. Sitzung on 15.10.2026 and the
    2. Sitzung on 14.01.2027, both cancelled since, and recused at an item of the first.
    The ids of the meetings."""
    member = members_service.save(council.id, new_member(), TODAY)
    ids = [
        stored_meeting(database, council.id, day, number, state="cancelled")
        for number, day in ((1, date(2026, 10, 15)), (2, date(2027, 1, 14)))
    ]
    with database.transaction() as session:
        for meeting_id in ids:
            session.add(
                models.Attendance(
                    meeting_id=meeting_id,
                    membership_id=member.id,
                    status=AttendanceStatus.EXCUSED.value,
                )
            )
        item = models.AgendaItem(meeting_id=ids[0], number="1", title="Datenplattform")
        session.add(item)
        session.flush()
        session.add(models.ConflictOfInterest(agenda_item_id=item.id, membership_id=member.id))
    return member, ids


def test_a_term_may_end_before_cancelled_meetings_that_record_the_member(
    database, actor, members_service, council, excused
):
    member, ids = excused

    assert members_service.problems(council.id, replace(member, term_end=END), TODAY) == []
    assert members_service.end_question(member, END, TODAY) == ""  # no apology taken out
    members_service.end_membership(member, END, today=TODAY)

    assert members_service.member(member.id).term_end == END
    with database.reading() as session:
        kept = session.scalars(select(models.Attendance.meeting_id)).all()
        recusals = session.scalars(select(models.ConflictOfInterest.membership_id)).all()
    assert sorted(kept) == ids and recusals == [member.id]  # their history
    for meeting_id in ids:  # shown as before
        (entry,) = AttendanceService(database, actor).sheet(meeting_id, today=TODAY).entries
        assert (entry.name, entry.status) == ("Anna Berg", AttendanceStatus.EXCUSED)
    assert IntegrityService(database).check() == []


def test_the_integrity_check_still_names_another_councils_member_at_a_cancelled_meeting(
    database, settings_service, members_service, council, excused
):
    """Not a question of terms: such a line comes only from outside the app."""
    _member, ids = excused
    other = settings_service.create_council(CouncilSettings(id=None, name="Beirat", city="Wismar"))
    with database.transaction() as session:
        session.get(models.Meeting, ids[0]).council_id = other.id

    (finding,) = IntegrityService(database).check()

    assert finding.kind is FindingKind.ATTENDANCE
    # (found by a tester) the tab's word: "Anwesenheitsliste" is the printed sign-in sheet
    assert "Anna Berg steht in der Anwesenheit, war" in finding.text
