"""The checks of a council's project against what is stored: the other projects' short
codes and titles, and the action fields."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from expertenrat.domain.action_fields import fields_explained
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.projects import Project, validate_project
from expertenrat.domain.text_folding import alike_key
from expertenrat.domain.wording import shortened
from expertenrat.store import models


def project_problems(session: Session, council_id: int, project: Project) -> list[FieldProblem]:
    """What is wrong with ``project`` as the council's: its own fields
    (:func:`~expertenrat.domain.projects.validate_project`, with the short codes the
    council's other projects have), a title another live project has, an action field
    deleted meanwhile."""
    others = [
        Project(id=row_id, title=title, short_code=code)
        for row_id, title, code in session.execute(
            select(models.Project.id, models.Project.title, models.Project.short_code).where(
                models.Project.council_id == council_id, models.Project.short_code != ""
            )
        )
    ]
    problems = validate_project(project, others) + _title_twin(session, council_id, project)
    if project.action_field_id is not None and not session.scalar(
        select(func.count())
        .select_from(models.ActionField)
        .where(
            models.ActionField.id == project.action_field_id,
            models.ActionField.council_id == council_id,
        )
    ):
        problems.append(
            FieldProblem(
                "action_field_id",
                "Das gewählte Handlungsfeld gibt es nicht mehr. Bitte wählen Sie neu.",
            )
        )
    has_fields = session.scalar(
        select(func.count())
        .select_from(models.ActionField)
        .where(models.ActionField.council_id == council_id)
    )
    return fields_explained(problems, "action_field_id", bool(has_fields))


def _title_twin(session: Session, council_id: int, project: Project) -> list[FieldProblem]:
    """A new title another live project of the council has (case and spaces aside): the
    same project entered twice, perhaps on two PCs (found by a tester). A title kept as it
    was stored is no new twin."""
    title = alike_key(project.title)
    stored = session.get(models.Project, project.id) if project.id is not None else None
    if not title or (stored is not None and alike_key(stored.title) == title):
        return []
    titles = session.scalars(
        select(models.Project.title).where(
            models.Project.council_id == council_id,
            models.Project.deleted_at.is_(None),
            models.Project.id != (project.id or 0),
        )
    )
    twin = next((t for t in titles if alike_key(t) == title), None)
    if twin is None:
        return []
    return [
        FieldProblem(
            "title",
            f"Das Projekt „{shortened(twin, 60)}“ gibt es in diesem Gremium schon, vielleicht an "
            "einem anderen Arbeitsplatz angelegt. Bitte bearbeiten Sie das vorhandene Projekt "
            "oder wählen Sie einen anderen Titel.",
        )
    ]
