"""After a step on the Empfehlungen page, the detail the step returned is shown, not read
again (found by a tester on a shared server: each statement a round trip)."""

from __future__ import annotations

from client_statements import recorded_statements
from overview_sample import seed

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import RecommendationStatus
from expertenrat.ui.recommendations_page import RecommendationsPage

HISTORY_READ = "SELECT recommendation_status_changes.id"


def _response_typed(qtbot, services, dialogs, database, measures: str):
    """The Empfehlungen page of the sample council (on the council's today) and its
    "Stellungnahme …" dialog for E-2026-04, filled in with ``measures`` planned."""
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )
    sample = seed(database, council.id)
    day = services.recommendations.list(council.id)[0].on  # the council's today
    page = RecommendationsPage(services, dialogs, lambda: day)
    qtbot.addWidget(page)
    page.set_council(council.id)
    page.refresh()
    page.select(sample.recommendations["E-2026-04"])
    page.response_button.click()
    dialog = page.steps.dialog
    dialog.verdict_combo.setCurrentIndex(dialog.verdict_combo.findData("planned"))
    dialog.responder_edit.setText("Amt für Umwelt")
    dialog.measures_edit.setPlainText(measures)
    return page, dialog


def test_a_recorded_response_shows_the_detail_the_step_returned(
    qtbot, services, dialogs, sqlite_database
) -> None:
    page, dialog = _response_typed(
        qtbot, services, dialogs, sqlite_database, "Sensoren <neu> & mehr"
    )

    with recorded_statements(services.database.engine) as statements:
        dialog.accept_button.click()

    assert not dialog.isVisible()
    assert page.selected().status is RecommendationStatus.ANSWERED
    assert "Sensoren <neu> & mehr" in page.detail.toPlainText()
    assert sum(s.startswith(HISTORY_READ) for s in statements) == 1  # by the step only


def test_a_step_updates_its_row_without_reading_the_register_again(
    qtbot, services, dialogs, sqlite_database
) -> None:
    """(found by a helper) After the step the whole register was read again (the rows,
    their projects, answers and words, the action fields): the step's row takes its place
    (DESIGN.md: one changed record updates one row), found by its new words."""
    page, dialog = _response_typed(
        qtbot, services, dialogs, sqlite_database, "Luftgütesensoren an allen Schulen"
    )
    total = page.model.total()

    with recorded_statements(services.database.engine) as statements:
        dialog.accept_button.click()

    assert not [s for s in statements if "FROM action_fields" in s], statements
    assert page.model.total() == total
    assert page.selected().status is RecommendationStatus.ANSWERED
    page.search_edit.setText("Luftgütesensoren")
    assert [r.code for r in map(page.model.object_of, page.model.rows())] == ["E-2026-04"]
    assert page.selected().code == "E-2026-04"
