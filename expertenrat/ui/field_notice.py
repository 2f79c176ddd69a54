"""What a date or time field says of a value typed into it that it did not take as typed:
"24:00" became 02:00, "01.13.2027" 01.01.2027 and "12a" (midnight) no time at all, and
nothing was said (found by review). The field now keeps the value it had and says why, in
red (:meth:`FieldNotice.refuse`); a day the month does not have, cut to its last ("30.02."
is the 28th, as Qt does it), is said in amber (:meth:`FieldNotice.warn`). The message shows
under the field at once and stays as its tooltip, with the field's colour, until the value
changes or something is typed again (the tooltip under it goes at the next key or click);
a screen reader hears it."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QEvent, QObject, QTimer
from PySide6.QtWidgets import QDateTimeEdit

from expertenrat.ui.field_paste import say_under
from expertenrat.ui.form_errors import announce, set_style_property


class FieldNotice(QObject):
    """The message of a date or time ``field`` about what was typed into it."""

    def __init__(self, field: QDateTimeEdit) -> None:
        super().__init__(field)
        self._field = field
        self._kind = ""  # "error" or "warning" while a message is shown
        self._tip = ""  # the field's own tooltip, back once the message goes
        self._description = ""  # the same for its description to a screen reader
        self._value = QDateTime()  # the field's value the message is about
        field.dateTimeChanged.connect(self._changed)
        field.installEventFilter(self)  # a key typed: the message goes

    @property
    def message(self) -> str:
        """The message shown, "" for none."""
        return self._field.toolTip() if self._kind else ""

    def refuse(self, message: str) -> None:
        """Say ``message``: what was typed is not the field's value."""
        self._say("error", message)

    def warn(self, message: str) -> None:
        """Say ``message``: the field's value is not quite what was typed."""
        self._say("warning", message)

    def clear(self) -> None:
        if not self._kind:
            return
        set_style_property(self._field, self._kind, False)
        self._field.setToolTip(self._tip)
        self._field.setAccessibleDescription(self._description)
        self._kind = ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() is QEvent.Type.KeyPress and event.text().isprintable() and event.text():
            self.clear()
        return False

    def _changed(self, value: QDateTime) -> None:
        if value != self._value:  # Qt says the value again on Enter
            self.clear()

    def _say(self, kind: str, message: str) -> None:
        self.clear()
        self._value = self._field.dateTime()
        self._tip, self._description = self._field.toolTip(), self._field.accessibleDescription()
        self._kind = kind
        set_style_property(self._field, kind, True)
        self._field.setToolTip(message)
        self._field.setAccessibleDescription(message)
        announce(self._field, message)
        # Once the focus has moved on: the tooltip goes when another field takes the focus.
        QTimer.singleShot(0, self, lambda: self._say_under(message))

    def _say_under(self, message: str) -> None:
        if self.message == message and self._field.isVisible():
            say_under(self._field, message)
