"""A time field that can be empty ("––:––"): the start or end of minutes, an arrival or
departure, not yet known."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
)
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QTimeEdit,
)

from expertenrat.ui.widgets import wheel_only_when_focused

NO_TIME = QTime(0, 0)


_NO_TIME_TEXT = "––:––"


class OptionalTimeEdit(QTimeEdit):
    """A time edit where 00:00 shows "––:––" and means no time.

    A time is typed into it as into a filled one: at the first digit the dashes give way
    to 00:00 with the hours selected ("1605" is 16:05); they come back when the focus
    leaves. (Qt appended the digits to the dashes, "––:––605", and kept no time.)
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.specialValueText() and self.time() == NO_TIME and event.text().isdigit():
            self.setSpecialValueText("")
            self.setCurrentSection(QDateTimeEdit.Section.HourSection)
            self.setSelectedSection(QDateTimeEdit.Section.HourSection)
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if not self.specialValueText():
            self.setSpecialValueText(_NO_TIME_TEXT)


def time_edit() -> QTimeEdit:
    """A time field "HH:mm" that takes the mouse wheel only when focused (the wheel passing
    over it scrolls the form)."""
    edit = wheel_only_when_focused(QTimeEdit())
    edit.setDisplayFormat("HH:mm")
    return edit


def optional_time_edit() -> QTimeEdit:
    """A time edit where 00:00 shows "––:––" and means no time (:class:`OptionalTimeEdit`),
    taking the mouse wheel only when focused."""
    edit = wheel_only_when_focused(OptionalTimeEdit())
    edit.setDisplayFormat("HH:mm")
    edit.setMinimumTime(NO_TIME)
    edit.setSpecialValueText(_NO_TIME_TEXT)
    edit.setTime(NO_TIME)
    return edit


def optional_time(edit: QTimeEdit) -> time | None:
    value = edit.time()
    return None if value == NO_TIME else value.toPython()


def set_optional_time(edit: QTimeEdit, value: time | None) -> None:
    edit.setTime(QTime(value) if value is not None else NO_TIME)
