"""A council's lists replaced by those of a settings file (:mod:`services.council_transfer`):
its action fields, its standard phrases and its agenda templates, each with its audit entry."""

from __future__ import annotations

from sqlalchemy.orm import Session

from expertenrat.domain.action_fields import clean_action_field_name
from expertenrat.domain.agenda_templates import AgendaTemplate
from expertenrat.domain.council_transfer_format import CouncilTemplate
from expertenrat.domain.enums import AuditAction
from expertenrat.domain.text_templates import clean_template
from expertenrat.services import audit
from expertenrat.services.action_fields import field_rows, field_uses
from expertenrat.services.agenda_templates import replace_templates, stored_rows
from expertenrat.services.text_templates import PURPOSE, phrase_rows
from expertenrat.store import models


def replace_fields(session: Session, actor: str, council_id: int, chosen: CouncilTemplate) -> None:
    """The council's action fields as the file's: matched by name (recoloured, reordered,
    added); one the file lacks is removed if nothing uses it, else kept at the end."""
    rows = {row.name.casefold(): row for row in field_rows(session, council_id)}
    before = [(row.name, row.colour) for row in rows.values()]
    for position, field in enumerate(chosen.action_fields):
        name = clean_action_field_name(field.name)
        row = rows.pop(name.casefold(), None)
        if row is None:
            row = models.ActionField(council_id=council_id, name=name)
            session.add(row)
        row.name, row.colour, row.position = name, field.colour.lower(), position
    position = len(chosen.action_fields)
    for row in rows.values():  # not in the file: removed unless in use
        if field_uses(session, row.id):
            row.position, position = position, position + 1
        else:
            session.delete(row)
    session.flush()
    after = [(r.name, r.colour) for r in field_rows(session, council_id)]
    _audit(session, actor, "action_field", council_id,
           "Handlungsfelder aus einer Einstellungsdatei übernommen",
           before={"fields": before}, after={"fields": after})  # fmt: skip


def replace_phrases(session: Session, actor: str, council_id: int, chosen: CouncilTemplate) -> None:
    """The council's standard phrases replaced by the file's."""
    old = phrase_rows(session, council_id)
    before = [row.label for row in old]
    for row in old:
        session.delete(row)
    session.flush()
    for position, template in enumerate(chosen.text_templates):
        cleaned = clean_template(template)
        session.add(
            models.TextTemplate(
                council_id=council_id,
                purpose=PURPOSE,
                position=position,
                label=cleaned.label,
                text=cleaned.text,
            )
        )
    session.flush()
    _audit(session, actor, "text_template", council_id,
           "Textbausteine aus einer Einstellungsdatei übernommen",
           before={"labels": before},
           after={"labels": [t.label for t in chosen.text_templates]})  # fmt: skip


def replace_agenda_templates(
    session: Session, actor: str, council_id: int, templates: tuple[AgendaTemplate, ...]
) -> None:
    """The council's agenda templates replaced by the file's."""
    before = [row.title for row in stored_rows(session, council_id)]
    replace_templates(session, council_id, templates)
    after = [row.title for row in stored_rows(session, council_id)]
    _audit(session, actor, "agenda_template", council_id,
           "Vorlagen für Tagesordnungspunkte aus einer Einstellungsdatei übernommen",
           before={"titles": before}, after={"titles": after})  # fmt: skip


def _audit(
    session: Session, actor: str, entity: str, council_id: int, summary: str, **states
) -> None:
    """The audit entry of a list changed from the file (the list's before and after)."""
    audit.record(
        session, actor, AuditAction.UPDATE, entity, None, council_id=council_id,
        summary=summary, **states,
    )  # fmt: skip
