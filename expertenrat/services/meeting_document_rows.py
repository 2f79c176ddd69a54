"""Reading meetings' documents out of the store, a few queries for many meetings.

A meeting's document (:class:`MeetingDocument`) holds its council's letterhead, zone and
notice period, its agenda in order with the time plan, presenters, linked projects and the
members recused per item, its annexes, and for the run sheet the notes from the attendance
(who is excused, who comes and goes). Read by :mod:`services.meeting_documents`
(invitation, run sheet, calendar), the OParl export, and the minutes (letterhead). What it
prints about an item (heading, project, recused members) is
:mod:`services.document_item_rows`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain import agenda
from expertenrat.domain.agenda_since import AgendaSince
from expertenrat.domain.annexes import AnnexEntry
from expertenrat.domain.council_clock import CouncilClock
from expertenrat.domain.enums import (
    AgendaItemKind,
    AttendanceStatus,
    MeetingKind,
    MeetingState,
)
from expertenrat.domain.errors import NotFoundError
from expertenrat.domain.invitation_changes import letter_change
from expertenrat.domain.meeting_documents import (
    AgendaEntry,
    DeclaredConflict,
    MeetingDocument,
)
from expertenrat.domain.run_sheet_notes import with_notes
from expertenrat.domain.time_zones import council_zone
from expertenrat.services.annex_rows import annex_entries_of
from expertenrat.services.council_rows import WITH_LOGO, letterhead_of
from expertenrat.services.document_item_rows import (
    item_heading,
    project_titles,
    recused_conflicts,
)
from expertenrat.services.invitation_trail import agenda_since, held_positions, moved_parts
from expertenrat.services.run_sheet_attendance import expected_moves, run_sheet_attendance
from expertenrat.store import models

DEFAULT_LENGTH = timedelta(hours=2)  # a meeting without an end time and without a time plan


def meeting_documents_of(
    session: Session,
    meetings: list[models.Meeting],
    today: date | None,
    *,
    run_sheet_notes: bool = False,
) -> list[MeetingDocument]:
    """The documents of ``meetings`` with a few queries for all of them; the notes only the
    run sheet prints (who comes and goes, from the attendance) with ``run_sheet_notes``.
    Their agenda is the one invited to: without urgent items, taken up at the meeting,
    which only the minutes record (the others numbered without them, so that one taken up
    before "Verschiedenes" changes no number invited to), and in the order invited to:
    a held meeting's items moved since into the order they were taken up in stand where
    they stood (:func:`services.invitation_trail.held_positions`)."""
    ids = [m.id for m in meetings]
    every = list(
        session.scalars(
            select(models.AgendaItem).where(
                models.AgendaItem.meeting_id.in_(ids), models.AgendaItem.deleted_at.is_(None)
            )
        )
    )
    items = [i for i in every if not i.urgent]
    held = [m for m in meetings if m.state == MeetingState.HELD.value]
    positions = {
        key: position
        for places in held_positions(session, held, every).values()
        for key, position in places.items()
    }
    projects = project_titles(session, (i.project_id for i in items))
    conflicts = recused_conflicts(session, [i.id for i in items])
    attendance = run_sheet_attendance(session, ids) if run_sheet_notes else None
    moved = moved_parts(session, [m for m in meetings if m.invitation_changed_on is not None])
    annexes = annex_entries_of(session, ids)
    changed = [m for m in meetings if _agenda_changed_on(m) is not None]
    since = agenda_since(session, changed, items)
    councils = {
        m.council_id: session.get(models.Council, m.council_id, options=WITH_LOGO) for m in meetings
    }
    by_meeting: dict[int, list[models.AgendaItem]] = {}
    for item in items:
        by_meeting.setdefault(item.meeting_id, []).append(item)
    return [
        _document(
            meeting,
            annexes.get(meeting.id, ()),
            councils[meeting.council_id],
            by_meeting.get(meeting.id, []),
            projects,
            conflicts,
            None if attendance is None else attendance.get(meeting.id, []),
            today,
            moved.get(meeting.id),
            since.get(meeting.id, AgendaSince()),
            positions,
        )
        for meeting in meetings
    ]


def _document(
    meeting: models.Meeting,
    annexes: tuple[AnnexEntry, ...],
    council: models.Council,
    items: list[models.AgendaItem],
    projects: dict[int, str],
    conflicts: dict[int, list[DeclaredConflict]],
    attendance: list[tuple[models.Attendance, str]] | None,
    today: date | None,
    moved_parts: tuple[str, ...] | None,
    since: AgendaSince,
    invited_positions: dict[int, int],
) -> MeetingDocument:
    """The meeting's document; with ``attendance`` (the run sheet) its notes filled. Its
    items stand at their ``invited_positions`` where these have them."""
    zone = council_zone(council.time_zone)
    start = meeting.starts_at.replace(tzinfo=zone)
    tree = [
        agenda.AgendaItem(
            key=i.id,
            title=i.title,
            parent=i.parent_id,
            position=invited_positions.get(i.id, i.position),
            kind=AgendaItemKind(i.kind),
            public=i.public,
            planned_minutes=i.planned_minutes,
        )
        for i in items
    ]
    rows = {i.id: i for i in items}
    placed_items = agenda.ordered(tree, start)
    entries = tuple(
        replace(
            _entry(placed, rows[placed.item.key], projects, conflicts),
            new=placed.item.key in since.new,
            earlier_title=since.earlier_titles.get(placed.item.key, ""),
            earlier_public=since.earlier_public.get(placed.item.key),
        )
        for placed in placed_items
    )
    if attendance is not None:
        numbers = {placed.item.key: placed.number for placed in placed_items}
        entries = with_notes(
            entries,
            **expected_moves(attendance, numbers),
            excused=[n for a, n in attendance if a.status == AttendanceStatus.EXCUSED.value],
            planned_end=meeting.ends_at.replace(tzinfo=zone) if meeting.ends_at else None,
        )
    if meeting.ends_at is not None:
        end = meeting.ends_at.replace(tzinfo=zone)
    elif any(i.planned_minutes for i in tree):
        end = agenda.end_time(tree, start)
    else:
        end = start + DEFAULT_LENGTH
    return MeetingDocument(
        letterhead=letterhead_of(council),
        uid=meeting.uid,
        sequence=meeting.ics_sequence,
        number=meeting.number,
        start=start,
        end=end,
        invitation_date=_dated(meeting, today or CouncilClock(zone, council.bundesland).today()),
        notice_period_days=council.notice_period_days,
        agenda=entries,
        title=meeting.title,
        place=meeting.place,
        room=meeting.room,
        online_link=meeting.online_link,
        cancelled=meeting.state == MeetingState.CANCELLED.value,
        cancellation_reason=meeting.cancellation_reason,
        planned=meeting.state == MeetingState.PLANNED.value,
        kind=MeetingKind(meeting.kind),
        changed_on=letter_change(meeting.invitation_changed_on, meeting.starts_at.date()),
        agenda_changed_on=_agenda_changed_on(meeting),
        public_agenda_changed=meeting.invitation_agenda_changed_public,
        non_public_agenda_changed=meeting.invitation_agenda_changed_non_public,
        public_presenter_changed=any(
            placed.public and placed.item.key in since.new_presenter for placed in placed_items
        ),
        moved_parts=moved_parts,
        dropped=since.dropped,
        annexes=annexes,
    )


def _agenda_changed_on(meeting: models.Meeting) -> date | None:
    """The day the agenda changed after the invitation, as a letter names it: none after
    the meeting's day (stored so before: :func:`domain.invitation_changes.letter_change`)."""
    return letter_change(meeting.invitation_agenda_changed_on, meeting.starts_at.date())


def _dated(meeting: models.Meeting, today: date) -> date:
    """An invitation is dated the day it went out; a preview or a cancellation, today (the
    caller's, else the council's in its time zone: never the PC's date)."""
    sent = meeting.invitation_sent_on
    if sent is not None and meeting.state != MeetingState.CANCELLED.value:
        return sent
    return today


def _entry(
    placed: agenda.PlacedItem,
    row: models.AgendaItem,
    projects: dict[int, str],
    conflicts: dict[int, list[DeclaredConflict]],
) -> AgendaEntry:
    return AgendaEntry(
        **item_heading(placed, row, projects),
        planned_start=placed.start,
        planned_minutes=row.planned_minutes or None,
        conflicts=tuple(conflicts.get(row.id, ())),
    )


def document_meeting(session: Session, meeting_id: int) -> models.Meeting:
    """The meeting whose documents are asked for; :class:`NotFoundError` if it is deleted."""
    row = session.get(models.Meeting, meeting_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError("Diese Sitzung gibt es nicht mehr. Vielleicht wurde sie gelöscht.")
    return row
