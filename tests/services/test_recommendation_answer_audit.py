"""The Änderungsprotokoll of a recommendation's answers (found by a tester): the answer's
summary says whether it was final or interim, and a response removed names its project
by title, as every other reference is named, on the page and in the CSV."""

from __future__ import annotations

from datetime import date

import pytest

from expertenrat.domain.audit_fields import field_changes
from expertenrat.domain.enums import ResponseVerdict
from expertenrat.domain.projects import Project
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_responses import ResponseDraft
from expertenrat.services.audit_reading import AuditFilter, AuditService
from expertenrat.services.projects import ProjectsService
from expertenrat.services.recommendations import RecommendationsService

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


@pytest.fixture
def answered(database, actor, council, fields):
    """A recommendation to Klimaportal and Parkhaus; Klimaportal answered for good,
    Parkhaus in the interim; Klimaportal's answer then removed."""
    projects = ProjectsService(database, actor)
    klima, parkhaus = (
        projects.create(council.id, Project(None, title, action_field_id=fields["Umwelt"].id))
        for title in ("Klimaportal", "Parkhaus")
    )
    service = RecommendationsService(database, actor)
    content = RecommendationContent("Offene Daten", project_ids=(klima, parkhaus))
    row = service.create(council.id, content, date(2026, 9, 1), adopted=True).row
    row = service.send(row.id, row.version, date(2026, 9, 2), date(2026, 11, 2)).row
    for project_id, final in ((klima, True), (parkhaus, False)):
        draft = ResponseDraft(
            date(2026, 10, 1), ResponseVerdict.COMPLIED, final=final, project_id=project_id
        )
        row = service.record_response(row.id, row.version, draft).row
    first = service.get(row.id).responses[0].id
    service.remove_response(row.id, row.version, first, "Irrtum")
    return klima


def test_an_answers_summary_says_whether_it_was_final(database, council, answered):
    summaries = [e.summary for e in AuditService(database).entries("recommendation")]

    assert "Antwort zu Empfehlung E-2026-01: entsprochen, abschließend (von „Klimaportal“)" in (
        summaries
    )
    assert "Antwort zu Empfehlung E-2026-01: entsprochen, Zwischenstand (von „Parkhaus“)" in (
        summaries
    )


def test_a_removed_response_names_its_project_by_title(database, council, answered):
    audit = AuditService(database)
    page = audit.search(AuditFilter(council.id, entity="recommendation"))
    names = audit.names(page.lines)
    removal = page.lines[0]

    (removed,) = [
        c
        for c in field_changes(removal.entity, removal.before, removal.after, names)
        if c.label == "Entfernte Stellungnahme"
    ]

    assert removed.before.startswith(f"Projekt: Klimaportal (Nr. {answered}), eingegangen am")
    csv = audit.export_csv(AuditFilter(council.id, entity="recommendation")).decode("utf-8-sig")
    assert f"Entfernte Stellungnahme;Projekt: Klimaportal (Nr. {answered})," in csv
    assert "Projekt (Nr.)" not in csv
