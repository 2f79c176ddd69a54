"""Corrections of a meeting's recorded steps: the day its invitation went out
(:meth:`~expertenrat.services.meetings.MeetingsService.correct_invitation_day`), and a
step recorded by mistake taken back
(:meth:`~expertenrat.services.meetings.MeetingsService.take_back_state`).

"Einladung versandt" pressed before the invitation went out (or on the wrong meeting)
goes back to "geplant" while the meeting is still ahead and no changed or late invitation
is recorded as sent: the recorded days of the invitation go with it, the calendar entry
becomes tentative again (a new SEQUENCE), the planned meetings are numbered anew.
"Durchgeführt" pressed on the wrong meeting goes back to "eingeladen" while its minutes are
untouched: nothing written, voted, adopted, circulated or approved in it, no arrival or
departure during an item recorded (the calendar entry stays confirmed, so its SEQUENCE
stays). Rules: ``meeting_states.taken_back_state``.
The audit trail records each as a correction ("Berichtigung"). The caller has checked the
version and that the minutes are not frozen; for a step taken back it holds the council
(the planned meetings may be numbered anew).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ColumnElement, exists, or_, select
from sqlalchemy.orm import Session

from expertenrat.domain.council_clock import CouncilClock
from expertenrat.domain.enums import AgendaItemOutcome, AuditAction, MeetingState
from expertenrat.domain.errors import FieldProblem, ValidationError
from expertenrat.domain.meeting_numbers import number_as_planned
from expertenrat.domain.meeting_states import sent_on_problem, taken_back_state
from expertenrat.domain.wording import listed
from expertenrat.services import agenda_rows, audit
from expertenrat.services.meeting_rows import meeting_from_row, numbered_meetings, renumber
from expertenrat.services.meeting_transitions import record_change
from expertenrat.services.unit_of_work import raise_if_invalid
from expertenrat.store import models

# The states of a meeting whose invitation went out; a cancelled one's stays as it was.
_SENT_STATES = frozenset({MeetingState.INVITED.value, MeetingState.HELD.value})
_NOT_SENT = (
    "Ein Versand der Einladung {} ist nicht erfasst, der sich berichtigen ließe: Für eine "
    "geplante Sitzung erfassen Sie ihn mit „Einladung versandt“; bei einer abgesagten "
    "bleibt er, wie er war."
)


def correct_sent_on(
    session: Session,
    actor: str,
    row: models.Meeting,
    clock: CouncilClock,
    sent_on: date,
    today: date,
) -> None:
    """Record ``sent_on`` as the day ``row``'s invitation went out (a changed invitation
    the start moved with moves with it), or raise :class:`ValidationError`: no invitation
    recorded as sent, or a day after ``today`` or after the meeting's."""
    if row.invitation_sent_on is None or row.state not in _SENT_STATES:
        named = agenda_rows.meeting_name(row)
        raise ValidationError([FieldProblem("invitation_sent_on", _NOT_SENT.format(named))])
    problem = sent_on_problem(sent_on, clock.aware(row.starts_at), today)
    raise_if_invalid([FieldProblem("invitation_sent_on", problem)] if problem else [])
    if sent_on == row.invitation_sent_on:
        return
    before = audit.snapshot(row)
    if row.invitation_changed_on == row.invitation_sent_on:
        row.invitation_changed_on = sent_on
    row.invitation_sent_on = sent_on
    session.flush()
    verb = f"– Versand der Einladung berichtigt auf den {sent_on:%d.%m.%Y}"
    record_change(session, actor, AuditAction.UPDATE, row, before, verb)


def take_back(
    session: Session, actor: str, row: models.Meeting, clock: CouncilClock, now: datetime
) -> None:
    """Take ``row``'s last step back (see the module), or raise :class:`ValidationError`."""
    current = MeetingState(row.state)
    target = taken_back_state(current, start=clock.aware(row.starts_at), now=now)
    label = meeting_from_row(row, clock).label
    found = _invitations_sent(session, row) if current is MeetingState.INVITED else []
    found = found or (_minutes_written(session, row) if current is MeetingState.HELD else [])
    if found:
        raise ValidationError([FieldProblem("state", _refusal(current, label, found))])
    before = audit.snapshot(row)
    row.state = target
    if target is MeetingState.PLANNED:
        row.ics_sequence += 1  # TENTATIVE again: calendars replace the confirmed entry
        row.invitation_sent_on = row.invitation_changed_on = None
        row.invitation_agenda_changed_on = row.invitation_agenda_sent_on = None
        row.invitation_agenda_changed_public = row.invitation_agenda_changed_non_public = False
    session.flush()
    if target is MeetingState.PLANNED:
        renumber(session, actor, row.council_id)
    verb = (
        "– Berichtigung: Einladung nicht versandt, zurück zu „geplant“"
        if target is MeetingState.PLANNED
        else "– Berichtigung: Durchführung zurückgenommen, wieder „eingeladen“"
    )
    record_change(session, actor, AuditAction.UPDATE, row, before, verb)


