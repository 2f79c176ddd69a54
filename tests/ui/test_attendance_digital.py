"""The Anwesenheit tab's mark "digital zugeschaltet": a member's status "digital" (present,
by video or phone), saved at once and read back; the guest dialog's check box, saved and
shown in the guests' table (found by a tester running hybrid meetings)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from attendance_waits import chosen
from held_meeting import council_of_three
from meeting_rows import add_meeting
from PySide6.QtCore import Qt

from expertenrat.domain.enums import AttendanceStatus
from expertenrat.ui.attendance_conflict import taken_elsewhere
from expertenrat.ui.attendance_panel import AttendancePanel
from tests.ui.settling import exposed

WAIT = 30_000  # ms: the save runs in the worker on a busy machine


@pytest.fixture
def meeting_id(services, today) -> int:
    return add_meeting(services.database, council_of_three(services, today)).meeting_id


@pytest.fixture
def panel(qtbot, services, dialogs, meeting_id) -> AttendancePanel:
    panel = AttendancePanel(services, dialogs)
    qtbot.addWidget(panel)
    panel.set_meeting(meeting_id)
    return panel


def test_a_member_chosen_digital_is_saved_present_with_the_mark(
    qtbot, panel, services, meeting_id
) -> None:
    row = next(iter(panel.rows.values()))
    assert row.status_combo.itemText(1) == "digital"  # right after "anwesend"

    chosen(qtbot, panel, row.status_combo, "digital")

    (entry,) = [e for e in services.attendance.sheet(meeting_id).entries if e.id is not None]
    assert (entry.status, entry.digital) == (AttendanceStatus.PRESENT, True)
    assert row.arrives_combo.isEnabled()  # present: arrival and departure as for anwesend
    assert "1 von 3 stimmberechtigten Mitgliedern" in panel.quorum_label.text()  # counts
    panel.set_meeting(None)
    panel.set_meeting(meeting_id)  # read back
    assert panel.rows[entry.membership_id].status_combo.currentText() == "digital"

    chosen(qtbot, panel, panel.rows[entry.membership_id].status_combo, "present")
    (entry,) = [e for e in services.attendance.sheet(meeting_id).entries if e.id is not None]
    assert (entry.status, entry.digital) == (AttendanceStatus.PRESENT, False)


def test_a_guest_is_marked_digital_in_the_dialog(qtbot, panel, services, meeting_id) -> None:
    view, model = panel.guests.view, panel.guests.model
    panel.guests.add_button.click()
    dialog = panel.guests.dialog
    exposed(dialog)
    dialog.name_edit.setText("Ole Fründt")
    dialog.non_public_check.setFocus()
    qtbot.keyClick(dialog.non_public_check, Qt.Key.Key_Tab)  # the check box follows
    assert dialog.focusWidget() is dialog.digital_check
    qtbot.keyClick(dialog.digital_check, Qt.Key.Key_Space)
    with qtbot.waitSignal(panel.changed, timeout=WAIT):
        dialog.accept()

    (guest,) = services.attendance.sheet(meeting_id).guests
    assert guest.digital and not guest.non_public_only
    assert model.data(model.index(0, model.COLUMN_PART)) == "digital"
    assert not view.isColumnHidden(model.COLUMN_PART)
    view.selectRow(0)
    panel.guests.edit_button.click()
    assert panel.guests.dialog.digital_check.isChecked()


def test_a_line_taken_elsewhere_names_the_digital_mark(services, meeting_id, today) -> None:
    """Another PC recorded the member "digital", this one "anwesend": not the same, and the
    warning says what differs."""
    sheet = services.attendance.sheet(meeting_id)
    entry = replace(sheet.entries[0], status=AttendanceStatus.PRESENT)
    now = services.attendance.save_entry(meeting_id, replace(entry, digital=True), today=today)

    warning = taken_elsewhere(now, entry.membership_id, entry)

    assert "erfasst: anwesend, digital zugeschaltet. Ihre Angabe (anwesend) ist" in warning
