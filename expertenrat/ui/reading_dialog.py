"""A text to read (Hilfe → Erste Schritte, Tastenkürzel, Über Expertenrat) in a box that
fits the screen: the text scrolls where it is longer than the screen is high.

A message box grows with its text and never scrolls: at 200 % scaling with Windows' larger
text (a screen of 960 x 540 to Qt) "Erste Schritte" stood 930 pixels tall, its OK button
below the screen's edge (found by a tester).
"""

from __future__ import annotations

from math import ceil

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

_LINE_CHARACTERS = 60  # the text's width, in characters of the font, where the screen allows
_SCREEN_SHARE = 0.9  # the most of the screen's width and height the box takes


class ReadingDialog(QDialog):
    """``text`` (rich text) under ``title``, ``picture`` beside it, and an OK button."""

    def __init__(
        self, parent: QWidget, title: str, text: str, picture: QPixmap | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._text = text
        self.browser = QTextBrowser()
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        self.browser.viewport().setAutoFillBackground(False)
        self.browser.setHtml(text)
        self.browser.setAccessibleName(title)  # a screen reader names the text by its box
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        row = QHBoxLayout()
        if picture is not None:
            icon = QLabel()
            icon.setPixmap(picture)
            row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(self._fitting_size())
        self.ok_button.setFocus()

    def text(self) -> str:
        """The text as given (rich text)."""
        return self._text

    def _fitting_size(self) -> QSize:
        """The text at about 60 characters a line and as high as it is, within the screen."""
        room = self.screen().availableGeometry().size() * _SCREEN_SHARE
        around = self.sizeHint() - self.browser.sizeHint()
        document = self.browser.document()
        width = self.browser.fontMetrics().averageCharWidth() * _LINE_CHARACTERS
        document.setTextWidth(min(width, room.width() - around.width()))
        wanted = QSize(ceil(document.idealWidth()), ceil(document.size().height()))
        return (wanted + around).boundedTo(room)


def show_reading_text(
    parent: QWidget, title: str, text: str, picture: QPixmap | None = None
) -> ReadingDialog:
    """Open a :class:`ReadingDialog` that leaves the window usable and is gone once closed."""
    dialog = ReadingDialog(parent, title, text, picture)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