def number_after_take_back(session: Session, row: models.Meeting) -> int | None:
    """The number ``row`` has once its last step is taken back (:func:`take_back`
    renumbers the planned meetings): planned again, where an invited one; ``None`` where
    the take-back keeps the number."""
    if row.state != MeetingState.INVITED:
        return None
    return number_as_planned(numbered_meetings(session, row.council_id), row.id)


def _refusal(current: MeetingState, label: str, found: list[str]) -> str:
    if current is MeetingState.INVITED:
        verb = "ist" if len(found) == 1 else "sind"
        return (
            f"Zu „{label}“ {verb} bereits {listed(found)} als versandt erfasst; die Einladung "
            "ist also hinausgegangen und lässt sich nicht zurücknehmen."
        )
    # "; " between them: a name may hold commas itself ("Ankunft, Weggang oder …")
    return (
        f"Das Protokoll von „{label}“ ist bereits begonnen ({'; '.join(found)}); die "
        "Durchführung lässt sich nicht mehr zurücknehmen."
    )


def _invitations_sent(session: Session, row: models.Meeting) -> list[str]:
    """What shows that the invitation went out: a changed one or a late one recorded."""
    late = exists().where(models.LateInvitation.meeting_id == row.id)
    return [
        name
        for name, sent in (
            ("eine geänderte Tagesordnung", row.invitation_agenda_sent_on is not None),
            ("eine nachträgliche Einladung", session.scalar(select(late))),
        )
        if sent
    ]


# What the minutes of a held meeting consist of; each checked by
# :func:`_minutes_written`. A column of a meeting or its items, or a table hanging from
# them, is either here or said not to be minutes in tests/services/test_meeting_corrections.py
# (a minutes field added later and left out would be passed over by a take-back).
MINUTES_HEADER = (
    "opened_at", "closed_at", "notes", "agenda_approved", "agenda_changes", "quorum_noted",
    "minutes_finished_on",
)  # fmt: skip
"""The meeting's columns that the minutes fill in: set, the minutes are begun."""
MINUTES_OF_ITEMS = {
    "discussion": "", "motion_text": "", "resolution_text": "", "result": "",
    "outcome": AgendaItemOutcome.DISCUSSED.value, "urgent": False,
}  # fmt: skip
"""An agenda item's columns that the minutes fill in, with their value before."""
ROWS_OF_MEETING = {
    "ein versandter Entwurf": models.MinutesVersion.meeting_id,
    "genehmigte frühere Protokolle": models.MinutesVersion.approved_in_meeting_id,
    "in der Sitzung entschiedene Einwände": models.Objection.decided_in_meeting_id,
}
"""Rows of the minutes naming the meeting: one there, the minutes are begun."""
ROWS_OF_ITEMS = {
    "Abstimmungen": (models.Vote.agenda_item_id,),
    "Empfehlungen aus der Sitzung": (models.Recommendation.origin_agenda_item_id,),
    "Ankunft, Weggang oder Unterbrechung während eines TOP erfasst": (
        models.Attendance.arrived_item_id,
        models.Attendance.left_item_id,
        models.Attendance.away_item_id,
        models.Attendance.back_item_id,
    ),
}
"""Rows of the minutes naming one of the meeting's agenda items (in any of the columns):
an arrival, a departure or a time away during an item is recorded during or after the
meeting only."""


def _minutes_written(session: Session, row: models.Meeting) -> list[str]:
    """What the minutes of ``row`` hold already, named for the refusal."""
    item = models.AgendaItem
    items = select(item.id).where(item.meeting_id == row.id)
    checks: list[tuple[str, ColumnElement[bool]]] = [
        *((name, exists().where(column == row.id)) for name, column in ROWS_OF_MEETING.items()),
        *(
            (name, exists().where(or_(*(column.in_(items) for column in columns))))
            for name, columns in ROWS_OF_ITEMS.items()
        ),
        (
            "Texte oder Ergebnisse zu Tagesordnungspunkten",
            exists().where(
                item.meeting_id == row.id,
                item.deleted_at.is_(None),
                or_(*(getattr(item, name) != empty for name, empty in MINUTES_OF_ITEMS.items())),
            ),
        ),
    ]
    found = [name for name, check in checks if session.scalar(select(check))]
    header = any(getattr(row, name) for name in MINUTES_HEADER)
    return found + (["Angaben zum Sitzungsverlauf"] if header else [])
