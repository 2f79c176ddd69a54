"""The Anwesenheit tab's "Unterbrechung": a member present leaves during an item and takes
part again from a later one. The line's button opens the dialog; what is chosen is saved
at once, shown on the button ("2–3") and counted in the quorum per item; an order that
does not fit stays in the dialog with the message under the field, nothing saved; a time
the service refuses (outside the meeting) is explained and the line shows what is stored;
"Unterbrechung entfernen" removes it."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

import pytest
from attendance_of_three import attendance_of_three
from attendance_waits import chosen, saved
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from expertenrat.domain.enums import AttendanceStatus
from expertenrat.ui.attendance_conflict import taken_elsewhere
from expertenrat.ui.attendance_panel import AttendancePanel
from expertenrat.ui.step_out_dialog import StepOutDialog
from tests.ui.settling import exposed


@pytest.fixture
def shown(qtbot, services, dialogs, today):
    """The tab of a held meeting of three (TOP 1 Eröffnung, 2 Bericht, 3 Beratung,
    4 Verschiedenes; 10.03.2026 16–18 Uhr), all three recorded excused."""
    panel, meeting, _members = attendance_of_three(qtbot, services, dialogs, today)
    return panel, meeting


@pytest.fixture
def panel(shown) -> AttendancePanel:
    return shown[0]


@pytest.fixture
def meeting(shown):
    return shown[1]


def _open_dialog(qtbot, panel, row) -> StepOutDialog:
    assert row.away_button.isEnabled()
    row.away_button.click()
    dialog = panel.findChild(StepOutDialog)
    exposed(dialog)
    return dialog


def _choose(dialog: StepOutDialog, away: int, back: int, away_at: QTime | None = None) -> None:
    dialog.away_combo.setCurrentIndex(dialog.away_combo.findData(away))
    dialog.back_combo.setCurrentIndex(dialog.back_combo.findData(back))
    if away_at is not None:
        dialog.away_time.setTime(away_at)


def _ok(dialog: StepOutDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def _present_rows(qtbot, panel):
    rows = list(panel.rows.values())
    for row in rows:
        chosen(qtbot, panel, row.status_combo, "present")
    return rows


def test_a_time_away_is_saved_shown_and_counted(qtbot, panel, services, meeting) -> None:
    first, report, consult, misc = meeting.item_ids
    row = _present_rows(qtbot, panel)[0]
    assert row.away_button.text() == "–"

    dialog = _open_dialog(qtbot, panel, row)
    _choose(dialog, report, misc, QTime(16, 30))
    _ok(dialog)
    saved(qtbot, panel)

    entry = services.attendance.sheet(meeting.meeting_id).entry(row.stored().membership_id)
    assert (entry.away_item_id, entry.away_at, entry.back_item_id) == (report, time(16, 30), misc)
    assert row.away_button.text() == "2–3"
    assert row.away_button.toolTip() == (
        "verlässt die Sitzung während TOP 2 (16:30 Uhr) und nimmt ab TOP 4 wieder teil"
    )
    sheet = services.attendance.sheet(meeting.meeting_id)
    assert [sheet.voting_at(i) for i in (first, report, consult, misc)] == [3, 2, 2, 3]

    panel.set_meeting(None)
    panel.set_meeting(meeting.meeting_id)  # read back
    again = panel.rows[entry.membership_id]
    assert again.away_button.text() == "2–3"
    dialog = _open_dialog(qtbot, panel, again)
    assert (dialog.away_combo.currentData(), dialog.back_combo.currentData()) == (report, misc)
    dialog.remove_button.click()
    saved(qtbot, panel)
    entry = services.attendance.sheet(meeting.meeting_id).entry(entry.membership_id)
    assert (entry.away_item_id, entry.back_item_id) == (None, None)
    assert again.away_button.text() == "–"


def test_back_before_away_stays_in_the_dialog_and_nothing_is_saved(
    qtbot, panel, services, meeting
) -> None:
    _, report, consult, _ = meeting.item_ids
    row = _present_rows(qtbot, panel)[0]
    dialog = _open_dialog(qtbot, panel, row)
    _choose(dialog, consult, report)

    _ok(dialog)

    assert dialog.isVisible()
    assert "kehrt zu TOP 2 zurück" in dialog.errors.message("back_item_id")
    assert panel.saving() is None
    entry = services.attendance.sheet(meeting.meeting_id).entry(row.stored().membership_id)
    assert entry.away_item_id is None
    dialog.reject()


def test_the_dialog_grows_to_show_the_whole_message(qtbot, panel, meeting) -> None:
    """(found by review) The message under "Nimmt wieder teil ab" wraps over four lines;
    the dialog, opened as high as its fields, kept its height and squeezed it into one,
    over the field above it."""
    _, report, consult, _ = meeting.item_ids
    dialog = _open_dialog(qtbot, panel, _present_rows(qtbot, panel)[0])
    _choose(dialog, consult, report)

    _ok(dialog)

    (label,) = [
        label
        for label in dialog.findChildren(QLabel)
        if label.isVisible() and "kehrt zu TOP 2 zurück" in label.text()
    ]
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    dialog.reject()


def test_a_time_outside_the_meeting_is_refused_and_the_line_restored(
    qtbot, panel, dialogs, services, meeting
) -> None:
    _, report, _, misc = meeting.item_ids
    row = _present_rows(qtbot, panel)[0]
    dialog = _open_dialog(qtbot, panel, row)
    _choose(dialog, report, misc, QTime(21, 30))

    _ok(dialog)
    saved(qtbot, panel)

    assert any("außerhalb der Sitzung" in text for text in dialogs.warnings())
    assert row.away_button.text() == "–"
    entry = services.attendance.sheet(meeting.meeting_id).entry(row.stored().membership_id)
    assert entry.away_item_id is None


def test_only_a_member_present_can_step_out(qtbot, panel) -> None:
    row = next(iter(panel.rows.values()))
    assert not row.away_button.isEnabled()
    chosen(qtbot, panel, row.status_combo, "excused")
    assert not row.away_button.isEnabled()


def test_a_line_taken_elsewhere_names_the_time_away(services, meeting, today) -> None:
    """Another PC recorded the member away during TOP 2 and back at TOP 4, this one
    "anwesend" alone: not the same, and the warning says what differs."""
    sheet = services.attendance.sheet(meeting.meeting_id)
    entry = replace(sheet.entries[0], status=AttendanceStatus.PRESENT)
    away = replace(entry, away_item_id=meeting.item_ids[1], back_item_id=meeting.item_ids[3])
    now = services.attendance.save_entry(meeting.meeting_id, away, today=today)

    warning = taken_elsewhere(now, entry.membership_id, entry)

    assert (
        "erfasst: anwesend, verlässt die Sitzung während TOP 2 Bericht, nimmt wieder teil ab "
        "TOP 4 Verschiedenes. Ihre Angabe (anwesend) ist"
    ) in warning


def _typed_into(qtbot, dialog: StepOutDialog, typed: str) -> None:
    """``typed`` into the time "um" of the active dialog, from its hours."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    field = dialog.away_time
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.setSelectedSection(field.sectionAt(0))
    qtbot.keyClicks(field, typed)


