"""Recording the day a meeting's invitation went out (:meth:`MeetingDocumentsService.
record_invitation_sent`): a planned meeting becomes "eingeladen" through the meetings
service's state change; an invited one gets the day corrected.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from expertenrat.domain.enums import AuditAction, MeetingKind, MeetingState
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.meeting_states import sent_on_problem
from expertenrat.domain.meetings import list_label
from expertenrat.domain.wording import isolated
from expertenrat.services import audit
from expertenrat.services.meeting_document_rows import document_meeting
from expertenrat.services.meeting_rows import council_clock, meeting_from_row
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.unit_of_work import changing, check_version, raise_if_invalid, reading
from expertenrat.store.database import Database

WHAT = "Die Sitzung"


@dataclass(frozen=True, slots=True)
class InvitationSent:
    """The recorded invitation: the meeting's new version and what the user should know."""

    meeting_id: int
    version: int
    sent_on: date
    warnings: tuple[str, ...] = ()


def mark_invitation_sent(
    database: Database,
    actor: str,
    meetings: MeetingsService,
    meeting_id: int,
    version: int,
    sent_on: date,
    today: date | None = None,
) -> int:
    """Record ``sent_on`` as the day the invitation went out; the meeting's new version.

    Sending again (an invited meeting) corrects the day: of the changed invitation, if
    time or place or the agenda changed after the first one (and the day the invitation
    went out with it where the change moved the start; after a change of the agenda alone
    the first invitation's day stands, from which the notice counts). A day after the
    meeting or after ``today`` (default: the council's today) is refused
    (:func:`~expertenrat.domain.meeting_states.sent_on_problem`).
    """
    with reading(database) as session:
        row = document_meeting(session, meeting_id)
        check_version(row, version, WHAT)
        clock = council_clock(session, row.council_id)
        state = MeetingState(row.state)
        problem = sent_on_problem(sent_on, clock.aware(row.starts_at), today or clock.today())
    raise_if_invalid([FieldProblem("invitation_sent_on", problem)] if problem else [])
    if state is MeetingState.INVITED:
        return _correct_sent_on(database, actor, meeting_id, version, sent_on)
    # the state rules refuse what cannot be invited (held, cancelled)
    return meetings.change_state(
        meeting_id, version, MeetingState.INVITED, sent_on=sent_on, today=today
    ).version


def _correct_sent_on(
    database: Database, actor: str, meeting_id: int, version: int, sent_on: date
) -> int:
    with changing(database, WHAT) as session:
        row = document_meeting(session, meeting_id)
        check_version(row, version, WHAT)
        before = audit.snapshot(row)
        changed_on = row.invitation_changed_on
        first = changed_on is None and row.invitation_agenda_changed_on is None
        if first or row.invitation_sent_on == changed_on:  # or moved with the start
            row.invitation_sent_on = sent_on
        if changed_on is not None:
            row.invitation_changed_on = sent_on
        if row.invitation_agenda_changed_on is not None:  # its notice stands
            row.invitation_agenda_changed_on = sent_on
            row.invitation_agenda_sent_on = sent_on  # the minutes name this version
        session.flush()
        clock = council_clock(session, row.council_id)
        letter = meeting_from_row(row, clock).letter_name()
        audit.record(
            session,
            actor,
            AuditAction.UPDATE,
            "meeting",
            row.id,
            council_id=row.council_id,
            summary=(
                f"{letter} zur "
                f"{list_label(row.number, MeetingKind(row.kind), row.title, isolated)} "
                f"versandt am {sent_on:%d.%m.%Y}"
            ),
            before=before,
            after=audit.snapshot(row),
        )
        return row.version
