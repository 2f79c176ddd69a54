"""Recommendations adopted in an agenda item: rows of the recommendations register.

A recommendation gets its code when it is adopted (``recommendation_records.new_code``).
The register (status, responses, due dates) is the recommendations area's business; here
they are created, corrected and removed while the minutes are written. Without a project or
action field given, the item's linked project and that project's action field are taken.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.errors import InUseError
from expertenrat.domain.minutes import (
    RecommendationDraft,
    clean_recommendation,
    recommendation_problems,
)
from expertenrat.services.recommendation_records import (
    WHAT,
    checked_action_field,
    checked_projects,
    set_projects,
)
from expertenrat.services.unit_of_work import raise_if_invalid
from expertenrat.store import models

__all__ = ["WHAT", "apply", "checked_draft", "refuse_unless_only_adopted"]


def checked_draft(
    session: Session, council_id: int, item: models.AgendaItem, draft: RecommendationDraft
) -> RecommendationDraft:
    """``draft`` cleaned, with the item's project and field filled in, or a German refusal."""
    draft = clean_recommendation(draft)
    raise_if_invalid(recommendation_problems(draft))
    project_id = draft.project_id if draft.project_id is not None else item.project_id
    projects = checked_projects(session, council_id, (project_id,) if project_id else ())
    field_id = draft.action_field_id
    if field_id is None and projects:
        field_id = projects[0].action_field_id
    checked_action_field(session, council_id, field_id)
    return RecommendationDraft(draft.title, draft.text, draft.kind, field_id, project_id)


def apply(row: models.Recommendation, draft: RecommendationDraft) -> None:
    row.title, row.text, row.kind = draft.title, draft.text, draft.kind.value
    row.action_field_id = draft.action_field_id
    set_projects(row, (draft.project_id,) if draft.project_id is not None else ())


def refuse_unless_only_adopted(row: models.Recommendation) -> None:
    """Once sent to the project, a recommendation belongs to the register, not the draft."""
    if row.status != RecommendationStatus.ADOPTED.value:
        status = RecommendationStatus(row.status).label
        raise InUseError(
            f"{WHAT} {row.code} ist bereits „{status}“ und lässt sich nur noch im "
            "Empfehlungsregister ändern."
        )
