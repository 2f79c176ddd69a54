"""A click on a button ("Speichern", a dialog's OK) straight from a date or time field that
refuses what was typed into it ("24:00", "01.13.2027") does nothing: the field goes back to
its value before and says why, and the click saved the form with that value, one the user
did not type (found by review; Enter and Strg+S saved nothing already).

The click on a button that takes the focus moves it out of the field first, which refuses
as it loses it (:meth:`ClickGuard.left`); a button that does not take the focus (a tool
button) leaves it in the field, which reads what was typed as the button is pressed. Either
way the press does not reach the button, and the focus stays in the field (or goes back to
it) to type the value anew. A second click saves the value the field shows, as a second
Enter does. A dialog's "Abbrechen" cancels at the first click."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDateTimeEdit,
    QDialogButtonBox,
    QWidget,
)
from shiboken6 import isValid

_PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)
_CANCEL = QDialogButtonBox.ButtonRole.RejectRole  # "Abbrechen", "Schließen"


class ClickGuard(QObject):
    """Watches the application's mouse presses while a date or time field has the focus
    (:meth:`came`), and for the press that took it from a field refusing its keys."""

    def __init__(self) -> None:
        super().__init__()
        self._field: QDateTimeEdit | None = None  # the field with the focus, or refusing
        self._refused = False  # it refused as a click took the focus from it

    def came(self, field: QDateTimeEdit) -> None:
        """``field`` has the focus: a button pressed while it has it is pressed after the
        field has read what was typed."""
        self._field, self._refused = field, False
        QApplication.instance().installEventFilter(self)

    def left(self, field: QDateTimeEdit, taken: bool, reason: Qt.FocusReason) -> None:
        """``field`` lost the focus, having read what was typed (``taken`` false: it
        refused it). Where a click took the focus, the press comes next, at once."""
        if field is not self._field:
            return
        if not taken and reason is Qt.FocusReason.MouseFocusReason:
            self._refused = True
            QTimer.singleShot(0, self, lambda: self._stop(field))  # no press came
        else:
            self._stop(field)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        field = self._field
        if event.type() not in _PRESSES or not isinstance(watched, QAbstractButton):
            return False
        if field is None or not isValid(field) or _within(watched, field) or _cancels(watched):
            return False
        refused = self._refused or (field.hasFocus() and not field.take_typed())
        if not refused:
            return False
        self._refused = False
        field.setFocus(Qt.FocusReason.OtherFocusReason)  # to type the value anew
        return True

    def _stop(self, field: QDateTimeEdit) -> None:
        if field is self._field and not (isValid(field) and field.hasFocus()):
            self._field, self._refused = None, False
            QApplication.instance().removeEventFilter(self)


def _cancels(button: QAbstractButton) -> bool:
    """Whether ``button`` is a dialog's "Abbrechen", which takes no value of the field."""
    box = button.parent()
    return isinstance(box, QDialogButtonBox) and box.buttonRole(button) is _CANCEL


def _within(widget: QWidget, field: QWidget) -> bool:
    """Whether ``widget`` is ``field`` or one of its own (the calendar that pops up)."""
    while widget is not None:
        if widget is field:
            return True
        widget = widget.parentWidget()
    return False


CLICKS = ClickGuard()
