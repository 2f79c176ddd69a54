"""Recommendations adopted in an agenda item: rows of the recommendations register.

A recommendation gets its code when it is adopted: "E-<year>-<nn>", running per council
and year of the meeting, never reused while a row holds it (deleted ones included). The
register (status, responses, due dates) is the recommendations area's business; here they
are created, corrected and removed while the minutes are written. Without a project or
action field given, the item's linked project and that project's action field are taken.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.errors import FieldProblem, InUseError, ValidationError
from expertenrat.domain.minutes import (
    RecommendationDraft,
    clean_recommendation,
    next_recommendation_number,
    recommendation_code,
    recommendation_problems,
)
from expertenrat.services.unit_of_work import raise_if_invalid
from expertenrat.store import models

WHAT = "Die Empfehlung"


def checked_draft(
    session: Session, council_id: int, item: models.AgendaItem, draft: RecommendationDraft
) -> RecommendationDraft:
    """``draft`` cleaned, with the item's project and field filled in, or a German refusal."""
    draft = clean_recommendation(draft)
    raise_if_invalid(recommendation_problems(draft))
    project_id = draft.project_id if draft.project_id is not None else item.project_id
    project = session.get(models.Project, project_id) if project_id is not None else None
    if project_id is not None and (
        project is None or project.council_id != council_id or project.deleted_at is not None
    ):
        raise ValidationError([FieldProblem("project_id", "Das Projekt gibt es nicht mehr.")])
    field_id = draft.action_field_id
    if field_id is None and project is not None:
        field_id = project.action_field_id
    if field_id is not None:
        field = session.get(models.ActionField, field_id)
        if field is None or field.council_id != council_id:
            raise ValidationError(
                [FieldProblem("action_field_id", "Das Handlungsfeld gibt es nicht mehr.")]
            )
    return RecommendationDraft(draft.title, draft.text, draft.kind, field_id, project_id)


def new_code(session: Session, council_id: int, year: int) -> str:
    """The next code of ``year``; on PostgreSQL the council row is locked until commit, so
    two PCs never hand out the same code (SQLite writes one transaction at a time)."""
    session.get(models.Council, council_id, with_for_update=True)
    codes = session.scalars(
        select(models.Recommendation.code).where(
            models.Recommendation.council_id == council_id,
            models.Recommendation.code.like(f"E-{year}-%"),
        )
    ).all()
    return recommendation_code(year, next_recommendation_number(year, list(codes)))


def apply(row: models.Recommendation, draft: RecommendationDraft) -> None:
    row.title, row.text, row.kind = draft.title, draft.text, draft.kind.value
    row.action_field_id, row.project_id = draft.action_field_id, draft.project_id


def refuse_unless_only_adopted(row: models.Recommendation) -> None:
    """Once sent to the project, a recommendation belongs to the register, not the draft."""
    if row.status != RecommendationStatus.ADOPTED.value:
        status = RecommendationStatus(row.status).label
        raise InUseError(
            f"{WHAT} {row.code} ist bereits „{status}“ und lässt sich nur noch im "
            "Empfehlungsregister ändern."
        )
