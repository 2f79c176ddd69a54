"""When an urgent item (Dringlichkeitsantrag) may be taken up into a meeting's agenda.

A council extends its agenda at the meeting itself: the meeting is held, and the minutes
that record the extension are still being written. So an urgent item is added, changed
or removed only while the held meeting's minutes are an open draft: not once the draft is
finished ("Entwurf abschließen"; "Abschluss aufheben" opens it again), circulated or
approved (approved minutes refuse every change, :mod:`services.minutes_freeze`).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from expertenrat.domain.enums import MeetingState, MinutesState
from expertenrat.services.agenda_rows import meeting_name
from expertenrat.services.minutes_freeze import MinutesFrozenError, is_frozen
from expertenrat.services.minutes_rows import latest_state
from expertenrat.store import models


def urgent_refusal(session: Session, meeting: models.Meeting) -> str | None:
    """Why no urgent item may be added to the agenda of ``meeting`` now (German), or
    ``None``."""
    name = meeting_name(meeting)  # "der 5. Sitzung"
    if meeting.state != MeetingState.HELD.value:
        return (
            "Ein Dringlichkeitsantrag wird in der Sitzung selbst aufgenommen, wenn sie als "
            "durchgeführt erfasst ist. Vorher nehmen Sie den Punkt mit „Neuer Punkt“ in die "
            f"Tagesordnung {name} auf."
        )
    if is_frozen(session, meeting.id):
        return MinutesFrozenError(name).message
    if latest_state(session, meeting.id) is not MinutesState.DRAFT:
        return (
            f"Das Protokoll {name} ist bereits versandt; die Tagesordnung lässt sich "
            "nicht mehr um einen Dringlichkeitsantrag erweitern."
        )
    if meeting.minutes_finished_on is not None:
        return (
            f"Der Protokollentwurf {name} ist abgeschlossen; ein Dringlichkeitsantrag "
            "lässt sich nur in einen offenen Entwurf aufnehmen. Heben Sie den Abschluss "
            "zuerst auf (Protokoll: „Abschluss aufheben“)."
        )
    return None
