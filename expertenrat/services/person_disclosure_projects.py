"""The projects' part of the Auskunft (:mod:`services.person_disclosure`,
:mod:`services.guest_disclosure`): where a project the council advises names the person —
as its contact (with the e-mail address stored beside the name), in its lead unit, its
description or a partner — searched by the rule of the minutes
(:func:`~services.person_disclosure_meetings.mentions_section`)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from expertenrat.domain.audit_labels import field_label
from expertenrat.domain.name_mentions import NamePattern, found
from expertenrat.domain.person_disclosure import DisclosureSection, mentions_table
from expertenrat.domain.text_folding import fold
from expertenrat.services.person_disclosure_meetings import name_pattern
from expertenrat.store import models


def projects_section(
    session: Session,
    family_name: str,
    own: set[int],
    councils: dict[int, str],
    former: list[str],
) -> DisclosureSection:
    """One query: every council's projects (with their partners), by council and title
    (umlauts and case aside, as the Projekte page: not by the database's bytes or a
    server's locale); a project of a council not in ``own`` (the councils of the person's
    memberships) names its council."""
    name = name_pattern(family_name, former)
    projects = sorted(
        session.scalars(select(models.Project).options(selectinload(models.Project.partners))),
        key=lambda project: (project.council_id, fold(project.title), project.id),
    )
    rows = []
    for project in projects:
        council = project.council_id
        title = project.title
        if len(own) > 1 or council not in own:
            title = f"{councils.get(council, '')}: {title}"
        rows += [(title, *hit) for hit in _in_project(project, name)]
    return mentions_table(
        "Nennungen in Projekten",
        "Projekt",
        rows,
        "Der Name kommt in keinem Projekt vor.",
        former,
        " in der Ansprechperson, der federführenden Stelle, der Beschreibung und den "
        "Partnern jedes Projekts",
    )


def _in_project(project: models.Project, name: NamePattern) -> Iterator[tuple[str, str]]:
    if name.search(project.contact_name):
        contact = ", ".join(filter(None, (project.contact_name, project.contact_email)))
        yield field_label("project", "contact_name"), contact
    for field in ("lead_unit", "description"):
        yield from found(field_label("project", field), getattr(project, field), name)
    for partner in project.partners:
        yield from found("Partner", partner.name, name)
