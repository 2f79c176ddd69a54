"""The guest dialog's mark "nur im nichtöffentlichen Teil anwesend": set by keyboard, saved,
shown in the guests' table, read back into the dialog and cleared again."""

from __future__ import annotations

import pytest
from held_meeting import council_of_three
from meeting_rows import add_meeting
from PySide6.QtCore import Qt
from verwerfen import closing_asks_first

from expertenrat.ui.attendance_panel import AttendancePanel
from tests.ui.settling import exposed

WAIT = 30_000  # ms: the save runs in the worker on a busy machine


@pytest.fixture
def panel(qtbot, services, dialogs, today) -> AttendancePanel:
    meeting = add_meeting(services.database, council_of_three(services, today))
    panel = AttendancePanel(services, dialogs)
    qtbot.addWidget(panel)
    panel.set_meeting(meeting.meeting_id)
    return panel


def _saved_guests(services, panel):
    return services.attendance.sheet(panel.guests._meeting_id).guests


def test_the_non_public_mark_round_trips_through_the_dialog(qtbot, panel, services) -> None:
    view, model = panel.guests.view, panel.guests.model
    assert view.isColumnHidden(model.COLUMN_PART)  # no guest marked: no column for it
    panel.guests.add_button.click()
    dialog = panel.guests.dialog
    exposed(dialog)
    assert not dialog.non_public_check.isChecked()
    dialog.name_edit.setText("Horst Geheimgast")
    dialog.role_edit.setFocus()
    qtbot.keyClick(dialog.role_edit, Qt.Key.Key_Tab)  # the check box follows the Rolle
    assert dialog.focusWidget() is dialog.non_public_check
    qtbot.keyClick(dialog.non_public_check, Qt.Key.Key_Space)
    assert dialog.non_public_check.isChecked()
    with qtbot.waitSignal(panel.changed, timeout=WAIT):
        dialog.accept()

    (guest,) = _saved_guests(services, panel)
    assert guest.non_public_only
    assert model.data(model.index(0, model.COLUMN_PART)) == "nur nichtöffentlich"
    assert not view.isColumnHidden(model.COLUMN_PART)

    panel.guests.view.selectRow(0)
    panel.guests.edit_button.click()
    dialog = panel.guests.dialog
    assert dialog.non_public_check.isChecked()
    dialog.non_public_check.setChecked(False)
    with qtbot.waitSignal(panel.changed, timeout=WAIT):
        dialog.accept()

    (guest,) = _saved_guests(services, panel)
    assert not guest.non_public_only
    assert model.data(model.index(0, model.COLUMN_PART)) == ""
    assert view.isColumnHidden(model.COLUMN_PART)


def test_closing_asks_before_dropping_a_changed_mark(panel, dialogs) -> None:
    panel.guests.add_button.click()
    dialog = panel.guests.dialog
    dialog.non_public_check.setChecked(True)

    closing_asks_first(dialogs, dialog, dialog.reject, dialog.non_public_check.isChecked)