@pytest.mark.parametrize("typed", ["24:00", "12a"])
def test_ok_clicked_from_a_time_refused_saves_nothing(
    qtbot, panel, services, meeting, typed
) -> None:
    """(found by review) OK clicked straight from "24:00" typed in "um" saved the time away
    the field had gone back to (none); now the click does nothing, the field says why."""
    _, report, _, misc = meeting.item_ids
    row = _present_rows(qtbot, panel)[0]
    dialog = _open_dialog(qtbot, panel, row)
    _choose(dialog, report, misc)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)

    _typed_into(qtbot, dialog, typed)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.away_time.hasFocus()
    assert dialog.away_time.notice.message.startswith(f"„{typed}“ ist ")
    assert panel.saving() is None
    entry = services.attendance.sheet(meeting.meeting_id).entry(row.stored().membership_id)
    assert entry.away_item_id is None

    _typed_into(qtbot, dialog, "16:30")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    saved(qtbot, panel)
    entry = services.attendance.sheet(meeting.meeting_id).entry(entry.membership_id)
    assert (entry.away_item_id, entry.away_at) == (report, time(16, 30))


def test_abbrechen_clicked_from_a_time_refused_closes_the_dialog(qtbot, panel) -> None:
    """A dialog's "Abbrechen" takes no value: it cancels at the first click."""
    dialog = _open_dialog(qtbot, panel, _present_rows(qtbot, panel)[0])
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    _typed_into(qtbot, dialog, "24:00")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert panel.saving() is None
