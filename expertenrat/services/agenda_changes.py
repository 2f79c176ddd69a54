"""What every change of an agenda ends with: the agenda handed back
(:func:`agenda_of`) and the change's audit entry (:func:`record_item_change`); the changes
themselves are :mod:`expertenrat.services.agenda` (the items) and
:mod:`expertenrat.services.agenda_order` (their order).
"""

from __future__ import annotations

from sqlalchemy.orm import Session, object_session

from expertenrat.domain.agenda import Agenda
from expertenrat.domain.enums import AuditAction, MeetingState
from expertenrat.domain.wording import isolated, shortened
from expertenrat.services import audit
from expertenrat.services.agenda_rows import MeetingItems, meeting_name
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.urgent_items import agenda_refusals
from expertenrat.store import models

ITEM = "Der Tagesordnungspunkt"


def agenda_of(found: MeetingItems) -> Agenda:
    """The agenda of the items ``found``, as the service hands it back."""
    meeting = found.meeting
    session = object_session(meeting)
    clock = council_clock(session, meeting.council_id)
    invited = meeting.state == MeetingState.INVITED.value
    frozen, urgent_refusal, order_refusal = agenda_refusals(session, meeting)
    return Agenda(
        meeting_id=meeting.id,
        council_id=meeting.council_id,
        starts_at=meeting.starts_at,
        state=MeetingState(meeting.state),
        items=tuple(found.items()),
        frozen=frozen,
        ends_at=meeting.ends_at,
        urgent_refusal=urgent_refusal,
        order_refusal=order_refusal,
        begun=invited and clock.aware(meeting.starts_at) <= clock.now(),
    )


def record_item_change(
    session: Session,
    actor: str,
    found: MeetingItems,
    action: AuditAction,
    row: models.AgendaItem,
    before: dict | None,
    what: str,
    *,
    whole_title: bool = False,
) -> None:
    """The audit entry of a change of ``row`` (an UPDATE keeps the fields of ``before``):
    "TOP 3 „…“ der 5. Sitzung ``what``", the title cut at 80 characters unless
    ``whole_title`` (the approval item's, which the program words: the trail says which
    minutes it approves)."""
    after = None if action is AuditAction.DELETE else audit.snapshot(row)
    if before is not None and after is not None and action is AuditAction.UPDATE:
        after = {key: after[key] for key in before}
    title = row.title if whole_title else short_title(row.title)
    audit.record(
        session,
        actor,
        action,
        "agenda_item",
        row.id,
        council_id=found.meeting.council_id,
        summary=f"TOP {row.number} „{title}“ {meeting_name(found.meeting, isolated)} {what}",
        before=before,
        after=after,
    )


def short_title(text: str, limit: int = 80) -> str:
    return shortened(text, limit)
