"""What the window shows before a database is open: "wird geöffnet …", or why the database
cannot be opened, with "Erneut versuchen" (a server that was down, a network drive not yet
connected, a file another program held) and, for a damaged file, "Sicherung
wiederherstellen …"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from expertenrat.ui.i18n import tr

_CONTEXT = "StartPage"


class StartPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._retry: Callable[[], object] | None = None
        self._restore: Callable[[], object] | None = None
        self.message_label = QLabel()
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setMargin(24)
        self.retry_button = QPushButton(tr(_CONTEXT, "Erneut versuchen"))
        self.retry_button.clicked.connect(self._try_again)
        self.restore_button = QPushButton(tr(_CONTEXT, "Sicherung wiederherstellen …"))
        self.restore_button.clicked.connect(lambda: self._restore and self._restore())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.show_opening()

    def show_opening(self) -> None:
        self._retry = self._restore = None
        self.message_label.setText(tr(_CONTEXT, "Die Datenbank wird geöffnet …"))
        self.retry_button.hide()
        self.restore_button.hide()

    def show_unusable(
        self,
        message: str,
        retry: Callable[[], object] | None,
        restore: Callable[[], object] | None = None,
    ) -> None:
        """Say why the database cannot be opened; ``retry`` opens it again, ``restore``
        offers to replace a damaged file by a backup."""
        self._retry, self._restore = retry, restore
        self.message_label.setText(
            tr(_CONTEXT, "Die Datenbank kann nicht geöffnet werden.\n\n{}").format(message)
        )
        self.retry_button.setVisible(retry is not None)
        self.restore_button.setVisible(restore is not None)

    def _try_again(self) -> None:
        retry = self._retry
        self.show_opening()
        self.message_label.repaint()  # the opening may take the server's connect timeout
        if retry is not None:
            retry()
