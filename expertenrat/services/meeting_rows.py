"""Reading, filling and renumbering meeting rows for :mod:`expertenrat.services.meetings`.

The database keeps a meeting's times as the council's wall clock (naive); the program works
with aware datetimes in the council's time zone.
:class:`~expertenrat.domain.council_clock.CouncilClock` converts both ways.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from expertenrat.domain.calendar_sequence import raised_sequence
from expertenrat.domain.council_clock import CouncilClock, clock_of
from expertenrat.domain.enums import (
    AgendaItemOutcome,
    AuditAction,
    MeetingKind,
    MeetingState,
    MinutesState,
)
from expertenrat.domain.invitation_changes import letter_change
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.meeting_numbers import NumberedMeeting, changed_numbers
from expertenrat.domain.meetings import Meeting, MeetingSummary, meeting_label, year_span
from expertenrat.domain.series_warnings import ExistingMeeting
from expertenrat.services import audit
from expertenrat.services.unit_of_work import fetch, hold_council
from expertenrat.store import models


def council_clock(session: Session, council_id: int) -> CouncilClock:
    council = fetch(session, models.Council, council_id, "Das Gremium")
    return clock_of(council.time_zone, council.bundesland)


def meeting_rows(
    session: Session, council_id: int, year: int | None = None
) -> list[models.Meeting]:
    """The council's meetings that are not deleted, in order of their start; with ``year``
    those that count for that year (:func:`~expertenrat.domain.meetings.year_span`)."""
    query = (
        select(models.Meeting)
        .where(models.Meeting.council_id == council_id, models.Meeting.deleted_at.is_(None))
        .order_by(models.Meeting.starts_at, models.Meeting.id)
    )
    if year is not None:
        query = query.where(in_year(models.Meeting.starts_at, year))
    return list(session.scalars(query))


def in_year(starts_at, year: int):
    """The SQL condition that a meeting starting at ``starts_at`` counts for ``year``."""
    first, after = year_span(year)
    return (starts_at >= first) & (starts_at < after)


def apply_draft(row: models.Meeting, clock: CouncilClock, draft: MeetingDraft) -> None:
    """Write ``draft``'s values into ``row``, its times as the council's wall clock."""
    row.kind = draft.kind
    row.title = draft.title
    row.starts_at = clock.wall(draft.start)
    row.ends_at = clock.wall(draft.end)
    row.place = draft.place
    row.room = draft.room
    row.online_link = draft.online_link


def meeting_from_row(row: models.Meeting, clock: CouncilClock) -> Meeting:
    return Meeting(
        **_listed(row, clock),
        council_id=row.council_id,
        chair_membership_id=row.chair_membership_id,
        uid=row.uid,
        ics_sequence=row.ics_sequence,
        series_id=row.series_id,
        notes=row.notes,
    )


def _listed(row: models.Meeting, clock: CouncilClock) -> dict[str, Any]:
    """What a meeting and its line in the list (:class:`MeetingSummary`) both hold."""
    return {
        "id": row.id,
        "version": row.version,
        "number": row.number,
        "title": row.title,
        "kind": MeetingKind(row.kind),
        "starts_at": clock.aware(row.starts_at),
        "ends_at": clock.aware(row.ends_at) if row.ends_at is not None else None,
        "place": row.place,
        "room": row.room,
        "online_link": row.online_link,
        "state": MeetingState(row.state),
        "cancellation_reason": row.cancellation_reason,
        "invitation_sent_on": row.invitation_sent_on,
        # a change recorded after the meeting's day made no letter (stored so before)
        "invitation_changed_on": letter_change(row.invitation_changed_on, row.starts_at.date()),
        "invitation_agenda_changed_on": letter_change(
            row.invitation_agenda_changed_on, row.starts_at.date()
        ),
    }


def summaries(
    session: Session, clock: CouncilClock, rows: list[models.Meeting]
) -> list[MeetingSummary]:
    """List lines of ``rows`` with the state of each meeting's latest minutes version."""
    latest: dict[int, tuple[int, str]] = {}
    ids = [r.id for r in rows]
    for start in range(0, len(ids), 500):  # stay below the parameter limits
        query = select(
            models.MinutesVersion.meeting_id,
            models.MinutesVersion.number,
            models.MinutesVersion.state,
        ).where(models.MinutesVersion.meeting_id.in_(ids[start : start + 500]))
        for meeting_id, number, state in session.execute(query):
            if meeting_id not in latest or latest[meeting_id][0] < number:
                latest[meeting_id] = (number, state)
    return [
        MeetingSummary(**_listed(row, clock), minutes_state=_minutes_state(row, latest))
        for row in rows
    ]


