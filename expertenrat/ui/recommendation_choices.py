"""What the register's content dialogs offer (a new recommendation, editing one): the
council's projects and action fields, and each project's action field, which the register
takes where none is chosen."""

from __future__ import annotations

from expertenrat.domain.enums import ProjectPhase
from expertenrat.domain.projects import marked_title
from expertenrat.services.context import Services

Choices = list[tuple[int, str]]


def content_choices(
    services: Services, council_id: int
) -> tuple[Choices, Choices, dict[int, int | None]]:
    """The council's projects and action fields, (id, name) each, and each project's
    action field. A project marked as finished is named "… (abgeschlossen)" but stays
    choosable: a recommendation may still concern it (its follow-up, its evaluation), and
    one addressed to it before keeps it when edited."""
    stored = [e.project for e in services.projects.projects(council_id) if e.project.id is not None]
    projects = [(p.id, marked_title(p.title, p.phase is ProjectPhase.COMPLETED)) for p in stored]
    fields = [(f.id, f.name) for f in services.settings.action_fields(council_id)]
    return projects, fields, {p.id: p.action_field_id for p in stored}
