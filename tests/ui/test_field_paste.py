"""A date or time field reads the clipboard only when something is pasted into it: on
Linux/X11 reading a clipboard another program owns waits until that program answers, and
Qt's check of each key typed read it, so typing a date could freeze the window (found by
a tester)."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTime, QTimer
from PySide6.QtGui import QClipboard, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QDateEdit, QMenu, QTimeEdit
from typed_fields import focused

from expertenrat.ui.date_fields import date_edit
from expertenrat.ui.time_fields import optional_time_edit, time_edit


@pytest.fixture
def clipboard_reads(monkeypatch) -> list[QClipboard.Mode]:
    """The clipboard's reads by the program's code (Qt's own are not counted)."""
    reads: list[QClipboard.Mode] = []
    read = QClipboard.text

    def counted(clipboard: QClipboard, *args: object) -> object:
        reads.append(args[0] if args else QClipboard.Mode.Clipboard)
        return read(clipboard, *args)

    QApplication.clipboard().setText("16:30")  # a text in it, as there mostly is
    monkeypatch.setattr(QClipboard, "text", counted)
    return reads


@pytest.mark.parametrize("make", [date_edit, lambda: date_edit(date(2026, 12, 3))])
def test_a_date_typed_key_by_key_reads_no_clipboard(qtbot, clipboard_reads, make):
    edit = make()
    edit.setMinimumDate(QDate(2000, 1, 1))
    focused(qtbot, edit, whole=False)
    edit.setSelectedSection(QDateEdit.Section.DaySection)
    qtbot.keyClicks(edit, "15.01.2027")
    edit.take_typed()
    assert edit.date().toPython() == date(2027, 1, 15)
    assert clipboard_reads == []


@pytest.mark.parametrize("make", [time_edit, optional_time_edit])
def test_a_time_typed_key_by_key_reads_no_clipboard(qtbot, clipboard_reads, make):
    edit = focused(qtbot, make(), whole=False)
    edit.setSelectedSection(QTimeEdit.Section.HourSection)
    qtbot.keyClicks(edit, "4:30 PM")
    edit.take_typed()
    assert edit.time().toPython() == time(16, 30)
    assert clipboard_reads == []


def test_a_time_pasted_from_the_context_menu_is_taken(qtbot, clipboard_reads):
    """The context menu's "Einfügen" is a paste as Ctrl+V is: "16.30 Uhr" is read."""
    edit = focused(qtbot, time_edit(), QTime(10, 0))
    QApplication.clipboard().setText("16.30 Uhr")

    def paste_from_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        paste = next(a for a in menu.actions() if a.objectName() == "edit-paste")
        paste.trigger()
        menu.close()

    QTimer.singleShot(50, paste_from_menu)
    QApplication.sendEvent(
        edit,
        QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, QPoint(5, 5), edit.mapToGlobal(QPoint(5, 5))
        ),
    )
    qtbot.waitUntil(lambda: edit.time().toPython() == time(16, 30), timeout=2000)
    assert clipboard_reads == [QClipboard.Mode.Clipboard]


def test_a_date_pasted_with_shift_insert_is_taken_reading_the_clipboard_once(
    qtbot, clipboard_reads
):
    """Shift+Insert is a paste as Ctrl+V is, here into the day selected."""
    edit = focused(qtbot, date_edit(date(2026, 12, 3)), whole=False)
    edit.setSelectedSection(QDateEdit.Section.DaySection)
    QApplication.clipboard().setText("2027-01-15")
    qtbot.keyClick(edit, Qt.Key.Key_Insert, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: edit.date().toPython() == date(2027, 1, 15), timeout=2000)
    assert clipboard_reads == [QClipboard.Mode.Clipboard]
