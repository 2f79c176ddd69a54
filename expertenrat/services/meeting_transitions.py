"""A meeting's state changes and its deletion, written to its rows for
:class:`~expertenrat.services.meetings.MeetingsService`.

The rules are the domain's (``meeting_states``); here they meet the row: a cancellation's
reason, the new calendar SEQUENCE of an invitation or a cancellation (the calendar entry's
STATUS changes), the number a cancelled or deleted meeting gives up, the approval of
earlier minutes a cancelled or deleted meeting's agenda named (carried on to the next
meeting), the day the invitation went out, the tombstone of a deleted meeting and its
agenda, and the audit entry of each change. The caller holds the council, has checked the
version and that the minutes are not frozen.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from expertenrat.domain.calendar_sequence import invited_sequence, raised_sequence
from expertenrat.domain.council_clock import CouncilClock
from expertenrat.domain.enums import AuditAction, MeetingKind, MeetingState
from expertenrat.domain.errors import InUseError
from expertenrat.domain.field_limits import clean_text, text_problems
from expertenrat.domain.meeting_states import (
    check_transition,
    deletable,
    keeps_number_when_cancelled,
)
from expertenrat.domain.meetings import REASON, meeting_label
from expertenrat.domain.wording import isolated
from expertenrat.services import agenda_rows, audit
from expertenrat.services.approval_carry import carry_approvals_on
from expertenrat.services.meeting_rows import has_agenda_content, meeting_from_row, renumber
from expertenrat.services.unit_of_work import raise_if_invalid
from expertenrat.store import models


def move_to_state(
    session: Session,
    actor: str,
    row: models.Meeting,
    clock: CouncilClock,
    target: MeetingState,
    reason: str,
    *,
    now: datetime,
    sent_on: date | None,
    today: date,
) -> None:
    """Move ``row`` to ``target`` (see :meth:`MeetingsService.change_state`)."""
    current = MeetingState(row.state)
    reason = clean_text(reason, REASON)
    check_transition(
        current, target, reason=reason, start=clock.aware(row.starts_at), now=now,
        sent_on=sent_on, today=today,
    )  # fmt: skip
    raise_if_invalid(text_problems("cancellation_reason", reason, REASON))
    before = audit.snapshot(row)
    row.state = target
    if target is MeetingState.INVITED:  # a new STATUS: the one the invitation draft has
        row.ics_sequence = invited_sequence(row.ics_sequence)
    if target is MeetingState.CANCELLED:  # above the invitation draft of a planned one
        row.ics_sequence = raised_sequence(row.ics_sequence, current)
    if target is MeetingState.CANCELLED:
        row.cancellation_reason = reason
        if not keeps_number_when_cancelled(current):
            row.number = None
    if target is MeetingState.INVITED and (sent_on or row.invitation_sent_on is None):
        row.invitation_sent_on = sent_on or today
    session.flush()
    if current is MeetingState.PLANNED:
        renumber(session, actor, row.council_id)
    record_change(session, actor, AuditAction.UPDATE, row, before, f"{target.label}")
    if target is MeetingState.CANCELLED:
        carry_approvals_on(session, row, actor)


def delete_planned(session: Session, actor: str, row: models.Meeting, clock: CouncilClock) -> None:
    """Delete ``row`` (see :meth:`MeetingsService.delete`): a tombstone for the published
    data; its number goes to the next planned meeting, the approvals of earlier minutes
    its agenda named to the next planned or invited one (:func:`carry_approvals_on`)."""
    label, named = meeting_from_row(row, clock).label, _trail_label(row)
    if not deletable(MeetingState(row.state)):
        raise InUseError(
            f"„{label}“ ist {MeetingState(row.state).label} und kann nicht gelöscht "
            "werden. Eine Sitzung, zu der eingeladen wurde, kann nur abgesagt werden."
        )
    if has_agenda_content(session, row.id):
        raise InUseError(
            f"„{label}“ hat bereits Inhalte (Tagesordnung mit Projekten oder Texten, "
            "Anwesenheit, Gäste, Befangenheiten, Anlagen oder ein Protokoll) und kann "
            "nicht gelöscht werden. Sagen Sie die Sitzung stattdessen ab."
        )
    before = audit.snapshot(row)
    row.deleted_at = deleted_at = models.utc_now()
    row.number = None
    session.flush()
    renumber(session, actor, row.council_id)
    audit.record(
        session,
        actor,
        AuditAction.DELETE,
        "meeting",
        row.id,
        council_id=row.council_id,
        summary=f"{named} am {row.starts_at:%d.%m.%Y} gelöscht",
        before=before,
    )
    carry_approvals_on(session, row, actor)  # as a cancellation does; its items still live
    agenda_rows.tombstone_items(session, row.id, deleted_at)


def record_change(
    session: Session,
    actor: str,
    action: AuditAction,
    row: models.Meeting,
    before: dict | None,
    verb: str,
) -> None:
    """The audit entry of a created or changed meeting: "Sitzung 3/2026 am … ``verb``"."""
    audit.record(
        session,
        actor,
        action,
        "meeting",
        row.id,
        council_id=row.council_id,
        summary=f"{_trail_label(row)} am {row.starts_at:%d.%m.%Y} {verb}",
        before=before,
        after=audit.snapshot(row),
    )


def _trail_label(row: models.Meeting) -> str:
    """ "5. Sitzung – Klausur: Datenethik" as the audit trail names the meeting: its title
    set apart where it is right-to-left (:func:`~expertenrat.domain.wording.isolated`)."""
    return meeting_label(row.number, MeetingKind(row.kind), row.title, isolated)
