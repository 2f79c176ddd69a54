"""The widgets of an ordered list editor and where they sit: the numbered list (as high as
its rows: the page scrolls) with "Neu …", "Nach oben", "Nach unten" and "Löschen …" beside
it, the subclass's form below with its messages and the save button. The subclass builds
the form and moves records in and out of it (the hooks below);
:class:`~expertenrat.ui.ordered_list_editor.OrderedListEditor` adds the behaviour (the
view/controller split of the house style).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.i18n import tr
from expertenrat.ui.numbered_table_model import NumberedModel
from expertenrat.ui.record_table import empty_state_label
from expertenrat.ui.table_height import rows_list_view
from expertenrat.ui.table_model import Column

_CONTEXT = "OrderedListEditor"


class OrderedListEditorView(QGroupBox):
    """The list with buttons and the subclass's form below."""

    STRETCH_COLUMN = 1
    MOVABLE = True  # False: a list in an order of its own (by date), no "Nach oben"/"unten"

    def __init__(
        self,
        title: str,
        new_label: str,
        save_label: str,
        columns: tuple[Column, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.model = NumberedModel(columns, self)
        self.view = rows_list_view(self.model, self.STRETCH_COLUMN)  # the page scrolls
        # In place of the empty list, the subclass's hint (the list is as high as its rows:
        # a stack of the two would keep the higher one's height).
        self.empty_label = empty_state_label()
        self.empty_label.hide()
        self.new_button = QPushButton(new_label)
        self.up_button = QPushButton(tr(_CONTEXT, "Nach oben"))
        self.down_button = QPushButton(tr(_CONTEXT, "Nach unten"))
        self.delete_button = QPushButton(tr(_CONTEXT, "Löschen …"))
        self.save_button = QPushButton(save_label)
        form = QFormLayout()
        self.errors = FormErrors(form, collapsed=True)  # the rows evenly apart
        self.add_fields(self.errors)
        self._layout(form)

    # --- the subclass's form ------------------------------------------------------------

    def add_fields(self, errors: FormErrors) -> None:
        """Add the form's rows (``errors.add_row(label, field name, widget)``)."""
        raise NotImplementedError

    def show_record(self, record: Any) -> None:
        raise NotImplementedError

    def empty_hint(self) -> str:
        """Said in place of the empty list (what its records are for); "": the empty list."""
        return ""

    def clear_form(self) -> None:
        raise NotImplementedError

    def edited(self, selected: Any | None) -> Any:
        """The record in the form: ``selected`` changed, or a new one (``selected`` None)."""
        raise NotImplementedError

    # --- layout -----------------------------------------------------------------------

    def _layout(self, form: QFormLayout) -> None:
        buttons = QVBoxLayout()
        moves = (self.up_button, self.down_button)
        for button in (self.new_button, *moves, self.delete_button):
            buttons.addWidget(button)
        for button in () if self.MOVABLE else moves:
            button.hide()
        buttons.addStretch(1)
        top = QHBoxLayout()
        listed = QVBoxLayout()
        listed.addWidget(self.view)
        listed.addWidget(self.empty_label)
        top.addLayout(listed, 1)
        top.addLayout(buttons)
        # A message about the whole record beside the button, not a line of its own.
        save_row = QHBoxLayout()
        save_row.addWidget(self.errors.general, 1)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)
        column = QVBoxLayout(self)
        column.addLayout(top, 1)
        column.addLayout(form)

    def show_list_or_hint(self) -> None:
        """The list, or in its place while it is empty the subclass's hint."""
        hint = "" if self.model.rowCount() else self.empty_hint()
        self.empty_label.setText(hint)
        self.empty_label.setVisible(bool(hint))
        self.view.setHidden(bool(hint))
