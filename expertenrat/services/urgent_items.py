"""When the agenda of a held meeting may still change: an urgent item (Dringlichkeitsantrag)
taken up into it, and its items moved into the order in which they were taken up.

A council extends its agenda at the meeting itself: the meeting is held, and the minutes
that record the extension are still being written. So an urgent item is added, changed
or removed only while the held meeting's minutes are an open draft: not once the draft is
finished ("Entwurf abschließen"; "Abschluss aufheben" opens it again), circulated or
approved (approved minutes refuse every change, :mod:`services.minutes_freeze`). The
same holds for moving its items (:func:`order_refusal`): a council that took TOP 7 before
TOP 6 puts them so while the minutes are written, and presence and quorum per item follow.
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
    if meeting.state != MeetingState.HELD.value:
        return (
            "Ein Dringlichkeitsantrag wird in der Sitzung selbst aufgenommen, wenn sie als "
            "durchgeführt erfasst ist. Vorher nehmen Sie den Punkt mit „Neuer Punkt“ in die "
            f"Tagesordnung {meeting_name(meeting)} auf."
        )
    return _closed_draft(
        session,
        meeting,
        circulated="die Tagesordnung lässt sich nicht mehr um einen Dringlichkeitsantrag "
        "erweitern.",
        finished="ein Dringlichkeitsantrag lässt sich nur in einen offenen Entwurf "
        "aufnehmen. Heben Sie den Abschluss zuerst auf (Protokoll: „Abschluss aufheben“).",
    )


def order_refusal(session: Session, meeting: models.Meeting) -> str | None:
    """Why the items of the held ``meeting`` may no longer be moved (German), or ``None``
    (its minutes are an open draft: the order follows the one in which they were taken up,
    and the quorum per item with it). ``None`` for a meeting not held: its state decides
    (:func:`~expertenrat.domain.agenda.change_refusal`)."""
    if meeting.state != MeetingState.HELD.value:
        return None
    return _closed_draft(
        session,
        meeting,
        circulated="die Reihenfolge der Tagesordnung steht fest.",
        finished="die Reihenfolge der Tagesordnung steht fest. Um Punkte zu verschieben, "
        "heben Sie den Abschluss zuerst auf (Protokoll: „Abschluss aufheben“).",
    )


def _closed_draft(
    session: Session, meeting: models.Meeting, *, circulated: str, finished: str
) -> str | None:
    """Why the minutes of the held ``meeting`` are no open draft, ending with the words
    ``circulated`` or ``finished`` (what that rules out), or ``None``."""
    name = meeting_name(meeting)  # "der 5. Sitzung"
    if is_frozen(session, meeting.id):
        return MinutesFrozenError(name).message
    if latest_state(session, meeting.id) is not MinutesState.DRAFT:
        return f"Das Protokoll {name} ist bereits versandt; {circulated}"
    if meeting.minutes_finished_on is not None:
        return f"Der Protokollentwurf {name} ist abgeschlossen; {finished}"
    return None
