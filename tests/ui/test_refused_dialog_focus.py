"""A dialog whose entry is refused for a missing reason or name puts the cursor into that
field, where the message sends the user (found by a tester: it stayed on the member, or
in "Institution", and the next keys went there)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from expertenrat.domain.attendance_sheet import GuestEntry
from expertenrat.domain.conflict_sheet import MemberRef
from expertenrat.ui.conflict_declare_dialog import ConflictDeclareDialog
from expertenrat.ui.guest_dialog import GuestDialog


def shown_active(qtbot, dialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def test_a_conflict_without_a_reason_puts_the_cursor_in_grund(qtbot) -> None:
    entries: list[tuple[int, str]] = []

    def submit(member: int, reason: str) -> bool:
        entries.append((member, reason))
        return bool(reason.strip())  # as the service: no reason, no entry

    dialog = ConflictDeclareDialog("TOP 5 Beratung", [MemberRef(7, "Sascha Behrens")], submit)
    shown_active(qtbot, dialog)
    dialog.member_combo.setFocus()

    dialog.accept()  # Enter: the service refuses it (its message is a box over the dialog)

    assert entries == [(7, "")] and dialog.isVisible()
    assert dialog.focusWidget() is dialog.reason_edit


def test_a_guest_without_a_name_puts_the_cursor_in_name(qtbot) -> None:
    dialog = GuestDialog(GuestEntry(None, ""), lambda guest: bool(guest.name.strip()))
    shown_active(qtbot, dialog)
    dialog.organisation_edit.setFocus()
    dialog.organisation_edit.setText("Stadtwerke Rostock")

    dialog.accept()

    assert dialog.isVisible() and dialog.focusWidget() is dialog.name_edit
