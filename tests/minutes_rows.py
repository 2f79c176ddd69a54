"""A held meeting with everything its minutes print, for the minutes document tests.

Members go through the members service and the meeting through the meetings service; the
minutes content (times, texts, votes, recusals, recommendations, attendance, guests) is
written through a Session until the minutes services are on main. ``approve`` stores an
approved minutes version with both PDFs the way the approval does.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, time

from meeting_rows import add_meeting
from sqlalchemy.orm import undefer

from expertenrat.domain.enums import MemberRole
from expertenrat.domain.members import Member
from expertenrat.domain.minutes_document import ApprovalStamp
from expertenrat.services.members import MembersService
from expertenrat.services.minutes_assembly import minutes_document
from expertenrat.services.minutes_pdfs import render_minutes
from expertenrat.store import models
from expertenrat.store.database import Database

HOSTILE = """Kim "K" & <Co>; O'Neil 🚀 مرحبا שלום"""
SECRET = "Vergabe Straßenbeleuchtung – vertraulich"
SECRET_GUEST = "Zoë Brontë"
SECRET_REASON = "Geschäftsführer der Stadtwerke Rostock AG"
# A version's stored PDFs, read with it (they are deferred) to be compared after its
# session closed.
WITH_PDFS = (undefer(models.MinutesVersion.pdf), undefer(models.MinutesVersion.public_pdf))
NAMES = ["Berg", "Çelik", "Dahl", "Engel", "Falk", "Groß", "Hahn", "Iversen", "Jäger"]


@dataclass(frozen=True)
class HeldMeeting:
    meeting_id: int
    number: int
    item_ids: list[int]
    members: list[int]


def held_meeting(database: Database, council_id: int, field_id: int, today: date) -> HeldMeeting:
    members = MembersService(database, "tester")
    ids = [
        members.save(
            council_id,
            Member(
                id=None,
                given_name="Anna",
                family_name=name,
                title="Dr." if name == "Dahl" else "",
                primary_field_id=field_id,
                term_start=date(2025, 1, 1),
                role=MemberRole.CHAIR if name == "Berg" else MemberRole.MEMBER,
            ),
            today,
        ).id
        for name in NAMES
    ]
    rows = add_meeting(
        database,
        council_id,
        titles=("Eröffnung", f"Beratung {HOSTILE}", SECRET, "Verschiedenes"),
        partners=("Stadtwerke Rostock AG",),
        project_item=1,
    )
    first, consult, secret, misc = rows.item_ids
    with database.transaction() as session:
        meeting = session.get(models.Meeting, rows.meeting_id)
        meeting.state = "held"
        meeting.number = meeting.number or 1
        meeting.invitation_sent_on = date(2026, 2, 24)
        meeting.opened_at, meeting.closed_at = time(16, 5), time(18, 10)
        meeting.chair_membership_id = ids[0]
        meeting.minute_taker = "Frau Schulz"
        meeting.agenda_approved = True
        meeting.quorum_noted = True
        items = {i.id: i for i in session.query(models.AgendaItem).filter_by(meeting_id=meeting.id)}
        items[first].result = "Die Sitzung wird eröffnet."
        items[consult].presenter = "Gülşen Yılmaz"
        items[consult].discussion = f"Aussprache über {HOSTILE}"
        items[consult].motion_text = "Antrag auf offene Lizenz"
        items[consult].resolution_text = "Der Rat empfiehlt CC BY 4.0."
        items[secret].public = False
        items[secret].presenter = SECRET_GUEST
        items[secret].resolution_text = "Zuschlag an Bieter B."
        session.add_all(
            [
                models.Vote(agenda_item_id=consult, yes=7, no=1, abstain=0, adopted=True),
                models.Vote(agenda_item_id=secret, mode="unanimous", adopted=True),
                models.Vote(agenda_item_id=misc, mode="noted"),
                models.ConflictOfInterest(
                    agenda_item_id=secret, membership_id=ids[2], reason=SECRET_REASON
                ),
                models.Recommendation(
                    council_id=council_id,
                    code="E-2026-07",
                    title="Offene Lizenz",
                    text="Daten unter CC BY 4.0.",
                    projects=[models.RecommendationProject(project_id=rows.project_id)],
                    origin_agenda_item_id=consult,
                    adopted_on=date(2026, 3, 10),
                ),
                models.Guest(meeting_id=meeting.id, name="Gülşen Yılmaz", affiliation="Amt"),
                models.Guest(meeting_id=meeting.id, name=SECRET_GUEST, affiliation="Stadtwerke"),
            ]
        )
        for n, membership in enumerate(ids):
            status = "present" if n < 7 else ("excused" if n == 7 else "absent")
            session.add(
                models.Attendance(
                    meeting_id=meeting.id,
                    membership_id=membership,
                    status=status,
                    arrived_item_id=consult if n == 6 else None,
                )
            )
        number = meeting.number
    return HeldMeeting(rows.meeting_id, number, rows.item_ids, ids)


def approve(database: Database, meeting_id: int, content: str = '{"items": []}') -> str:
    """Store an approved version with both PDFs; returns the full PDF's SHA-256."""
    stamp = ApprovalStamp(
        date(2026, 6, 9), "6. Sitzung am 09.06.2026", hashlib.sha256(content.encode()).hexdigest()
    )
    with database.transaction() as session:
        meeting = session.get(models.Meeting, meeting_id)
        full = render_minutes(minutes_document(session, meeting, stamp))
        public = render_minutes(minutes_document(session, meeting, stamp, public=True))
        session.add(
            models.MinutesVersion(
                meeting_id=meeting_id,
                number=1,
                state="approved",
                approved_on=stamp.approved_on,
                content=content,
                pdf=full,
                sha256=hashlib.sha256(full).hexdigest(),
                public_pdf=public,
                public_sha256=hashlib.sha256(public).hexdigest(),
            )
        )
        return hashlib.sha256(full).hexdigest()
