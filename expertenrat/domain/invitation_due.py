"""When an invitation is due: the last day that keeps the notice period (Ladungsfrist),
the last working day to send it, the task and the Übersicht's line that name it, and the
warning for a late invitation."""

from __future__ import annotations

from datetime import date, timedelta

from expertenrat.domain.german_dates import meeting_days
from expertenrat.domain.meeting_document_titles import meeting_heading
from expertenrat.domain.meeting_documents import MeetingDocument
from expertenrat.domain.working_days import previous_working_day

INVITATION_DUE_WINDOW = timedelta(days=7)  # the Übersicht names an invitation this early


def late_notice_warning(doc: MeetingDocument) -> str | None:
    """The warning for an invitation that goes out later than the notice period allows."""
    if doc.cancelled or doc.notice_kept:
        return None
    days = doc.notice_period_days
    kept = f"die Ladungsfrist von {days} {'Tag' if days == 1 else 'Tagen'} ist nicht gewahrt"
    days = doc.days_of_notice
    if days < 0:
        return f"Die Einladung zur {meeting_heading(doc)} ist nach der Sitzung datiert – {kept}."
    when = (
        "am Tag der Sitzung"
        if days == 0
        else f"{days} {'Tag' if days == 1 else 'Tage'} vor der Sitzung"
    )
    return f"Die Einladung zur {meeting_heading(doc)} ergeht {when} – {kept}."


def invitation_deadline(meeting_day: date, notice_period_days: int) -> date:
    """The last day on which an invitation still keeps the notice period (Ladungsfrist);
    whether an invitation sent kept it is judged by this day."""
    return meeting_day - timedelta(days=notice_period_days)


def invitation_send_by(meeting_day: date, notice_period_days: int, bundesland: str) -> date:
    """The last working day to send the invitation: :func:`invitation_deadline`, or where
    that is a Saturday, Sunday or public holiday of the council's Bundesland the working
    day before it, so that the notice is kept (14.05.2026, Christi Himmelfahrt: 13.05.)."""
    return previous_working_day(invitation_deadline(meeting_day, notice_period_days), bundesland)


def invitation_task(
    meeting_day: date, notice_period_days: int, today: date, bundesland: str
) -> str:
    """ "Einladung bis 05.03.2026 versenden" (the last working day,
    :func:`invitation_send_by`), or once the notice period can no longer be kept
    "Einladung überfällig (Ladungsfrist seit 05.03.2026 verstrichen)". Past the working
    day but not the last day of the period (on the holiday itself), that day is named."""
    deadline = invitation_deadline(meeting_day, notice_period_days)
    if deadline < today:
        return f"Einladung überfällig (Ladungsfrist seit {deadline:%d.%m.%Y} verstrichen)"
    send_by = invitation_send_by(meeting_day, notice_period_days, bundesland)
    if send_by < today:
        send_by = deadline
    return f"Einladung bis {send_by:%d.%m.%Y} versenden"


def invitation_due_line(
    label: str,
    meeting_day: date,
    notice_period_days: int,
    today: date,
    bundesland: str,
    last_day: date | None = None,
) -> str | None:
    """The Übersicht's line for a meeting not yet invited ("5. Sitzung am 12.03.2026:
    Einladung bis 05.03.2026 versenden"; over midnight, ending on ``last_day``, "am
    11./12.12.2026"), or ``None`` while it is not due.

    Due means: the meeting is still ahead and its last working day for the invitation is
    at most :data:`INVITATION_DUE_WINDOW` away, or has passed.
    """
    send_by = invitation_send_by(meeting_day, notice_period_days, bundesland)
    if meeting_day < today or send_by - today > INVITATION_DUE_WINDOW:
        return None
    return f"{label} am {meeting_days(meeting_day, last_day)}: " + invitation_task(
        meeting_day, notice_period_days, today, bundesland
    )
