"""The rules of the recommendations register: lifecycle and due dates.

Lifecycle: draft → adopted → sent → answered → implemented / partly implemented / not
implemented, or withdrawn from any state before a final one. ``ALLOWED_STEPS`` is the whole
table; every step not in it is refused with a message naming both states. A further
response to an answered recommendation keeps it answered (that is not a step), and one
closed on a wrong answer can be opened again (``Step.REOPEN``, with a reason: back to
what its answers make it, outside the table). ``STEP_FROM`` says from which states each
:class:`Step` of the register (the lifecycle steps, editing the content or the due date,
opening a closed one again, the covering e-mail drafts of one sent) can be taken;
:func:`refuse_unless` is the one check every step makes, with its German refusal, and the
page enables its buttons by :func:`allows`.

The due date of a project's response defaults to the send date plus the council's response
period in months (``relativedelta``: 31.01. + 1 month = 28./29.02.), moved to the next
working day where that is a weekend or public holiday (:mod:`working_days`); it is never
before the send date. The codes are in :mod:`recommendation_codes`, the form's content in
:mod:`recommendation_content`, the projects' responses in :mod:`recommendation_responses`.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

from dateutil.relativedelta import relativedelta

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.errors import ExpertenratError, FieldProblem, InUseError, ValidationError
from expertenrat.domain.field_limits import date_problems
from expertenrat.domain.working_days import next_working_day

S = RecommendationStatus
ALLOWED_STEPS: dict[RecommendationStatus, frozenset[RecommendationStatus]] = {
    S.DRAFT: frozenset({S.ADOPTED, S.WITHDRAWN}),
    S.ADOPTED: frozenset({S.SENT, S.WITHDRAWN}),
    S.SENT: frozenset({S.ANSWERED, S.WITHDRAWN}),
    S.ANSWERED: frozenset({S.IMPLEMENTED, S.PARTLY_IMPLEMENTED, S.NOT_IMPLEMENTED, S.WITHDRAWN}),
    S.IMPLEMENTED: frozenset(),
    S.PARTLY_IMPLEMENTED: frozenset(),
    S.NOT_IMPLEMENTED: frozenset(),
    S.WITHDRAWN: frozenset(),
}
FINAL = frozenset(s for s, steps in ALLOWED_STEPS.items() if not steps)
OPEN = frozenset(RecommendationStatus) - FINAL
AWAITING_RESPONSE = frozenset({S.SENT})  # the due date counts, it can be overdue
AWAITING_OUTCOME = frozenset({S.ANSWERED})  # an interim plan's date counts, it can be overdue
CLOSING = frozenset({S.IMPLEMENTED, S.PARTLY_IMPLEMENTED, S.NOT_IMPLEMENTED})
CONTENT_EDITABLE = frozenset({S.DRAFT, S.ADOPTED})  # title, text, projects may change
RESPONDABLE = frozenset({S.SENT, S.ANSWERED})

BETWEEN_MEETINGS = "zwischen den Sitzungen"


class StepRefused(ValidationError):
    """A lifecycle step the table does not allow."""

    def __init__(self, code: str, current: RecommendationStatus, wanted: RecommendationStatus):
        super().__init__([FieldProblem("status", step_refusal(code, current, wanted))])


def step_refusal(code: str, current: RecommendationStatus, wanted: RecommendationStatus) -> str:
    """The German message for a refused step, naming both states."""
    steps = ALLOWED_STEPS[current]
    possible = ", ".join(f"„{s.label}“" for s in RecommendationStatus if s in steps)
    then = f" Möglich ist von hier: {possible}." if possible else " Sie ist abgeschlossen."
    if current is wanted:  # taken meanwhile, e.g. on another PC
        return f"Die Empfehlung {code} ist bereits „{current.label}“.{then}"
    return (
        f"Die Empfehlung {code} ist „{current.label}“ und kann nicht auf „{wanted.label}“ "
        f"gesetzt werden.{then}"
    )


def is_open(status: RecommendationStatus) -> bool:
    return status in OPEN


class Step(Enum):
    """What can be done to a recommendation."""

    EDIT = "edit"  # title, text, kind, action field, projects
    ADOPT = "adopt"
    SEND = "send"
    RESPOND = "respond"  # also a further response to an answered one
    CLOSE = "close"  # as implemented, partly or not implemented
    WITHDRAW = "withdraw"
    DUE_DATE = "due_date"  # a new due date for the response
    REMOVE_RESPONSE = "remove_response"  # a response recorded by mistake
    REOPEN = "reopen"  # a closed one back to what its answers make it (closed on a wrong one)
    TRANSMITTAL_DRAFT = "transmittal_draft"  # the covering e-mails of one sent, written again


def _reaching(target: RecommendationStatus) -> frozenset[RecommendationStatus]:
    return frozenset(s for s, steps in ALLOWED_STEPS.items() if target in steps)


STEP_TARGET = {
    Step.ADOPT: S.ADOPTED,
    Step.SEND: S.SENT,
    Step.RESPOND: S.ANSWERED,
    Step.WITHDRAW: S.WITHDRAWN,
}
STEP_FROM: dict[Step, frozenset[RecommendationStatus]] = {
    **{step: _reaching(target) for step, target in STEP_TARGET.items()},
    Step.EDIT: CONTENT_EDITABLE,
    Step.RESPOND: RESPONDABLE,
    Step.CLOSE: frozenset().union(*map(_reaching, CLOSING)),
    Step.DUE_DATE: AWAITING_RESPONSE,
    Step.REMOVE_RESPONSE: RESPONDABLE,
    Step.REOPEN: CLOSING,  # not withdrawn: that ended it, answered or not
    Step.TRANSMITTAL_DRAFT: RESPONDABLE,  # sent, and a statement still asked for
}


def allows(status: RecommendationStatus, step: Step) -> bool:
    return status in STEP_FROM[step]


def refuse_unless(
    code: str,
    status: RecommendationStatus,
    step: Step,
    outcome: RecommendationStatus | None = None,
) -> None:
    """Raise the German refusal unless ``step`` can be taken from ``status``
    (:func:`refusal`)."""
    refused = refusal(code, status, step, outcome)
    if refused is not None:
        raise refused


def refusal(
    code: str,
    status: RecommendationStatus,
    step: Step,
    outcome: RecommendationStatus | None = None,
) -> ExpertenratError | None:
    """Why ``step`` cannot be taken from ``status`` (None where it can): a lifecycle step
    names both states (``StepRefused``; ``outcome``: the closing state wanted), an edit of
    the content, of the due date or of the responses says why not (``InUseError``). The
    register's buttons say it in their tooltips while they are off."""
    if allows(status, step):
        return None
    if step is Step.EDIT:
        return InUseError(
            f"Die Empfehlung {code} ist bereits „{status.label}“; Titel, Text und "
            "Projekte lassen sich nicht mehr ändern."
        )
    if step is Step.DUE_DATE:
        return InUseError(
            f"Die Empfehlung {code} ist „{status.label}“; eine Frist gibt es nur, "
            "solange die Antwort des Projekts aussteht."
        )
    if step is Step.REMOVE_RESPONSE:
        return InUseError(
            f"Die Empfehlung {code} ist „{status.label}“; eine Antwort lässt sich nur "
            "entfernen, solange die Empfehlung übermittelt oder beantwortet ist."
        )
    if step is Step.REOPEN:
        return InUseError(_reopen_refusal(code, status))
    if step is Step.TRANSMITTAL_DRAFT:
        return InUseError(_draft_refusal(code, status))
    return StepRefused(code, status, outcome or STEP_TARGET.get(step, S.IMPLEMENTED))


