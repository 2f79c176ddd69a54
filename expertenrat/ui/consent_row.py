"""A consent checkbox with the date it was given or withdrawn, and the date field it uses."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from expertenrat.domain.field_limits import EARLIEST_DATE, LATEST_DATE
from expertenrat.ui import date_fields as dates
from expertenrat.ui.i18n import tr

_CONTEXT = "MemberForm"
# A QDateEdit cannot be empty: its minimum date, shown as "–", stands for "no date".
NO_DATE = QDate(EARLIEST_DATE)


def date_edit() -> QDateEdit:
    edit = dates.date_edit()
    edit.setMinimumDate(NO_DATE)
    edit.setMaximumDate(QDate(LATEST_DATE))
    return edit


class ConsentRow(QWidget):
    """A consent checkbox with the date it was given or withdrawn.

    Toggling sets the date to today; toggling back restores the date the member came with.
    """

    def __init__(self, text: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._original: tuple[bool, date | None] = (False, None)
        self.check = QCheckBox(text)
        self.date_label = QLabel()
        self.date_edit = date_edit()
        self.date_edit.setSpecialValueText("–")
        self.date_label.setBuddy(self.date_edit)  # names the date for a screen reader
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addSpacing(12)
        layout.addWidget(self.date_label)
        layout.addWidget(self.date_edit)
        layout.addStretch(1)
        self.check.toggled.connect(self._toggled)

    def set_value(self, given: bool, on: date | None) -> None:
        self._original = (given, on)
        with QSignalBlocker(self.check):
            self.check.setChecked(given)
        self._show_date(on)

    def value(self) -> tuple[bool, date | None]:
        chosen = self.date_edit.date()
        return self.check.isChecked(), None if chosen == NO_DATE else chosen.toPython()

    def _toggled(self, checked: bool) -> None:
        given, on = self._original
        self._show_date(on if checked == given else self._today)

    def _show_date(self, on: date | None) -> None:
        self.date_edit.setDate(NO_DATE if on is None else QDate(on))
        self.date_edit.setEnabled(on is not None)
        self.date_label.setEnabled(on is not None)
        withdrawn = on is not None and not self.check.isChecked()
        self.date_label.setText(
            tr(_CONTEXT, "widerrufen am") if withdrawn else tr(_CONTEXT, "erteilt am")
        )
