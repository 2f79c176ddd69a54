"""The approval of a meeting's minutes as an item on the next meeting's agenda, and taken
off a later agenda once the minutes are approved elsewhere; when it is carried on to
another meeting (put off, its meeting cancelled, none planned yet):
:mod:`~expertenrat.services.approval_carry`."""

from __future__ import annotations

from sqlalchemy.orm import Session

from expertenrat.domain.agenda_moves import move_to, remove
from expertenrat.domain.agenda_placement import opening_count
from expertenrat.domain.enums import (
    AgendaItemKind,
    AuditAction,
    MeetingState,
    MinutesApproval,
)
from expertenrat.domain.wording import isolated
from expertenrat.services import agenda_listing, agenda_rows, audit
from expertenrat.services.agenda_changes import record_item_change
from expertenrat.services.agenda_references import references
from expertenrat.services.approval_meetings import earlier_held, later_meetings
from expertenrat.services.approval_put_off import previous_held
from expertenrat.services.approval_titles import (
    GENERIC_APPROVAL_TITLE,
    approval_prefix,
    approval_title,
    approved_by,
)
from expertenrat.store import models


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
    item approves the minutes of a meeting held since) an item is added among the opening
    items before those approving later minutes, and the generic item, if nobody worked on
    it (:func:`_worked_on`), is named for its minutes ("… der 6. Sitzung"): "letzten"
    beside "5." read ambiguously (found by a tester). Returns a German note of what
    happened."""
    following = later_meetings(
        session, after or meeting, (MeetingState.PLANNED, MeetingState.INVITED)
    )
    if not following:  # the meeting created next names it (``approval_carry``)
        return (
            "Es ist noch keine weitere Sitzung geplant; die Genehmigung des Protokolls "
            f"{agenda_rows.meeting_name(meeting)} kommt in die Tagesordnung der nächsten "
            "Sitzung, sobald sie angelegt ist."
        )
    found = agenda_rows.load(session, following[0].id, lock=True)
    found.refuse_unless_allowed()
    lines = agenda_listing.listed_agenda(found)
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
            if r.kind == AgendaItemKind.MINUTES_APPROVAL.value and r.title == GENERIC_APPROVAL_TITLE
        ),
        None,
    )
    if generic is not None and last_held is not None and last_held.id == meeting.id:
        _rename(session, actor, found, generic, title)
        agenda_listing.follow_listed_agenda(session, found, lines)
        return f"TOP {generic.number} der {agenda} heißt jetzt „{title}“.{_resend(found)}"
    top_level = sorted(
        (r for r in found.rows.values() if r.parent_id is None), key=lambda r: r.position
    )
    index = _approval_index(session, found, meeting, top_level)
    row = models.AgendaItem(
        meeting_id=found.meeting.id,
        parent_id=None,
        position=top_level[-1].position + 1 if top_level else 0,
        number="",
        title=title,
        kind=AgendaItemKind.MINUTES_APPROVAL.value,
        public=True,
        planned_minutes=5,
    )
    session.add(row)
    session.flush()
    found.rows[row.id] = row
    agenda_rows.store_layout(session, found.rows, move_to(found.items(), row.id, None, index))
    record_item_change(
        session, actor, found, AuditAction.CREATE, row, None, "hinzugefügt", whole_title=True
    )
    note = f"„{title}“ wurde als TOP {row.number} in die {agenda} aufgenommen."
    if (
        generic is not None
        and last_held is not None
        and not _worked_on(session, found, generic, {GENERIC_APPROVAL_TITLE})
    ):
        _rename(session, actor, found, generic, approval_title(last_held, practice))
        note += f" TOP {generic.number} heißt jetzt „{generic.title}“."
    agenda_listing.follow_listed_agenda(session, found, lines)
    return note + _resend(found)


def _resend(found: agenda_rows.MeetingItems) -> str:
    """Where the changed agenda's meeting was invited already, what to do: its invitation
    does not list the approval yet, and later items' numbers moved (found by a tester)."""
    if found.meeting.state != MeetingState.INVITED.value:
        return ""
    return (
        f" Zur {agenda_rows.meeting_name(found.meeting).removeprefix('der ')} wurde bereits "
        "eingeladen: bitte Einladung und Kalenderdatei erneut senden."
    )


def _rename(
    session: Session,
    actor: str,
    found: agenda_rows.MeetingItems,
    row: models.AgendaItem,
    title: str,
) -> None:
    """Title the approval item ``row`` ``title``, in the Änderungsprotokoll."""
    before = audit.snapshot(row)
    row.title = title
    session.flush()
    record_item_change(
        session, actor, found, AuditAction.UPDATE, row, before, "umbenannt", whole_title=True
    )


def _approval_index(
    session: Session,
    found: agenda_rows.MeetingItems,
    meeting: models.Meeting,
    top_level: list[models.AgendaItem],
) -> int:
    """Where among the ``top_level`` items (in order) of ``found``'s agenda an item
    approving ``meeting``'s minutes goes: among the opening formalities, before the first
    approving later minutes (the standard "… der letzten Sitzung" among them), else after
    them."""
    earlier = earlier_held(session, found.meeting)
    opening = opening_count(found.items())
    for index, row in enumerate(top_level[:opening]):
        approval = row.kind == AgendaItemKind.MINUTES_APPROVAL.value and earlier
        if approval and approved_by(row.title, earlier).starts_at > meeting.starts_at:
            return index
    return opening


def _worked_on(
    session: Session, found: agenda_rows.MeetingItems, row: models.AgendaItem, worded: set[str]
) -> bool:
    """Whether someone worked on the approval item ``row``: titled otherwise than the
    program's ``worded``, or with sub-items, a presenter or anything referring to it (texts,
    votes …). The program changes only one nobody worked on."""
    children = any(r.parent_id == row.id for r in found.rows.values())
    used = references(session, [row.id], {row.id: row.number})
    return row.title not in worded or children or bool(row.presenter) or bool(used)


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
            if found.meeting.state == MeetingState.INVITED.value:
                why = "die Einladung bereits versandt ist"
            elif _worked_on(session, found, row, worded):
                why = "er bereits bearbeitet wurde"
            else:
                lines = agenda_listing.listed_agenda(found)
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
                agenda_listing.follow_listed_agenda(session, found, lines)
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
