"""A project read from its rows and written onto them: the query for stored projects
(partners loaded), the row of a project to change (gone or a stale version refused), the
values copied onto the rows (partners kept in their positions) and the audit state with the
partners. The service: :mod:`expertenrat.services.projects`."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from expertenrat.domain.enums import ProjectPhase
from expertenrat.domain.errors import NotFoundError
from expertenrat.domain.projects import Project
from expertenrat.services import audit
from expertenrat.services.unit_of_work import check_version, fetch, gone
from expertenrat.store import models

_FIELDS = (
    "title",
    "short_code",
    "action_field_id",
    "lead_unit",
    "contact_name",
    "contact_email",
    "description",
)


def project_from_row(row: models.Project) -> Project:
    return Project(
        id=row.id,
        title=row.title,
        short_code=row.short_code,
        action_field_id=row.action_field_id,
        lead_unit=row.lead_unit,
        contact_name=row.contact_name,
        contact_email=row.contact_email,
        phase=ProjectPhase(row.phase),
        partners=tuple(p.name for p in row.partners),
        description=row.description,
        version=row.version,
    )


def project_query() -> Select[tuple[models.Project]]:
    """The projects not deleted, their partners loaded."""
    return (
        select(models.Project)
        .options(selectinload(models.Project.partners))
        .where(models.Project.deleted_at.is_(None))
    )


def stored_project(session: Session, project: Project, what: str) -> models.Project:
    """The row of ``project`` to change; refused where it is gone or its version stale."""
    row = fetch(session, models.Project, project.id, what)
    if row.deleted_at is not None:
        raise NotFoundError(gone(what))
    check_version(row, project.version, what)
    return row


def apply_project(row: models.Project, project: Project) -> None:
    """Copy a cleaned, checked project onto its rows.

    Partner rows keep their positions: names are written in place, and rows are added or
    removed only at the end, so the unique (project, position) never collides in a flush.
    """
    for name in _FIELDS:
        setattr(row, name, getattr(project, name))
    row.phase = project.phase.value
    names = list(project.partners)
    if names != [p.name for p in row.partners]:
        # The partners live in their own table: touch the project row so that its version
        # goes up and a stale copy elsewhere cannot overwrite this change.
        row.modified = models.utc_now()
    for partner, name in zip(row.partners, names, strict=False):
        partner.name = name
    kept = len(row.partners)
    del row.partners[len(names) :]
    row.partners.extend(
        models.ProjectPartner(name=name, position=position)
        for position, name in enumerate(names[kept:], start=kept)
    )


def project_audit_state(row: models.Project) -> dict:
    state = audit.snapshot(row)
    state["partners"] = [p.name for p in row.partners]
    return state
