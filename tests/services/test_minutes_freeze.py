"""Approved minutes are frozen: every service refuses to change the meeting (agenda,
attendance, conflicts, the meeting, minutes, annexes, objections), on both databases,
whatever the user interface shows."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime

import pytest
from minutes_setup import Minutes, fake_render, held_minutes, hold
from pypdf import PdfWriter
from sqlalchemy import func, select

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.attendance_sheet import GuestEntry
from expertenrat.domain.enums import AttendanceStatus, MeetingState
from expertenrat.domain.minutes import ItemTexts, RecommendationDraft
from expertenrat.domain.minutes_objections import ObjectionDraft
from expertenrat.services.agenda import AgendaService
from expertenrat.services.annexes import AnnexesService
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.conflicts import ConflictsService
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.services.minutes_freeze import MinutesFrozenError
from expertenrat.services.minutes_objections import MinutesObjectionsService
from expertenrat.store import models

FROZEN = (
    r"Das Protokoll der 1\. Sitzung ist genehmigt und kann nicht mehr geändert werden; "
    r"eine Berichtigung ist nur als Nachtrag im Protokoll einer späteren Sitzung möglich\."
)


@pytest.fixture
def approved(database, council, fields, actor) -> Minutes:
    """Approved minutes of the 1st meeting, with a guest, a declared conflict and an annex."""
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    AttendanceService(database, actor).save_guest(minutes.meeting_id, GuestEntry(None, "Gast"))
    ConflictsService(database, actor).declare(
        minutes.item_ids[2], minutes.members["Berg"], "Partnerin im Projekt"
    )
    AnnexesService(database, actor).add(minutes.meeting_id, "Anlage 1.pdf", blank_pdf())
    service = MinutesApprovalService(database, actor, fake_render)
    service.circulate(minutes.meeting_id, date(2026, 3, 20))
    hold(database, minutes.next_id, datetime(2026, 5, 12, 16, 0))
    service.approve(minutes.meeting_id, minutes.next_id)
    return minutes


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def counts(database) -> dict[str, int]:
    tables = (
        models.AgendaItem,
        models.Attendance,
        models.Guest,
        models.ConflictOfInterest,
        models.MinutesVersion,
        models.Objection,
        models.Vote,
        models.Recommendation,
        models.StoredFile,
        models.AuditEntry,
    )
    with database.reading() as session:
        return {
            t.__tablename__: session.scalar(select(func.count()).select_from(t)) for t in tables
        }


def test_every_service_refuses_to_change_approved_minutes(database, actor, approved, today) -> None:
    agenda = AgendaService(database, actor)
    item = next(
        i for i in agenda.agenda(approved.meeting_id).items if i.key == approved.item_ids[2]
    )
    attendance = AttendanceService(database, actor)
    sheet = attendance.sheet(approved.meeting_id)
    conflicts = ConflictsService(database, actor)
    conflict = conflicts.sheet(approved.meeting_id).item(approved.item_ids[2]).conflicts[0]
    meetings = MeetingsService(database, actor)
    meeting = meetings.get(approved.meeting_id)
    approval = MinutesApprovalService(database, actor, fake_render)
    objections = MinutesObjectionsService(database, actor)
    minutes = MinutesService(database, actor)
    annexes = AnnexesService(database, actor)
    annex = annexes.annexes(approved.meeting_id)[0]
    stored = minutes.minutes(approved.meeting_id)
    assert stored.frozen
    before = counts(database)

    attempts = {
        "agenda.add": lambda: agenda.add(approved.meeting_id, AgendaItem(0, "Neu")),
        "agenda.update": lambda: agenda.update(replace(item, title="Berichtigt")),
        "agenda.delete": lambda: agenda.delete(item.key, item.version),
        "agenda.move": lambda: agenda.move(item.key, item.version, -1),
        "agenda.opening": lambda: agenda.add_opening_items(approved.meeting_id),
        "attendance.entry": lambda: attendance.save_entry(
            approved.meeting_id, replace(sheet.entries[0], status=AttendanceStatus.ABSENT)
        ),
        "attendance.step_out": lambda: attendance.save_entry(
            approved.meeting_id,
            replace(
                sheet.entries[0],
                away_item_id=approved.item_ids[1],
                back_item_id=approved.item_ids[2],
            ),
        ),
        "attendance.rest": lambda: attendance.record_unrecorded(
            approved.meeting_id, AttendanceStatus.ABSENT
        ),
        "attendance.guest": lambda: attendance.save_guest(
            approved.meeting_id, GuestEntry(None, "Noch ein Gast")
        ),
        "attendance.remove_guest": lambda: attendance.remove_guest(
            approved.meeting_id, sheet.guests[0]
        ),
        "conflicts.declare": lambda: conflicts.declare(
            approved.item_ids[1], approved.members["Yılmaz"], "Grund"
        ),
        "conflicts.remove": lambda: conflicts.remove(conflict),
        "meetings.update": lambda: meetings.update(
            meeting.id, meeting.version, replace(meeting.draft(), title="Neu")
        ),
        "meetings.state": lambda: meetings.change_state(
            meeting.id, meeting.version, MeetingState.CANCELLED, "Grund"
        ),
        "meetings.delete": lambda: meetings.delete(meeting.id, meeting.version),
        "minutes.header": lambda: minutes.save_header(
            approved.meeting_id, replace(stored.header, minute_taker="Jemand anders")
        ),
        "minutes.item": lambda: minutes.save_item(
            item.key, ItemTexts(discussion="Berichtigt"), item.version, "sitzung-1"
        ),
        "minutes.votes": lambda: minutes.save_votes(item.key, []),
        "minutes.recommendation": lambda: minutes.adopt_recommendation(
            item.key, RecommendationDraft("Offene Daten")
        ),
        "minutes.finish": lambda: minutes.finish_draft(approved.meeting_id),
        "annexes.add": lambda: annexes.add(approved.meeting_id, "Neu.pdf", blank_pdf()),
        "annexes.remove": lambda: annexes.remove(approved.meeting_id, annex),
        "annexes.move": lambda: annexes.move(approved.meeting_id, annex, 1),
        "annexes.update": lambda: annexes.update(approved.meeting_id, annex, "Neu", public=False),
        "minutes.circulate": lambda: approval.circulate(approved.meeting_id, today),
        "minutes.approve": lambda: approval.approve(approved.meeting_id, approved.next_id),
        "objections.raise": lambda: objections.raise_objection(
            approved.meeting_id,
            ObjectionDraft(approved.members["Berg"], date(2026, 5, 20), "Zu spät"),
        ),
    }
    refused = {}
    for name, attempt in attempts.items():
        with pytest.raises(MinutesFrozenError, match=FROZEN):
            attempt()
        refused[name] = True
    assert len(refused) == len(attempts)
    assert counts(database) == before
    assert AgendaService(database, actor).agenda(approved.meeting_id).items[2].title == item.title


def test_the_approving_meeting_stays_changeable(database, actor, approved) -> None:
    agenda = AgendaService(database, actor)
    item = agenda.agenda(approved.next_id).items[0]
    changed = agenda.update(replace(item, title="Eröffnung und Begrüßung"))
    assert changed.items[0].title == "Eröffnung und Begrüßung"


def test_the_register_keeps_a_recommendation_of_approved_minutes_but_follows_it_up(
    database, council, fields, actor
) -> None:
    """Title and text are part of the approved minutes; sending and answering are not."""
    from expertenrat.domain.recommendation_content import RecommendationContent
    from expertenrat.services.recommendations import RecommendationsService

    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    adopted = MinutesService(database, actor).adopt_recommendation(
        minutes.item_ids[1], RecommendationDraft("Offene Daten")
    )
    approval = MinutesApprovalService(database, actor, fake_render)
    approval.circulate(minutes.meeting_id, date(2026, 3, 20))
    hold(database, minutes.next_id, datetime(2026, 5, 12, 16, 0))
    approval.approve(minutes.meeting_id, minutes.next_id)
    register = RecommendationsService(database, actor)

    with pytest.raises(MinutesFrozenError, match=FROZEN):
        register.update(
            adopted.id, adopted.version, RecommendationContent("Berichtigt"), date(2026, 5, 20)
        )
    sent = register.send(adopted.id, adopted.version, date(2026, 5, 20)).row

    assert (sent.title, sent.due_on) == ("Offene Daten", date(2026, 7, 20))
    assert sent.origin.label.endswith(f"TOP {sent.origin.item_number}")