def _minutes_state(row: models.Meeting, latest: dict[int, tuple[int, str]]) -> MinutesState | None:
    """The latest version's state; the minutes of a held meeting without any version are
    still being written (a draft), a meeting not held has none."""
    if row.id in latest:
        return MinutesState(latest[row.id][1])
    return MinutesState.DRAFT if row.state == MeetingState.HELD.value else None


def existing_meetings(
    session: Session, clock: CouncilClock, council_id: int, *, leave_out: int | None = None
) -> list[ExistingMeeting]:
    """The council's meetings that still take place, for the overlap warnings."""
    return [
        ExistingMeeting(
            meeting_label(row.number, MeetingKind(row.kind), row.title),
            clock.aware(row.starts_at),
            clock.aware(row.ends_at or row.starts_at),
        )
        for row in meeting_rows(session, council_id)
        if row.state != MeetingState.CANCELLED and row.id != leave_out
    ]


def has_agenda_content(session: Session, meeting_id: int) -> bool:
    """Whether anything but bare agenda items refers to the meeting (annexes too: a
    presentation uploaded ahead of a planned meeting is not lost with it)."""
    item = models.AgendaItem
    in_meeting = select(item.id).where(item.meeting_id == meeting_id)
    checks = (
        exists().where(models.Attendance.meeting_id == meeting_id),
        exists().where(models.Guest.meeting_id == meeting_id),
        exists().where(
            models.StoredFile.meeting_id == meeting_id, models.StoredFile.deleted_at.is_(None)
        ),
        exists().where(models.MinutesVersion.meeting_id == meeting_id),
        exists().where(models.ConflictOfInterest.agenda_item_id.in_(in_meeting)),
        exists().where(models.Vote.agenda_item_id.in_(in_meeting)),
        exists().where(
            item.meeting_id == meeting_id,
            item.deleted_at.is_(None),
            or_(
                item.project_id.is_not(None),
                item.discussion != "",
                item.motion_text != "",
                item.resolution_text != "",
                item.result != "",
                item.outcome != AgendaItemOutcome.DISCUSSED.value,
            ),
        ),
    )
    return any(session.scalar(select(check)) for check in checks)


def numbered_meetings(session: Session, council_id: int) -> list[NumberedMeeting]:
    """The council's meetings as their numbering sees them (``meeting_numbers``)."""
    return [
        NumberedMeeting(r.id, MeetingState(r.state), r.starts_at, r.number)
        for r in meeting_rows(session, council_id)
    ]


def renumber(session: Session, actor: str, council_id: int) -> None:
    """Give the planned meetings their numbers in order of their start (``meeting_numbers``).

    Changed numbers are cleared first and then set, so that no two meetings hold the same
    number in between (the unique constraint is checked per statement). The council is held
    first: another PC planning a meeting at the same moment numbers after this one, from
    the meetings as this one leaves them.
    """
    hold_council(session, council_id)
    rows = {r.id: r for r in meeting_rows(session, council_id)}
    changed = changed_numbers(
        NumberedMeeting(r.id, MeetingState(r.state), r.starts_at, r.number) for r in rows.values()
    )
    if not changed:
        return
    old = {meeting_id: rows[meeting_id].number for meeting_id in changed}
    for meeting_id in changed:
        rows[meeting_id].number = None
    session.flush()
    entries = []
    for meeting_id, number in changed.items():
        row = rows[meeting_id]
        row.number = number
        if old[meeting_id] is not None:
            # a calendar holding "5. Sitzung" learns the new name
            row.ics_sequence = raised_sequence(row.ics_sequence, MeetingState(row.state))
            entry = audit.entry(
                actor,
                AuditAction.UPDATE,
                "meeting",
                meeting_id,
                council_id=council_id,
                summary=(
                    f"Sitzung am {row.starts_at:%d.%m.%Y} neu nummeriert: "
                    f"{old[meeting_id]}. → {number}. Sitzung"
                ),
                before={"number": old[meeting_id]},
                after={"number": number},
            )
            if entry is not None:
                entries.append(entry)
    session.flush()
    audit.insert_entries(session, entries)
