"""A council's templates for recurring agenda items: list, add, edit, delete, reorder.

A new council gets :data:`~expertenrat.domain.agenda_templates.STANDARD_TEMPLATES` when it
is created (councils from before got them by migration 0010). The agenda editor offers
them, after corrections of approved minutes of the nearest earlier meetings and followed by
the titles the council used in earlier meetings (:func:`offered_templates`).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain import agenda_templates
from expertenrat.domain.agenda_templates import (
    STANDARD_TEMPLATES,
    AgendaTemplate,
    UsedItem,
    clean_template,
    template_problems,
)
from expertenrat.domain.enums import AgendaItemKind, MinutesState
from expertenrat.services.agenda_rows import meeting_name
from expertenrat.services.list_order import ListKind, OrderedCouncilList
from expertenrat.services.unit_of_work import of_council, reading
from expertenrat.store import models
from expertenrat.store.database import Database

ENTITY = "agenda_template"


class AgendaTemplatesService(OrderedCouncilList[models.AgendaTemplate, AgendaTemplate]):
    def __init__(self, database: Database, actor: str) -> None:
        super().__init__(database, actor, KIND)

    def templates(self, council_id: int) -> list[AgendaTemplate]:
        """The council's templates in their order."""
        with reading(self._db) as session:
            rows = stored_rows(session, council_id)
            return of_council(session, council_id, [stored_template(r) for r in rows])


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


def offered_templates(
    session: Session, council_id: int, meeting_id: int | None
) -> list[AgendaTemplate]:
    """What the agenda editor offers for a new item (see :meth:`~expertenrat.services.agenda.
    AgendaService.templates`): the council's list, corrections of approved minutes of the
    nearest earlier meetings (for the agenda of ``meeting_id``), titles used before."""
    stored = [stored_template(r) for r in stored_rows(session, council_id)]
    corrections = (
        agenda_templates.correction_templates(
            meeting_name(m) for m in _approved_before(session, council_id, meeting_id)
        )
        if meeting_id is not None
        else []
    )
    query = (
        select(
            models.AgendaItem.meeting_id,
            models.Meeting.starts_at,
            models.AgendaItem.title,
            models.AgendaItem.kind,
            models.AgendaItem.public,
            models.AgendaItem.planned_minutes,
        )
        .join(models.Meeting, models.Meeting.id == models.AgendaItem.meeting_id)
        .where(
            models.Meeting.council_id == council_id,
            models.Meeting.deleted_at.is_(None),
            models.AgendaItem.deleted_at.is_(None),
        )
    )
    used = [
        UsedItem(
            r.meeting_id,
            r.starts_at,
            AgendaTemplate(r.title, AgendaItemKind(r.kind), r.public, r.planned_minutes),
        )
        for r in session.execute(query)
    ]
    return agenda_templates.templates(stored, used, corrections)


def _approved_before(session: Session, council_id: int, meeting_id: int) -> list[models.Meeting]:
    """The council's meetings before ``meeting_id`` whose minutes are approved (frozen: a
    correction is only possible as an item of a later meeting), nearest first."""
    meeting = session.get(models.Meeting, meeting_id)
    if meeting is None:
        return []
    approved = (
        select(models.MinutesVersion.meeting_id)
        .where(models.MinutesVersion.state == MinutesState.APPROVED.value)
        .scalar_subquery()
    )
    return list(
        session.scalars(
            select(models.Meeting)
            .where(
                models.Meeting.council_id == council_id,
                models.Meeting.deleted_at.is_(None),
                models.Meeting.starts_at < meeting.starts_at,
                models.Meeting.id.in_(approved),
            )
            .order_by(models.Meeting.starts_at.desc())
            .limit(agenda_templates.MAX_CORRECTIONS)
        )
    )
