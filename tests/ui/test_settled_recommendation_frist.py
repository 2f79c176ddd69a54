"""An answered recommendation whose every answer is final ("Abschluss möglich") owes
nothing: no Frist in the register window nor in its files, as the report says it."""

from __future__ import annotations

import csv
import io
from datetime import date

from PySide6.QtCore import Qt

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import RecommendationStatus, ResponseVerdict
from expertenrat.domain.projects import Project
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_responses import ResponseDraft
from expertenrat.exchange.recommendations_register import HEADERS, register_csv
from expertenrat.ui.recommendations_table_model import RecommendationsTableModel as M

TODAY = date(2026, 4, 10)


def test_a_settled_recommendation_shows_no_frist(qtbot, services) -> None:
    """(found by a tester) The window's Frist column named the Frist of the response for
    one the report shows as "Abschluss möglich"."""
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )
    field = services.settings.action_fields(council.id)[0].id
    project = services.projects.create(
        council.id, Project(None, "Klimaportal", action_field_id=field)
    )
    register = services.recommendations
    content = RecommendationContent("Offene Daten", project_ids=(project,))
    row = register.create(council.id, content, date(2026, 3, 2), adopted=True).row
    row = register.send(row.id, row.version, date(2026, 3, 3), date(2026, 5, 1)).row
    draft = ResponseDraft(date(2026, 4, 1), ResponseVerdict.COMPLIED, "Projektleitung", final=True)
    register.record_response(row.id, row.version, draft, today=TODAY)

    (row,) = register.list(council.id, today=TODAY)
    assert row.status is RecommendationStatus.ANSWERED and row.settled
    model = M()
    model.set_recommendations([row])
    cell = model.index(0, M.COLUMN_DUE)
    assert cell.data() == ""
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "Abschluss möglich"

    lines = services.recommendations_report.register_lines(council.id, today=TODAY)
    assert [line.awaited_label for line in lines] == ["Abschluss möglich"]  # the report's
    found = list(csv.reader(io.StringIO(register_csv(lines).decode("utf-8-sig")), delimiter=";"))
    assert found[1][HEADERS.index("Frist")] == ""
