"""An interim answer leaves the final one awaited (only a final answer of every project
settles a recommendation), but no date chases it: the Übersicht lists it under
"Empfehlungen: Zwischenantwort erhalten" so that it is not forgotten (found by a tester:
an interim "entsprochen" fell in no list and had no "Abschluss möglich")."""

from __future__ import annotations

from datetime import date

import pytest

from expertenrat.domain.enums import ResponseVerdict
from expertenrat.domain.overview import TargetFilter
from expertenrat.domain.projects import Project
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_responses import ResponseDraft
from expertenrat.services.overview import OverviewService
from expertenrat.services.projects import ProjectsService
from expertenrat.services.recommendations import RecommendationsService

TODAY = date(2026, 12, 4)
V = ResponseVerdict

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


@pytest.fixture
def answer(database, actor, council, fields):
    """Sends a recommendation titled ``title`` to Klimaportal and records its answer."""
    project = ProjectsService(database, actor).create(
        council.id, Project(None, "Klimaportal", action_field_id=fields["Umwelt"].id)
    )
    service = RecommendationsService(database, actor)

    def answered(title: str, verdict: ResponseVerdict, final: bool, plan: date | None = None):
        content = RecommendationContent(title, project_ids=(project,))
        row = service.create(council.id, content, date(2026, 9, 1), adopted=True).row
        row = service.send(row.id, row.version, date(2026, 9, 2), date(2026, 11, 2)).row
        draft = ResponseDraft(date(2026, 10, 1), verdict, final=final, measures_due_on=plan)
        return service.record_response(row.id, row.version, draft).row

    return answered


def test_an_interim_answer_is_listed_as_awaiting_the_final_one(database, council, answer):
    interim = answer("Offene Daten", V.COMPLIED, final=False)
    undated = answer("Sensoren", V.PLANNED, final=False)
    answer("Dated plan", V.PLANNED, final=False, plan=date(2027, 6, 30))  # its date chases it
    final = answer("Barrierefreiheit", V.COMPLIED, final=True)

    overview = OverviewService(database).overview(council.id, TODAY)

    assert [line.text for line in overview.awaiting_final] == [
        f"{row.code} {row.title} (Klimaportal): Zwischenantwort erhalten, abschließende "
        "Stellungnahme steht aus"
        for row in (interim, undated)
    ]
    assert {line.target.record_id for line in overview.awaiting_final} == {interim.id, undated.id}
    assert {line.target.filter for line in overview.awaiting_final} == {TargetFilter.ANSWERED}
    assert [line.target.record_id for line in overview.closable] == [final.id]
