"""Held meetings with minutes, for the circulation, objection, approval and freeze tests.

Meetings, states and attendance go through their services; the minutes texts and votes are
written through a Session until the minutes service is on main.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from meeting_rows import BERLIN, add_meeting
from sqlalchemy import select, update

from expertenrat.domain.enums import AttendanceStatus, MeetingState, MinutesApproval, MinutesState
from expertenrat.domain.members import Member
from expertenrat.domain.minutes_document import MinutesDocument
from expertenrat.services.agenda import AgendaService
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.members import MembersService
from expertenrat.store import models
from expertenrat.store.database import Database

RESOLUTION = "Der Expert*innenrat empfiehlt, die Daten offen & frei <zu> veröffentlichen."
DISCUSSION = 'Frau Yılmaz berichtet über "Offene Daten" 🚀 مرحبا.\nDie Mitglieder fragen nach.'


@dataclass(frozen=True)
class Minutes:
    meeting_id: int
    item_ids: list[int]
    members: dict[str, int]  # family name → membership id
    next_id: int  # the next meeting (planned, with the standard opening items)


def fake_render(doc: MinutesDocument) -> bytes:
    """A stand-in for the minutes PDF, quicker to make: bytes that depend on the input."""
    stamp = doc.approval
    return f"%PDF-1.4 {doc.number} {doc.public} {stamp.statement} {stamp.fingerprint}".encode()


def add_members(database: Database, council_id: int, field_id: int) -> dict[str, int]:
    service = MembersService(database, "tester")
    names = {"Berg": "Anna", "Yılmaz": "Gülşen", "O'Neil": "Kim"}
    return {
        family: service.save(
            council_id,
            Member(
                id=None,
                given_name=given,
                family_name=family,
                primary_field_id=field_id,
                term_start=date(2025, 1, 1),
            ),
            date(2025, 1, 1),
        ).id
        for family, given in names.items()
    }


def hold(database: Database, meeting_id: int, start: datetime) -> None:
    service = MeetingsService(database, "tester")
    meeting = service.get(meeting_id)
    meeting = service.change_state(
        meeting_id, meeting.version, MeetingState.INVITED, sent_on=start.date() - timedelta(10)
    )
    service.change_state(
        meeting_id,
        meeting.version,
        MeetingState.HELD,
        now=start.replace(tzinfo=BERLIN) + timedelta(hours=3),
    )


def complete_minutes(database: Database, meeting_id: int, chair_id: int) -> None:
    """Minutes of a held meeting that may go out: everyone not recorded present, and what
    the completeness check asks beyond the attendance."""
    AttendanceService(database, "tester").record_unrecorded(meeting_id, AttendanceStatus.PRESENT)
    _complete(database, meeting_id, chair_id)


def _complete(database: Database, meeting_id: int, chair_id: int) -> None:
    """What the completeness check asks beyond the texts of item 3: minutes that may go out."""
    with database.transaction() as session:
        meeting = session.get(models.Meeting, meeting_id)
        meeting.chair_membership_id, meeting.minute_taker = chair_id, "Frau Schulz"
        meeting.agenda_approved = meeting.quorum_noted = True
        meeting.opened_at, meeting.closed_at = time(16, 5), time(18, 40)
        for item in session.scalars(
            select(models.AgendaItem).where(models.AgendaItem.meeting_id == meeting_id)
        ):
            item.discussion = item.discussion or f"Zu {item.title} wird berichtet."


def held_minutes(
    database: Database,
    council_id: int,
    field_id: int,
    *,
    practice: MinutesApproval = MinutesApproval.VOTE,
    start: datetime = datetime(2026, 3, 10, 16, 0),
) -> Minutes:
    """A held meeting with Berg (chair) and Yılmaz present (O'Neil excused), texts and a
    vote in item 3 (one "Ja": a test may record one of the two present as recused there, and
    the minutes refuse more votes than members entitled to vote), a line of text in every
    other item (the completeness check is green), and the next meeting planned two months
    later (with the standard opening items)."""
    with database.transaction() as session:
        session.execute(
            update(models.Council)
            .where(models.Council.id == council_id)
            .values(minutes_approval=practice.value, objection_period_days=14)
        )
    members = add_members(database, council_id, field_id)
    rows = add_meeting(database, council_id, starts_at=start)
    with database.transaction() as session:
        item = session.get(models.AgendaItem, rows.item_ids[2])
        item.discussion, item.resolution_text, item.result = DISCUSSION, RESOLUTION, "angenommen"
        session.add(
            models.Vote(agenda_item_id=item.id, subject="Empfehlung", yes=1, no=0, abstain=0)
        )
    hold(database, rows.meeting_id, start)
    attendance = AttendanceService(database, "tester")
    excused = next(
        e for e in attendance.sheet(rows.meeting_id).entries if e.membership_id == members["O'Neil"]
    )
    attendance.save_entry(rows.meeting_id, replace(excused, status=AttendanceStatus.EXCUSED))
    attendance.record_unrecorded(rows.meeting_id, AttendanceStatus.PRESENT)
    _complete(database, rows.meeting_id, members["Berg"])
    following = add_meeting(database, council_id, starts_at=start + timedelta(days=63), titles=())
    AgendaService(database, "tester").add_opening_items(following.meeting_id)
    return Minutes(rows.meeting_id, rows.item_ids, members, following.meeting_id)


def approved_pdfs(database: Database, meeting_id: int) -> list[tuple[bytes, str, bytes, str]]:
    """The stored PDFs of the meeting's approved minutes: full PDF, its SHA-256, public PDF,
    its SHA-256."""
    with database.reading() as session:
        rows = session.scalars(
            select(models.MinutesVersion).where(
                models.MinutesVersion.meeting_id == meeting_id,
                models.MinutesVersion.state == MinutesState.APPROVED.value,
            )
        ).all()
        return [(r.pdf, r.sha256, r.public_pdf, r.public_sha256) for r in rows]
