"""What the window shows before a database is open: "wird geöffnet …", or why the database
cannot be opened, with "Erneut versuchen" (a server that was down, a network drive not yet
connected, a file another program held), for a file "Andere Datei öffnen …" and "Neue
Datenbank anlegen …", and for a damaged file "Sicherung wiederherstellen …"."""

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
        self._offers: dict[QPushButton, Callable[[], object] | None] = {}
        self.message_label = QLabel()
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setMargin(24)
        self.retry_button = QPushButton(tr(_CONTEXT, "Erneut versuchen"))
        self.retry_button.clicked.connect(self._try_again)
        self.open_button = QPushButton(tr(_CONTEXT, "Andere Datei öffnen …"))
        self.new_button = QPushButton(tr(_CONTEXT, "Neue Datenbank anlegen …"))
        self.restore_button = QPushButton(tr(_CONTEXT, "Sicherung wiederherstellen …"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.open_button, self.new_button, self.restore_button):
            button.clicked.connect(lambda _checked=False, button=button: self._offer(button))
            buttons.addWidget(button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.show_opening()

    def show_opening(self) -> None:
        self._retry = None
        self._offers = {}
        self.message_label.setText(tr(_CONTEXT, "Die Datenbank wird geöffnet …"))
        for button in (self.open_button, self.new_button, self.restore_button, self.retry_button):
            button.hide()

    def show_unusable(
        self,
        message: str,
        retry: Callable[[], object] | None,
        restore: Callable[[], object] | None = None,
        *,
        open_other: Callable[[], object] | None = None,
        create_new: Callable[[], object] | None = None,
    ) -> None:
        """Say why the database cannot be opened; ``retry`` opens it again, ``restore``
        offers to replace a damaged file by a backup, ``open_other`` and ``create_new``
        to choose another file or a new database instead."""
        self._retry = retry
        self._offers = {
            self.open_button: open_other,
            self.new_button: create_new,
            self.restore_button: restore,
        }
        self.message_label.setText(
            tr(_CONTEXT, "Die Datenbank kann nicht geöffnet werden.\n\n{}").format(message)
        )
        self.retry_button.setVisible(retry is not None)
        for button, offer in self._offers.items():
            button.setVisible(offer is not None)

    def _offer(self, button: QPushButton) -> None:
        offer = self._offers.get(button)
        if offer is not None:
            offer()

    def _try_again(self) -> None:
        retry = self._retry
        self.show_opening()
        self.message_label.repaint()  # the opening may take the server's connect timeout
        if retry is not None:
            retry()
