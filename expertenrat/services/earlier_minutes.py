"""What a meeting's minutes record of earlier minutes: those it approved, and the
objections to them it decided or that were decided outside a meeting before it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.earlier_minutes import earlier_minutes_line
from expertenrat.domain.enums import AgendaItemOutcome, MeetingState, ObjectionState
from expertenrat.services.agenda_rows import meeting_name as meeting_with_article
from expertenrat.services.approval_meetings import earlier_held
from expertenrat.services.approval_put_off import (
    approval_items,
    approval_put_off,
    previous_held,
)
from expertenrat.store import models


def earlier_minutes(
    session: Session, meeting: models.Meeting, agenda: Iterable[models.AgendaItem] | None = None
) -> tuple[str, ...]:
    """The minutes ``meeting`` approved and the objections it decided, one line per earlier
    meeting in the order of their dates: the record of these decisions is this meeting's
    minutes (with the practice "Einwände" above all, where deciding them is the point).
    Objections decided outside a meeting are reported by the first held meeting on or
    after the day of the decision (:func:`reporting_meeting`), whether or not it is the
    one that approves those minutes. A meeting that put the approval of the previous
    minutes off (``services.approval_put_off``) and did not approve them says so (where its
    agenda has more than one approval item, each for the minutes it names); what it reads
    does not change when they are approved later. ``agenda``: the meeting's agenda
    items (not deleted), where the caller has read them."""
    approved = set(
        session.scalars(
            select(models.MinutesVersion.meeting_id).where(
                models.MinutesVersion.approved_in_meeting_id == meeting.id
            )
        )
    )
    decided: dict[int, list[str]] = {}
    for earlier_id, state in session.execute(
        select(models.MinutesVersion.meeting_id, models.Objection.state)
        .select_from(models.Objection)
        .join(
            models.MinutesVersion, models.MinutesVersion.id == models.Objection.minutes_version_id
        )
        .where(models.Objection.decided_in_meeting_id == meeting.id)
    ):
        decided.setdefault(earlier_id, []).append(state)
    outside = _decided_outside(session, meeting)
    waiting = {
        minutes_of: outcome
        for minutes_of, outcome in _put_off(session, meeting, agenda).items()
        if minutes_of not in approved
    }
    earlier = session.scalars(
        select(models.Meeting)
        .where(models.Meeting.id.in_(approved | set(decided) | set(outside) | set(waiting)))
        .order_by(models.Meeting.starts_at, models.Meeting.id)
    )
    return tuple(
        earlier_minutes_line(
            meeting_with_article(row),
            row.id in approved,
            decided.get(row.id, []).count(ObjectionState.ACCEPTED.value),
            decided.get(row.id, []).count(ObjectionState.REJECTED.value),
            outside.get(row.id, []).count(ObjectionState.ACCEPTED.value),
            outside.get(row.id, []).count(ObjectionState.REJECTED.value),
            waiting.get(row.id),
        )
        for row in earlier
    )


def _put_off(
    session: Session, meeting: models.Meeting, agenda: Iterable[models.AgendaItem] | None
) -> dict[int, AgendaItemOutcome]:
    """The earlier meetings whose minutes ``meeting`` put the approval of off, with what
    became of the item: with one approval item, the previous held meeting's (as the
    completeness check reads it); with more, the minutes each item names."""
    agenda = list(agenda) if agenda is not None else None
    approvals = approval_items(session, meeting, earlier_held(session, meeting), agenda)
    if len(approvals) > 1:
        found: dict[int, AgendaItemOutcome] = {}
        for approval in approvals:
            if approval.put_off is not None:
                found.setdefault(approval.minutes_of.id, approval.put_off)
        return found
    put_off = approval_put_off(session, meeting.id, agenda)
    previous = previous_held(session, meeting) if put_off is not None else None
    return {previous.id: put_off} if put_off is not None and previous is not None else {}


def _decided_outside(session: Session, meeting: models.Meeting) -> dict[int, list[str]]:
    """The states of the objections decided outside a meeting that ``meeting``'s minutes
    report (:func:`reporting_meeting`), by the earlier meeting whose minutes they concern."""
    found: dict[int, list[str]] = {}
    for earlier_id, earlier_start, state, day in session.execute(
        select(
            models.MinutesVersion.meeting_id,
            models.Meeting.starts_at,
            models.Objection.state,
            models.Objection.decided_on,
        )
        .select_from(models.Objection)
        .join(
            models.MinutesVersion, models.MinutesVersion.id == models.Objection.minutes_version_id
        )
        .join(models.Meeting, models.Meeting.id == models.MinutesVersion.meeting_id)
        .where(
            models.Objection.decided_in_meeting_id.is_(None),
            models.Objection.decided_on.is_not(None),
            models.Meeting.council_id == meeting.council_id,
            models.Meeting.starts_at < meeting.starts_at,
        )
    ):
        if reporting_meeting(session, meeting.council_id, earlier_start, day) == meeting.id:
            found.setdefault(earlier_id, []).append(state)
    return found


def reporting_meeting(
    session: Session, council_id: int, concerned_start: datetime, decided_on: date
) -> int | None:
    """The meeting whose minutes report an objection decided outside a meeting on
    ``decided_on`` against the minutes of the council's meeting that started at
    ``concerned_start``: the first held meeting after that one which starts on or after
    the decision day (``None`` until one is held). The rule reads nothing that an approval
    changes, so the line a circulated draft shows stays in its approved PDF, and no other
    minutes take it over when these or any other minutes are approved; deciding outside a
    meeting is refused where that meeting's minutes are approved already
    (``services.minutes_objections``)."""
    return session.scalar(
        select(models.Meeting.id)
        .where(
            models.Meeting.council_id == council_id,
            models.Meeting.deleted_at.is_(None),
            models.Meeting.state == MeetingState.HELD.value,
            models.Meeting.starts_at > concerned_start,
            models.Meeting.starts_at >= datetime.combine(decided_on, time.min),
        )
        .order_by(models.Meeting.starts_at, models.Meeting.id)
        .limit(1)
    )
