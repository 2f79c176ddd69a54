"""The approval of a meeting's minutes as an item on the next meeting's agenda."""

from __future__ import annotations

from sqlalchemy.orm import Session

from expertenrat.domain.agenda_moves import move_to
from expertenrat.domain.enums import (
    AgendaItemKind,
    AuditAction,
    MeetingKind,
    MeetingState,
    MinutesApproval,
)
from expertenrat.domain.meeting_numbers import meeting_name
from expertenrat.services import agenda_rows, audit
from expertenrat.services.agenda_changes import record_item_change
from expertenrat.services.minutes_approval_rows import later_meetings
from expertenrat.store import models

GENERIC_APPROVAL_TITLE = "Genehmigung des Protokolls der letzten Sitzung"


def approval_title(meeting: models.Meeting, practice: MinutesApproval) -> str:
    """ "Genehmigung des Protokolls der 5. Sitzung" (+ "und Entscheidung über Einwände")."""
    title = f"Genehmigung des Protokolls {agenda_rows.meeting_name(meeting)}"
    if practice is MinutesApproval.OBJECTIONS:
        title += " und Entscheidung über Einwände"
    return title


def add_approval_item(
    session: Session, meeting: models.Meeting, practice: MinutesApproval, actor: str
) -> str:
    """Put the approval of ``meeting``'s minutes on the next planned or invited meeting's
    agenda, once: a generic "… der letzten Sitzung" item is renamed, else an item is added
    after the opening items. Returns a German note of what happened."""
    following = later_meetings(session, meeting, (MeetingState.PLANNED, MeetingState.INVITED))
    if not following:
        return (
            "Es ist noch keine weitere Sitzung geplant; bitte nehmen Sie die Genehmigung des "
            "Protokolls in deren Tagesordnung auf."
        )
    found = agenda_rows.load(session, following[0].id, lock=True)
    found.refuse_unless_allowed()
    lines = agenda_rows.listed_agenda(found)
    title = approval_title(meeting, practice)
    prefix = f"Genehmigung des Protokolls {_by_number(meeting)}"
    agenda = f"Tagesordnung {agenda_rows.meeting_name(found.meeting)}"
    existing = next((r for r in found.rows.values() if r.title.startswith(prefix)), None)
    if existing is not None:
        return f"Die Genehmigung steht bereits als TOP {existing.number} auf der {agenda}."
    generic = next(
        (
            r
            for r in found.rows.values()
            if r.kind == AgendaItemKind.MINUTES_APPROVAL.value and r.title == GENERIC_APPROVAL_TITLE
        ),
        None,
    )
    if generic is not None:
        before = audit.snapshot(generic)
        generic.title = title
        session.flush()
        record_item_change(
            session,
            actor,
            found,
            AuditAction.UPDATE,
            generic,
            before,
            "umbenannt",
            whole_title=True,
        )
        agenda_rows.follow_listed_agenda(session, found, lines)
        return f"TOP {generic.number} der {agenda} heißt jetzt „{title}“."
    items = found.items()
    opening = 0
    for item in sorted((i for i in items if i.parent is None), key=lambda i: i.position):
        if item.kind not in (AgendaItemKind.FORMAL, AgendaItemKind.MINUTES_APPROVAL):
            break
        opening += 1
    top_level = [r.position for r in found.rows.values() if r.parent_id is None]
    row = models.AgendaItem(
        meeting_id=found.meeting.id,
        parent_id=None,
        position=max(top_level, default=-1) + 1,
        number="",
        title=title,
        kind=AgendaItemKind.MINUTES_APPROVAL.value,
        public=True,
        planned_minutes=5,
    )
    session.add(row)
    session.flush()
    found.rows[row.id] = row
    agenda_rows.store_layout(session, found.rows, move_to(found.items(), row.id, None, opening))
    record_item_change(
        session, actor, found, AuditAction.CREATE, row, None, "hinzugefügt", whole_title=True
    )
    agenda_rows.follow_listed_agenda(session, found, lines)
    return f"„{title}“ wurde als TOP {row.number} in die {agenda} aufgenommen."


def _by_number(meeting: models.Meeting) -> str:
    """ "der 8. Sitzung" even for a Klausur ("der 8. Sitzung – Klausur: Datenethik"): an
    approval item titled before a Klausur was named so, or before its title changed, is
    still found (without a number "der Klausur vom 12.03.2026", as the full name)."""
    if not meeting.number:
        return agenda_rows.meeting_name(meeting)
    return f"der {meeting_name(meeting.number, MeetingKind(meeting.kind))}"
