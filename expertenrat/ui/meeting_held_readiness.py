"""When "Durchgeführt" may be pressed on the Sitzungen page: why not yet (the meeting's
state, or its start still ahead) and how long until it may
(:class:`~expertenrat.ui.meeting_state_bar.MeetingStateBar` waits that long).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from expertenrat.domain.enums import MeetingState
from expertenrat.domain.meetings import Meeting
from expertenrat.ui.i18n import tr

_CONTEXT = "MeetingsPage"
HELD_ALREADY = (
    "Die Sitzung ist bereits als durchgeführt erfasst; irrtümlich erfasst, nimmt "
    "„Zurücknehmen …“ es zurück, solange das Protokoll leer ist."
)
HELD_TIP = "Die Sitzung hat begonnen oder stattgefunden: Status „durchgeführt“"
# The longest wait for a start; after it the buttons look again (and wait anew). A timer
# does not count the time the PC sleeps: a laptop shut over lunch before a 14:00 meeting
# and opened at 14:05 offered "Durchgeführt" only hours after the start (a wait of 12
# hours: the next day); looked at every minute, within a minute of waking (found by a
# tester).
LONGEST_WAIT = timedelta(minutes=1)


def why_not_held(meeting: Meeting | None, today: date, now: datetime) -> str:
    """Why "Durchgeführt" is off ("" where it is on, or where no meeting is shown): the
    state, or for an invited meeting its start still ahead (the service would refuse it);
    :func:`wait_for_start` says when the start passes."""
    if meeting is None:
        return ""
    if meeting.state is MeetingState.PLANNED:
        return tr(
            _CONTEXT,
            "Erst wenn die Einladung versandt ist („Einladung versandt“), lässt sich die "
            "Sitzung als durchgeführt erfassen.",
        )
    if meeting.state is MeetingState.HELD:
        return tr(_CONTEXT, HELD_ALREADY)
    if meeting.state is MeetingState.CANCELLED:
        return tr(_CONTEXT, "Die Sitzung ist abgesagt.")
    day = meeting.starts_at.date()
    if day < today or (day == today and meeting.starts_at <= now):
        return ""
    if day == today:
        return tr(
            _CONTEXT,
            "Die Sitzung beginnt heute um {:%H:%M} Uhr; als durchgeführt erfassen lässt "
            "sie sich ab ihrem Beginn.",
        ).format(meeting.starts_at)
    return tr(
        _CONTEXT,
        "Die Sitzung beginnt erst am {:%d.%m.%Y} um {:%H:%M} Uhr; als durchgeführt "
        "erfassen lässt sie sich ab ihrem Beginn.",
    ).format(meeting.starts_at, meeting.starts_at)


def wait_for_start(meeting: Meeting | None, now: datetime) -> timedelta | None:
    """How long until the invited ``meeting`` begins, at most :data:`LONGEST_WAIT` (then
    to be asked anew); None for any other meeting or one begun."""
    if meeting is None or meeting.state is not MeetingState.INVITED:
        return None
    wait = min(meeting.starts_at - now, LONGEST_WAIT)
    return wait if wait > timedelta(0) else None
