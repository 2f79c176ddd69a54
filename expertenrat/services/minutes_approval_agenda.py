"""The approval of a meeting's minutes as an item on the next meeting's agenda, carried on
to the meeting after when that one is cancelled, and taken off a later agenda once the
minutes are approved elsewhere."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.agenda_moves import move_to, remove
from expertenrat.domain.agenda_placement import opening_count
from expertenrat.domain.earlier_minutes import put_off_approval
from expertenrat.domain.enums import (
    AgendaItemKind,
    AuditAction,
    MeetingState,
    MinutesApproval,
    MinutesState,
)
from expertenrat.domain.wording import isolated
from expertenrat.services import agenda_rows, audit
from expertenrat.services.agenda_changes import record_item_change
from expertenrat.services.agenda_references import references
from expertenrat.services.approval_put_off import approval_put_off, previous_held, put_off_in
from expertenrat.services.approval_titles import approval_prefix
from expertenrat.services.minutes_approval_rows import earlier_held, later_meetings, versions
from expertenrat.store import models

GENERIC_APPROVAL_TITLE = "Genehmigung des Protokolls der letzten Sitzung"


def approval_title(meeting: models.Meeting, practice: MinutesApproval) -> str:
    """ "Genehmigung des Protokolls der 5. Sitzung" (+ "und Entscheidung über Einwände")."""
    title = f"Genehmigung des Protokolls {agenda_rows.meeting_name(meeting)}"
    if practice is MinutesApproval.OBJECTIONS:
        title += " und Entscheidung über Einwände"
    return title


def add_approval_item(
    session: Session,
    meeting: models.Meeting,
    practice: MinutesApproval,
    actor: str,
    *,
    after: models.Meeting | None = None,
) -> str:
    """Put the approval of ``meeting``'s minutes on the agenda of the next planned or
    invited meeting after ``after`` (else after ``meeting``), once: where ``meeting`` is the
    last held before it, its generic "… der letzten Sitzung" item is renamed; else (that
    item approves the minutes of a meeting held since) an item is added after the opening
    items. Returns a German note of what happened."""
    following = later_meetings(
        session, after or meeting, (MeetingState.PLANNED, MeetingState.INVITED)
    )
    if not following:  # the meeting created next names it (:func:`name_waiting_approvals`)
        return (
            "Es ist noch keine weitere Sitzung geplant; die Genehmigung des Protokolls "
            f"{agenda_rows.meeting_name(meeting)} kommt in die Tagesordnung der nächsten "
            "Sitzung, sobald sie angelegt ist."
        )
    found = agenda_rows.load(session, following[0].id, lock=True)
    found.refuse_unless_allowed()
    lines = agenda_rows.listed_agenda(found)
    title = approval_title(meeting, practice)
    prefix = approval_prefix(meeting)
    agenda = f"Tagesordnung {agenda_rows.meeting_name(found.meeting)}"
    existing = next((r for r in found.rows.values() if r.title.startswith(prefix)), None)
    if existing is not None:
        return f"Die Genehmigung steht bereits als TOP {existing.number} auf der {agenda}."
    last_held = previous_held(session, found.meeting)  # whose minutes the generic item means
    generic = next(
        (
            r
            for r in found.rows.values()
            if r.kind == AgendaItemKind.MINUTES_APPROVAL.value
            and r.title == GENERIC_APPROVAL_TITLE
            and last_held is not None
            and last_held.id == meeting.id
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
    opening = opening_count(found.items())
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


def name_waiting_approvals(session: Session, meeting: models.Meeting, actor: str) -> None:
    """``meeting`` was just created: the approval of earlier minutes not approved yet that
    were circulated, or whose approval a meeting held since put off ("vertagt",
    "abgesetzt"), goes on its agenda (:func:`add_approval_item`: its generic "… der letzten
    Sitzung" is renamed for the last held meeting's) where it is the next planned or
    invited meeting after them and no later one carries that approval already
    (circulating or putting it off put it on the meeting that was next then): never two
    items approving the same minutes."""
    council = session.get(models.Council, meeting.council_id)
    earlier = earlier_held(session, meeting)
    put_off = put_off_in(session, earlier)
    for held in earlier:
        stored = versions(session, held.id)
        circulated = any(v.state == MinutesState.CIRCULATED.value for v in stored)
        if not (circulated or held.id in put_off) or (
            stored and stored[-1].state == MinutesState.APPROVED.value
        ):
            continue
        following = later_meetings(session, held, (MeetingState.PLANNED, MeetingState.INVITED))
        if following[0].id != meeting.id:  # ``meeting`` is one of them
            continue
        prefix = approval_prefix(held)
        carried = session.scalar(
            select(models.AgendaItem.id).where(
                models.AgendaItem.meeting_id.in_([m.id for m in following[1:]]),
                models.AgendaItem.deleted_at.is_(None),
                models.AgendaItem.kind == AgendaItemKind.MINUTES_APPROVAL.value,
                models.AgendaItem.title.startswith(prefix, autoescape=True),
            )
        )
        if carried is None:
            add_approval_item(session, held, MinutesApproval(council.minutes_approval), actor)


def carry_approvals_on(session: Session, cancelled: models.Meeting, actor: str) -> None:
    """``cancelled`` is called off (or deleted): the approvals of earlier minutes its agenda named
    ("Genehmigung des Protokolls der 5. Sitzung") and that are not approved yet go to the
    next planned or invited meeting (:func:`add_approval_item`: its generic "… der letzten
    Sitzung" is renamed, else an item is added), which would otherwise leave them out or
    name the cancelled meeting as "der letzten Sitzung"."""
    titles = list(
        session.scalars(
            select(models.AgendaItem.title).where(
                models.AgendaItem.meeting_id == cancelled.id,
                models.AgendaItem.deleted_at.is_(None),
                models.AgendaItem.kind == AgendaItemKind.MINUTES_APPROVAL.value,
            )
        )
    )
    if not titles:
        return
    council = session.get(models.Council, cancelled.council_id)
    earlier = earlier_held(session, cancelled)
    for meeting in earlier:
        prefix = approval_prefix(meeting)
        if not any(t.startswith(prefix) for t in titles):
            continue
        stored = versions(session, meeting.id)
        if stored and stored[-1].state != MinutesState.APPROVED.value:
            add_approval_item(session, meeting, MinutesApproval(council.minutes_approval), actor)


def settle_approval_items(
    session: Session, approved: models.Meeting, approving: models.Meeting, actor: str
) -> str:
    """``approved``'s minutes were approved in ``approving`` (sent after that meeting was
    held, say handed out at its table): an item approving them on a later planned or invited
    agenda is left over. On a planned meeting an item as the program worded it, with no
    sub-items, presenter or anything referring to it (texts, votes …), is removed. Otherwise
    (the invitation is out: removing it would make the letter a "Geänderte Tagesordnung";
    or someone worked on the item) it stays, and an audit entry and the returned German
    note say where the minutes were approved. "" when no agenda named them."""
    prefix = approval_prefix(approved)
    worded = {approval_title(approved, practice) for practice in MinutesApproval}
    where = f"Das Protokoll {agenda_rows.meeting_name(approved)} wurde bereits in der " + (
        f"{agenda_rows.meeting_name(approving).removeprefix('der ')} genehmigt"
    )
    notes: list[str] = []
    for later in later_meetings(session, approved, (MeetingState.PLANNED, MeetingState.INVITED)):
        found = agenda_rows.load(session, later.id, lock=True)
        stale = [
            r
            for r in found.rows.values()
            if r.kind == AgendaItemKind.MINUTES_APPROVAL.value and r.title.startswith(prefix)
        ]
        agenda = f"Tagesordnung {agenda_rows.meeting_name(found.meeting)}"
        for row in sorted(stale, key=lambda r: (r.parent_id or 0, r.position)):
            children = [r.id for r in found.rows.values() if r.parent_id == row.id]
            used = references(session, [row.id], {row.id: row.number})
            if found.meeting.state == MeetingState.INVITED.value:
                why = "die Einladung bereits versandt ist"
            elif row.title not in worded or children or row.presenter or used:
                why = "er bereits bearbeitet wurde"
            else:
                lines = agenda_rows.listed_agenda(found)
                items = found.items()
                record_item_change(
                    session,
                    actor,
                    found,
                    AuditAction.DELETE,
                    row,
                    audit.snapshot(row),
                    f"entfernt: {where}",
                    whole_title=True,
                )
                session.delete(found.rows.pop(row.id))
                session.flush()
                agenda_rows.store_layout(session, found.rows, remove(items, row.id))
                agenda_rows.follow_listed_agenda(session, found, lines)
                notes.append(f"{where}; TOP {row.number} wurde aus der {agenda} entfernt.")
                continue
            audit.record(  # nothing changed: an entry that says why, no fields
                session,
                actor,
                AuditAction.UPDATE,
                "agenda_item",
                row.id,
                council_id=found.meeting.council_id,
                summary=f"TOP {row.number} „{row.title}“ "
                f"{agenda_rows.meeting_name(found.meeting, isolated)} belassen, weil {why}: "
                f"{where}",
            )
            notes.append(
                f"{where}. TOP {row.number} „{row.title}“ steht noch auf der {agenda}; er "
                f"wurde nicht entfernt, weil {why}. Bitte weisen Sie in der Sitzung darauf "
                "hin oder ändern Sie die Tagesordnung."
            )
    return "\n\n".join(notes)


def approval_question(session: Session, approved: models.Meeting, approving: models.Meeting) -> str:
    """A German question where the agenda of ``approving`` has no item approving
    ``approved``'s minutes (one titled "Genehmigung des Protokolls der 6. Sitzung …", or the
    generic "… der letzten Sitzung" where ``approved`` is the last held before it): the
    approval then stands in its minutes with no TOP to record it under. "" where one is."""
    prefix = approval_prefix(approved)
    titles = session.scalars(
        select(models.AgendaItem.title).where(
            models.AgendaItem.meeting_id == approving.id,
            models.AgendaItem.deleted_at.is_(None),
        )
    )
    for title in titles:
        if title.startswith(prefix):
            return _put_off_question(session, approved, approving)
        if title == GENERIC_APPROVAL_TITLE and earlier_held(session, approving)[-1] is approved:
            return _put_off_question(session, approved, approving)
    name = agenda_rows.meeting_name(approving)
    return (
        f"Die Tagesordnung {name} hat keinen Punkt zur Genehmigung des Protokolls "
        f"{agenda_rows.meeting_name(approved)}. Die Genehmigung trotzdem für die "
        f"{name.removeprefix('der ')} erfassen?"
    )


def _put_off_question(session: Session, approved: models.Meeting, approving: models.Meeting) -> str:
    """A German question where ``approving`` recorded its item approving ``approved``'s
    minutes as "vertagt" or "abgesetzt" (found by a tester: the demo's 5th minutes were
    approved "in der 6. Sitzung" without a word, whose TOP 4 put the approval off and whose
    own minutes say so); "" where it dealt with the item."""
    outcome = approval_put_off(session, approving.id)
    if outcome is None or previous_held(session, approving) is not approved:
        return ""
    name = agenda_rows.meeting_name(approving).removeprefix("der ")
    return (
        f"Die {name} hat die Genehmigung des Protokolls {agenda_rows.meeting_name(approved)} "
        f"{put_off_approval(outcome)}; ihr Protokoll sagt es so. Die Genehmigung trotzdem "
        f"für die {name} erfassen?"
    )
