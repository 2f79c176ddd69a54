"""The standard phrases of a council's minutes (Textbausteine): list, add, edit, delete, reorder.

A new council gets :data:`~expertenrat.domain.text_templates.DEFAULT_PHRASES` when it is
created; a council from before the phrases existed gets them the first time its phrases are
read. Seeding is recorded in the audit trail, and a council whose trail has it is never
seeded again: a user who deleted every phrase keeps an empty list.

Positions are unique per council (a unique index); a new order is stored by
:func:`~expertenrat.services.list_order.store_order`.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction, TextTemplatePurpose
from expertenrat.domain.text_templates import (
    DEFAULT_PHRASES,
    TextTemplate,
    clean_template,
    template_problems,
)
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

WHAT = "Der Textbaustein"
ENTITY = "text_template"
PURPOSE = TextTemplatePurpose.MINUTES.value


class TextTemplatesService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    def templates(self, council_id: int) -> list[TextTemplate]:
        """The council's phrases in their order (the defaults, the first time)."""
        with reading(self._db) as session:
            fetch(session, models.Council, council_id, "Das Gremium")
            found = [phrase(r) for r in phrase_rows(session, council_id)]
            if found or _seeded(session, council_id):
                return found
        with changing(self._db, "Die Textbausteine") as session:
            if not phrase_rows(session, council_id) and not _seeded(session, council_id):
                seed_defaults(session, council_id, self._actor)
            return [phrase(r) for r in phrase_rows(session, council_id)]

    def add(self, council_id: int, template: TextTemplate) -> TextTemplate:
        """Add a phrase at the end of the list."""
        template = clean_template(template)
        raise_if_invalid(template_problems(template))
        with changing(self._db, WHAT) as session:
            fetch(session, models.Council, council_id, "Das Gremium")
            last = session.scalar(
                select(func.max(models.TextTemplate.position)).where(
                    models.TextTemplate.council_id == council_id,
                    models.TextTemplate.purpose == PURPOSE,
                )
            )
            row = models.TextTemplate(
                council_id=council_id,
                purpose=PURPOSE,
                position=0 if last is None else last + 1,
                label=template.label,
                text=template.text,
            )
            session.add(row)
            session.flush()
            self._audit(session, AuditAction.CREATE, row, "angelegt", after=audit.snapshot(row))
            return phrase(row)

    def update(self, template: TextTemplate) -> TextTemplate:
        template = clean_template(template)
        raise_if_invalid(template_problems(template))
        with changing(self._db, WHAT) as session:
            row = fetch(session, models.TextTemplate, template.id, WHAT)
            check_version(row, template.version, WHAT)
            before = audit.snapshot(row)
            row.label, row.text = template.label, template.text
            session.flush()
            self._audit(
                session, AuditAction.UPDATE, row, "geändert", before=before,
                after=audit.snapshot(row),
            )  # fmt: skip
            return phrase(row)

    def delete(self, template: TextTemplate) -> None:
        with changing(self._db, WHAT) as session:
            row = fetch(session, models.TextTemplate, template.id, WHAT)
            check_version(row, template.version, WHAT)
            self._audit(session, AuditAction.DELETE, row, "gelöscht", before=audit.snapshot(row))
            session.delete(row)

    def reorder(self, council_id: int, ordered_ids: list[int]) -> list[TextTemplate]:
        """Put the council's phrases in the order of ``ordered_ids`` (all of them)."""
        with changing(self._db, "Die Reihenfolge der Textbausteine") as session:
            rows = {r.id: r for r in phrase_rows(session, council_id)}
            before = [r.label for r in rows.values()]
            store_order(session, rows, ordered_ids, "Die Textbausteine")
            audit.record(
                session, self._actor, AuditAction.UPDATE, ENTITY, None, council_id=council_id,
                summary="Reihenfolge der Textbausteine geändert", before={"order": before},
                after={"order": [rows[i].label for i in ordered_ids]},
            )  # fmt: skip
            return [phrase(rows[i]) for i in ordered_ids]

    def _audit(self, session: Session, action: AuditAction, row, verb: str, **states) -> None:
        audit.record(
            session, self._actor, action, ENTITY, row.id, council_id=row.council_id,
            summary=f"Textbaustein „{row.label}“ {verb}", **states,
        )  # fmt: skip


def seed_defaults(session: Session, council_id: int, actor: str) -> None:
    """Give a council the default phrases (inside the caller's transaction)."""
    session.add_all(
        models.TextTemplate(
            council_id=council_id, purpose=PURPOSE, position=i, label=label, text=text
        )
        for i, (label, text) in enumerate(DEFAULT_PHRASES)
    )
    session.flush()
    audit.record(
        session, actor, AuditAction.CREATE, ENTITY, None, council_id=council_id,
        summary="Standard-Textbausteine angelegt",
    )  # fmt: skip


def _seeded(session: Session, council_id: int) -> bool:
    return (
        session.scalar(
            select(models.AuditEntry.id)
            .where(models.AuditEntry.council_id == council_id, models.AuditEntry.entity == ENTITY)
            .limit(1)
        )
        is not None
    )


def phrase_rows(session: Session, council_id: int) -> list[models.TextTemplate]:
    return list(
        session.scalars(
            select(models.TextTemplate)
            .where(
                models.TextTemplate.council_id == council_id, models.TextTemplate.purpose == PURPOSE
            )
            .order_by(models.TextTemplate.position, models.TextTemplate.id)
        )
    )


def phrase(row: models.TextTemplate) -> TextTemplate:
    return TextTemplate(row.id, row.label, row.text, row.position, row.version)
