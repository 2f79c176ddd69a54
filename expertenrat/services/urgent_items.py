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

from typing import Literal

from sqlalchemy.orm import Session

from expertenrat.domain.enums import MeetingState, MinutesState
from expertenrat.services.agenda_rows import meeting_name
from expertenrat.services.minutes_freeze import MinutesFrozenError, is_frozen
from expertenrat.services.minutes_rows import latest_state
from expertenrat.store import models

# What the refusals say after the reason (``circulated``, ``finished``: what it rules out).
_URGENT_WORDS = (
    "die Tagesordnung lässt sich nicht mehr um einen Dringlichkeitsantrag erweitern.",
    "ein Dringlichkeitsantrag lässt sich nur in einen offenen Entwurf aufnehmen. Heben Sie "
    "den Abschluss zuerst auf (Protokoll: „Abschluss aufheben“).",
)
_ORDER_WORDS = (
    "die Reihenfolge der Tagesordnung steht fest.",
    "die Reihenfolge der Tagesordnung steht fest. Um Punkte zu verschieben, heben Sie den "
    "Abschluss zuerst auf (Protokoll: „Abschluss aufheben“).",
)

Closure = Literal["approved", "circulated", "finished"]


def urgent_refusal(session: Session, meeting: models.Meeting) -> str | None:
    """Why no urgent item may be added to the agenda of ``meeting`` now (German), or
    ``None``."""
    if meeting.state != MeetingState.HELD.value:
        return _not_held(meeting)
    return _refusal(meeting, _closure(session, meeting), *_URGENT_WORDS)


def order_refusal(session: Session, meeting: models.Meeting) -> str | None:
    """Why the items of the held ``meeting`` may no longer be moved (German), or ``None``
    (its minutes are an open draft: the order follows the one in which they were taken up,
    and the quorum per item with it). ``None`` for a meeting not held: its state decides
    (:func:`~expertenrat.domain.agenda.change_refusal`)."""
    if meeting.state != MeetingState.HELD.value:
        return None
    return _refusal(meeting, _closure(session, meeting), *_ORDER_WORDS)


def agenda_refusals(
    session: Session, meeting: models.Meeting
) -> tuple[bool, str | None, str | None]:
    """Whether the minutes of ``meeting`` are approved, its :func:`urgent_refusal` and its
    :func:`order_refusal`, for the agenda as the service hands it back: the approval and
    the latest minutes version read once each (each refusal read both again)."""
    frozen = is_frozen(session, meeting.id)
    if meeting.state != MeetingState.HELD.value:
        return frozen, _not_held(meeting), None
    closure = _closure(session, meeting, frozen)
    return (
        frozen,
        _refusal(meeting, closure, *_URGENT_WORDS),
        _refusal(meeting, closure, *_ORDER_WORDS),
    )


def _not_held(meeting: models.Meeting) -> str:
    return (
        "Ein Dringlichkeitsantrag wird in der Sitzung selbst aufgenommen, wenn sie als "
        "durchgeführt erfasst ist. Vorher nehmen Sie den Punkt mit „Neuer Punkt“ in die "
        f"Tagesordnung {meeting_name(meeting)} auf."
    )


def _closure(
    session: Session, meeting: models.Meeting, frozen: bool | None = None
) -> Closure | None:
    """What makes the minutes of the held ``meeting`` no open draft, or ``None``
    (``frozen``: whether they are approved, when that was read already)."""
    if is_frozen(session, meeting.id) if frozen is None else frozen:
        return "approved"
    if latest_state(session, meeting.id) is not MinutesState.DRAFT:
        return "circulated"
    if meeting.minutes_finished_on is not None:
        return "finished"
    return None


def _refusal(
    meeting: models.Meeting, closure: Closure | None, circulated: str, finished: str
) -> str | None:
    """Why the minutes of the held ``meeting`` are no open draft (``closure``), ending with
    the words ``circulated`` or ``finished`` (what that rules out), or ``None``."""
    name = meeting_name(meeting)  # "der 5. Sitzung"
    if closure == "approved":
        return MinutesFrozenError(name).message
    if closure == "circulated":
        return f"Das Protokoll {name} ist bereits versandt; {circulated}"
    if closure == "finished":
        return f"Der Protokollentwurf {name} ist abgeschlossen; {finished}"
    return None
