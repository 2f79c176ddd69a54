"""What the window shows before a database is open: "wird geöffnet …", or why the database
cannot be opened, with "Erneut versuchen" (a server that was down, a network drive not yet
connected, a file another program held)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from expertenrat.ui.i18n import tr

_CONTEXT = "StartPage"


class StartPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._retry: Callable[[], object] | None = None
        self.message_label = QLabel()
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setMargin(24)
        self.retry_button = QPushButton(tr(_CONTEXT, "Erneut versuchen"))
        self.retry_button.clicked.connect(self._try_again)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.show_opening()

    def show_opening(self) -> None:
        self._retry = None
        self.message_label.setText(tr(_CONTEXT, "Die Datenbank wird geöffnet …"))
        self.retry_button.hide()

    def show_unusable(self, message: str, retry: Callable[[], object] | None) -> None:
        """Say why the database cannot be opened; ``retry`` opens it again."""
        self._retry = retry
        self.message_label.setText(
            tr(_CONTEXT, "Die Datenbank kann nicht geöffnet werden.\n\n{}").format(message)
        )
        self.retry_button.setVisible(retry is not None)

    def _try_again(self) -> None:
        retry = self._retry
        self.show_opening()
        self.message_label.repaint()  # the opening may take the server's connect timeout
        if retry is not None:
            retry()
