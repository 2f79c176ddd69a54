"""A council's templates for recurring agenda items: list, add, edit, delete, reorder.

A new council gets :data:`~expertenrat.domain.agenda_templates.STANDARD_TEMPLATES` when it
is created (councils from before got them by migration 0010). The agenda editor offers
them, followed by the titles the council used in earlier meetings (see
:meth:`~expertenrat.services.agenda.AgendaService.templates`).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.agenda_templates import (
    STANDARD_TEMPLATES,
    AgendaTemplate,
    clean_template,
    template_problems,
)
from expertenrat.domain.enums import AgendaItemKind
from expertenrat.services.list_order import ListKind, OrderedCouncilList
from expertenrat.services.unit_of_work import fetch, reading
from expertenrat.store import models
from expertenrat.store.database import Database

ENTITY = "agenda_template"


class AgendaTemplatesService(OrderedCouncilList[models.AgendaTemplate, AgendaTemplate]):
    def __init__(self, database: Database, actor: str) -> None:
        super().__init__(database, actor, KIND)

    def templates(self, council_id: int) -> list[AgendaTemplate]:
        """The council's templates in their order."""
        with reading(self._db) as session:
            fetch(session, models.Council, council_id, "Das Gremium")
            return [stored_template(r) for r in stored_rows(session, council_id)]


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


KIND = ListKind(
    model=models.AgendaTemplate,
    one="Die Vorlage",
    many="Die Vorlagen",
    order="Die Reihenfolge der Vorlagen",
    entity=ENTITY,
    noun="Vorlage",
    order_summary="Reihenfolge der Vorlagen für Tagesordnungspunkte geändert",
    rows=stored_rows,
    label=lambda row: row.title,
    clean=clean_template,
    problems=template_problems,
    apply=_apply,
    item=stored_template,
)
