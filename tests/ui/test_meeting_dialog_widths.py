"""The small dialogs of a meeting's tabs are wide enough to show their placeholders and
texts whole ("z. B. Referentin zu TOP 3", not "z. B. Referentin zu …")."""

from __future__ import annotations

from datetime import date

import pytest
from held_meeting import council_of_three
from meeting_rows import add_meeting
from PySide6.QtWidgets import QLineEdit

from expertenrat.domain.minutes_approval import Choice
from expertenrat.ui.attendance_panel import AttendancePanel
from expertenrat.ui.conflicts_panel import ConflictsPanel
from expertenrat.ui.dialog_parts import FORM_DIALOG_WIDTH
from expertenrat.ui.minutes_approval_dialogs import ApproveDialog
from tests.ui.settling import exposed


@pytest.fixture
def meeting(services, today):
    return add_meeting(services.database, council_of_three(services, today))


def placeholder_whole(edit: QLineEdit) -> bool:
    """The line edit shows its placeholder without cutting it (text margins and frame)."""
    return edit.width() >= edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 12


def test_the_guest_dialog_shows_its_role_placeholder_whole(qtbot, services, dialogs, meeting):
    panel = AttendancePanel(services, dialogs)
    qtbot.addWidget(panel)
    panel.set_meeting(meeting.meeting_id)

    panel.guests.add_button.click()
    dialog = panel.guests.dialog
    exposed(dialog)

    assert dialog.width() >= FORM_DIALOG_WIDTH >= 420
    assert dialog.role_edit.placeholderText() == "z. B. Referentin zu TOP 3"
    assert placeholder_whole(dialog.role_edit)


def test_the_conflict_dialog_shows_its_reason_placeholder_whole(qtbot, services, dialogs, meeting):
    panel = ConflictsPanel(services, dialogs)
    qtbot.addWidget(panel)
    panel.set_meeting(meeting.meeting_id)
    panel.select_item(meeting.item_ids[2])

    panel.declare_button.click()
    dialog = panel.dialog
    exposed(dialog)

    assert dialog.width() >= FORM_DIALOG_WIDTH
    assert dialog.reason_edit.placeholderText() == "z. B. Geschäftsführerin des Projektpartners"
    assert placeholder_whole(dialog.reason_edit)


def test_the_approval_dialog_is_as_wide_as_the_others(qtbot):
    dialog = ApproveDialog(
        [Choice(7, "6. Sitzung am 16.04.2026", date(2026, 4, 16))], None, today=date(2026, 4, 20)
    )
    qtbot.addWidget(dialog)
    dialog.open()
    exposed(dialog)

    assert dialog.width() >= FORM_DIALOG_WIDTH
