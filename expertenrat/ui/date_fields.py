"""The window's one date field ("dd.MM.yyyy" with a calendar): it takes a date typed as
German offices type it, "15.01.2027", "15.1.27" or "15012027".

Qt's own field moves on to the next part by itself once a day or a month is complete, and
a dot typed right after that skipped the next part as well: "15.01.2027" became
"15.12.00001.2027", and a year typed with two digits ("1.1.27") was no year at all. When
the focus left, Qt threw such a text away and kept the date the field had before, without
a word: a meeting typed for 15.01.2027 was saved on 15.12.2026. And a day the month typed
does not have in the field's year then (29.02. while the field showed 2026) became the
month's last day, and stayed so when the year typed next had it: 29.02.2028 was saved as
28.02.2028 (found by a tester).
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QDateEdit, QWidget

from expertenrat.domain.german_dates import copied_date, full_year
from expertenrat.ui.widgets import wheel_only_when_focused

# A dot (or what else people type between day, month and year) after a complete part.
_SEPARATORS = frozenset(".,/-")
_TWO_DIGIT_YEAR = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{2})")


class DateEdit(QDateEdit):
    """A :class:`QDateEdit` that skips a dot typed after a part it completed itself, reads
    a two-digit year as the member import does ("1.1.27" is 2027, "3.10.90" 1990; see
    :func:`~expertenrat.domain.german_dates.full_year`) when the focus leaves or Enter is
    pressed, keeps the day typed once the year typed has it (29.02.2028), and takes a date
    pasted as :func:`~expertenrat.domain.german_dates.copied_date` reads it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._moved_on = False  # the last digit completed a part and moved to the next
        self._typed_day: int | None = None  # the day typed, before Qt cut it to the month

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if self._moved_on and text and text in _SEPARATORS:
            self._moved_on = False
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.take_two_digit_year()
        before = self.currentSection()
        super().keyPressEvent(event)
        self._moved_on = text.isdigit() and self.currentSection() != before
        if not text.isdigit():
            return
        if before is QDateEdit.Section.DaySection:
            typed = self.sectionText(QDateEdit.Section.DaySection)
            self._typed_day = int(typed) if typed.isdigit() else None
        elif self.lineEdit().text() == self.textFromDateTime(self.dateTime()):
            self._take(self.date().year(), self.date().month(), self.date().day())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.take_two_digit_year()
        self._moved_on = False
        self._typed_day = None
        super().focusOutEvent(event)

    def validate(self, text: str, pos: int) -> object:
        """Qt's check of a text put into the field; one Qt refuses that is a date as it is
        copied (pasted, dropped) becomes the field's date once Qt has put its text back."""
        checked = super().validate(text, pos)
        if checked[0] is QValidator.State.Invalid and (day := copied_date(text)) is not None:
            QTimer.singleShot(0, self, lambda: self._take_copied(day))
        return checked

    def _take_copied(self, day: date) -> None:
        self._typed_day = None
        self._take(day.year, day.month, day.day)

    def take_two_digit_year(self) -> None:
        """Where the text reads "1.1.27", the field's date becomes 01.01.2027 (if that is a
        date the field allows); any other text is left to Qt."""
        found = _TWO_DIGIT_YEAR.fullmatch(self.lineEdit().text())
        if found is not None:
            day, month, year = (int(part) for part in found.groups())
            self._take(full_year(year), month, day)

    def _take(self, year: int, month: int, day: int) -> None:
        """Show the date typed, with the day typed where the month has it in that year."""
        typed = QDate(year, month, self._typed_day or day)
        if not typed.isValid():
            typed = QDate(year, month, day)
        allowed = self.minimumDate() <= typed <= self.maximumDate()
        if typed.isValid() and allowed and typed != self.date():
            self.setDate(typed)


def date_edit(initial: date | None = None) -> DateEdit:
    """A date field "dd.MM.yyyy" with a calendar to pick from, showing ``initial``; it
    takes the mouse wheel only when focused (the wheel passing over it scrolls the form)."""
    edit = wheel_only_when_focused(DateEdit())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    if initial is not None:
        edit.setDate(QDate(initial))
    return edit
