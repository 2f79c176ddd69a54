"""The tooltips of "Einladung versandt", "Absagen …" and "Löschen …" on the Sitzungen
page: what each does where it is on, and where it is off why, in the meeting's state (as
"Durchgeführt" says why: :mod:`~expertenrat.ui.meeting_held_readiness`). Which state
allows which step is the domain's to say (:mod:`expertenrat.domain.meeting_states`);
here only the words for each state it refuses."""

from __future__ import annotations

from expertenrat.domain.enums import MeetingState
from expertenrat.domain.meeting_states import allowed_targets, deletable
from expertenrat.domain.meetings import Meeting
from expertenrat.ui.i18n import tr
from expertenrat.ui.meeting_held_readiness import HELD_ALREADY

_CONTEXT = "MeetingsPage"
INVITE_TIP = "Die Einladung ist heute versandt: Status „eingeladen“"
CANCEL_TIP = "Die Sitzung mit Grund absagen; sie bleibt als „abgesagt“ in der Liste."
DELETE_TIP = "Die geplante Sitzung löschen; ihre Nummer geht an die nächste geplante Sitzung."
NOT_SAVED = "Die neue Sitzung ist noch nicht gespeichert."  # the step buttons' tooltip
_CANCELLED = "Die Sitzung ist abgesagt."


def step_tips(meeting: Meeting | None, changed_letter: str) -> tuple[str, str, str]:
    """The tooltips of the three buttons for ``meeting`` (None: a new one being typed);
    ``changed_letter``: the letter an invited meeting's members get again after a change
    ("Geänderte Tagesordnung"), "" where there is none to re-send."""
    return (
        _invite_tip(meeting, changed_letter),
        tr(_CONTEXT, _cancel_refusal(meeting) or CANCEL_TIP),
        tr(_CONTEXT, _delete_refusal(meeting) or DELETE_TIP),
    )


def _invite_tip(meeting: Meeting | None, changed_letter: str) -> str:
    if changed_letter:
        return tr(_CONTEXT, "„{}“ ist heute versandt: das Änderungsprotokoll vermerkt es.").format(
            changed_letter
        )
    if meeting is None:
        return tr(_CONTEXT, NOT_SAVED)
    if meeting.state is MeetingState.INVITED:
        sent = meeting.invitation_sent_on
        return tr(
            _CONTEXT,
            "Die Einladung ist bereits als versandt erfasst{}; ein anderes Versanddatum "
            "erfasst „Versanddatum ändern …“ im Reiter „Sitzung“, eine nicht versandte "
            "Einladung nimmt „Zurücknehmen …“ zurück.",
        ).format(f" (am {sent:%d.%m.%Y})" if sent else "")
    if MeetingState.INVITED in allowed_targets(meeting.state):
        return tr(_CONTEXT, INVITE_TIP)
    return tr(
        _CONTEXT,
        {MeetingState.HELD: HELD_ALREADY, MeetingState.CANCELLED: _CANCELLED}[meeting.state],
    )


def _cancel_refusal(meeting: Meeting | None) -> str:
    if meeting is None:
        return NOT_SAVED
    if MeetingState.CANCELLED in allowed_targets(meeting.state):
        return ""
    return {
        MeetingState.HELD: "Eine durchgeführte Sitzung kann nicht mehr abgesagt werden.",
        MeetingState.CANCELLED: "Die Sitzung ist bereits abgesagt.",
    }[meeting.state]


def _delete_refusal(meeting: Meeting | None) -> str:
    if meeting is None:
        return NOT_SAVED
    if deletable(meeting.state):
        return ""
    return {
        MeetingState.INVITED: (
            "Zu dieser Sitzung ist bereits eingeladen; sie kann nur noch abgesagt werden "
            "(„Absagen …“)."
        ),
        MeetingState.HELD: "Eine durchgeführte Sitzung kann nicht gelöscht werden.",
        MeetingState.CANCELLED: "Eine abgesagte Sitzung bleibt mit ihrem Grund erhalten.",
    }[meeting.state]
