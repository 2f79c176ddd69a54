"""The rules of the recommendations register: lifecycle, due dates, codes, responses.

Lifecycle: draft → adopted → sent → answered → implemented / partly implemented / not
implemented, or withdrawn from any state before a final one. ``ALLOWED_STEPS`` is the whole
table; every step not in it is refused with a message naming both states. A further
response to an answered recommendation keeps it answered (that is not a step).
``STEP_FROM`` says from which states each :class:`Step` of the register (the lifecycle
steps, and editing the content or the due date) can be taken; :func:`refuse_unless` is the
one check every step makes, with its German refusal, and the page enables its buttons by
:func:`allows`.

The due date of a project's response defaults to the send date plus the council's response
period in months (``relativedelta``: 31.01. + 1 month = 28./29.02.); it is never before the
send date. Comply or explain: a response that does not (fully) comply needs reasons.

Codes ("E-2026-07") are generated only, running per council and year; a code typed by hand
is never taken. The code is the council's reference number of an adopted recommendation, so
its year is the year of adoption: a draft keeps the code of the year it was drafted in until
it is adopted, and adopted in another year it gets the next code of that year
(:func:`renumbered_on_adoption`). A code printed in approved minutes or sent to a project is
never changed. A recommendation belongs to the year it was adopted in, a draft to its code's
(:func:`register_year`): the register's year, the reports and the Übersicht count alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum

from dateutil.relativedelta import relativedelta

from expertenrat.domain.enums import RecommendationKind, RecommendationStatus, ResponseVerdict
from expertenrat.domain.errors import FieldProblem, InUseError, ValidationError
from expertenrat.domain.field_limits import (
    EARLIEST_DATE,
    HISTORY_NOTE,
    LATEST_DATE,
    RECOMMENDATION,
    RECOMMENDATION_RESPONSE,
    clean_text,
    cleaned_texts,
    text_problems,
)

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
DEFAULT_CODE_PREFIX = "E"  # "E-2026-07": Empfehlung; a council setting
# The prefix: a capital letter, then up to five capitals or digits ("E", "DB", "EB2").
_PREFIX = r"[A-Z][A-Z0-9]{0,5}"
CODE_PREFIX = re.compile(rf"^{_PREFIX}$")
_CODE = re.compile(rf"^({_PREFIX})-(\d{{4}})-(\d+)$")


class StepRefused(ValidationError):
    """A lifecycle step the table does not allow."""

    def __init__(self, code: str, current: RecommendationStatus, wanted: RecommendationStatus):
        super().__init__([FieldProblem("status", step_refusal(code, current, wanted))])


def step_refusal(code: str, current: RecommendationStatus, wanted: RecommendationStatus) -> str:
    """The German message for a refused step, naming both states."""
    steps = ALLOWED_STEPS[current]
    possible = ", ".join(f"„{s.label}“" for s in RecommendationStatus if s in steps)
    then = f" Möglich ist von hier: {possible}." if possible else " Sie ist abgeschlossen."
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
}


def allows(status: RecommendationStatus, step: Step) -> bool:
    return status in STEP_FROM[step]


def refuse_unless(
    code: str,
    status: RecommendationStatus,
    step: Step,
    outcome: RecommendationStatus | None = None,
) -> None:
    """Raise the German refusal unless ``step`` can be taken from ``status``: a lifecycle
    step names both states (``StepRefused``; ``outcome``: the closing state wanted), an
    edit of the content or of the due date says why not (``InUseError``)."""
    if allows(status, step):
        return
    if step is Step.EDIT:
        raise InUseError(
            f"Die Empfehlung {code} ist bereits „{status.label}“; Titel, Text und "
            "Projekte lassen sich nicht mehr ändern."
        )
    if step is Step.DUE_DATE:
        raise InUseError(
            f"Die Empfehlung {code} ist „{status.label}“; eine Frist gibt es nur, "
            "solange die Antwort des Projekts aussteht."
        )
    raise StepRefused(code, status, outcome or STEP_TARGET.get(step, S.IMPLEMENTED))


# --- due dates ---------------------------------------------------------------------------


def default_due_date(sent_on: date, period_months: int) -> date:
    """The send date plus the council's response period (31.01. + 1 month = 28./29.02.)."""
    return sent_on + relativedelta(months=period_months)


def due_date_problems(sent_on: date | None, due_on: date | None) -> list[FieldProblem]:
    problems = date_problems("due_on", "Die Frist", due_on)
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
    implementation by (``planned_by``, see :func:`pending_plan`) while the recommendation
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


def date_problems(field: str, subject: str, value: date | None) -> list[FieldProblem]:
    if value is not None and not EARLIEST_DATE <= value <= LATEST_DATE:
        return [FieldProblem(field, f"{subject} muss zwischen 1900 und 2100 liegen.")]
    return []


# --- codes -------------------------------------------------------------------------------


def recommendation_code(year: int, number: int, prefix: str = DEFAULT_CODE_PREFIX) -> str:
    """The register code: "E-2026-07" (two digits at least), with the council's prefix
    ("DB-2026-07")."""
    return f"{prefix}-{year}-{number:02d}"