def _draft_refusal(code: str, status: RecommendationStatus) -> str:
    if status is S.WITHDRAWN:
        return f"Die Empfehlung {code} ist „{status.label}“: Sie wird nicht mehr übermittelt."
    if status in CLOSING:  # the draft asks for a statement by a deadline long past
        return (
            f"Die Empfehlung {code} ist „{status.label}“: Die Stellungnahmen liegen vor; "
            "ein Anschreiben, das um sie bittet, gibt es nicht mehr."
        )
    return (
        f"Die Empfehlung {code} ist „{status.label}“: Den E-Mail-Entwurf gibt es, sobald "
        "sie übermittelt ist („Versenden …“)."
    )


def _reopen_refusal(code: str, status: RecommendationStatus) -> str:
    closing = ", ".join(f"„{s.label}“" for s in RecommendationStatus if s in CLOSING)
    why = "" if status is S.WITHDRAWN else " und nicht abgeschlossen"
    return (
        f"Die Empfehlung {code} ist „{status.label}“{why}; wieder öffnen lässt sich nur "
        f"eine abgeschlossene ({closing})."
    )


# --- due dates ---------------------------------------------------------------------------


def period_end(sent_on: date, period_months: int) -> date:
    """The send date plus the council's response period (31.01. + 1 month = 28./29.02.)."""
    return sent_on + relativedelta(months=period_months)


def default_due_date(sent_on: date, period_months: int, bundesland: str) -> date:
    """The due date proposed for a response: :func:`period_end`, or where that is a
    Saturday, Sunday or public holiday in the council's Bundesland the next working day
    (§ 193 BGB)."""
    return next_working_day(period_end(sent_on, period_months), bundesland)


def sent_on_problems(
    sent_on: date, adopted_on: date | None, reminded_on: date | None = None
) -> list[FieldProblem]:
    """The day of the sending, not before the adoption nor after the first reminder
    (``reminded_on``: when a recorded sending is corrected)."""
    return [
        FieldProblem(
            "sent_on",
            f"Die Übermittlung ({sent_on:%d.%m.%Y}) kann nicht {what} ({day:%d.%m.%Y}) liegen.",
        )
        for day, what, wrong in (
            (adopted_on, "vor dem Beschluss", adopted_on is not None and sent_on < adopted_on),
            (
                reminded_on,
                "nach der ersten Erinnerung",
                reminded_on is not None and sent_on > reminded_on,
            ),
        )
        if wrong
    ]


def due_date_problems(sent_on: date | None, due_on: date | None) -> list[FieldProblem]:
    problems = date_problems("due_on", due_on, "Die Frist")
    if not problems and sent_on is not None and due_on is not None and due_on < sent_on:
        problems.append(
            FieldProblem(
                "due_on",
                f"Die Frist ({due_on:%d.%m.%Y}) kann nicht vor der Übermittlung "
                f"({sent_on:%d.%m.%Y}) liegen.",
            )
        )
    return problems


def days_overdue(
    status: RecommendationStatus,
    due_on: date | None,
    today: date,
    planned_by: date | None = None,
) -> int:
    """Days past the date the project owes the council something, else 0: the due date
    while its response is awaited, or the date an interim response planned the
    implementation by (``planned_by``, see
    :func:`~expertenrat.domain.recommendation_responses.pending_plan`) while the recommendation
    is answered and not closed. The one rule of "überfällig": the register, the Übersicht,
    the report and the reminders all count by it."""
    if status in AWAITING_RESPONSE:
        awaited = due_on
    elif status in AWAITING_OUTCOME:
        awaited = planned_by
    else:
        return 0
    if awaited is None or today <= awaited:
        return 0
    return (today - awaited).days
