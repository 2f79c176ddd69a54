"""The guest dialog warns while the name names a member of the council, and saves all the
same: a namesake may be the guest (found by a tester: a member entered as a guest stood
twice in the minutes and did not count toward the quorum)."""

from __future__ import annotations

from expertenrat.domain.attendance_sheet import AttendanceEntry, GuestEntry
from expertenrat.ui.guest_dialog import GuestDialog

BERG = AttendanceEntry(1, "Dr. Anna Berg", "berg anna", given_name="Anna", family_name="Berg")


def test_a_guest_named_as_a_member_is_warned_of_and_saved(qtbot) -> None:
    saved: list[GuestEntry] = []
    dialog = GuestDialog(GuestEntry(None, ""), lambda g: saved.append(g) or True, members=[BERG])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.member_hint.isVisible()

    dialog.name_edit.setText("Berg, Anna")

    assert dialog.member_hint.isVisible()
    assert dialog.member_hint.text().startswith("Dr. Anna Berg ist Mitglied des Gremiums.")
    assert dialog.name_edit.accessibleDescription() == dialog.member_hint.text()
    dialog.name_edit.setText("Anna Bergmann")
    assert not dialog.member_hint.isVisible()
    dialog.name_edit.setText("Anna Berg")
    dialog.accept()
    assert [g.name for g in saved] == ["Anna Berg"] and not dialog.isVisible()


def test_the_dialog_grows_to_show_the_whole_warning(qtbot) -> None:
    """(found by review) The warning appears while the name is typed, four lines long; the
    dialog, opened as high as its fields, kept its height and cut it after one and a half."""
    dialog = GuestDialog(GuestEntry(None, ""), lambda _g: True, members=[BERG])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    dialog.name_edit.setText("Anna Berg")

    hint = dialog.member_hint
    qtbot.waitUntil(lambda: hint.height() >= hint.heightForWidth(hint.width()))
