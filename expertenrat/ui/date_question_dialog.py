"""The small dialog that asks for a day (``DialogService.ask_date``), and with it, where
asked, whom of several it is for (``DialogService.ask_date_and_checks``: to which of the
members who joined after an invitation it was sent on), each a check box, all checked
first; "OK" with none checked says so in the dialog and keeps it open. The question wraps:
it names a meeting by its title (up to 200 letters) and a member by her name."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QLabel, QWidget

from expertenrat.ui.date_fields import date_edit
from expertenrat.ui.dialog_parts import dialog_buttons
from expertenrat.ui.widgets import hint_label, wrapping_label


class DateQuestionDialog(QDialog):
    """``label`` beside the date, which offers ``initial``; ``hint``: a line under it for
    the date chosen ("" for none); ``checks``: the texts of the check boxes under it, and
    ``none_checked`` the message for "OK" with none of them checked."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        label: str,
        initial: date,
        hint: Callable[[date], str] | None = None,
        checks: Sequence[str] = (),
        none_checked: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.editor = date_edit(initial)
        layout = QFormLayout(self)
        prompt = wrapping_label(label)  # beside the date, its screen reader name
        prompt.setBuddy(self.editor)
        layout.addRow(prompt, self.editor)
        if hint is not None:
            # Under the question and the date, the dialog's whole width; the dialog grows to
            # show all of it (found by a tester: in the date's narrow column of a dialog that
            # kept its size, "Der 30.11.2026 liegt in der" was all of three lines to be seen).
            hint_line = hint_label(hint(initial))
            hint_line.setObjectName("date_hint")
            self.editor.dateChanged.connect(
                lambda day: self._show_hint(hint_line, hint(day.toPython()))
            )
            layout.addRow(hint_line)
        self.check_boxes = [QCheckBox(text) for text in checks]
        for box in self.check_boxes:
            box.setChecked(True)
            layout.addRow("", box)
        self._none_checked = none_checked
        self.error_label = wrapping_label(name="errorLabel")
        self.error_label.hide()
        layout.addRow(self.error_label)
        layout.addRow(dialog_buttons(self, on_accept=self._submit))

    def _show_hint(self, line: QLabel, text: str) -> None:
        line.setText(text)
        self.adjustSize()

    def day(self) -> date:
        return self.editor.date().toPython()

    def checked(self) -> tuple[int, ...]:
        """The indexes of the check boxes checked."""
        return tuple(i for i, box in enumerate(self.check_boxes) if box.isChecked())

    def _submit(self) -> None:
        if self.check_boxes and not self.checked():
            self.error_label.setText(self._none_checked)
            self.error_label.show()
            return
        self.accept()
