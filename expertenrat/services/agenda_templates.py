"""A council's templates for recurring agenda items: list, add, edit, delete, reorder.

A new council gets :data:`~expertenrat.domain.agenda_templates.STANDARD_TEMPLATES` when it
is created (councils from before got them by migration 0010). The agenda editor offers
them, followed by the titles the council used in earlier meetings (see
:meth:`~expertenrat.services.agenda.AgendaService.templates`).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from expertenrat.domain.agenda_templates import (
    STANDARD_TEMPLATES,
    AgendaTemplate,
    clean_template,
    template_problems,
)
from expertenrat.domain.enums import AgendaItemKind, AuditAction
from expertenrat.services import audit
from expertenrat.services.list_order import store_order
from expertenrat.services.unit_of_work import (
    changing,
    check_version,
    fetch,
    raise_if_invalid,
    reading,
)
from expertenrat.store import models
from expertenrat.store.database import Database

WHAT = "Die Vorlage"
ENTITY = "agenda_template"


class AgendaTemplatesService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    def templates(self, council_id: int) -> list[AgendaTemplate]:
        """The council's templates in their order."""
        with reading(self._db) as session:
            fetch(session, models.Council, council_id, "Das Gremium")
            return [stored_template(r) for r in stored_rows(session, council_id)]

    def add(self, council_id: int, template: AgendaTemplate) -> AgendaTemplate:
        """Add a template at the end of the list."""
        template = clean_template(template)
        raise_if_invalid(template_problems(template))
        with changing(self._db, WHAT) as session:
            fetch(session, models.Council, council_id, "Das Gremium")
            last = session.scalar(
                select(func.max(models.AgendaTemplate.position)).where(
                    models.AgendaTemplate.council_id == council_id
                )
            )
            row = models.AgendaTemplate(
                council_id=council_id, position=0 if last is None else last + 1
            )
            _apply(row, template)
            session.add(row)
            session.flush()
            self._audit(session, AuditAction.CREATE, row, "angelegt", after=audit.snapshot(row))
            return stored_template(row)

    def update(self, template: AgendaTemplate) -> AgendaTemplate:
        template = clean_template(template)
        raise_if_invalid(template_problems(template))
        with changing(self._db, WHAT) as session:
            row = fetch(session, models.AgendaTemplate, template.id, WHAT)
            check_version(row, template.version, WHAT)
            before = audit.snapshot(row)
            _apply(row, template)
            session.flush()
            self._audit(
                session, AuditAction.UPDATE, row, "geändert", before=before,
                after=audit.snapshot(row),
            )  # fmt: skip
            return stored_template(row)

    def delete(self, template: AgendaTemplate) -> None:
        with changing(self._db, WHAT) as session:
            row = fetch(session, models.AgendaTemplate, template.id, WHAT)
            check_version(row, template.version, WHAT)
            self._audit(session, AuditAction.DELETE, row, "gelöscht", before=audit.snapshot(row))
            session.delete(row)

    def reorder(self, council_id: int, ordered_ids: list[int]) -> list[AgendaTemplate]:
        """Put the council's templates in the order of ``ordered_ids`` (all of them)."""
        with changing(self._db, "Die Reihenfolge der Vorlagen") as session:
            rows = {r.id: r for r in stored_rows(session, council_id)}
            before = [r.title for r in rows.values()]
            store_order(session, rows, ordered_ids, "Die Vorlagen")
            audit.record(
                session, self._actor, AuditAction.UPDATE, ENTITY, None, council_id=council_id,
                summary="Reihenfolge der Vorlagen für Tagesordnungspunkte geändert",
                before={"order": before}, after={"order": [rows[i].title for i in ordered_ids]},
            )  # fmt: skip
            return [stored_template(rows[i]) for i in ordered_ids]

    def _audit(self, session: Session, action: AuditAction, row, verb: str, **states) -> None:
        audit.record(
            session, self._actor, action, ENTITY, row.id, council_id=row.council_id,
            summary=f"Vorlage „{row.title}“ {verb}", **states,
        )  # fmt: skip


def seed_standard_templates(session: Session, council_id: int) -> None:
    """Give a new council the standard templates (inside the caller's transaction)."""
    replace_templates(session, council_id, STANDARD_TEMPLATES)


def replace_templates(
    session: Session, council_id: int, templates: Iterable[AgendaTemplate]
) -> None:
    """Make ``templates`` (checked by the caller) the council's, in their order, inside the
    caller's transaction; its former templates are deleted."""
    for row in stored_rows(session, council_id):
        session.delete(row)
    session.flush()
    for position, template in enumerate(templates):
        row = models.AgendaTemplate(council_id=council_id, position=position)
        _apply(row, clean_template(template))
        session.add(row)
    session.flush()


def stored_rows(session: Session, council_id: int) -> list[models.AgendaTemplate]:
    return list(
        session.scalars(
            select(models.AgendaTemplate)
            .where(models.AgendaTemplate.council_id == council_id)
            .order_by(models.AgendaTemplate.position, models.AgendaTemplate.id)
        )
    )


def stored_template(row: models.AgendaTemplate) -> AgendaTemplate:
    return AgendaTemplate(
        row.title, AgendaItemKind(row.kind), row.public, row.planned_minutes, row.id, row.version
    )


def _apply(row: models.AgendaTemplate, template: AgendaTemplate) -> None:
    row.title, row.kind = template.title, template.kind.value
    row.public, row.planned_minutes = template.public, template.planned_minutes