def parse_code(code: str) -> tuple[int, int] | None:
    """(year, number) of a well-formed code (of any prefix), else None."""
    found = _CODE.match(code)
    return (int(found[2]), int(found[3])) if found else None


def code_prefix(code: str) -> str:
    """The prefix of a well-formed code ("E" of "E-2026-07"), else ""."""
    found = _CODE.match(code)
    return found[1] if found else ""


def renumbered_on_adoption(code: str, adopted_on: date) -> bool:
    """Whether a draft with ``code`` adopted ``adopted_on`` gets a new code: its code is of
    another year (the caller makes sure it was never printed or sent)."""
    parsed = parse_code(code)
    return parsed is not None and parsed[0] != adopted_on.year


def register_year(code: str, adopted_on: date | None) -> int | None:
    """The year a recommendation counts in: the year of its adoption; a draft's (not yet
    adopted), the year of its code."""
    if adopted_on is not None:
        return adopted_on.year
    parsed = parse_code(code)
    return parsed[0] if parsed is not None else None


def next_recommendation_number(year: int, codes: list[str]) -> int:
    """The next free running number of ``year`` after every code given (codes of other
    years or not well-formed do not count)."""
    numbers = [parsed[1] for parsed in map(parse_code, codes) if parsed and parsed[0] == year]
    return max(numbers, default=0) + 1


# --- content -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecommendationContent:
    """What the register's form edits: the texts, the kind, the field and the projects."""

    title: str
    text: str = ""
    kind: RecommendationKind = RecommendationKind.RECOMMENDATION
    action_field_id: int | None = None
    project_ids: tuple[int, ...] = ()


def clean_content(content: RecommendationContent) -> RecommendationContent:
    projects = tuple(dict.fromkeys(content.project_ids))  # once each, in the order given
    return replace(content, project_ids=projects, **cleaned_texts(content, RECOMMENDATION))


def content_problems(content: RecommendationContent) -> list[FieldProblem]:
    problems = [
        p
        for name, spec in RECOMMENDATION.items()
        for p in text_problems(name, getattr(content, name), spec)
    ]
    if not content.title.strip():
        problems.insert(0, FieldProblem("title", "Bitte geben Sie der Empfehlung einen Titel."))
    return problems


def clean_note(note: str) -> str:
    return clean_text(note, HISTORY_NOTE)


def note_problems(note: str) -> list[FieldProblem]:
    return text_problems("note", note, HISTORY_NOTE)


# --- responses ---------------------------------------------------------------------------

NEEDS_REASONS = frozenset({ResponseVerdict.NOT_COMPLIED, ResponseVerdict.PARTLY_COMPLIED})


@dataclass(frozen=True, slots=True)
class ResponseDraft:
    """A project's response as typed: when it came, who answered, what it says."""

    received_on: date
    verdict: ResponseVerdict
    responder: str = ""
    reasons: str = ""
    measures: str = ""
    measures_due_on: date | None = None
    final: bool = False


def pending_plan(
    verdict: ResponseVerdict, final: bool, measures_due_on: date | None
) -> date | None:
    """The date the project planned the implementation by, when its latest response is an
    interim "Umsetzung geplant" with a date (no later response came); else None. A final
    response, or a later one of another verdict, ends the wait for the plan."""
    if verdict is ResponseVerdict.PLANNED and not final:
        return measures_due_on
    return None


def clean_response(draft: ResponseDraft) -> ResponseDraft:
    return replace(draft, **cleaned_texts(draft, RECOMMENDATION_RESPONSE))


def response_problems(draft: ResponseDraft, sent_on: date | None) -> list[FieldProblem]:
    """Comply or explain: a response that does not (fully) comply needs its reasons."""
    problems = [
        p
        for name, spec in RECOMMENDATION_RESPONSE.items()
        for p in text_problems(name, getattr(draft, name), spec)
    ]
    problems += date_problems("received_on", "Der Eingang der Antwort", draft.received_on)
    problems += date_problems("measures_due_on", "Der Termin der Maßnahmen", draft.measures_due_on)
    if draft.verdict in NEEDS_REASONS and not draft.reasons.strip():
        problems.append(
            FieldProblem(
                "reasons",
                f"Eine Antwort „{draft.verdict.label}“ braucht eine Begründung: Wer einer "
                "Empfehlung nicht oder nur teilweise entspricht, muss erklären, warum.",
            )
        )
    if draft.measures_due_on is not None and draft.measures_due_on < draft.received_on:
        problems.append(
            FieldProblem(
                "measures_due_on",
                f"Der Termin der geplanten Maßnahmen ({draft.measures_due_on:%d.%m.%Y}) kann "
                f"nicht vor dem Eingang der Antwort ({draft.received_on:%d.%m.%Y}) liegen.",
            )
        )
    if sent_on is not None and draft.received_on < sent_on:
        problems.append(
            FieldProblem(
                "received_on",
                f"Die Antwort ({draft.received_on:%d.%m.%Y}) kann nicht vor der Übermittlung "
                f"({sent_on:%d.%m.%Y}) eingegangen sein.",
            )
        )
    return problems
