"""When an invitation is due: the last day that keeps the notice period (Ladungsfrist),
the task and the Übersicht's line that name it, and the warning for a late invitation."""

from __future__ import annotations

from datetime import date, timedelta

from expertenrat.domain.meeting_document_titles import meeting_heading
from expertenrat.domain.meeting_documents import MeetingDocument

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
    """The last day on which an invitation still keeps the notice period (Ladungsfrist)."""
    return meeting_day - timedelta(days=notice_period_days)


def invitation_task(meeting_day: date, notice_period_days: int, today: date) -> str:
    """ "Einladung bis 05.03.2026 versenden", or once that day has passed "Einladung
    überfällig (Ladungsfrist seit 05.03.2026 verstrichen)"."""
    deadline = invitation_deadline(meeting_day, notice_period_days)
    if deadline < today:
        return f"Einladung überfällig (Ladungsfrist seit {deadline:%d.%m.%Y} verstrichen)"
    return f"Einladung bis {deadline:%d.%m.%Y} versenden"


def invitation_due_line(
    label: str, meeting_day: date, notice_period_days: int, today: date
) -> str | None:
    """The Übersicht's line for a meeting not yet invited ("5. Sitzung am 12.03.2026:
    Einladung bis 05.03.2026 versenden"), or ``None`` while it is not due.

    Due means: the meeting is still ahead and its last day for the invitation is at most
    :data:`INVITATION_DUE_WINDOW` away, or has passed.
    """
    deadline = invitation_deadline(meeting_day, notice_period_days)
    if meeting_day < today or deadline - today > INVITATION_DUE_WINDOW:
        return None
    return f"{label} am {meeting_day:%d.%m.%Y}: " + invitation_task(
        meeting_day, notice_period_days, today
    )
