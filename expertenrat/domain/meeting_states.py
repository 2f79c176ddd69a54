"""The life of a meeting: planned → invited → held, or cancelled with a reason.

Held and cancelled meetings are final, but for a correction of a step recorded by
mistake (:func:`taken_back_state`). A meeting cancelled while still planned gives up
its running number (it was never announced); one cancelled after the invitation keeps it,
because the invitation went out under that number (see :func:`keeps_number_when_cancelled`).
"""

from __future__ import annotations

from datetime import date, datetime

from expertenrat.domain.enums import MeetingState
from expertenrat.domain.errors import FieldProblem, ValidationError

MAX_REASON_LENGTH = 500
NOT_YET_HELD = frozenset({MeetingState.PLANNED.value, MeetingState.INVITED.value})
"""The stored states of a meeting still to be held (planned or invited)."""

_ALLOWED: dict[MeetingState, tuple[MeetingState, ...]] = {
    MeetingState.PLANNED: (MeetingState.INVITED, MeetingState.CANCELLED),
    MeetingState.INVITED: (MeetingState.HELD, MeetingState.CANCELLED),
    MeetingState.HELD: (),
    MeetingState.CANCELLED: (),
}

# Corrections of a step recorded by mistake (see :func:`taken_back_state`).
_TAKEN_BACK: dict[MeetingState, MeetingState] = {
    MeetingState.INVITED: MeetingState.PLANNED,
    MeetingState.HELD: MeetingState.INVITED,
}

_REFUSALS: dict[tuple[MeetingState, MeetingState], str] = {
    (MeetingState.PLANNED, MeetingState.HELD): (
        "Eine Sitzung kann erst als durchgeführt gelten, wenn die Einladung versandt wurde. "
        "Bitte erfassen Sie zuerst den Versand der Einladung."
    ),
    (MeetingState.INVITED, MeetingState.PLANNED): (
        "Die Einladung ist bereits versandt; die Sitzung kann nicht wieder auf „geplant“ "
        "gesetzt werden. Ändern Sie die Sitzung und versenden Sie eine neue Einladung."
    ),
}


def allowed_targets(current: MeetingState) -> tuple[MeetingState, ...]:
    """The states a meeting in ``current`` may move to."""
    return _ALLOWED[current]


def deletable(state: MeetingState) -> bool:
    """Whether a meeting in ``state`` may be deleted: only a planned one (no invitation
    went out under its number); an invited one can only be cancelled."""
    return state is MeetingState.PLANNED


def check_transition(
    current: MeetingState,
    target: MeetingState,
    *,
    reason: str = "",
    start: datetime | None = None,
    now: datetime | None = None,
    sent_on: date | None = None,
    today: date | None = None,
) -> None:
    """Raise :class:`ValidationError` (German) unless ``current`` may become ``target``.

    Cancelling needs a ``reason``; a meeting can only be held once its ``start`` has come
    (checked when both ``start`` and ``now`` are given, compared as given); an invitation
    ``sent_on`` a given day cannot have gone out after the meeting's day, nor after
    ``today`` where given (:func:`sent_on_problem`).
    """
    if target not in _ALLOWED[current]:
        message = _REFUSALS.get((current, target))
        if message is None:
            if current in (MeetingState.HELD, MeetingState.CANCELLED):
                message = (
                    f"Die Sitzung ist bereits {current.label}; "
                    "ihr Status kann nicht mehr geändert werden."
                )
            else:
                message = (
                    f"Eine {current.label}e Sitzung kann nicht auf „{target.label}“ gesetzt werden."
                )
        raise ValidationError([FieldProblem("state", message)])
    if target is MeetingState.CANCELLED:
        cleaned = reason.strip()
        if not cleaned:
            raise ValidationError(
                [
                    FieldProblem(
                        "cancellation_reason", "Bitte geben Sie einen Grund für die Absage an."
                    )
                ]
            )
        if len(cleaned) > MAX_REASON_LENGTH:
            raise ValidationError(
                [
                    FieldProblem(
                        "cancellation_reason",
                        f"Der Grund darf höchstens {MAX_REASON_LENGTH} Zeichen lang sein.",
                    )
                ]
            )
    sent_problem = (
        sent_on_problem(sent_on, start, today)
        if target is MeetingState.INVITED and sent_on is not None and start is not None
        else ""
    )
    if sent_problem:
        raise ValidationError([FieldProblem("invitation_sent_on", sent_problem)])
    if target is MeetingState.HELD and start is not None and now is not None and start > now:
        raise ValidationError(
            [
                FieldProblem(
                    "state",
                    f"Die Sitzung beginnt erst am {start:%d.%m.%Y um %H:%M} Uhr und kann "
                    "noch nicht als durchgeführt erfasst werden.",
                )
            ]
        )


def taken_back_state(current: MeetingState, *, start: datetime, now: datetime) -> MeetingState:
    """The state a step recorded by mistake returns to, a correction: "eingeladen" back to
    "geplant" while the meeting (``start``) is still ahead of ``now`` (an invitation that
    did not go out), "durchgeführt" back to "eingeladen". Raise :class:`ValidationError`
    (German) where there is none; what else must hold (the minutes untouched) is the
    service's to check."""
    if current is MeetingState.INVITED and start <= now:
        message = (
            f"Die Sitzung hat am {start:%d.%m.%Y um %H:%M} Uhr begonnen; dass die Einladung "
            "versandt wurde, lässt sich nicht mehr zurücknehmen. Ist der Tag des Versands "
            "falsch, ändern Sie ihn („Versanddatum ändern …“)."
        )
    elif current in _TAKEN_BACK:
        return _TAKEN_BACK[current]
    elif current is MeetingState.PLANNED:
        message = "Für eine geplante Sitzung ist kein Schritt erfasst, der sich zurücknehmen ließe."
    else:
        message = (
            "Eine Absage lässt sich nicht zurücknehmen; die Mitglieder haben sie womöglich "
            "schon erhalten. Planen Sie die Sitzung bitte neu."
        )
    raise ValidationError([FieldProblem("state", message)])


def keeps_number_when_cancelled(previous: MeetingState) -> bool:
    """Whether a meeting cancelled from ``previous`` keeps its running number."""
    return previous is not MeetingState.PLANNED


def sent_on_problem(sent_on: date, start: datetime, today: date | None) -> str:
    """Why ``sent_on`` cannot be the day the invitation to the meeting at ``start`` went
    out ("" where it can): not after ``today`` (where given), not after the meeting's day."""
    if today is not None and sent_on > today:
        return (
            f"Der {sent_on:%d.%m.%Y} liegt in der Zukunft: Die Einladung kann nicht später "
            f"als heute ({today:%d.%m.%Y}) versandt worden sein. Bitte geben Sie den Tag an, "
            "an dem sie versandt wurde."
        )
    if sent_on > start.date():
        return _after_meeting(sent_on, start)
    return ""


def _after_meeting(sent_on: date, start: datetime) -> str:
    return (
        f"Die Einladung zur Sitzung am {start:%d.%m.%Y} kann nicht am {sent_on:%d.%m.%Y}, "
        "nach der Sitzung, versandt worden sein. Bitte geben Sie den Tag an, an dem sie "
        "versandt wurde."
    )
