"""The frame of the register's step dialogs: a form, a German message under it and
"Abbrechen" / an accept button. The accept button hands ``value()`` to ``save``, which
stores the step or raises an :class:`ExpertenratError`; the dialog closes only on
success, a refusal stays in it as a message with what was typed (after a lost server the
accept button says "Erneut versuchen", see :mod:`expertenrat.ui.save_retry`).

The cursor starts in the first field (or in ``first_field``, where a subclass names the
field typed first) and Tab reaches the buttons last, as they are shown (the frame makes
them before a subclass adds its fields). Given a :class:`DialogService`
(:meth:`StepDialog.ask_before_discarding`), Abbrechen, Esc or closing the window ask before
typed input is thrown away, as the member and project dialogs do.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLayoutItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.errors import ExpertenratError
from expertenrat.ui.dialog_parts import name_choice_boxes
from expertenrat.ui.discard_check import DiscardCheck
from expertenrat.ui.form_errors import announce, message_label, set_message_kind
from expertenrat.ui.save_retry import SaveRetry

if TYPE_CHECKING:
    from expertenrat.ui.dialog_service import DialogService


class StepDialog(QDialog):
    def __init__(
        self, parent: QWidget, title: str, accept_text: str, save: Callable[[Any], None]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self._dialogs: DialogService | None = None
        self._discard: DiscardCheck | None = None  # made when first shown
        self._arranged = False
        self.first_field: QWidget | None = None  # where the cursor starts; None: the first
        self.form = QFormLayout()
        self.error_label = message_label()
        set_message_kind(self.error_label, warning=False)
        self._buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
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

    def ask_before_discarding(self, dialogs: DialogService) -> None:
        self._dialogs = dialogs

    def showEvent(self, event: QShowEvent) -> None:
        if not self._arranged:
            self._arranged = True
            self._discard = DiscardCheck(self, self._dialogs, self.value)
            self._fields_first()
            name_choice_boxes(self.form)  # the subclass has added its rows by now
        super().showEvent(event)

    def _fields_first(self) -> None:
        """Tab order: the form's inputs, then the buttons from left to right; the cursor in
        ``first_field``, else in the first input."""
        row = self._buttons.layout()  # the buttons in the order shown (it varies by platform)
        buttons = [
            widget
            for index in range(row.count())
            if isinstance(widget := row.itemAt(index).widget(), QPushButton)
        ]
        inputs = [
            widget
            for row in range(self.form.rowCount())
            for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole)
            for widget in _widgets_in(self.form.itemAt(row, role))
            if widget.window() is self  # not a combo's popup list
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
        ]
        chain = [*inputs, *buttons]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        if self.first_field is not None:
            self.first_field.setFocus()
        elif inputs:
            inputs[0].setFocus()

    def reject(self) -> None:
        if self._discard is None:  # never shown
            super().reject()
        else:
            self._discard.reject(super().reject)

    def submit(self) -> None:
        try:
            self._save(self.value())
        except ExpertenratError as error:
            self.error_label.setText(error.message)
            announce(self.error_label, error.message)
            self.retry.after(error)
            return
        self.accept()


def _widgets_in(item: QLayoutItem | None) -> list[QWidget]:
    """The widgets of a form's cell with those inside them, in the order they are shown."""
    if item is None:
        return []
    if (widget := item.widget()) is not None:
        return [widget, *widget.findChildren(QWidget)]
    if (layout := item.layout()) is not None:
        return [w for index in range(layout.count()) for w in _widgets_in(layout.itemAt(index))]
    return []
