"""The attendance sheets of several meetings read together (the OParl export reads every
meeting of a council so): each is the meeting's own, in a few statements for all."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from client_statements import recorded_statements
from held_meeting import held_meeting
from sqlalchemy import select, update

from expertenrat.domain.attendance_sheet import GuestEntry
from expertenrat.domain.enums import AttendanceStatus
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.attendance_rows import placed_agenda_rows
from expertenrat.services.attendance_sheets import attendance_sheet, attendance_sheets
from expertenrat.services.conflicts import ConflictsService
from expertenrat.store import models


def _members(members_service, council, new_member, today) -> list[int]:
    return [
        members_service.save(council.id, new_member("Anna", name), today).id
        for name in ("Berg", "Dahl", "Engel")
    ]


def _meetings(session, ids: list[int]) -> list[models.Meeting]:
    return list(session.scalars(select(models.Meeting).where(models.Meeting.id.in_(ids))))


def test_each_sheet_read_together_is_the_meetings_own(
    database, actor, council, members_service, new_member, today
) -> None:
    members = _members(members_service, council, new_member, today)
    march = held_meeting(database, council.id, members, present=2)
    june = held_meeting(database, council.id, members, starts_at=datetime(2026, 6, 2, 16, 0))
    attendance = AttendanceService(database, actor)
    attendance.save_guest(march.meeting_id, GuestEntry(None, "Gustav Gast", "Stadtwerke"))
    ConflictsService(database, actor).declare(march.item_ids[1], members[0], "Stadtwerke")
    with database.transaction() as session:  # Engel's term ended before June's meeting
        session.execute(
            update(models.Membership)
            .where(models.Membership.id == members[2])
            .values(term_end=date(2026, 5, 31))
        )

    with database.transaction() as session:
        meetings = _meetings(session, [march.meeting_id, june.meeting_id])
        together = attendance_sheets(session, meetings)
        alone = {m.id: attendance_sheet(session, m) for m in meetings}

    assert together == alone
    first, second = together[march.meeting_id], together[june.meeting_id]
    assert [(e.name, e.status) for e in first.entries] == [
        ("Anna Berg", AttendanceStatus.PRESENT),
        ("Anna Dahl", AttendanceStatus.PRESENT),
        ("Anna Engel", AttendanceStatus.EXCUSED),
    ]
    # Engel was recorded present in June before her term was ended: the line stays
    assert [(e.name, e.status) for e in second.entries] == [
        (name, AttendanceStatus.PRESENT) for name in ("Anna Berg", "Anna Dahl", "Anna Engel")
    ]
    assert [g.name for g in first.guests] == ["Gustav Gast"] and second.guests == ()
    recused = {q.item.id: q.quorum.recused for q in first.item_quorums}
    assert recused[march.item_ids[1]] == 1
    assert all(q.quorum.recused == 0 for q in second.item_quorums)
    assert [i.id for i in second.items] == june.item_ids


def test_the_sheets_of_many_meetings_take_the_statements_of_one(
    database, actor, council, members_service, new_member, today
) -> None:
    """Found by a tester: the open data and OParl exports read each meeting's sheet on its
    own, some ten statements per meeting (a ten-year council: minutes for the export)."""
    members = _members(members_service, council, new_member, today)
    ids = [
        held_meeting(database, council.id, members, starts_at=datetime(2026, month, 3, 16, 0))
        for month in (2, 3, 4, 5)
    ]
    attendance = AttendanceService(database, actor)
    for meeting in ids:
        entry = attendance.sheet(meeting.meeting_id).entry(members[1])
        attendance.save_entry(meeting.meeting_id, replace(entry, status=AttendanceStatus.EXCUSED))

    def statements(count: int) -> int:
        with database.transaction() as session:
            meetings = _meetings(session, [m.meeting_id for m in ids[:count]])
            with recorded_statements(database.engine) as sent:
                sheets = attendance_sheets(session, meetings)
        assert len(sheets) == count
        return len(sent)

    assert statements(4) == statements(1)


def test_a_sheet_given_the_agenda_read_is_the_one_reading_it(
    database, council, members_service, new_member, today
) -> None:
    """The minutes hand the sheet the agenda they read (found by review: it read it again,
    :mod:`tests.services.test_reordered_minutes_pdf` counts the reads)."""
    march = held_meeting(
        database, council.id, _members(members_service, council, new_member, today)
    )

    with database.reading() as session:
        meeting = session.get(models.Meeting, march.meeting_id)
        given = attendance_sheet(session, meeting, agenda=placed_agenda_rows(session, meeting.id))
        assert given == attendance_sheet(session, meeting)
    assert [i.id for i in given.items] == march.item_ids
