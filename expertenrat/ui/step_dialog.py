"""The frame of the register's step dialogs: a form, a German message under it and
"Abbrechen" / an accept button. The accept button hands ``value()`` to ``save``, which
stores the step or raises an :class:`ExpertenratError`; the dialog closes only on
success, a refusal stays in it as a message with what was typed (after a lost server the
accept button says "Erneut versuchen", see :mod:`expertenrat.ui.save_retry`).
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

from expertenrat.domain.errors import ExpertenratError
from expertenrat.ui.form_errors import message_label, set_message_kind
from expertenrat.ui.save_retry import SaveRetry


class StepDialog(QDialog):
    def __init__(
        self, parent: QWidget, title: str, accept_text: str, save: Callable[[Any], None]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self.form = QFormLayout()
        self.error_label = message_label()
        set_message_kind(self.error_label, warning=False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.accept_button = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.retry = SaveRetry(self.accept_button)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def value(self) -> Any:
        raise NotImplementedError

    def submit(self) -> None:
        try:
            self._save(self.value())
        except ExpertenratError as error:
            self.error_label.setText(error.message)
            self.retry.after(error)
            return
        self.accept()


def date_edit(initial: date) -> QDateEdit:
    editor = QDateEdit(initial)
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("dd.MM.yyyy")
    return editor
