"""(found by a tester) Adopting a draft "im Umlaufverfahren" in the register's dialog: the
procedure's fields show only when asked for, a wrong count is refused in German with all
that was typed kept, and the register then says where it was adopted."""

from __future__ import annotations

from datetime import date

import pytest
from overview_sample import seed
from PySide6.QtWidgets import QLabel

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.ui.recommendations_page import RecommendationsPage
from expertenrat.ui.recommendations_table_model import RecommendationsTableModel as M


@pytest.fixture
def sample(services, sqlite_database):
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )
    return seed(sqlite_database, council.id)


@pytest.fixture
def page(qtbot, services, dialogs, sample, today):
    page = RecommendationsPage(services, dialogs, lambda: today)
    qtbot.addWidget(page)
    page.set_council(sample.council_id)
    page.refresh()
    return page


def test_adopting_in_writing_records_the_votes_and_the_register_says_so(
    page, sample, services
) -> None:
    content = RecommendationContent(
        "Offene Daten & <APIs>", project_ids=(sample.projects["KLIMA"],)
    )
    draft = services.recommendations.create(sample.council_id, content, date(2026, 11, 2)).row
    page.refresh()
    page.select(draft.id)
    page.adopt_button.click()
    dialog = page.steps.dialog
    dialog.show()
    written = dialog.written
    assert not written.sent_edit.isVisible() and not written.yes_spin.isVisible()
    written.check.setChecked(True)
    assert written.sent_edit.isVisible() and written.recused_spin.isVisible()
    captions = {label.buddy(): label.text() for label in dialog.findChildren(QLabel)}
    spins = (written.yes_spin, written.no_spin, written.abstain_spin, written.recused_spin)
    # each count after its own caption, not two bare boxes behind "Ja / Nein" (found by review)
    assert [captions.get(spin) for spin in spins] == ["Ja", "Nein", "Enthaltung", "befangen"]
    assert all(captions[spin] == spin.accessibleName() for spin in spins)
    assert written.members_spin.value() == 2  # the council's active members

    written.sent_edit.setDate(date(2026, 11, 10))
    written.deadline_edit.setDate(date(2026, 11, 17))
    dialog.date_edit.setDate(date(2026, 11, 17))
    written.yes_spin.setValue(2)
    written.no_spin.setValue(1)
    dialog.accept_button.click()
    assert dialog.isVisible()
    assert dialog.error_label.text() == (
        "3 Rückmeldungen (Ja, Nein, Enthaltung, befangen) sind mehr als die 2 befragten Mitglieder."
    )
    assert page.selected().status is RecommendationStatus.DRAFT
    assert written.yes_spin.value() == 2 and written.check.isChecked()

    written.no_spin.setValue(0)
    dialog.accept_button.click()

    assert not dialog.isVisible()
    row = page.selected()
    assert (row.status, row.adopted_on) == (RecommendationStatus.ADOPTED, date(2026, 11, 17))
    origin = page.view.currentIndex().siblingAtColumn(M.COLUMN_ORIGIN).data()
    assert origin == "im Umlaufverfahren am 17.11.2026"
    detail = page.detail.toPlainText()
    assert "Herkunft: im Umlaufverfahren am 17.11.2026" in detail
    assert "2 Ja, 0 Nein, 0 Enthaltungen, 0 befangen (2 Mitglieder befragt)" in detail


def test_without_the_box_the_adoption_records_no_written_procedure(page, sample, services):
    content = RecommendationContent("In der Sitzung", project_ids=(sample.projects["KLIMA"],))
    draft = services.recommendations.create(sample.council_id, content, date(2026, 11, 2)).row
    page.refresh()
    page.select(draft.id)
    page.adopt_button.click()
    dialog = page.steps.dialog
    dialog.written.yes_spin.setValue(5)  # typed, then the box left unchecked
    dialog.date_edit.setDate(date(2026, 11, 20))
    dialog.accept_button.click()

    assert not dialog.isVisible()
    assert page.selected().origin.label == "zwischen den Sitzungen"
