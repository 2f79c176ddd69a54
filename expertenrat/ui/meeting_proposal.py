"""What a new meeting, or the first of a new series, is proposed with: the place, room,
link and times of the council's latest meeting (``MeetingsService.proposal``), and the
hint that names that meeting. Used by the meeting form and the "Sitzungsreihe …" dialog."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.meeting_draft import MeetingDraft, proposed_draft
from expertenrat.domain.meetings import Meeting, dated_meeting_label
from expertenrat.services.meetings import MeetingsService
from expertenrat.ui.i18n import tr

_CONTEXT = "MeetingForm"


def proposed_meeting(
    meetings: MeetingsService, council_id: int | None, today: date
) -> tuple[MeetingDraft, Meeting | None]:
    """The proposed meeting and the meeting it takes place and times from (none: the
    defaults, also when the proposal cannot be read)."""
    if council_id is not None:
        try:
            return meetings.proposal(council_id, today)
        except ExpertenratError:
            pass
    return proposed_draft(None, today), None


def proposal_hint(pattern: Meeting) -> str:
    """ "Vorgeschlagen: Ort, Raum, Link und Uhrzeit wie bei der 7. Sitzung am 12.03.2026." """
    return tr(_CONTEXT, "Vorgeschlagen: Ort, Raum, Link und Uhrzeit wie bei der {}.").format(
        dated_meeting_label(pattern.number, pattern.kind, pattern.starts_at.date(), pattern.title)
    )
