"""The frame of the register's step dialogs: a form, a German message under it and
"Abbrechen" / an accept button. The accept button hands ``value()`` to ``save``, which
returns "" when the step was stored, else the German refusal; the dialog closes only on
success, a refusal stays in it as a message.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from expertenrat.ui.form_errors import message_label, set_message_kind


class StepDialog(QDialog):
    def __init__(
        self, parent: QWidget, title: str, accept_text: str, save: Callable[[Any], str]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self.form = QFormLayout()
        self.error_label = message_label()
        set_message_kind(self.error_label, warning=False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.accept_button = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def value(self) -> Any:
        raise NotImplementedError

    def submit(self) -> None:
        problem = self._save(self.value())
        self.error_label.setText(problem)
        if not problem:
            self.accept()


def date_edit(initial: date) -> QDateEdit:
    editor = QDateEdit(initial)
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("dd.MM.yyyy")
    return editor
