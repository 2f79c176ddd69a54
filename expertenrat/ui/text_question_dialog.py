"""The small dialog that asks for one line of text (``DialogService.ask_text``), and with
it, where asked, a choice from a list (``DialogService.ask_text_and_choice``: where an
urgent item goes in the agenda).

Not a QInputDialog: its field is a plain QLineEdit, which keeps a pasted line break (the
save then refused) and shows the end of a long text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from expertenrat.ui.dialog_parts import FORM_DIALOG_WIDTH, dialog_buttons
from expertenrat.ui.text_fields import LineEdit
from expertenrat.ui.widgets import FocusCombo


class TextQuestionDialog(QDialog):
    """``label`` above the field, which offers ``initial``; with ``choices``, a list
    labelled ``choice_label`` under it, ``chosen`` selected."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        label: str,
        initial: str,
        choice_label: str = "",
        choices: Sequence[str] = (),
        chosen: int = 0,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(FORM_DIALOG_WIDTH)
        caption = QLabel(label)
        caption.setWordWrap(True)
        self.editor = LineEdit(initial)
        caption.setBuddy(self.editor)  # names the field for a screen reader
        self.editor.setSelection(len(initial), -len(initial))  # typed over, its start shown
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.editor)
        self.choice_combo: FocusCombo | None = None
        if choices:
            self.choice_combo = FocusCombo()
            self.choice_combo.addItems(list(choices))
            self.choice_combo.setCurrentIndex(chosen)
            row = QFormLayout()
            row.addRow(choice_label, self.choice_combo)  # the label names it for a reader
            layout.addLayout(row)
        layout.addWidget(dialog_buttons(self))

    def chosen(self) -> int:
        return self.choice_combo.currentIndex() if self.choice_combo is not None else -1
