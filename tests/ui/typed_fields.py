"""Date and time fields set up for a test of what is typed or pasted into them: in an
active window (the focus moves, and leaves, only in the active window), or alone and
focused; and a paste as Ctrl+V makes it."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QVBoxLayout, QWidget

from expertenrat.ui.date_fields import DateEdit, date_edit

Field = TypeVar("Field", bound=QDateTimeEdit)


def in_active_window(qtbot, *widgets: QWidget) -> QWidget:
    """``widgets`` one below the other in a window, shown and the active one; the caller
    keeps the window (qtbot holds it weakly: gone, it takes the widgets with it)."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    for widget in widgets:
        layout.addWidget(widget)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def focused(qtbot, edit: Field, shown: QTime | None = None, *, whole: bool = True) -> Field:
    """``edit`` shown alone and focused, showing ``shown`` where given; ``whole``: its whole
    text selected (as Ctrl+A does)."""
    qtbot.addWidget(edit)
    edit.show()
    if shown is not None:
        edit.setTime(shown)
    edit.setFocus()
    if whole:
        edit.selectAll()
    return edit


def paste(qtbot, edit: QWidget, copied: str) -> None:
    """``copied`` put on the clipboard and pasted into ``edit`` with Ctrl+V."""
    QApplication.clipboard().setText(copied)
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def empty_date_edit() -> DateEdit:
    """A date field with no date, showing "–" (a consent's date, the Änderungsprotokoll's
    days)."""
    edit = date_edit()
    edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setSpecialValueText("–")
    edit.setDate(edit.minimumDate())
    return edit
