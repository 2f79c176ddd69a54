"""What circulating and approving minutes refuse (``services.minutes_approval``).

Minutes go out only for a held meeting, on a day from the meeting to today, and only once
complete. They are approved by a later held meeting of the same council after they were
sent (where objections are the practice, after their period has run out), on a day from
that meeting to today, once every objection is decided (before that day). Each refusal is a
``ValidationError`` in German naming the field at fault.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from expertenrat.domain.enums import MeetingState, MinutesApproval, ObjectionState
from expertenrat.domain.field_limits import date_problems
from expertenrat.domain.minutes_approval import first_approving_day
from expertenrat.services import minutes_approval_rows as rows
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.unit_of_work import raise_if_invalid
from expertenrat.store import models


def refuse_unless_circulable(
    session: Session, meeting: models.Meeting, sent_on: date, today: date | None
) -> None:
    """Refuse sending the minutes of ``meeting`` on ``sent_on`` unless it was held, the day
    lies from the meeting to today and the minutes are complete."""
    if meeting.state != MeetingState.HELD.value:
        raise rows.refuse(
            "state",
            "Versandt werden kann nur das Protokoll einer Sitzung, die stattgefunden hat.",
        )
    if sent_on < meeting.starts_at.date():
        raise rows.refuse("sent_on", "Das Protokoll kann nicht vor der Sitzung versandt werden.")
    today = today or council_clock(session, meeting.council_id).today()
    if sent_on > today:
        raise rows.refuse(
            "sent_on",
            f"Das Versanddatum ({sent_on:%d.%m.%Y}) liegt in der Zukunft; erfasst wird "
            f"der Versand, wenn das Protokoll hinausgegangen ist (heute ist der "
            f"{today:%d.%m.%Y}).",
        )
    # Imported here: the checks bring the checklist's domain, which a command
    # that only reads the minutes' status (an export) does not need.
    from expertenrat.services.minutes_checks import refuse_unless_complete

    refuse_unless_complete(session, meeting)


def approving_meeting(
    session: Session,
    meeting: models.Meeting,
    in_meeting_id: int,
    latest: models.MinutesVersion,
) -> models.Meeting:
    """The meeting ``in_meeting_id`` that is to approve the minutes of ``meeting``, if it
    may: a later held meeting of the same council, not before the ``latest`` version went
    out (under the practice "Einwände" not before its deadline for objections has passed),
    whose own minutes can still say so."""
    approving = rows.live(session, in_meeting_id)
    if approving.council_id != meeting.council_id or approving.starts_at <= meeting.starts_at:
        raise rows.refuse(
            "in_meeting_id", "Genehmigen kann nur eine spätere Sitzung desselben Gremiums."
        )
    if approving.state != MeetingState.HELD.value:
        raise rows.refuse(
            "in_meeting_id",
            f"Die {rows.label(approving)} hat noch nicht stattgefunden "
            f"({MeetingState(approving.state).label}); genehmigen kann nur eine Sitzung, "
            "die stattgefunden hat.",
        )
    rows.refuse_if_recorded(session, approving, "genehmigen")
    circulated = latest.circulated_on
    if circulated is not None and approving.starts_at.date() < circulated:
        raise rows.refuse(
            "in_meeting_id",
            f"Das Protokoll wurde am {circulated:%d.%m.%Y} versandt; die "
            f"{rows.label(approving)} ({approving.starts_at:%d.%m.%Y}) war davor. "
            "Genehmigen kann eine Sitzung nach dem Versand.",
        )
    practice = MinutesApproval(session.get(models.Council, meeting.council_id).minutes_approval)
    first = first_approving_day(practice, latest.objections_due_on)
    if first is not None and approving.starts_at.date() < first:
        raise rows.refuse(
            "in_meeting_id",
            f"Die {rows.label(approving)} am {approving.starts_at:%d.%m.%Y} fand noch in der "
            f"Frist für Einwände statt (bis einschließlich {latest.objections_due_on:%d.%m.%Y}). "
            f"Genehmigen kann erst eine Sitzung ab dem {first:%d.%m.%Y}, die dann auch über "
            "die Einwände entscheidet.",
        )
    return approving


def approval_day(
    session: Session,
    meeting: models.Meeting,
    approving: models.Meeting,
    approved_on: date | None,
    today: date | None,
) -> date:
    """The day of the approval: ``approved_on``, else the day of the ``approving`` meeting;
    refused before that meeting and after today."""
    approved_on = approved_on or approving.starts_at.date()
    raise_if_invalid(date_problems("approved_on", approved_on, "Das Datum der Genehmigung"))
    rows.refuse_future(session, meeting, "approved_on", approved_on, "Die Genehmigung", today)
    if approved_on < approving.starts_at.date():
        raise rows.refuse(
            "approved_on",
            f"Die Genehmigung kann nicht vor der {rows.label(approving)} "
            f"({approving.starts_at:%d.%m.%Y}) liegen.",
        )
    return approved_on


def refuse_undecided_objections(
    session: Session, meeting: models.Meeting, latest: models.MinutesVersion, on: date
) -> None:
    """Refuse approving on ``on`` while an objection is open, one was decided after that
    day, or (where objections are the practice) the ``latest`` version's period runs."""
    open_count = sum(
        1 for o in rows.objections(session, meeting.id) if o.state == ObjectionState.OPEN.value
    )
    if open_count:
        which = "einen offenen Einwand" if open_count == 1 else f"{open_count} offene Einwände"
        raise rows.refuse(
            "objections",
            f"Über {which} ist noch nicht entschieden. Bitte entscheiden Sie in der "
            "genehmigenden Sitzung zuerst darüber.",
        )
    late = [
        o
        for o in rows.objections(session, meeting.id)
        if o.decided_on is not None and o.decided_on > on
    ]
    if late:
        last = max(late, key=lambda o: o.decided_on)
        raise rows.refuse(
            "approved_on",
            f"Über den Einwand von {last.raised_by} wurde am {last.decided_on:%d.%m.%Y} "
            f"entschieden; die Genehmigung am {on:%d.%m.%Y} kann nicht davor liegen.",
        )
    council = session.get(models.Council, meeting.council_id)
    due = latest.objections_due_on
    if council.minutes_approval == MinutesApproval.OBJECTIONS.value and due and on <= due:
        raise rows.refuse(
            "approved_on",
            f"Die Frist für Einwände läuft noch bis einschließlich {due:%d.%m.%Y}; erst "
            "danach kann das Protokoll genehmigt werden.",
        )
