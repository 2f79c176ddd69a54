"""A council's agenda item templates: seeded for a new council, added, edited, reordered,
deleted, each in the audit trail; a bad template is refused with nothing stored."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from expertenrat.domain.agenda_templates import STANDARD_TEMPLATES, AgendaTemplate
from expertenrat.domain.enums import AgendaItemKind
from expertenrat.domain.errors import ValidationError
from expertenrat.services.agenda_templates import AgendaTemplatesService
from expertenrat.store import models

HOSTILE = """Bericht „Kim“ & <Co>; O'Neil 🚀 مرحبا שלום"""


@pytest.fixture
def service(database, actor) -> AgendaTemplatesService:
    return AgendaTemplatesService(database, actor)


def _titles(service, council) -> list[str]:
    return [t.title for t in service.templates(council.id)]


def test_a_new_council_starts_with_the_standard_templates(service, council) -> None:
    stored = service.templates(council.id)
    assert [(t.title, t.kind, t.public, t.planned_minutes) for t in stored] == [
        (t.title, t.kind, t.public, t.planned_minutes) for t in STANDARD_TEMPLATES
    ]


def test_templates_are_added_edited_reordered_and_deleted(service, council, database) -> None:
    added = service.add(
        council.id, AgendaTemplate(f"  {HOSTILE} ", AgendaItemKind.CONSULTATION, False, 45)
    )
    assert (added.title, added.kind, added.public, added.planned_minutes) == (
        HOSTILE, AgendaItemKind.CONSULTATION, False, 45,
    )  # fmt: skip
    changed = service.update(replace(added, planned_minutes=30, public=True))
    assert service.templates(council.id)[-1] == changed

    ids = [t.id for t in service.templates(council.id)]
    service.reorder(council.id, [ids[-1], *ids[:-1]])
    assert _titles(service, council)[0] == HOSTILE

    service.delete(service.templates(council.id)[0])
    assert _titles(service, council) == [t.title for t in STANDARD_TEMPLATES]
    assert _trail(database) == [
        f"Vorlage „{HOSTILE}“ angelegt",
        f"Vorlage „{HOSTILE}“ geändert",
        "Reihenfolge der Vorlagen für Tagesordnungspunkte geändert",
        f"Vorlage „{HOSTILE}“ gelöscht",
    ]


def _trail(database) -> list[str]:
    with database.reading() as session:
        return list(
            session.scalars(
                select(models.AuditEntry.summary)
                .where(models.AuditEntry.entity == "agenda_template")
                .order_by(models.AuditEntry.id)
            )
        )


def test_a_template_without_title_or_with_too_many_minutes_is_refused(service, council) -> None:
    with pytest.raises(ValidationError) as refused:
        service.add(council.id, AgendaTemplate(" ", AgendaItemKind.REPORT, True, 9_999))
    assert {p.field for p in refused.value.problems} == {"title", "planned_minutes"}
    assert len(service.templates(council.id)) == len(STANDARD_TEMPLATES)
