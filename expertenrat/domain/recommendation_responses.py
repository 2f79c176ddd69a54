"""A project's response to a recommendation: comply or explain.

A response that does not (fully) comply needs reasons; an interim "Umsetzung geplant"
with a date is a plan the register waits for (:func:`pending_plan`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from expertenrat.domain.enums import ResponseVerdict
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.field_limits import (
    RECOMMENDATION_RESPONSE,
    cleaned_texts,
    date_problems,
    text_problems,
)

NEEDS_REASONS = frozenset({ResponseVerdict.NOT_COMPLIED, ResponseVerdict.PARTLY_COMPLIED})


@dataclass(frozen=True, slots=True)
class ResponseDraft:
    """A project's response as typed: from which addressed project (``project_id``; or
    ``joint``: a joint answer of all of them, see
    :func:`~expertenrat.domain.recommendation_answers.answering_project`), when it came,
    who answered, what it says."""

    received_on: date
    verdict: ResponseVerdict
    responder: str = ""
    reasons: str = ""
    measures: str = ""
    measures_due_on: date | None = None
    final: bool = False
    project_id: int | None = None
    joint: bool = False


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
    problems += date_problems("received_on", draft.received_on, "Der Eingang der Antwort")
    problems += date_problems("measures_due_on", draft.measures_due_on, "Der Termin der Maßnahmen")
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
