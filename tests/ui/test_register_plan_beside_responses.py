"""The register page's rows of a recommendation to two projects whose one project's interim
plan has passed while the other's response is not yet due: the Übersicht counts it overdue
and its line opens the register filtered "überfällig", so the row is kept by that filter,
red, and says how late the plan is (found by review: the filter left it out, the row was
neither red nor said anything overdue)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import RecommendationStatus, ResponseVerdict
from expertenrat.domain.projects import Project
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_responses import ResponseDraft
from expertenrat.services.projects import ProjectsService
from expertenrat.services.recommendations import RecommendationsService
from expertenrat.services.settings import SettingsService
from expertenrat.ui.recommendation_detail_text import detail_text
from expertenrat.ui.recommendations_filter import RegisterFilter
from expertenrat.ui.recommendations_page import RecommendationsPage
from expertenrat.ui.recommendations_table_model import (
    RecommendationsTableModel,
    overdue_background,
    overdue_foreground,
    register_row,
)

TODAY = date(2026, 7, 10)
PLAN = "Umsetzung geplant bis 30.06.2026, seit 10 Tagen überfällig"


@pytest.fixture
def council(sqlite_database) -> CouncilSettings:
    return SettingsService(sqlite_database, "Frau Schulz").create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )


@pytest.fixture
def register(sqlite_database, council):
    projects = ProjectsService(sqlite_database, "Frau Schulz")
    field = SettingsService(sqlite_database, "Frau Schulz").action_fields(council.id)[0].id
    ids = [
        projects.create(council.id, Project(None, title, action_field_id=field))
        for title in ("Klimaportal", "Parkhaus & <Süd>")
    ]
    register = RecommendationsService(sqlite_database, "Frau Schulz")
    content = RecommendationContent("Offene Daten", project_ids=tuple(ids))
    row = register.create(council.id, content, date(2026, 3, 2), adopted=True).row
    row = register.send(row.id, row.version, date(2026, 3, 3), date(2026, 8, 1)).row
    draft = ResponseDraft(
        date(2026, 4, 1), ResponseVerdict.PLANNED, "Projektleitung",
        measures_due_on=date(2026, 6, 30), project_id=ids[0],
    )  # fmt: skip
    register.record_response(row.id, row.version, draft, today=date(2026, 4, 1))
    return register


def test_a_passed_plan_beside_a_response_not_yet_due_is_shown_overdue(qtbot, register, council):
    (row,) = register.list(council.id, today=TODAY)
    model = RecommendationsTableModel()
    model.set_recommendations([row])
    overdue = RegisterFilter()
    overdue.set_overdue(True)
    cell = model.index(0, RecommendationsTableModel.COLUMN_OVERDUE)

    assert row.status is RecommendationStatus.SENT and not row.overdue  # Parkhaus not due
    assert overdue.accepts([register_row(row)]) == [True]
    assert cell.data() == "10 Tage"
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == PLAN
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == overdue_background()
    assert PLAN in detail_text(register.get(row.id, today=TODAY))


def test_the_register_page_filters_marks_and_counts_it_by_one_rule(
    qtbot, services, dialogs, register, council
):
    """On the page itself: the filter "überfällig" keeps the row and leaves the other
    out, the row is red with the plan's days in its column; so still after a refresh once
    a later interim answer of the planning project moved the plan's date (still passed)."""
    register.create(council.id, RecommendationContent("Nicht fällig"), TODAY, adopted=True)
    page = RecommendationsPage(services, dialogs, lambda: TODAY)
    qtbot.addWidget(page)
    page.set_council(council.id)
    page.refresh()
    page.filters.status_combo.setCurrentIndex(page.filters.status_combo.findData("overdue"))

    def shown() -> tuple[str, str, object, str]:
        assert page.model.rowCount() == 1
        code = page.model.index(0, RecommendationsTableModel.COLUMN_CODE)
        late = page.model.index(0, RecommendationsTableModel.COLUMN_OVERDUE)
        status = page.model.index(0, RecommendationsTableModel.COLUMN_STATUS)
        return code.data(), late.data(), code.data(Qt.ItemDataRole.ForegroundRole), status.data()

    code, late, colour, status = shown()
    assert (late, colour, status) == ("10 Tage", overdue_foreground(), "übermittelt (1/2)")
    assert page.count_label.text() == "1 von 2 Empfehlungen"

    (row,) = (r for r in register.list(council.id, today=TODAY) if len(r.projects) == 2)
    later = ResponseDraft(
        date(2026, 7, 1), ResponseVerdict.PLANNED, "Projektleitung",
        measures_due_on=date(2026, 7, 5), project_id=row.projects[0].id,
    )  # fmt: skip
    register.record_response(row.id, row.version, later, today=TODAY)
    page.refresh()

    assert shown() == (code, "5 Tage", overdue_foreground(), "übermittelt (1/2)")
