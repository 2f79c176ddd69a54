"""The small dialog that asks which of several things to take (``DialogService.ask_checks``):
a question above a check box for each, all checked first, in a list that scrolls where
there are more than the window shows; "OK" with none checked says so in the dialog and
keeps it open. The texts are broken into lines, as a check box never wraps its own: a
title of 100 letters with its TOP and meeting made the dialog about 1,000 px wide, its
"OK" at or past the edge of a screen of 1024 px (found by review)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QDialog, QVBoxLayout, QWidget

from expertenrat.ui.dialog_parts import dialog_buttons
from expertenrat.ui.scroll_areas import up_down_scroll_area
from expertenrat.ui.widgets import broken_into_lines, wrapping_label


class ChecksQuestionDialog(QDialog):
    """``label`` above the check boxes ``checks``; ``none_checked``: the message for "OK"
    with none of them checked."""

    def __init__(
        self, parent: QWidget, title: str, label: str, checks: Sequence[str], none_checked: str
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapping_label(label))
        boxes = QWidget()
        boxes_layout = QVBoxLayout(boxes)
        self.check_boxes = []
        for text in checks:
            box = QCheckBox(broken_into_lines(text))
            box.setAccessibleName(text)  # read as one
            box.setChecked(True)
            boxes_layout.addWidget(box)
            self.check_boxes.append(box)
        boxes_layout.addStretch()
        layout.addWidget(up_down_scroll_area(boxes), 1)
        self._none_checked = none_checked
        self.error_label = wrapping_label(name="errorLabel")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        layout.addWidget(dialog_buttons(self, on_accept=self._submit))

    def checked(self) -> tuple[int, ...]:
        """The indexes of the check boxes checked."""
        return tuple(i for i, box in enumerate(self.check_boxes) if box.isChecked())

    def _submit(self) -> None:
        if not self.checked():
            self.error_label.setText(self._none_checked)
            self.error_label.show()
            return
        self.accept()
