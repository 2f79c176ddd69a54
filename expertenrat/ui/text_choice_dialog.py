"""Two versions of a text side by side, and the user chooses one (never by default).

Used when autosave meets a conflict (my text / the text another PC saved) and when the
recovery file has text the database lacks (recovered text / stored text). The dialog opens
with ``open()`` and reports the choice through its signals; closing it chooses nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from expertenrat.ui.dialog_parts import resize_within_screen


class TextChoiceDialog(QDialog):
    left_chosen = Signal()
    right_chosen = Signal()

    def __init__(
        self,
        parent: QWidget,
        title: str,
        intro: str,
        left: tuple[str, str, str],
        right: tuple[str, str, str],
    ) -> None:
        """``left`` and ``right``: (caption, text, button label)."""
        super().__init__(parent)
        self.setWindowTitle(title)
        resize_within_screen(self, 860, 480)
        intro_label = QLabel(intro)
        intro_label.setTextFormat(Qt.TextFormat.PlainText)
        intro_label.setWordWrap(True)
        layout = QGridLayout(self)
        layout.addWidget(intro_label, 0, 0, 1, 2)
        buttons = QDialogButtonBox()
        self.buttons: list[QPushButton] = []
        self.texts: list[QPlainTextEdit] = []
        for column, (caption, text, button_label) in enumerate((left, right)):
            heading = QLabel(caption)
            heading.setTextFormat(Qt.TextFormat.PlainText)
            heading.setWordWrap(True)
            view = QPlainTextEdit(text)
            view.setReadOnly(True)
            # A screen reader says which version it reads ("Ihre Fassung"); both boxes were
            # nameless, and the caption above them no label of theirs (found by a tester).
            view.setAccessibleName(caption)
            layout.addWidget(heading, 1, column)
            layout.addWidget(view, 2, column)
            button = buttons.addButton(button_label, QDialogButtonBox.ButtonRole.AcceptRole)
            button.setAutoDefault(False)
            self.buttons.append(button)
            self.texts.append(view)
        layout.addWidget(buttons, 3, 0, 1, 2)
        layout.setRowStretch(2, 1)
        self.buttons[0].clicked.connect(lambda: self._choose(self.left_chosen))
        self.buttons[1].clicked.connect(lambda: self._choose(self.right_chosen))

    def _choose(self, signal) -> None:
        signal.emit()
        self.accept()
