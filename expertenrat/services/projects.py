"""Projects of a council: listing, reading, validating, saving, closing and deleting them.

What refers to a project (consultations, recommendations) is read by
:mod:`expertenrat.services.project_uses`; a project is read from and written onto its rows by
:mod:`expertenrat.services.project_rows`, and checked against the council's other records by
:mod:`expertenrat.services.project_checks`."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction, ProjectPhase
from expertenrat.domain.errors import FieldProblem, InUseError, NotFoundError
from expertenrat.domain.projects import (
    Consultation,
    Project,
    ProjectEntry,
    ProjectRecommendation,
    clean_project,
)
from expertenrat.domain.text_folding import fold
from expertenrat.domain.wording import isolated
from expertenrat.services import audit
from expertenrat.services.project_checks import project_problems
from expertenrat.services.project_rows import (
    apply_project,
    project_audit_state,
    project_from_row,
    project_query,
    stored_project,
)
from expertenrat.services.project_uses import (
    awaited_codes,
    consultation_counts,
    project_consultations,
    project_recommendations,
    project_uses,
    recommendation_counts,
)
from expertenrat.services.unit_of_work import (
    changing,
    fetch,
    hold_council,
    raise_if_invalid,
    reading,
)
from expertenrat.store import models
from expertenrat.store.database import Database

_USES_NAMED = 5  # an InUseError names this many uses, then counts the rest


def _what(project: Project) -> str:
    return f"Das Projekt „{project.name or 'ohne Titel'}“"


class ProjectsService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    def projects(self, council_id: int) -> list[ProjectEntry]:
        """The council's projects by title, each with its action field and how often it is
        used (consultations, recommendations)."""
        with reading(self._db) as session:
            fields = dict(
                session.execute(
                    select(models.ActionField.id, models.ActionField.name).where(
                        models.ActionField.council_id == council_id
                    )
                ).all()
            )
            consulted = consultation_counts(session, council_id)
            recommendations = recommendation_counts(session, council_id)
            rows = session.scalars(
                project_query().where(models.Project.council_id == council_id)
            ).all()
            entries = [
                ProjectEntry(
                    project_from_row(row),
                    fields.get(row.action_field_id, ""),
                    consulted.get(row.id, 0),
                    recommendations.get(row.id, 0),
                )
                for row in rows
            ]
        return sorted(entries, key=lambda e: fold(e.project.title))

    def project(self, project_id: int) -> Project:
        with reading(self._db) as session:
            row = session.scalar(project_query().where(models.Project.id == project_id))
            if row is None:
                raise NotFoundError("Dieses Projekt gibt es nicht mehr.")
            return project_from_row(row)

    def problems(self, council_id: int, project: Project) -> list[FieldProblem]:
        """What keeps ``project`` from being saved in the council now."""
        project = clean_project(project)
        with reading(self._db) as session:
            return project_problems(session, council_id, project)

    def create(self, council_id: int, project: Project) -> int:
        """Save a new project in the council; returns its id."""
        project = clean_project(project)
        what = _what(project)
        with changing(self._db, what) as session:
            hold_council(session, council_id)  # an action field deleted at once elsewhere
            fetch(session, models.Council, council_id, "Das Gremium")
            raise_if_invalid(project_problems(session, council_id, project))
            row = models.Project(council_id=council_id)
            apply_project(row, project)
            session.add(row)
            session.flush()
            audit.record(
                session,
                self._actor,
                AuditAction.CREATE,
                "project",
                row.id,
                council_id=council_id,
                summary=f"Projekt {isolated(project.name)} angelegt",
                after=project_audit_state(row),
            )
            return row.id

    def update(self, project: Project) -> Project:
        """Save changes to a stored project; a stale ``version`` is refused."""
        project = clean_project(project)
        what = _what(project)
        with changing(self._db, what) as session:
            row = stored_project(session, project, what)
            hold_council(session, row.council_id)  # an action field deleted at once elsewhere
            raise_if_invalid(project_problems(session, row.council_id, project))
            before = project_audit_state(row)
            apply_project(row, project)
            return self._changed(session, row, before, f"Projekt {isolated(project.name)} geändert")

    def close(self, project: Project) -> Project:
        """Mark a project as finished (phase "abgeschlossen"); its history stays."""
        what = _what(project)
        with changing(self._db, what) as session:
            row = stored_project(session, project, what)
            before = project_audit_state(row)
            row.phase = ProjectPhase.COMPLETED.value
            return self._changed(
                session, row, before, f"Projekt {isolated(project.name)} abgeschlossen"
            )

    def _changed(
        self, session: Session, row: models.Project, before: dict, summary: str
    ) -> Project:
        """Write the change of ``row`` and its audit entry (``before``: its state before)."""
        session.flush()
        audit.record(
            session,
            self._actor,
            AuditAction.UPDATE,
            "project",
            row.id,
            council_id=row.council_id,
            summary=summary,
            before=before,
            after=project_audit_state(row),
        )
        return project_from_row(row)

    def delete(self, project: Project) -> None:
        """Delete a project that nothing refers to; otherwise say where it is used."""
        what = _what(project)
        with changing(self._db, what) as session:
            # Held: another PC linking the project at the same moment (an agenda item, a
            # recommendation) waits for this one, or this one for it and then sees the use.
            session.execute(
                select(models.Project.id).where(models.Project.id == project.id).with_for_update()
            )
            row = stored_project(session, project, what)
            uses = project_uses(session, row.id)
            if uses:
                # One use more is named rather than counted ("und 1 weitere").
                named = uses if len(uses) <= _USES_NAMED + 1 else uses[:_USES_NAMED]
                shown = "\n".join(f"– {use}" for use in named)
                if len(uses) > len(named):
                    shown += f"\n– und {len(uses) - len(named)} weitere"
                instead = (
                    ""  # already marked so: "Abschließen" is off
                    if row.phase == ProjectPhase.COMPLETED.value
                    else "\nEin beendetes Projekt können Sie stattdessen als abgeschlossen "
                    "markieren."
                )
                raise InUseError(
                    f"{what} wird noch verwendet und kann nicht gelöscht werden:\n{shown}{instead}"
                )
            before = project_audit_state(row)
            session.delete(row)
            session.flush()
            audit.record(
                session,
                self._actor,
                AuditAction.DELETE,
                "project",
                project.id,
                council_id=before["council_id"],
                summary=f"Projekt {isolated(project.name)} gelöscht",
                before=before,
            )

    def consultations(self, project_id: int) -> list[Consultation]:
        """The project's consultations, one per meeting with the agenda items there about
        it, in the order of the meetings."""
        with reading(self._db) as session:
            return project_consultations(session, project_id)

    def recommendations(
        self, project_id: int, *, today: date | None = None
    ) -> list[ProjectRecommendation]:
        """The recommendations addressed to the project, oldest first; which are overdue as
        of ``today`` (default: today in the council's time zone)."""
        with reading(self._db) as session:
            return project_recommendations(session, project_id, today)

    def awaited_answers(self, project_id: int, *, today: date | None = None) -> list[str]:
        """The codes of the recommendations for which the council still awaits an answer
        of the project (a response, or the state of a planned implementation) as of
        ``today`` (default: today in the council's time zone): what closing it leaves open."""
        with reading(self._db) as session:
            return awaited_codes(session, project_id, today)
