"""Where the demo recommendations stand in the register, through the recommendations service.

Recommendations are adopted in the minutes (``demo_minutes``); here each takes the next
state of a fixed cycle: sent (a reminder recorded once it is overdue), answered with an
interim response "Umsetzung geplant" (the first one's planned date has passed: it is
overdue and due for a reminder; the others' lie ahead), closed as implemented, partly or
not implemented after a final response, withdrawn, or left adopted. One too young for the
answer its state asks for (adopted in the latest meeting, a few weeks ago) stays sent.
Where the cycle asks for a draft, a draft "zwischen den Sitzungen" is created beside the
adopted one.

One recommendation "zwischen den Sitzungen" goes to two projects: one has answered, the
other's answer is overdue and it was reminded, so the register shows "1 von 2 Projekten
hat geantwortet" and only that project is reminded (:func:`add_joint_recommendation`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from expertenrat.domain.enums import RecommendationStatus as S
from expertenrat.domain.enums import ResponseVerdict
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_responses import ResponseDraft
from expertenrat.services.recommendations import RecommendationsService
from expertenrat.store.database import Database

# Recommendation states in the order the demo cycles through them.
_STATUS_CYCLE = (
    S.IMPLEMENTED,
    S.ANSWERED,
    S.PARTLY_IMPLEMENTED,
    S.SENT,
    S.NOT_IMPLEMENTED,
    S.WITHDRAWN,
    S.ADOPTED,
    S.DRAFT,
)
_VERDICTS = {
    S.IMPLEMENTED: ResponseVerdict.COMPLIED,
    S.PARTLY_IMPLEMENTED: ResponseVerdict.PARTLY_COMPLIED,
    S.NOT_IMPLEMENTED: ResponseVerdict.NOT_COMPLIED,
}
_PLAN_REASONS = (
    "Das Projekt teilt die Empfehlung. Die Umsetzung braucht Mittel, die für den nächsten "
    "Ausbauschritt beantragt sind."
)
_MEASURES = "Umsetzung im nächsten Ausbauschritt des Projekts"
_REASONS = {
    S.IMPLEMENTED: "Die Empfehlung ist im Ausbauschritt vollständig umgesetzt worden.",
    S.PARTLY_IMPLEMENTED: (
        "Umgesetzt ist der Teil, den das Projekt selbst verantwortet; für den Rest fehlen "
        "Zuständigkeit und Mittel."
    ),
    S.NOT_IMPLEMENTED: (
        "Die Empfehlung lässt sich mit der eingesetzten Software nicht umsetzen; das Projekt "
        "prüft sie beim nächsten Vergabeverfahren erneut."
    ),
}


def advance_recommendations(
    unit: Database,
    actor: str,
    council_id: int,
    ids: Sequence[int],
    today: date,
    *,
    first_index: int,
) -> int:
    """Move the adopted recommendations ``ids`` on; returns how many recommendations the
    council has now (drafts included)."""
    service = RecommendationsService(unit, actor)
    drafts = 0
    for offset, recommendation_id in enumerate(ids):
        status = _STATUS_CYCLE[(first_index + offset) % len(_STATUS_CYCLE)]
        detail = service.get(recommendation_id, today=today)
        row = detail.row
        if status is S.DRAFT:
            service.create(
                council_id,
                RecommendationContent(
                    row.title, detail.text, row.kind, row.action_field_id,
                    tuple(p.id for p in row.projects),
                ),
                row.adopted_on + timedelta(days=21),
                note="Vorschlag aus einer Arbeitsgruppe", today=today,
            )  # fmt: skip
            drafts += 1
            continue
        if status is S.ADOPTED:
            continue
        sent_on = row.adopted_on + timedelta(days=7)
        row = service.send(row.id, row.version, sent_on, today=today).row
        if status is S.WITHDRAWN:
            service.withdraw(
                row.id, row.version, sent_on + timedelta(days=10), "Überholt", today=today
            )
            continue
        if status in _VERDICTS or status is S.ANSWERED:
            answered_by = row.due_on - timedelta(days=20 if status is S.ANSWERED else 0)
            if answered_by > today:  # too young to be answered or closed
                status = S.SENT
        if status is S.SENT:
            if row.due_on is not None and row.due_on < today:
                for project in row.projects:
                    service.record_reminder(project.id, row.due_on + timedelta(days=7))
            continue
        answered_on = row.due_on - timedelta(days=5)  # the final response, where one comes
        if status is S.ANSWERED:  # the first answered one's planned date has passed
            planned = today + timedelta(days=-12 if first_index + offset == 1 else 75)
        else:
            planned = answered_on
        interim = ResponseDraft(
            row.due_on - timedelta(days=20), ResponseVerdict.PLANNED, "Projektleitung",
            _PLAN_REASONS, measures=_MEASURES, measures_due_on=planned,
        )  # fmt: skip
        row = service.record_response(row.id, row.version, interim, today=today).row
        if status is S.ANSWERED:
            continue
        final = ResponseDraft(
            answered_on, _VERDICTS[status], "Projektleitung", _REASONS[status], final=True
        )  # fmt: skip
        row = service.record_response(row.id, row.version, final, today=today).row
        service.close(row.id, row.version, status, row.due_on, today=today)
    return len(ids) + drafts


def add_joint_recommendation(
    unit: Database,
    actor: str,
    council_id: int,
    title: str,
    text: str,
    projects: tuple[int, int],
    today: date,
) -> None:
    """A recommendation "zwischen den Sitzungen" to two projects, sent four months ago
    (due two months ago, by the council's period of response): the first answered, the
    second one's answer is overdue and it was reminded a week after the due date."""
    service = RecommendationsService(unit, actor)
    content = RecommendationContent(title, text, project_ids=projects)
    adopted_on = today - timedelta(days=130)
    row = service.create(council_id, content, adopted_on, adopted=True, today=today).row
    row = service.send(row.id, row.version, adopted_on + timedelta(days=7), today=today).row
    answer = ResponseDraft(
        row.due_on - timedelta(days=10), ResponseVerdict.COMPLIED, "Projektleitung",
        _REASONS[S.IMPLEMENTED], final=True, project_id=projects[0],
    )  # fmt: skip
    row = service.record_response(row.id, row.version, answer, today=today).row
    service.record_reminder(projects[1], row.due_on + timedelta(days=7))
