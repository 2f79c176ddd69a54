"""„Versand ändern …“ in place of „Versenden …“ (found by a tester: a recommendation's
sending could not be undone nor its day corrected): for one sent and not yet answered,
a dialog corrects the day or takes the sending back."""

from __future__ import annotations

from datetime import date

import pytest
from overview_sample import seed
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import RecommendationStatus
from expertenrat.ui.recommendations_page import RecommendationsPage
from expertenrat.ui.sending_correction_dialog import SendingCorrectionDialog


@pytest.fixture
def page(qtbot, services, dialogs, sqlite_database, today):
    council = services.settings.create_council(CouncilSettings(id=None, name="R", city="R"))
    sample = seed(sqlite_database, council.id)
    page = RecommendationsPage(services, dialogs, lambda: today)
    qtbot.addWidget(page)
    page.set_council(council.id)
    page.refresh()
    page.select(sample.recommendations["E-2026-04"])  # sent on 10.06.2026, not answered
    return page


def _correct(page, choose) -> None:
    assert page.send_button.text() == "Versand ändern …" and page.send_button.isEnabled()
    page.send_button.click()
    dialog = page.findChild(SendingCorrectionDialog)
    choose(dialog)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_day_is_corrected(page) -> None:
    _correct(page, lambda dialog: dialog.editor.setDate(date(2026, 6, 12)))

    assert page.selected().sent_on == date(2026, 6, 12)
    assert page.selected().status is RecommendationStatus.SENT


def test_the_sending_is_taken_back(page) -> None:
    _correct(page, lambda dialog: dialog.not_sent.setChecked(True))

    assert page.selected().status is RecommendationStatus.ADOPTED
    assert page.send_button.text() == "Versenden …" and page.send_button.isEnabled()


def test_a_change_on_another_pc_meanwhile_is_said(page, services, dialogs) -> None:
    def change_elsewhere(dialog) -> None:
        row = page.selected()
        services.recommendations.set_due_date(row.id, row.version, date(2027, 1, 8), row.sent_on)
        dialog.not_sent.setChecked(True)

    _correct(page, change_elsewhere)

    assert dialogs.warnings()[-1].startswith(
        "Die Empfehlung E-2026-04 wurde inzwischen von jemand anderem geändert (Stand jetzt: "
        "übermittelt)"
    )
    assert page.selected().status is RecommendationStatus.SENT
    assert page.selected().due_on == date(2027, 1, 8)


def test_after_a_reminder_the_taking_back_is_off_with_the_reason(page, services) -> None:
    """(found by a tester) Once a reminder went out only the day can be corrected: the
    taking back was offered and refused only after OK; now it is off, the reason shown."""
    row = page.selected()
    project_id = row.projects[0].id
    services.recommendations.record_reminder(
        project_id, date(2026, 9, 1), recommendation_ids=[row.id]
    )
    page.refresh()
    page.send_button.click()
    dialog = page.findChild(SendingCorrectionDialog)

    reason = (
        "An die Stellungnahme zur Empfehlung E-2026-04 wurde am 01.09.2026 erinnert; ihr "
        "Versand lässt sich nicht mehr zurücknehmen."
    )
    assert not dialog.not_sent.isEnabled()
    assert reason in [label.text() for label in dialog.findChildren(QLabel)]
    assert dialog.other_day.isChecked() and dialog.editor.isEnabled()
